package org.junheng.evaluation.pipeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junheng.contracts.CloudEventHeaders;
import org.junheng.contracts.SubjectLevel;
import org.junheng.contracts.Topics;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent.SchoolStatisticsCorrected;
import org.junheng.contracts.schooldata.SectionStatistics;
import org.junheng.evaluation.SchoolDataPublisher;
import org.junheng.evaluation.engine.DistrictEvaluation;
import org.junheng.evaluation.engine.DistrictInputs;
import org.junheng.evaluation.engine.Evaluator;
import org.junheng.evaluation.engine.ItemResult;
import org.junheng.evaluation.engine.SampleDistrict;
import org.junheng.evaluation.engine.SchoolInput;
import org.junheng.evaluation.infra.EvaluationWorkers;
import org.junheng.evaluation.ledger.LedgerWorkbook;
import org.junheng.evaluation.standard.StandardCatalog;
import org.junheng.eventsourcing.projection.ProjectionRunner;
import org.junheng.infra.JunhengInfraTestResource;
import org.junheng.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The Dadukou sample through the real pipeline: school-data on the broker → inbox → evaluation runner → log → topic
 * and ledger projection → REST. Expectations come from the pure engine, itself checked against the sample's expected
 * summary.
 */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
class EvaluationPipelineTest {

    static final String DISTRICT = SampleDistrict.DISTRICT;
    static final int PERIOD = SampleDistrict.PERIOD;
    static final String BASE = "/api/v1/districts/" + DISTRICT + "/periods/" + PERIOD;
    /** 钢花小学: its 38 pupils from outside the catchment are why the county's GG13 (a county ratio) is unmet. */
    static final String GANGHUA = "2150473309";

    @Inject
    Pool pool;

    @Inject
    EvaluationWorkers workers;

    @Test
    @SuppressWarnings("unchecked")
    void sampleDistrictGivesLedgersFindingsAndReadinessAndACorrectionResolvesExactlyItsFindings() throws Exception {
        DistrictInputs inputs = SampleDistrict.inputs();
        DistrictEvaluation expected = Evaluator.evaluate(StandardCatalog.national(), inputs);
        Set<UUID> expectedFindings = expected.unmetItems().stream().map(ItemResult::findingId)
                .collect(Collectors.toSet());
        assertEquals(19, expectedFindings.size(), "the sample's expected summary has 19 unmet items");

        try (SchoolDataPublisher publisher = new SchoolDataPublisher()) {
            // the import's messages, the statistics delivered twice
            var events = SchoolDataPublisher.registerAndSubmit(inputs);
            publisher.publish(events.subList(0, inputs.schools().size()), 1);
            publisher.publish(events.subList(inputs.schools().size(), events.size()), 2);
        }

        // ---- one finding per unmet item on the topic, one run
        List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(published::add);
                return typeCount(published, "EvaluationCompleted") >= 1
                        && typeCount(published, "FindingRaised") >= 19;
            });
            assertEquals(19, typeCount(published, "FindingRaised"));
            assertEquals(1, typeCount(published, "EvaluationCompleted"));
            assertEquals(1, typeCount(published, "ReadinessChanged"));
            assertEquals(1, typeCount(published, "CountyEvaluated"));
            assertEquals(35, typeCount(published, "SchoolSectionEvaluated"), "35 school sections");
            Set<String> raisedKeys = published.stream().filter(r -> type(r).endsWith(".FindingRaised.v1"))
                    .filter(r -> new String(r.headers().lastHeader(CloudEventHeaders.DISTRICT).value(),
                            StandardCharsets.UTF_8).equals(DISTRICT))
                    .map(ConsumerRecord::key).collect(Collectors.toSet());
            assertEquals(expectedFindings.stream().map(UUID::toString).collect(Collectors.toSet()), raisedKeys);
        }

        // ---- ledgers, readiness and variation over REST (the projection catches up asynchronously)
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get(BASE + "/readiness").statusCode() == 200);
        JsonPath ledger = given().get(BASE + "/ledger").then().statusCode(200).extract().jsonPath();
        assertEquals(19, ledger.getInt("unmetLines"));
        assertEquals("CN-2017", ledger.getString("standardVersion"));
        long expectedMet = expected.items().stream().filter(ItemResult::met)
                .filter(item -> item.subject().level() != SubjectLevel.COUNTY
                        || !Evaluator.ROLLED_UP.contains(item.indicator()))
                .count();
        assertEquals(expectedMet, ledger.getInt("metLines"));
        given().get(BASE + "/ledger?ledger=unmet&school=2150202506").then().statusCode(200)
                .body("lines.indicator", org.hamcrest.Matchers.containsInAnyOrder("RA4", "RA5", "RA-SCHOOL", "GG4",
                        "GG5"))
                .body("lines.gap", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.emptyOrNullString())))
                .body("lines.statusLabel", org.hamcrest.Matchers.everyItem(equalTo("未达标")));
        given().get(BASE + "/ledger?ledger=unmet&indicator=CV-RA5-P").then().statusCode(200)
                .body("lines.size()", equalTo(1)).body("lines[0].severity", equalTo("COUNTY_RULE"));

        JsonPath readiness = given().get(BASE + "/readiness").then().statusCode(200).extract().jsonPath();
        assertFalse(readiness.getBoolean("ready"));
        // 数据截至: when the evaluation completed and where in the log
        org.junit.jupiter.api.Assertions.assertNotNull(java.time.Instant.parse(readiness.getString("evaluatedAt")));
        org.junit.jupiter.api.Assertions.assertTrue(readiness.getLong("eventPosition") > 0);
        assertEquals(19, readiness.getInt("openFindings"));
        List<String> reasonIndicators = readiness.getList("reasons.indicator", String.class);
        assertTrue(reasonIndicators.containsAll(List.of("CV-RA5-P", "RA-SCHOOL", "GG13")), reasonIndicators.toString());

        JsonPath variation = given().get(BASE + "/variation").then().statusCode(200).extract().jsonPath();
        assertEquals(14, variation.getList("$").size());
        Map<String, Object> ra5 = variation.getList("findAll { it.indicator == 'CV-RA5-P' }", Map.class).get(0);
        assertEquals("0.5423", new java.math.BigDecimal(ra5.get("coefficient").toString())
                .setScale(4, java.math.RoundingMode.HALF_UP).toPlainString());
        assertEquals(false, ra5.get("met"));
        // exact values beside the rounded ones: the mean as a fraction, the coefficient to 34 digits
        assertTrue(ra5.get("meanExact").toString().matches("\\d+/\\d+"), ra5.get("meanExact").toString());
        assertTrue(ra5.get("coefficientExact").toString().startsWith("0.54227"), ra5.get("coefficientExact").toString());
        assertTrue(ra5.get("coefficientExact").toString().length() > 30);
        assertEquals(true, ra5.get("complete"));
        List<Map<String, Object>> shares = (List<Map<String, Object>>) ra5.get("shares");
        assertTrue(shares.stream().anyMatch(share -> Boolean.TRUE.equals(share.get("aboveMean")))
                && shares.stream().anyMatch(share -> Boolean.FALSE.equals(share.get("aboveMean"))));
        given().get(BASE + "/ledger?indicator=CV-RA5-P").then().statusCode(200)
                .body("lines[0].measuredExact", org.hamcrest.Matchers.startsWith("0.54227"));
        given().get(BASE + "/ledger?indicator=RA5&ledger=unmet").then().statusCode(200)
                .body("lines[0].measuredExact", org.hamcrest.Matchers.matchesPattern("\\d+(/\\d+)?"));

        // ---- 整改建议: the least additions that bring CV-RA5-P within 0.50, each checked by re-evaluation
        JsonPath remedies = given().get(BASE + "/variation/CV-RA5-P/remedies").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(false, remedies.getBoolean("met"));
        assertTrue(remedies.getString("coefficientExact").startsWith("0.54227"), remedies.getString("coefficientExact"));
        assertEquals("m² 体育运动场馆", remedies.getString("unit"));
        List<String> kinds = remedies.getList("options.kind", String.class);
        assertTrue(kinds.contains("ONE_SCHOOL") && kinds.contains("SPREAD"), kinds.toString());
        for (Map<String, Object> option : remedies.getList("options", Map.class)) {
            assertTrue(new java.math.BigDecimal(option.get("coefficientAfter").toString())
                    .compareTo(new java.math.BigDecimal("0.50")) <= 0, option.toString());
            assertTrue(option.get("text").toString().contains("差异系数降至"), option.toString());
            // the exact coefficient rounds to the displayed one
            assertEquals(0, new java.math.BigDecimal(option.get("coefficientAfterExact").toString())
                    .setScale(4, java.math.RoundingMode.HALF_UP)
                    .compareTo(new java.math.BigDecimal(option.get("coefficientAfter").toString())), option.toString());
            org.hamcrest.MatcherAssert.assertThat(option.get("cost"), org.hamcrest.Matchers.nullValue());
        }
        given().get(BASE + "/variation/RA5/remedies").then().statusCode(400).body("errors[0].field",
                equalTo("indicator"));
        given().header("Authorization", "Bearer " + org.junheng.infra.DevTokens.token("u-school", "实验小学", "school",
                        List.of(DISTRICT), "2150202506", Duration.ofMinutes(5)))
                .get(BASE + "/variation/CV-RA5-P/remedies").then().statusCode(403);
        // with a unit cost for sports ground, each option is costed
        given().contentType("application/json").body("{\"unitCosts\": {\"RA5\": 1500, \"RAX\": 1}}")
                .put("/api/v1/districts/" + DISTRICT + "/evaluation-settings").then().statusCode(400)
                .body("errors[0].field", equalTo("unitCosts.RAX"));
        given().contentType("application/json").body("{\"unitCosts\": {\"RA5\": 1500}}")
                .put("/api/v1/districts/" + DISTRICT + "/evaluation-settings").then().statusCode(200)
                .body("unitCosts.RA5", equalTo(1500));
        JsonPath costed = given().get(BASE + "/variation/CV-RA5-P/remedies").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Object> first = costed.getList("options", Map.class).get(0);
        assertEquals(0, new java.math.BigDecimal(first.get("total").toString()).multiply(new java.math.BigDecimal(1500))
                .compareTo(new java.math.BigDecimal(first.get("cost").toString())), first.toString());
        assertTrue(first.get("text").toString().contains("万元"), first.toString());

        given().get("/api/v1/findings?district=" + DISTRICT + "&status=OPEN").then().statusCode(200)
                .body("size()", equalTo(19));

        // ---- XLSX export with Chinese headers: both ledgers, the same lines as the JSON
        byte[] xlsx = given().get(BASE + "/ledger.xlsx").then().statusCode(200).extract().asByteArray();
        org.junheng.infra.TestDocuments.keep("ledger.xlsx", xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet unmet = workbook.getSheet(LedgerWorkbook.UNMET_SHEET);
            Sheet met = workbook.getSheet(LedgerWorkbook.MET_SHEET);
            int header = LedgerWorkbook.HEADER_ROW;
            assertEquals("学校名称", unmet.getRow(header).getCell(2).getStringCellValue());
            assertEquals(19, unmet.getLastRowNum() - header);
            assertEquals(expectedMet, met.getLastRowNum() - header);
            assertEquals("义务教育优质均衡发展未达标问题台账", unmet.getRow(0).getCell(0).getStringCellValue());
            assertTrue(unmet.getRow(1).getCell(0).getStringCellValue().startsWith("数据截至"));
            // a unit beside the values: RA4 in m²
            org.apache.poi.ss.usermodel.Row ra4 = java.util.stream.StreamSupport.stream(unmet.spliterator(), false)
                    .filter(row -> row.getRowNum() > header && "RA4".equals(row.getCell(4).getStringCellValue()))
                    .findFirst().orElseThrow();
            assertTrue(ra4.getCell(8).getStringCellValue().contains("m"), ra4.getCell(8).getStringCellValue());
            // and the measured value exactly, last, rounding to the shown one
            assertEquals("测算值（精确值）", unmet.getRow(header).getCell(16).getStringCellValue());
            String exact = ra4.getCell(16).getStringCellValue();
            String[] parts = exact.split("/");
            java.math.BigDecimal value = parts.length == 1 ? new java.math.BigDecimal(parts[0])
                    : new java.math.BigDecimal(parts[0]).divide(new java.math.BigDecimal(parts[1]), 4,
                    java.math.RoundingMode.HALF_UP);
            assertEquals(ra4.getCell(6).getNumericCellValue(), value.doubleValue(), 0.00005, exact);
            // printed: A4 landscape, one page wide, the header row on every page
            assertTrue(unmet.getPrintSetup().getLandscape());
            assertEquals(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE, unmet.getPrintSetup().getPaperSize());
            assertTrue(unmet.getFitToPage());
            assertEquals(1, unmet.getPrintSetup().getFitWidth());
            assertEquals(0, unmet.getPrintSetup().getFitHeight());
            assertEquals(new org.apache.poi.ss.util.CellRangeAddress(header, header, -1, -1), unmet.getRepeatingRows());
        }

        // ---- the unmet ledger names each finding's 责任单位, 整改期限 and progress as rectification reports them,
        // as of the day asked for: opened for 区教委, later reassigned to 区财政局
        ItemResult tasked = expected.unmetItems().stream().filter(i -> i.subject().schoolCode() != null).findFirst()
                .orElseThrow();
        UUID taskId = UUID.randomUUID();
        org.junheng.contracts.Department jw = new org.junheng.contracts.Department("jw", "区教委");
        org.junheng.contracts.Department cz = new org.junheng.contracts.Department("cz", "区财政局");
        try (SchoolDataPublisher publisher = new SchoolDataPublisher()) {
            publisher.publish(List.of(new org.junheng.contracts.rectification.TaskEvent.TaskOpened(taskId, DISTRICT,
                    tasked.findingId(), PERIOD, tasked.subject(), tasked.indicator(), tasked.severity(), "问题", tasked.gap(), jw,
                    List.of(), java.time.LocalDate.of(2025, 3, 31))), 2);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> taskSteps(tasked.findingId()) == 1);
        Instant betweenSteps = Instant.now();
        try (SchoolDataPublisher publisher = new SchoolDataPublisher()) {
            publisher.publish(List.of(new org.junheng.contracts.rectification.TaskEvent.TaskReassigned(taskId, DISTRICT,
                    tasked.findingId(), jw, cz, "经费问题由财政牵头", new org.junheng.contracts.Person("u-1", "王督学"))), 1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> taskSteps(tasked.findingId()) == 2);
        // the road to recognition as rectification records it stands beside the readiness verdict
        org.junheng.contracts.Person office = new org.junheng.contracts.Person("u-ddr-03", "王督学");
        try (SchoolDataPublisher publisher = new SchoolDataPublisher()) {
            publisher.publish(List.of(
                    new org.junheng.contracts.rectification.RecognitionEvent.RecognitionStageRecorded(DISTRICT,
                            org.junheng.contracts.rectification.RecognitionEvent.Stage.SELF_ASSESSMENT,
                            java.time.LocalDate.of(2025, 3, 1), null, null, null, null, office),
                    new org.junheng.contracts.rectification.RecognitionEvent.RecognitionStageRecorded(DISTRICT,
                            org.junheng.contracts.rectification.RecognitionEvent.Stage.MUNICIPAL_ASSESSMENT,
                            java.time.LocalDate.of(2025, 6, 30),
                            org.junheng.contracts.rectification.RecognitionEvent.Outcome.PASSED, null,
                            "渝教督〔2025〕12号", null, office)), 1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "市级督导评估：通过".equals(given().get(BASE + "/readiness")
                .jsonPath().getString("recognitionStage")));
        assertEquals(List.of("区财政局", "2025-03-31", "任务改派"), stepColumns(given().get(BASE + "/ledger.xlsx")
                .then().statusCode(200).extract().asByteArray(), tasked.findingId()));
        assertEquals(List.of("区教委", "2025-03-31", "整改任务下达"), stepColumns(given()
                .queryParam("asOf", betweenSteps.toString()).get(BASE + "/ledger.xlsx").then().statusCode(200)
                .extract().asByteArray(), tasked.findingId()));

        // ---- re-delivering unchanged data appends nothing
        long eventsBefore = eventCount();
        Instant beforeCorrection = Instant.now();
        try (SchoolDataPublisher publisher = new SchoolDataPublisher()) {
            SchoolInput ganghua = school(inputs, GANGHUA);
            publisher.publish(List.of(new SchoolStatisticsCorrected(DISTRICT, GANGHUA, PERIOD, ganghua.profile(),
                    ganghua.statistics(), "重复报送 (same figures again)")), 1);
        }
        awaitNoPendingEvaluation();
        assertEquals(eventsBefore, eventCount(), "an evaluation with unchanged results appends nothing");

        // ---- GG13 is the county's ratio; 钢花小学 is the one school admitting from outside its catchment
        given().get(BASE + "/catchment").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].section", equalTo("P")).body("[0].met", equalTo(false))
                .body("[0].ratioExact", equalTo("13326/13345"))
                .body("[0].schools[0].schoolCode", equalTo(GANGHUA))
                .body("[0].schools[0].outsideCatchment", equalTo(38))
                .body("[0].schools[0].share", equalTo(1.0f))
                .body("[0].schools.findAll { it.outsideCatchment > 0 }.size()", equalTo(1))
                .body("[0].schools.size()", org.hamcrest.Matchers.greaterThan(10))
                .body("[1].section", equalTo("J")).body("[1].met", equalTo(true));
        given().header("Authorization", "Bearer " + org.junheng.infra.DevTokens.token("u-school", "八桥小学", "school",
                        List.of(DISTRICT), "2150635869", Duration.ofMinutes(5)))
                .get(BASE + "/catchment").then().statusCode(200)
                .body("[0].ratio", equalTo(0.9986f))
                .body("[0].schools.schoolCode", org.hamcrest.Matchers.everyItem(equalTo("2150635869")))
                .body("[0].schools.size()", org.hamcrest.Matchers.lessThanOrEqualTo(1));
        given().get("/api/v1/districts/" + DISTRICT + "/periods/2019/catchment").then().statusCode(404);

        // ---- correcting 钢花小学 (every pupil in the catchment) resolves exactly the county's GG13 finding
        Set<UUID> ganghuaFindings = expected.unmetItems().stream()
                .filter(item -> item.indicator() == org.junheng.contracts.IndicatorCode.GG13)
                .map(ItemResult::findingId).collect(Collectors.toSet());
        assertEquals(1, ganghuaFindings.size());
        assertTrue(expected.unmetItems().stream().noneMatch(item -> GANGHUA.equals(item.subject().schoolCode())),
                "钢花小学 itself has no finding: GG13 is not a rule per school");
        try (SchoolDataPublisher publisher = new SchoolDataPublisher()) {
            SchoolInput ganghua = school(inputs, GANGHUA);
            publisher.publish(List.of(new SchoolStatisticsCorrected(DISTRICT, GANGHUA, PERIOD, ganghua.profile(),
                    allInCatchment(ganghua.statistics()), "划片入学数据更正 (catchment figures corrected)")), 1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/findings?district=" + DISTRICT
                + "&status=RESOLVED").jsonPath().getList("$").size() == 1);
        UUID resolved = ganghuaFindings.iterator().next();
        given().get("/api/v1/findings?district=" + DISTRICT + "&status=RESOLVED").then()
                .body("[0].findingId", equalTo(resolved.toString()))
                .body("[0].latest.basis", equalTo("DATA"));
        given().get("/api/v1/findings?district=" + DISTRICT + "&status=OPEN").then().body("size()", equalTo(18));
        given().get("/api/v1/findings/" + resolved + "/history").then().statusCode(200)
                .body("type", org.hamcrest.Matchers.contains("FindingRaised.v1", "FindingResolved.v1"))
                .body("[0].actor.subject", equalTo("indicator-evaluation"));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get(BASE + "/ledger?indicator=GG13")
                .jsonPath().getString("lines[0].status").equals("RECTIFIED"));
        given().get(BASE + "/catchment").then().statusCode(200)
                .body("[0].met", equalTo(true))
                .body("[0].schools.findAll { it.outsideCatchment > 0 }", org.hamcrest.Matchers.empty());

        // ---- ?asOf= gives the ledger as it stood before the correction, from the log
        given().get(BASE + "/ledger?indicator=GG13&asOf=" + beforeCorrection).then()
                .statusCode(200).body("lines[0].status", equalTo("UNMET"));
        given().get(BASE + "/ledger?asOf=2020-01-01").then().statusCode(404)
                .body("type", equalTo("https://junheng.org/problems/not-evaluated"));

        // ---- what-if: the pure simulation's answer, and nothing stored
        long eventsBeforeSimulation = eventCount();
        String simulation = """
                {"changes": [
                  {"type": "AddFacility", "schoolCode": "2150202506", "quantity": "SPORTS_GROUND_AREA", "amount": 20000},
                  {"type": "AddTeachers", "schoolCode": "2150611199", "section": "P",
                   "count": "COUNTY_LEVEL_KEY", "number": 30}]}""";
        var changes = List.<org.junheng.evaluation.engine.HypotheticalChange>of(
                new org.junheng.evaluation.engine.HypotheticalChange.AddFacility("2150202506", null,
                        org.junheng.evaluation.engine.HypotheticalChange.FacilityQuantity.SPORTS_GROUND_AREA,
                        new java.math.BigDecimal("20000")),
                new org.junheng.evaluation.engine.HypotheticalChange.AddTeachers("2150611199",
                        org.junheng.contracts.Section.P,
                        org.junheng.evaluation.engine.HypotheticalChange.TeacherCount.COUNTY_LEVEL_KEY, 30));
        var corrected = inputs.withSchools(inputs.schools().stream().map(school -> school.schoolCode().equals(GANGHUA)
                ? new SchoolInput(GANGHUA, school.profile(), allInCatchment(school.statistics())) : school).toList());
        var simulated = org.junheng.evaluation.engine.Simulation.run(StandardCatalog.national(), corrected, changes);
        assertFalse(simulated.nowMet().isEmpty(), "the changes resolve something");
        given().contentType("application/json").body(simulation).post(BASE + "/simulate").then().statusCode(200)
                .body("nowMet.size()", equalTo(simulated.nowMet().size()))
                .body("unmetBefore", equalTo(18))
                .body("unmetAfter", equalTo(simulated.simulated().unmetItems().size()))
                .body("readyAfter", equalTo(simulated.readyAfter()))
                .body("variations.size()", equalTo(14))
                .body("variations.find { it.indicator == 'CV-RA5-P' }.afterExact", org.hamcrest.Matchers.equalTo(
                        simulated.simulated().variations().stream()
                                .filter(v -> v.indicator() == org.junheng.contracts.IndicatorCode.CV_RA5_P)
                                .findFirst().orElseThrow().variation().coefficient().toPlainString()))
                .body("variations.find { it.indicator == 'CV-RA5-P' }.beforeExact",
                        org.hamcrest.Matchers.startsWith("0.54227"));
        given().contentType("application/json").body("{\"changes\": [{\"type\": \"AddTeachers\", \"schoolCode\": "
                        + "\"2150611199\", \"count\": \"COUNTY_LEVEL_KEY\", \"number\": 3}]}")
                .post(BASE + "/simulate").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"changes\": [{\"type\": \"AddFacility\", \"schoolCode\": "
                        + "\"0000000000\", \"quantity\": \"SPORTS_GROUND_AREA\", \"amount\": 5}]}")
                .post(BASE + "/simulate").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"changes\": []}").post(BASE + "/simulate").then()
                .statusCode(400).body("errors[0].field", equalTo("changes"));
        assertEquals(eventsBeforeSimulation, eventCount(), "a simulation stores nothing");

        // ---- the standard as data
        given().get("/api/v1/standards").then().statusCode(200).body("[0].version", equalTo("CN-2017"));

        // ---- recording the basic-balance recognition year re-evaluates: readiness loses that reason
        given().get("/api/v1/districts/" + DISTRICT + "/evaluation-settings").then().statusCode(200)
                .body("basicBalanceRecognisedIn", org.hamcrest.Matchers.nullValue());
        given().contentType("application/json").body("{\"basicBalanceRecognisedIn\": 1990}")
                .put("/api/v1/districts/" + DISTRICT + "/evaluation-settings").then().statusCode(400)
                .body("errors[0].field", equalTo("basicBalanceRecognisedIn"));
        int reasonsBefore = given().get(BASE + "/readiness").jsonPath().getList("reasons").size();
        given().contentType("application/json").body("{\"basicBalanceRecognisedIn\": 2014}")
                .put("/api/v1/districts/" + DISTRICT + "/evaluation-settings").then().statusCode(200);
        // recognised 10 years before, but the yearly monitoring since is not recorded: that is the reason now
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get(BASE + "/readiness").jsonPath()
                .getList("reasons.text", String.class).stream().anyMatch(t -> t.startsWith("未登记2015–2023年基本均衡")));
        given().contentType("application/json").body("{\"basicBalanceMonitoring\": {\"2015\": true, \"1999\": true}}")
                .put("/api/v1/districts/" + DISTRICT + "/evaluation-settings").then().statusCode(400)
                .body("errors[0].field", equalTo("basicBalanceMonitoring.1999"));
        StringBuilder years = new StringBuilder();
        for (int year = 2015; year <= 2023; year++) {
            years.append(years.length() == 0 ? "" : ", ").append("\"").append(year).append("\": true");
        }
        given().contentType("application/json").body("{\"basicBalanceRecognisedIn\": 2014, \"basicBalanceMonitoring\": {"
                        + years + "}}")
                .put("/api/v1/districts/" + DISTRICT + "/evaluation-settings").then().statusCode(200)
                .body("basicBalanceMonitoring.2023", equalTo(true)).body("unitCosts.RA5", equalTo(1500));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get(BASE + "/readiness").jsonPath()
                .getList("reasons").size() == reasonsBefore - 1);

        // ---- replaying the log gives the same ledger checksum
        ProjectionRunner ledgerRunner = workers.ledger();
        await().atMost(Duration.ofSeconds(30)).until(() -> ledgerRunner.catchUp().await().indefinitely() == 0);
        ProjectionRunner.Checksum live = ledgerRunner.checksum().await().indefinitely();
        ledgerRunner.rebuild().await().indefinitely();
        ProjectionRunner.Checksum replayed = ledgerRunner.checksum().await().indefinitely();
        assertEquals(live, replayed);
        assertTrue(live.rows() > 19);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        given().get("/api/v1/districts/5001/periods/2024/ledger").then().statusCode(400)
                .body("errors[0].field", equalTo("district"));
        given().get("/api/v1/districts/500104/periods/24/ledger").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        given().get(BASE + "/ledger?asOf=yesterday").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().get(BASE + "/ledger?indicator=RA9").then().statusCode(400).body("errors[0].field", equalTo("indicator"));
        given().get(BASE + "/ledger?status=DONE").then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().get("/api/v1/findings/not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().get("/api/v1/findings/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/districts/500000/periods/2024/readiness").then().statusCode(404);
        given().get("/api/v1/findings").then().statusCode(400).body("errors[0].field", equalTo("district"));
    }

    private static SchoolInput school(DistrictInputs inputs, String code) {
        return inputs.schools().stream().filter(s -> s.schoolCode().equals(code)).findFirst().orElseThrow();
    }

    private static SchoolStatistics allInCatchment(SchoolStatistics statistics) {
        List<SectionStatistics> sections = statistics.sections().stream().map(s -> new SectionStatistics(s.section(),
                s.pupils(), s.classes(), s.largestClassSize(), s.classSizes(), s.migrantPupils(), s.pupils(),
                s.teachers(), s.facilities())).toList();
        return new SchoolStatistics(sections, statistics.seniorPupils(), statistics.wholeSchoolFacilities(),
                statistics.funds(), statistics.retentionCohort());
    }

    private long eventCount() {
        return pool.preparedQuery("select count(*) as n from events where stream_id like $1")
                .execute(Tuple.of("%/" + DISTRICT + "/" + PERIOD + "%")).await().indefinitely().iterator().next()
                .getLong("n");
    }

    private void awaitNoPendingEvaluation() {
        // the message is applied (a request appears) and then the request is run and removed
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> pending() > 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
    }

    private long pending() {
        return pool.preparedQuery("select count(*) as n from evaluation_requests where district_code = $1")
                .execute(Tuple.of(DISTRICT)).await().indefinitely().iterator().next().getLong("n");
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "pipeline-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.EVALUATION));
        return consumer;
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader(CloudEventHeaders.TYPE);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long typeCount(List<ConsumerRecord<String, byte[]>> records, String eventName) {
        return records.stream().filter(r -> type(r).endsWith("." + eventName + ".v1"))
                .filter(r -> {
                    var district = r.headers().lastHeader(CloudEventHeaders.DISTRICT);
                    return district != null && DISTRICT.equals(new String(district.value(), StandardCharsets.UTF_8));
                })
                .count();
    }

    private long taskSteps(UUID findingId) {
        return pool.preparedQuery("select count(*) as n from finding_task_steps where finding_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(findingId)).await().indefinitely().iterator().next()
                .getLong("n");
    }

    /** 责任单位, 整改期限, 整改进展 of the finding's line in the unmet ledger. */
    private static List<String> stepColumns(byte[] xlsx, UUID findingId) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet unmet = workbook.getSheet(LedgerWorkbook.UNMET_SHEET);
            for (org.apache.poi.ss.usermodel.Row row : unmet) {
                if (row.getRowNum() > LedgerWorkbook.HEADER_ROW && findingId.toString().startsWith(
                        row.getCell(15).getStringCellValue())) {
                    return List.of(row.getCell(12).getStringCellValue(), row.getCell(13).getStringCellValue(),
                            row.getCell(14).getStringCellValue());
                }
            }
        }
        throw new AssertionError("no line for " + findingId);
    }
}
