package org.junheng.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junheng.intake.IntakeFixtures.DISTRICT;
import static org.junheng.intake.IntakeFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junheng.contracts.CloudEventHeaders;
import org.junheng.contracts.Topics;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.infra.DevTokens;
import org.junheng.infra.JunhengInfraTestResource;
import org.junheng.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** The intake API against the real database and broker: events, concurrency, validation. */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
class IntakeApiTest {

    private static String newSchoolCode() {
        return "29" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static void register(String code, String name) {
        given().contentType(ContentType.JSON)
                .body(json(Map.of("schoolCode", code, "profile", IntakeFixtures.primaryProfile(name))))
                .post("/api/v1/districts/{d}/schools", DISTRICT)
                .then().statusCode(201).header("ETag", "\"1\"");
    }

    private static String statisticsPath(String code) {
        return "/api/v1/districts/" + DISTRICT + "/periods/2024/schools/" + code + "/statistics";
    }

    @Test
    void aSubmissionBecomesACloudEventOnTheSchoolDataTopic() {
        String code = newSchoolCode();
        register(code, "重庆市大渡口区钢花小学");
        given().contentType(ContentType.JSON)
                .body(json(Map.of("statistics", IntakeFixtures.primaryStatistics(1200, new BigDecimal("7800")))))
                .put(statisticsPath(code))
                .then().statusCode(201).header("ETag", "\"1\"").body("statistics.sections[0].pupils", equalTo(1200));

        List<ConsumerRecord<String, byte[]>> records = consume(Topics.SCHOOL_DATA, r -> r.key().equals(DISTRICT + "/" + code), 2);
        ConsumerRecord<String, byte[]> submitted = records.stream()
                .filter(r -> header(r, CloudEventHeaders.TYPE).endsWith("SchoolStatisticsSubmitted.v1")).findFirst().orElseThrow();
        assertEquals("org.junheng.school-data.SchoolStatisticsSubmitted.v1", header(submitted, CloudEventHeaders.TYPE));
        assertEquals("/junheng/school-intake", header(submitted, CloudEventHeaders.SOURCE));
        assertEquals(DISTRICT, header(submitted, CloudEventHeaders.DISTRICT));
        assertEquals("1.0", header(submitted, CloudEventHeaders.SPEC_VERSION));
        var payload = PublishedEvents.read(new String(submitted.value(), StandardCharsets.UTF_8),
                SchoolStatisticsEvent.SchoolStatisticsSubmitted.class);
        assertEquals(1200, payload.statistics().sections().get(0).pupils());
        assertEquals(code, payload.schoolCode());
        assertTrue(records.stream().anyMatch(r -> header(r, CloudEventHeaders.TYPE).endsWith("SchoolRegistered.v1")));
    }

    @Test
    void aCorrectionNeedsIfMatchAndAReasonAndKeepsTheHistory() {
        String code = newSchoolCode();
        register(code, "重庆市大渡口区新工小学");
        String first = json(Map.of("statistics", IntakeFixtures.primaryStatistics(900, new BigDecimal("5000"))));
        given().contentType(ContentType.JSON).body(first).put(statisticsPath(code)).then().statusCode(201);
        // the same submission again changes nothing
        given().contentType(ContentType.JSON).body(first).put(statisticsPath(code))
                .then().statusCode(200).header("ETag", "\"1\"");

        String corrected = json(Map.of("statistics", IntakeFixtures.primaryStatistics(900, new BigDecimal("7000")),
                "reason", "运动场地面积漏报了新建操场 (new ground was left out)"));
        given().contentType(ContentType.JSON).body(corrected).put(statisticsPath(code))
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://junheng.org/problems/statistics-already-submitted"));
        given().contentType(ContentType.JSON).body(json(Map.of("statistics",
                        IntakeFixtures.primaryStatistics(900, new BigDecimal("7000")))))
                .header("If-Match", "\"1\"").put(statisticsPath(code))
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(corrected).header("If-Match", "\"1\"")
                .header("Authorization", "Bearer " + DevTokens.forActor("li.na;school;" + code))
                .put(statisticsPath(code)).then().statusCode(200).header("ETag", "\"2\"");

        given().get(statisticsPath(code) + "/history").then().statusCode(200)
                .body("$", hasSize(2))
                .body("[1].type", equalTo("SchoolStatisticsCorrected.v1"))
                .body("[1].payload.reason", containsString("新建操场"))
                .body("[1].actor.subject", equalTo("li.na"));
        given().get("/api/v1/districts/{d}/schools/{c}/history", DISTRICT, code).then().statusCode(200)
                .body("type", equalTo(List.of("SchoolRegistered.v1", "SchoolStatisticsSubmitted.v1",
                        "SchoolStatisticsCorrected.v1")));

        // the school reads its own; another school of the district and a foreign supervisor find nothing there
        String own = "Bearer " + DevTokens.forActor("li.na;school;" + code);
        String neighbour = "Bearer " + DevTokens.forActor("wang.fang;school;2150000001");
        String foreign = "Bearer " + DevTokens.token("u-far", "u-far", "supervisor", List.of("500199"), null,
                Duration.ofMinutes(5));
        given().header("Authorization", own).get(statisticsPath(code)).then().statusCode(200);
        for (String path : List.of(statisticsPath(code), statisticsPath(code) + "/history",
                "/api/v1/districts/" + DISTRICT + "/schools/" + code + "/history")) {
            given().header("Authorization", neighbour).get(path).then().statusCode(404);
            given().header("Authorization", foreign).get(path).then().statusCode(404);
        }
    }

    @Test
    void concurrentCorrectionsWithTheSameIfMatchOneWinsTheRestGet412() throws Exception {
        String code = newSchoolCode();
        register(code, "重庆市大渡口区育才小学");
        given().contentType(ContentType.JSON)
                .body(json(Map.of("statistics", IntakeFixtures.primaryStatistics(800, new BigDecimal("6000")))))
                .put(statisticsPath(code)).then().statusCode(201);

        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Callable<Integer>> corrections = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            BigDecimal ground = new BigDecimal(6100 + i * 10);
            corrections.add(() -> given().contentType(ContentType.JSON)
                    .body(json(Map.of("statistics", IntakeFixtures.primaryStatistics(800, ground), "reason", "复核")))
                    .header("If-Match", "\"1\"").put(statisticsPath(code)).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(corrections)) {
            statuses.add(status.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(writers - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        given().get(statisticsPath(code)).then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void impossibleFiguresAreRejectedFieldByFieldAndNothingIsStored() {
        String code = newSchoolCode();
        register(code, "重庆市大渡口区茄子溪小学");
        String body = json(Map.of("statistics", IntakeFixtures.primaryStatistics(600, new BigDecimal("4000"))))
                .replace("\"certified\":64", "\"certified\":99")
                .replace("\"inCatchmentPupils\":580", "\"inCatchmentPupils\":700")
                .replace("\"section\":\"P\"", "\"section\":\"J\"");
        given().contentType(ContentType.JSON).body(body).put(statisticsPath(code))
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", containsString("invalid input"))
                .body("errors.field", hasItems("sections[J].teachers.certified", "sections[J].inCatchmentPupils",
                        "sections[J]"))
                .body("errors.field", not(hasItem("sections[P]")));
        given().get(statisticsPath(code)).then().statusCode(404);
    }

    @Test
    void aUnitSlipIsAWarningToConfirm() {
        String code = newSchoolCode();
        register(code, "重庆市大渡口区跃进村小学");
        // 0.62 "万 m²" of teaching area for 900 pupils
        String slipped = json(Map.of("statistics", IntakeFixtures.primaryStatistics(900, new BigDecimal("5000"))))
                .replace("\"teachingAndAuxiliaryArea\":6200.50", "\"teachingAndAuxiliaryArea\":0.62")
                .replace("\"indoorSportsArea\":600", "\"indoorSportsArea\":0.06");
        given().contentType(ContentType.JSON).body(slipped).put(statisticsPath(code))
                .then().statusCode(422).body("errors[0].level", equalTo("warning"))
                .body("errors[0].reason", containsString("万"));
        String confirmed = slipped.replaceFirst("\\{", "{\"acceptWarnings\":true,");
        given().contentType(ContentType.JSON).body(confirmed).put(statisticsPath(code)).then().statusCode(201);
    }

    @Test
    void badRequestsGetProblemBodiesNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"statistics\": {\"sections\": [{\"pupils\": \"many\"}]}}")
                .put(statisticsPath("2100000001")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("statistics.sections[0].pupils"));
        given().contentType(ContentType.JSON).body("{not json").put(statisticsPath("2100000001"))
                .then().statusCode(400).body("type", equalTo("https://junheng.org/problems/unreadable-body"));
        given().contentType(ContentType.JSON).body(json(Map.of("statistics", IntakeFixtures.primaryStatistics(600, BigDecimal.TEN))))
                .put(statisticsPath("2199999999")).then().statusCode(404)
                .body("type", equalTo("https://junheng.org/problems/school-not-found"));
        given().get("/api/v1/districts/5001/schools").then().statusCode(400).body("errors[0].field", equalTo("district"));
        given().contentType(ContentType.JSON)
                .body(json(Map.of("profile", IntakeFixtures.primaryProfile("不存在的学校"))))
                .header("If-Match", "\"1\"").put("/api/v1/districts/500104/schools/2100000001")
                .then().statusCode(404).body("type", equalTo("https://junheng.org/problems/school-not-found"));
        given().contentType(ContentType.JSON).body("{}")
                .put("/api/v1/districts/500104/schools/2100000001").then().statusCode(428);
    }

    @Test
    void randomMalformedBodiesNeverCauseAServerError() {
        String code = newSchoolCode();
        register(code, "重庆市大渡口区随机小学");
        String valid = json(Map.of("statistics", IntakeFixtures.primaryStatistics(700, new BigDecimal("5200"))));
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        List<String> junk = List.of("null", "-1", "1e309", "\"\"", "[]", "{}", "\"大渡口\"", "true", "99999999999999999999",
                "-0.001", "[1,2]", "{\"a\":1}", "\"\\u0000\"");
        for (int i = 0; i < 150; i++) {
            String body = valid;
            // replace one value after a random key with junk
            int colon = nthColon(body, 1 + random.nextInt(40));
            if (colon > 0) {
                int end = valueEnd(body, colon + 1);
                body = body.substring(0, colon + 1) + junk.get(random.nextInt(junk.size())) + body.substring(end);
            }
            if (i % 10 == 0) {
                body = body.substring(0, random.nextInt(body.length()));
            }
            int status = given().contentType(ContentType.JSON).body(body).put(statisticsPath(code)).statusCode();
            assertTrue(status < 500, "status " + status + " for " + body + " (seed " + seed + ")");
        }
    }

    private static int nthColon(String body, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = body.indexOf(':', at + 1);
            if (at < 0) {
                return -1;
            }
        }
        return at;
    }

    private static int valueEnd(String body, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return body.length();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    static List<ConsumerRecord<String, byte[]>> consume(String topic,
                                                        java.util.function.Predicate<ConsumerRecord<String, byte[]>> wanted,
                                                        int count) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "intake-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key() != null && wanted.test(r)) {
                        found.add(r);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }
}
