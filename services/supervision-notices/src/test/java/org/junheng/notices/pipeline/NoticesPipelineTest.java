package org.junheng.notices.pipeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junheng.contracts.Department;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Person;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;
import org.junheng.contracts.Topics;
import org.junheng.contracts.evaluation.EvaluationEvent.EvaluationCompleted;
import org.junheng.contracts.evaluation.FindingEvent.FindingRaised;
import org.junheng.contracts.evaluation.FindingEvent.FindingResolved;
import org.junheng.contracts.evaluation.ResolutionBasis;
import org.junheng.contracts.rectification.ClosureReason;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.contracts.rectification.VerificationMethod;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.FeedPosition;
import org.junheng.eventsourcing.NewEvent;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.projection.ProjectionRunner;
import org.junheng.eventsourcing.published.CatalogRouter;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.eventsourcing.relay.CloudEventRecords;
import org.junheng.eventsourcing.relay.OutboxRelay;
import org.junheng.infra.DevTokens;
import org.junheng.infra.JunhengInfraTestResource;
import org.junheng.infra.TestInfrastructure;
import org.junheng.notices.infra.NoticeWorkers;
import org.junit.jupiter.api.Test;

/** One finding's life on the real broker: notices once each, on Kafka, SSE with resume, acknowledgement, timeline. */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
class NoticesPipelineTest {

    static final String DISTRICT = "500104";
    static final Department JW = new Department("jw", "区教委");
    static final Department CZ = new Department("cz", "区财政局");
    static final Person HEAD = new Person("u-jw-17", "李明");
    static final Person SUPERVISOR = new Person("u-ddr-03", "王督学");

    @TestHTTPResource("/api/v1/notices/stream")
    URL stream;

    @Inject
    NoticeWorkers workers;

    @Inject
    Pool pool;

    @Test
    void aFindingsLifeGivesEachNoticeOnceOnKafkaAndSseAndItsTimelineInOrder() throws Exception {
        UUID finding = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        Subject school = Subject.schoolSection("2150611199", "重庆市大渡口区育才小学", Section.P);
        List<PublishedEvent> first = List.of(
                new FindingRaised(finding, DISTRICT, 2024, school, IndicatorCode.RA7, new BigDecimal("2.1374"),
                        new BigDecimal("2.3"), "还需网络多媒体教室 3 间", Severity.UNMET_SCHOOL_STILL_PASSES, "CN-2017"),
                new EvaluationCompleted(DISTRICT, 2024, "CN-2017", 35, 0, List.of(finding), List.of(), List.of(), 19,
                        false),
                new TaskEvent.TaskOpened(task, DISTRICT, finding, 2024, school, IndicatorCode.RA7,
                        Severity.UNMET_SCHOOL_STILL_PASSES, "重庆市大渡口区育才小学小学每百名学生拥有网络多媒体教室数未达标",
                        "还需网络多媒体教室 3 间", JW, List.of(CZ), LocalDate.of(2025, 2, 26)));
        publish(first, 2); // every message twice

        // the department's stream: its task notice; the subscriber then goes away
        List<String> firstIds = new ArrayList<>();
        readStream("audience=DEPARTMENT/jw", null, 1, firstIds);
        assertEquals(1, firstIds.size());

        List<PublishedEvent> rest = List.of(
                new TaskEvent.TaskAssigned(task, DISTRICT, finding, JW, HEAD),
                new TaskEvent.SubmittedForVerification(task, DISTRICT, finding, 1, "已建成3间", HEAD),
                new TaskEvent.TaskRejected(task, DISTRICT, finding, 1, "仅2间投入使用", SUPERVISOR),
                new TaskEvent.SubmittedForVerification(task, DISTRICT, finding, 2, "3间均已使用", HEAD),
                new FindingResolved(finding, DISTRICT, 2024, school, IndicatorCode.RA7, ResolutionBasis.DATA,
                        new BigDecimal("2.38"), new BigDecimal("2.3"), "CN-2017"),
                new TaskEvent.TaskVerified(task, DISTRICT, finding, VerificationMethod.DATA, null, "数据复核达标"),
                new TaskEvent.TaskClosed(task, DISTRICT, finding, ClosureReason.RECTIFIED, "数据复核达标"));
        publish(rest, 2);

        // digest, task to jw, task to cz (co-responsible), 2 × submitted, rejected, verified, closed to jw, cz and
        // the school
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/notices?district=" + DISTRICT)
                .jsonPath().getList("$").size() >= 10);
        var all = given().get("/api/v1/notices?district=" + DISTRICT).jsonPath();
        assertEquals(10, all.getList("$").size(), all.prettify());
        // two topics, two consumers: the digest may come before or after the task notices
        assertEquals(List.of("FINDINGS_DIGEST", "TASK_ASSIGNED", "TASK_ASSIGNED", "TASK_CLOSED", "TASK_CLOSED",
                        "TASK_CLOSED", "VERIFICATION_REQUESTED", "VERIFICATION_REQUESTED", "VERIFICATION_RESULT",
                        "VERIFICATION_RESULT"),
                all.getList("notice.kind", String.class).stream().sorted().toList());
        assertEquals(List.of("DEPARTMENT/cz", "DEPARTMENT/jw", "SCHOOL/" + school.schoolCode()),
                all.getList("findAll { it.notice.kind == 'TASK_CLOSED' }.notice.audience", java.util.Map.class)
                        .stream().map(a -> a.get("kind") + "/" + a.get("code")).sorted().toList());

        // the department reconnects with Last-Event-ID: exactly what it missed (rejected, verified, closed), nothing
        // twice
        List<String> resumed = new ArrayList<>();
        List<String> kinds = readStream("audience=DEPARTMENT/jw", firstIds.get(0), 3, resumed);
        assertEquals(List.of("VERIFICATION_RESULT", "VERIFICATION_RESULT", "TASK_CLOSED"), kinds);
        assertTrue(resumed.stream().noneMatch(firstIds::contains));

        // on Kafka, once each
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().startsWith(DISTRICT + "/")) { // other tests' districts share the topic
                        records.add(record);
                    }
                });
                return records.size() >= 10;
            });
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (record.key().startsWith(DISTRICT + "/")) {
                    records.add(record);
                }
            });
            assertEquals(10, records.size());
            assertEquals("500104/DEPARTMENT/jw", records.stream().filter(r -> r.key().endsWith("/jw")).findFirst()
                    .orElseThrow().key());
        }

        // acknowledgement, once
        String noticeId = all.getString("find { it.notice.kind == 'TASK_ASSIGNED' && it.notice.audience.code == 'jw' }"
                + ".noticeId");
        given().contentType("application/json").header("Authorization", "Bearer " + DevTokens.forActor("u-jw-17;department;jw", "李明")).body("{\"comment\": \"已收到\"}")
                .post("/api/v1/notices/" + noticeId + "/ack").then().statusCode(200)
                .body("acknowledgedBy.name", equalTo("李明"));
        given().contentType("application/json").body("{}").post("/api/v1/notices/" + noticeId + "/ack").then()
                .statusCode(409).body("type", equalTo("https://junheng.org/problems/already-acknowledged"));

        // a district-wide notice is signed by the office or a leader, not by any one department for everyone
        String districtWide = given().contentType("application/json").body("{\"district\": \"" + DISTRICT
                + "\", \"audience\": {\"kind\": \"DISTRICT\"}, \"kind\": \"REMINDER\", \"severity\": \"INFO\","
                + " \"title\": \"全区提醒\", \"body\": \"请核对\"}").post("/api/v1/notices").then().statusCode(200)
                .extract().jsonPath().getString("noticeId");
        given().contentType("application/json").header("Authorization", "Bearer "
                        + DevTokens.forActor("u-jw-17;department;jw")).body("{}")
                .post("/api/v1/notices/" + districtWide + "/ack").then().statusCode(404);
        given().contentType("application/json").header("Authorization", "Bearer "
                        + DevTokens.forActor("u-ddr-03;supervisor;")).body("{}")
                .post("/api/v1/notices/" + districtWide + "/ack").then().statusCode(200);

        // the finding's timeline: every step from both services in order, then printable
        var timeline = given().get("/api/v1/findings/" + finding + "/timeline").then().statusCode(200)
                .extract().jsonPath();
        List<String> steps = timeline.getList("findAll { it.source != 'supervision-notices' }.eventType");
        assertEquals(List.of("FindingRaised.v1", "TaskOpened.v1", "TaskAssigned.v1", "SubmittedForVerification.v1",
                "TaskRejected.v1", "SubmittedForVerification.v1", "FindingResolved.v1", "TaskVerified.v1",
                "TaskClosed.v1"), steps);
        assertTrue(timeline.getList("eventType").contains("NoticeIssued.v1"));
        // the same story as rows in words, for the console's task page
        var rows = given().get("/api/v1/findings/" + finding + "/timeline/steps").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(rows.getList("step").contains("核验不通过"), rows.prettify());
        assertTrue(rows.getList("content").contains("退回原因：仅2间投入使用"), rows.prettify());
        assertTrue(rows.getList("person").stream().anyMatch(p -> String.valueOf(p).startsWith("王督学")),
                rows.prettify());
        assertTrue(!rows.prettify().contains("TaskRejected") && !rows.prettify().contains("u-test"), rows.prettify());
        var page = given().get("/api/v1/findings/" + finding + "/timeline.html").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/html")).extract();
        String html = page.asString();
        org.junheng.infra.TestDocuments.keep("timeline.html", page.asByteArray());
        assertTrue(html.contains("问题全过程记录") && html.contains("退回原因：仅2间投入使用")
                && html.contains("核验不通过") && html.contains("王督学") && html.contains("李明"), html);
        assertTrue(!html.contains("TaskRejected") && !html.contains("u-test"), html);
        // one policy, the page's own: the API's default-src 'none' would strip its table borders when printed
        assertEquals(List.of(org.junheng.notices.timeline.TimelineDocument.CONTENT_SECURITY_POLICY),
                page.headers().getValues("Content-Security-Policy"));

        // a bulletin (通报) ranks the departments from the task board; issuing the same issue again changes nothing
        var bulletin = given().contentType("application/json").header("Authorization", "Bearer " + DevTokens.forActor("u-ddr-03;supervisor;"))
                .body("{\"issueLabel\": \"2025年第1期\", \"documentNumber\": \"大渡口教督〔2025〕1号\"}")
                .post("/api/v1/districts/" + DISTRICT + "/bulletins").then().statusCode(201).extract().jsonPath();
        assertEquals("BULLETIN", bulletin.getString("kind"));
        assertTrue(bulletin.getString("body").contains("区教委"), bulletin.getString("body"));
        given().contentType("application/json").body("{\"issueLabel\": \"2025年第1期\"}")
                .post("/api/v1/districts/" + DISTRICT + "/bulletins").then().statusCode(201)
                .body("noticeId", equalTo(bulletin.getString("noticeId")));
        await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/api/v1/districts/" + DISTRICT
                + "/bulletins").jsonPath().getList("$").size() == 1);
        // as a 公文: masthead, 文号, title, 主送, body, 印发 line, opened with POI
        byte[] docx = given().get("/api/v1/districts/" + DISTRICT + "/bulletins/" + bulletin.getString("noticeId")
                + ".docx").then().statusCode(200).contentType(org.junheng.service.documents.WordDocument.MEDIA_TYPE)
                .extract().asByteArray();
        org.junheng.infra.TestDocuments.keep("bulletin.docx", docx);
        String text;
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
             var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
            text = extractor.getText();
            assertEquals("C00000", document.getParagraphs().get(0).getRuns().get(0).getColor(), "a red masthead");
        }
        for (String expected : List.of("重庆市大渡口区人民政府教育督导室", "大渡口教督〔2025〕1号",
                "整改任务进展情况通报（2025年第1期）", "各成员单位", "区教委", "印发", "数据截至")) {
            assertTrue(text.contains(expected), expected + " missing from " + text);
        }
        given().get("/api/v1/districts/500105/bulletins/" + bulletin.getString("noticeId") + ".docx").then()
                .statusCode(404);
        given().get("/api/v1/districts/" + DISTRICT + "/bulletins/nope.docx").then().statusCode(400);
        given().contentType("application/json").body("{}").post("/api/v1/districts/" + DISTRICT + "/bulletins")
                .then().statusCode(400).body("errors[0].field", equalTo("issueLabel"));

        // replaying the log gives the same notice list, numbers included
        ProjectionRunner notices = workers.notices();
        await().atMost(Duration.ofSeconds(10)).until(() -> notices.catchUp().await().indefinitely() == 0);
        var live = notices.checksum().await().indefinitely();
        notices.rebuild().await().indefinitely();
        assertEquals(live, notices.checksum().await().indefinitely());
    }

    @Test
    void manySubscribersEachReceiveANoticeOnce() throws Exception {
        int subscribers = 150;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(subscribers);
        try {
            var started = new java.util.concurrent.CountDownLatch(subscribers);
            List<java.util.concurrent.Future<List<String>>> streams = new ArrayList<>();
            HttpClient client = HttpClient.newHttpClient(); // its own threads: those of the pool all read streams
            for (int i = 0; i < subscribers; i++) {
                streams.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(URI.create(stream
                                        + "?district=500166&audience=SUPERVISION_OFFICE"))
                                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + DevTokens.admin())
                                .timeout(Duration.ofSeconds(60)).build(),
                                HttpResponse.BodyHandlers.ofLines());
                        started.countDown();
                        List<String> ids = new ArrayList<>();
                        try (Stream<String> lines = response.body()) {
                            Iterator<String> it = lines.iterator();
                            while (ids.isEmpty() && it.hasNext()) {
                                String line = it.next();
                                if (line.startsWith("id:")) {
                                    ids.add(line.substring(3).trim());
                                }
                            }
                        }
                        return ids;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            assertTrue(started.await(60, java.util.concurrent.TimeUnit.SECONDS), "all subscribers connected");
            given().contentType("application/json").body("{\"district\": \"500166\", \"audience\": {\"kind\":"
                    + " \"SUPERVISION_OFFICE\"}, \"kind\": \"REMINDER\", \"severity\": \"INFO\", \"title\":"
                    + " \"通报\", \"body\": \"全区整改进展\"}").post("/api/v1/notices").then().statusCode(200);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (var future : streams) {
                List<String> ids = future.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(1, ids.size());
                seen.addAll(ids);
            }
            assertEquals(1, seen.size(), "every subscriber got the same notice id");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The live feed filters one shared batch per stream in Java ({@code Scope.admits}); catch-up and lists filter in
     * SQL ({@code NoticeQueries.after}). For every scope the two must choose the same notices.
     */
    @Test
    void theSharedBatchAdmitsWhatEachScopeReadsFromTheDatabase() {
        String district = "500177";
        UUID finding = UUID.randomUUID();
        List<String> audiences = List.of("{\"kind\": \"DISTRICT\"}", "{\"kind\": \"SUPERVISION_OFFICE\"}",
                "{\"kind\": \"DEPARTMENT\", \"code\": \"jw\"}", "{\"kind\": \"DEPARTMENT\", \"code\": \"cz\"}",
                "{\"kind\": \"SCHOOL\", \"code\": \"2150611199\"}");
        for (String audience : audiences) {
            for (String kind : List.of("REMINDER", "SUPERVISION_ORDER")) {
                given().contentType("application/json").body("{\"district\": \"" + district + "\", \"audience\": "
                        + audience + ", \"kind\": \"" + kind + "\", \"severity\": \"INFO\", \"title\": \"通报\","
                        + " \"body\": \"全区整改进展\", \"findingIds\": [\"" + finding + "\"]}")
                        .post("/api/v1/notices").then().statusCode(200);
            }
        }
        given().contentType("application/json").body("{\"district\": \"500178\", \"audience\": {\"kind\":"
                + " \"DISTRICT\"}, \"kind\": \"REMINDER\", \"severity\": \"INFO\", \"title\": \"通报\","
                + " \"body\": \"另一区\"}").post("/api/v1/notices").then().statusCode(200);
        // an issued notice reaches the notices table through the log's projection: wait for all ten
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                        "select count(*) as n from notices where $1 = any(finding_ids)").execute(Tuple.of(finding))
                .await().indefinitely().iterator().next().getLong("n") == 10);
        org.junheng.notices.issuing.NoticeQueries queries = io.quarkus.arc.Arc.container()
                .instance(org.junheng.notices.issuing.NoticeQueries.class).get();
        long max = pool.query("select max(seq) as max from notices").execute().await().indefinitely().iterator().next()
                .getLong("max");
        List<org.junheng.notices.issuing.NoticeQueries.Published> batch = queries.between(0, max).await().indefinitely();
        int compared = 0;
        for (String kind : java.util.Arrays.asList(null, "REMINDER", "SUPERVISION_ORDER")) {
            for (String[] audience : List.of(new String[] {null, null}, new String[] {"DISTRICT", null},
                    new String[] {"SUPERVISION_OFFICE", null}, new String[] {"DEPARTMENT", "jw"},
                    new String[] {"DEPARTMENT", null}, new String[] {"SCHOOL", "2150611199"})) {
                for (UUID about : java.util.Arrays.asList(null, finding)) {
                    for (boolean districtWide : List.of(false, true)) {
                        var scope = new org.junheng.notices.issuing.NoticeQueries.Scope(district, audience[0],
                                audience[1], kind, about, districtWide);
                        List<Long> fromDatabase = queries.after(scope, 0, 1000).await().indefinitely().stream()
                                .map(org.junheng.notices.issuing.NoticeQueries.NoticeView::seq).toList();
                        List<Long> fromBatch = batch.stream().filter(scope::admits).map(n -> n.view().seq()).toList();
                        assertEquals(fromDatabase, fromBatch, scope.toString());
                        compared += fromDatabase.size();
                    }
                }
            }
        }
        assertTrue(compared > 100, "the scopes chose notices to compare: " + compared);
    }

    @Test
    void badRequestsAreProblems() {
        given().get("/api/v1/notices").then().statusCode(400).body("errors[0].field", equalTo("district"));
        given().get("/api/v1/notices?district=500104&audience=NOBODY").then().statusCode(400)
                .body("errors[0].field", equalTo("audience"));
        given().get("/api/v1/notices?district=500104&kind=GOSSIP").then().statusCode(400);
        given().contentType("application/json").body("{\"district\": \"500104\", \"audience\": {\"kind\":"
                + " \"DISTRICT\"}, \"kind\": \"BULLETIN\", \"severity\": \"INFO\", \"title\": \"通报\", \"body\":"
                + " \"x\"}").post("/api/v1/notices").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().get("/api/v1/notices?district=500104&after=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        given().get("/api/v1/notices?district=500104&limit=lots").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().contentType("application/json").body("{}").post("/api/v1/notices/" + UUID.randomUUID() + "/ack")
                .then().statusCode(404);
        given().get("/api/v1/findings/" + UUID.randomUUID() + "/timeline").then().statusCode(404);
        given().contentType("application/json").body("{\"district\": \"500104\"}").post("/api/v1/notices").then()
                .statusCode(400).body("errors[0].field", equalTo("audience"));
    }

    /** Reads {@code count} notices from the SSE stream, then hangs up; returns their kinds, collects their ids. */
    private List<String> readStream(String query, String lastEventId, int count, List<String> ids) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stream + "?district=" + DISTRICT + "&" + query))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + DevTokens.admin())
                .timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        List<String> kinds = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (kinds.size() < count && it.hasNext()) {
                String line = it.next();
                if (line.startsWith("id:")) {
                    ids.add(line.substring(3).trim());
                } else if (line.startsWith("event:")) {
                    kinds.add(line.substring(6).trim());
                }
            }
        }
        return kinds;
    }

    private static void publish(List<PublishedEvent> events, int copies) throws Exception {
        try (Producer<String, byte[]> producer = OutboxRelay.producer(
                TestInfrastructure.shared().kafkaBootstrapServers(), Map.of())) {
            Instant first = Instant.now();
            for (int n = 0; n < events.size(); n++) {
                PublishedEvent event = events.get(n);
                NewEvent newEvent = PublishedEvents.toNewEvent(event, new EventMetadata(null, "test", null,
                        new EventMetadata.Actor("u-test", "test", null), null, null, null));
                StoredEvent stored = new StoredEvent(new FeedPosition(1, 1), "test", "Test", 1, newEvent.eventId(),
                        newEvent.eventType(), newEvent.payloadJson(), newEvent.metadata(),
                        first.plusMillis(n)); // distinct event times, as the events of one history have
                var route = new CatalogRouter().route(stored);
                for (int i = 0; i < copies; i++) {
                    producer.send(CloudEventRecords.toRecord(stored, route, URI.create("/junheng/test"))).get();
                }
            }
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "notices-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.NOTICES));
        return consumer;
    }
}
