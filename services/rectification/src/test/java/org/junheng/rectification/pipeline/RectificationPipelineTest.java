package org.junheng.rectification.pipeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.junheng.contracts.Department;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.evaluation.FindingEvent;
import org.junheng.contracts.evaluation.FindingEvent.FindingRaised;
import org.junheng.contracts.evaluation.ResolutionBasis;
import org.junheng.contracts.rectification.EscalationLevel;
import org.junheng.contracts.rectification.TaskEvent;
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
import org.junheng.rectification.infra.RectificationWorkers;
import org.junheng.rectification.responsibility.Campaign;
import org.junheng.rectification.responsibility.ResponsibilityMatrix;
import org.junheng.rectification.schedule.DeadlineScheduler;
import org.junheng.rectification.tasks.TaskStore;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junheng.contracts.evaluation.FindingEvent.FindingReopened;
import org.junheng.contracts.Subject;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Section;
import org.junheng.contracts.IndicatorCode;
import java.math.BigDecimal;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Row;
import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import io.restassured.path.json.JsonPath;

/**
 * The sample district's 19 findings (the evaluation's own output, kept in step by the evaluation's
 * SampleFindingsFixtureTest) through a real broker into tasks, and one task through its whole life over REST.
 */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RectificationPipelineTest {

    static final String DISTRICT = "500104";
    static final String SUPERVISOR = "u-ddr-03;supervisor;";
    static final String EDUCATION = "u-jw-17;department;jw";

    @Inject
    Pool pool;

    @Inject
    MovableClock clock;

    @Inject
    DeadlineScheduler deadlines;

    @Inject
    RectificationWorkers workers;

    static List<FindingRaised> findings() throws Exception {
        try (InputStream in = RectificationPipelineTest.class.getResourceAsStream(
                "/sample/dadukou-500104-2024-findings.json")) {
            return List.of(PublishedEvents.JSON.readValue(in, FindingRaised[].class));
        }
    }

    @Test
    @Order(1)
    void everyFindingYieldsExactlyOneTaskWithItsDepartmentsAndDueDateAlsoWhenDeliveredTwice() throws Exception {
        List<FindingRaised> findings = findings();
        assertEquals(19, findings.size());
        publish(findings, 2);

        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) as n from tasks") == 19
                && count("select count(*) as n from inbox") >= 19);
        assertEquals(19, count("select count(*) as n from events where event_type = 'TaskOpened.v1'"));

        ResponsibilityMatrix matrix = ResponsibilityMatrix.standard();
        Campaign campaign = Campaign.standard();
        LocalDate today = LocalDate.ofInstant(MovableClock.START, clock.getZone());
        for (FindingRaised finding : findings) {
            var task = given().get("/api/v1/tasks/" + TaskStore.taskIdFor(finding.findingId())).then()
                    .statusCode(200).extract().jsonPath();
            var expected = matrix.responsibleFor(finding.indicator());
            assertEquals(expected.lead().code(), task.getString("task.lead.code"), finding.indicator().code());
            assertEquals(expected.coDepartments().stream().map(Department::code).toList(),
                    task.getList("task.coDepartments.code"), finding.indicator().code());
            assertEquals(campaign.dueDate(finding.indicator(), today).toString(), task.getString("task.dueDate"));
            assertEquals("OPEN", task.getString("task.status"));
        }
        // hardware before software: the sports-ground task is due before the key-teacher task
        given().get("/api/v1/tasks?district=" + DISTRICT + "&indicator=RA5").then()
                .body("dueDate", org.hamcrest.Matchers.everyItem(equalTo(today.plusDays(90).toString())))
                // the board's colour by days left (蓝色 beyond 30 days) and the status in words
                .body("urgency", org.hamcrest.Matchers.everyItem(equalTo("BLUE")))
                .body("urgencyLabel", org.hamcrest.Matchers.everyItem(equalTo("蓝色（正常推进）")))
                .body("daysLeft", org.hamcrest.Matchers.everyItem(equalTo("距整改期限还有 90 天")))
                .body("statusLabel", org.hamcrest.Matchers.everyItem(equalTo("待分派")));
        given().get("/api/v1/tasks?district=" + DISTRICT + "&indicator=RA2").then()
                .body("dueDate", org.hamcrest.Matchers.everyItem(equalTo(today.plusDays(180).toString())));
        // the finance bureau sees the tasks it leads (EQ4) and those it helps with (RA4, RA5, RA6, GG3/GG4 …)
        List<String> financeIndicators = given().get("/api/v1/tasks?district=" + DISTRICT + "&department=cz")
                .jsonPath().getList("indicator");
        assertTrue(financeIndicators.containsAll(List.of("EQ4", "RA5", "RA6")), financeIndicators.toString());
        assertTrue(!financeIndicators.contains("GG5") && !financeIndicators.contains("RA2"));
        // … each row saying which, and either half on its own
        var finance = given().get("/api/v1/tasks?district=" + DISTRICT + "&department=cz").jsonPath();
        assertEquals("LEAD", finance.getString("find { it.indicator == 'EQ4' }.involvement"));
        assertEquals("配合", finance.getString("find { it.indicator == 'RA5' }.involvementLabel"));
        List<String> led = given().get("/api/v1/tasks?district=" + DISTRICT + "&department=cz&involvement=LEAD")
                .jsonPath().getList("indicator");
        List<String> helped = given().get("/api/v1/tasks?district=" + DISTRICT + "&department=cz&involvement=HELP")
                .jsonPath().getList("indicator");
        assertTrue(led.contains("EQ4") && !led.contains("RA5"), led.toString());
        assertTrue(helped.contains("RA5") && !helped.contains("EQ4"), helped.toString());
        assertEquals(financeIndicators.size(), led.size() + helped.size());
        given().get("/api/v1/tasks?district=" + DISTRICT + "&involvement=HELP").then().statusCode(400)
                .body("errors[0].field", equalTo("involvement"));
        given().get("/api/v1/tasks?district=" + DISTRICT + "&department=cz&involvement=BOTH").then().statusCode(400)
                .body("errors[0].field", equalTo("involvement"));
        // the scorecard counts what a unit helps with; the public security bureau only helps (GG5, GG13 …)
        var scorecard = given().get("/api/v1/districts/" + DISTRICT + "/scorecard").jsonPath();
        assertEquals(helped.size(), scorecard.getInt("find { it.department == 'cz' }.helping"));
        assertEquals("区财政局", scorecard.getString("find { it.department == 'cz' }.departmentName"));
        int securityHelps = given().get("/api/v1/tasks?district=" + DISTRICT + "&department=ga").jsonPath()
                .getList("taskId").size();
        assertTrue(securityHelps > 0);
        assertEquals(securityHelps, scorecard.getInt("find { it.department == 'ga' }.helping"));
        assertEquals(0, scorecard.getInt("find { it.department == 'ga' }.open"));
        assertEquals("区公安分局", scorecard.getString("find { it.department == 'ga' }.departmentName"));
    }

    @Test
    @Order(2)
    void aTaskWalksItsWholeLifeOverRestAndAResolvedFindingVerifiesIt() throws Exception {
        FindingRaised finding = findings().stream().filter(f -> f.indicator().code().equals("RA7")).findFirst()
                .orElseThrow();
        String task = "/api/v1/tasks/" + TaskStore.taskIdFor(finding.findingId());
        String etag = given().get(task).header("ETag");

        etag = act(task, "assign", etag, EDUCATION, "{}", 200).header("ETag");
        // an illegal step: verifying a task nobody submitted
        act(task, "verify", etag, SUPERVISOR, "{}", 409).then()
                .body("type", equalTo("https://junheng.org/problems/illegal-transition"));
        // a date no county's work has is refused, naming the field, in the body as in a query
        act(task, "plan", etag, EDUCATION, "{\"measures\": \"x\", \"plannedCompletion\": \"+999999999-12-31\"}", 400)
                .then().body("errors[0].field", equalTo("plannedCompletion"));
        etag = act(task, "plan", etag, EDUCATION, """
                {"measures": "改造2间普通教室为网络多媒体教室", "plannedCompletion": "2025-01-31",
                 "milestones": [{"description": "完成设备采购招标", "dueDate": "2024-12-20"}]}""", 200).header("ETag");
        etag = act(task, "progress", etag, EDUCATION, "{\"percentComplete\": 50, \"description\": \"设备已到货\"}", 200)
                .header("ETag");
        act(task, "submit", etag, EDUCATION, "{\"summary\": \"已完成\"}", 409).then()
                .body("type", equalTo("https://junheng.org/problems/evidence-required"));
        act(task, "evidence", etag, EDUCATION, "{\"name\": \"验收单.pdf\", \"sha256\": \"xyz\", \"location\": \"s3://x\"}",
                400).then().body("errors[0].field", equalTo("sha256"));
        etag = act(task, "evidence", etag, EDUCATION, "{\"name\": \"多媒体教室验收单.pdf\", \"sha256\": \""
                + "a".repeat(64) + "\", \"location\": \"s3://junheng-evidence/500104/rooms.pdf\"}", 200).header("ETag");
        etag = act(task, "submit", etag, EDUCATION, "{\"summary\": \"已建成3间\"}", 200).header("ETag");
        Response rejected = act(task, "reject", etag, SUPERVISOR, "{\"reason\": \"现场核查仅2间投入使用\"}", 200);
        rejected.then().body("task.status", equalTo("IN_PROGRESS")).body("task.rejections", equalTo(1));
        etag = rejected.header("ETag");
        act(task, "progress", "\"1\"", EDUCATION, "{\"percentComplete\": 90, \"description\": \"第3间调试\"}", 412);
        etag = act(task, "progress", etag, EDUCATION, "{\"percentComplete\": 90, \"description\": \"第3间调试\"}", 200)
                .header("ETag");
        act(task, "submit", etag, EDUCATION, "{\"summary\": \"3间均已使用\"}", 200)
                .then().body("task.rounds", equalTo(2)).body("task.status", equalTo("SUBMITTED"));
        // what each party may do now, as the console offers it: the office decides, the lead may add evidence
        given().header("Authorization", "Bearer " + DevTokens.forActor(SUPERVISOR)).get(task).then()
                .body("actions.operation", equalTo(List.of("verify", "reject", "accountability", "extend", "reassign")))
                .body("actions.label", equalTo(List.of("核验通过", "退回", "约谈问责", "延期", "改派")));
        given().header("Authorization", "Bearer " + DevTokens.forActor(EDUCATION)).get(task).then()
                .body("actions.operation", equalTo(List.of("evidence")));

        // the school's corrected data resolve the finding: the task is verified by data and waits for the office's
        // review (复核销号), which may sign it off or send it back
        publish(List.of(new FindingEvent.FindingResolved(finding.findingId(), DISTRICT, 2024, finding.subject(),
                finding.indicator(), ResolutionBasis.DATA, new java.math.BigDecimal("2.38"), finding.required(),
                "CN-2017")), 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> "VERIFIED".equals(given().get(task).jsonPath()
                .getString("task.status")));
        given().get(task).then().body("task.verification", equalTo("DATA"));
        given().header("Authorization", "Bearer " + DevTokens.forActor(SUPERVISOR)).get(task).then()
                .body("actions.operation", equalTo(List.of("reject", "close")))
                .body("actions.label", equalTo(List.of("退回", "销号")));
        act(task, "close", given().get(task).header("ETag"), EDUCATION, "{}", 403);
        act(task, "close", given().get(task).header("ETag"), SUPERVISOR, "{\"note\": \"复核数据无误，予以销号\"}", 200)
                .then().body("task.status", equalTo("CLOSED"));
        List<String> steps = given().get(task + "/history").jsonPath().getList("type");
        assertEquals(List.of("TaskOpened.v1", "TaskAssigned.v1", "PlanSubmitted.v1", "ProgressReported.v1",
                "EvidenceAttached.v1", "SubmittedForVerification.v1", "TaskRejected.v1", "ProgressReported.v1",
                "SubmittedForVerification.v1", "TaskVerified.v1", "TaskClosed.v1"), steps);
        var history = given().get(task + "/history").jsonPath();
        assertEquals("u-ddr-03", history.getString("[6].actor.subject"));
        assertEquals("supervisor", history.getString("[6].actor.role"));
        assertEquals("rectification", history.getString("[9].actor.subject"));
        assertEquals("u-ddr-03", history.getString("[10].actor.subject"), "销号 is the office's, by name");

        // a reopened finding reopens the task
        publish(List.of(new FindingEvent.FindingReopened(finding.findingId(), DISTRICT, 2024, finding.subject(),
                finding.indicator(), finding.measured(), finding.required(), finding.gap(), finding.severity(),
                "CN-2017", "复核数据再次未达标")), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "IN_PROGRESS".equals(given().get(task).jsonPath()
                .getString("task.status")));
    }

    @Test
    @Order(3)
    void twoActionsWithTheSameIfMatchOneWinsTheOtherIs412() throws Exception {
        FindingRaised finding = findings().stream().filter(f -> f.indicator().code().equals("GG8")
                || f.indicator().code().equals("EQ4")).findFirst().orElseThrow();
        String task = "/api/v1/tasks/" + TaskStore.taskIdFor(finding.findingId());
        String etag = given().get(task).header("ETag");
        List<CompletableFuture<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            racers.add(CompletableFuture.supplyAsync(() -> given().header("If-Match", etag)
                    .header("Authorization", "Bearer " + DevTokens.forActor("u-cz-1;department;cz")).contentType("application/json").body("{}")
                    .post(task + "/assign").statusCode()));
        }
        List<Integer> codes = racers.stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(List.of(200, 412, 412, 412, 412, 412), codes);
        act(task, "assign", null, "u-cz-1;department;cz", "{}", 428);
        act(task, "assign", etag, EDUCATION, "{}", 403); // 区教委 helps with this task but does not lead it
    }

    @Test
    @Order(4)
    void movingTheClockPastADueDateEmitsOverdueAndEscalationOnce() throws Exception {
        FindingRaised finding = findings().stream().filter(f -> f.indicator().code().equals("GG5")).findFirst()
                .orElseThrow();
        UUID taskId = TaskStore.taskIdFor(finding.findingId());
        LocalDate due = LocalDate.parse(given().get("/api/v1/tasks/" + taskId).jsonPath().getString("task.dueDate"));

        clock.advance(Duration.ofDays(85)); // five days before: the 7-day reminder
        List<TaskEvent> reminders = deadlines.runOnce().await().indefinitely();
        assertTrue(reminders.stream().anyMatch(e -> e instanceof TaskEvent.TaskDueSoon soon
                && soon.taskId().equals(taskId) && soon.daysLeft() == 7), reminders.toString());

        clock.advance(Duration.ofDays(7)); // two days past due
        List<TaskEvent> late = deadlines.runOnce().await().indefinitely().stream()
                .filter(e -> e.taskId().equals(taskId)).toList();
        assertEquals(List.of(TaskEvent.TaskOverdue.class, TaskEvent.TaskEscalated.class),
                late.stream().map(Object::getClass).toList());
        assertEquals(due, ((TaskEvent.TaskOverdue) late.get(0)).dueDate());
        assertEquals(EscalationLevel.DEPARTMENT, ((TaskEvent.TaskEscalated) late.get(1)).level());
        assertEquals(List.of(), deadlines.runOnce().await().indefinitely().stream()
                .filter(e -> e.taskId().equals(taskId)).toList(), "the same day again: nothing");

        clock.advance(Duration.ofDays(31));
        List<TaskEvent> later = deadlines.runOnce().await().indefinitely().stream()
                .filter(e -> e.taskId().equals(taskId)).toList();
        assertEquals(1, later.size());
        assertEquals(EscalationLevel.LEADING_GROUP_OFFICE, ((TaskEvent.TaskEscalated) later.get(0)).level());

        await().atMost(Duration.ofSeconds(10)).until(() -> given().get("/api/v1/tasks?district=" + DISTRICT
                + "&overdue=true").jsonPath().getList("taskId").contains(taskId.toString()));
        var scorecard = given().get("/api/v1/districts/" + DISTRICT + "/scorecard").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(scorecard.getInt("find { it.department == 'jw' }.overdue") >= 1);
    }

    @Test
    @Order(5)
    void replayingTheLogGivesTheSameTaskListAndRedeliveryOpensNothing() throws Exception {
        ProjectionRunner projection = workers.tasks();
        await().atMost(Duration.ofSeconds(10)).until(() -> projection.catchUp().await().indefinitely() == 0);
        var live = projection.checksum().await().indefinitely();
        projection.rebuild().await().indefinitely();
        assertEquals(live, projection.checksum().await().indefinitely());
        assertEquals(19, live.rows());

        publish(findings(), 1); // the whole topic again, as after a consumer reset: new message ids
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> count("select count(*) as n from events where event_type = 'TaskOpened.v1'") == 19);
    }

    @Test
    @Order(6)
    void theMatrixIsConfigurableWithIfMatchAndBadInputIsAProblem() {
        String etag = given().get("/api/v1/districts/500105/responsibilities").then().statusCode(200)
                .body("defaultLead.code", equalTo("jw")).extract().header("ETag");
        given().contentType("application/json").header("If-Match", etag)
                .body("{\"rules\": [{\"indicators\": [\"RA5\"], \"lead\": {\"code\": \"gh\", \"name\": \"区规划自然资源局\"},"
                        + " \"coDepartments\": []}], \"defaultLead\": {\"code\": \"jw\", \"name\": \"区教委\"}}")
                .put("/api/v1/districts/500105/responsibilities").then().statusCode(200)
                .body("rules[0].lead.code", equalTo("gh"));
        given().contentType("application/json").header("If-Match", etag)
                .body("{\"rules\": [], \"defaultLead\": {\"code\": \"jw\", \"name\": \"区教委\"}}")
                .put("/api/v1/districts/500105/responsibilities").then().statusCode(412);
        given().get("/api/v1/tasks?district=5001").then().statusCode(400).body("errors[0].field", equalTo("district"));
        given().get("/api/v1/tasks?district=500104&status=DONE").then().statusCode(400);
        given().get("/api/v1/tasks?district=500104&overdue=maybe").then().statusCode(400)
                .body("errors[0].field", equalTo("overdue")).body("errors[0].value", equalTo("maybe"));
        given().get("/api/v1/tasks?district=500104&period=2024a").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        given().get("/api/v1/tasks?district=500104&overdue=true&period=2024").then().statusCode(200);
        given().get("/api/v1/tasks/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/tasks/nope").then().statusCode(400);
    }

    /** A PDF of {@code size} bytes whose content differs by {@code seed}. */
    static byte[] pdf(int size, int seed) {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2};

    /** The school RA4 task's lead department, as the task names it, assigned so that evidence may be attached. */
    private String assignedTask(String indicator, String school) throws Exception {
        FindingRaised finding = findings().stream().filter(f -> f.indicator().code().equals(indicator)
                && school.equals(f.subject().schoolCode())).findFirst().orElseThrow();
        String task = "/api/v1/tasks/" + TaskStore.taskIdFor(finding.findingId());
        var view = given().get(task).then().statusCode(200).extract();
        String lead = "u-lead-1;department;" + view.jsonPath().getString("task.lead.code");
        if ("OPEN".equals(view.jsonPath().getString("task.status"))) {
            act(task, "assign", view.header("ETag"), lead, "{}", 200);
        }
        return task;
    }

    private static String leadOf(String task) {
        return "u-lead-1;department;" + given().get(task).jsonPath().getString("task.lead.code");
    }

    private static final String BOUNDARY = "----junheng-evidence-test";

    /** A multipart request as a browser sends it (file names in UTF-8, which RestAssured's own encoder loses). */
    private static io.restassured.specification.RequestSpecification upload(String authorization, String etag) {
        return given().header("Authorization", authorization).header("If-Match", etag)
                .contentType("multipart/form-data; boundary=" + BOUNDARY);
    }

    /** The form: pairs of form field and file name, each followed by its content. */
    private static byte[] form(Object... fieldNameContent) throws java.io.IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < fieldNameContent.length; i += 3) {
            String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fieldNameContent[i] + "\""
                    + (fieldNameContent[i + 1] == null ? "" : "; filename=\"" + fieldNameContent[i + 1] + "\"")
                    + "\r\nContent-Type: application/octet-stream\r\n\r\n";
            body.write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write((byte[]) fieldNameContent[i + 2]);
            body.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        body.write(("--" + BOUNDARY + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private long storedFiles() {
        return count("select count(*) as n from evidence_files");
    }

    private long storedChunks() {
        return count("select count(*) as n from evidence_chunks");
    }

    @Test
    @Order(7)
    void filesUploadedAsEvidenceAreStoredOnceHashedByTheServerAndReadBackAsUploaded() throws Exception {
        String task = assignedTask("RA4", "2150019533");
        String lead = leadOf(task);
        byte[] report = pdf(1_500_000, 1); // two chunks
        Response uploaded = upload("Bearer " + DevTokens.forActor(lead), given().get(task).header("ETag"))
                .body(form("file", "教学仪器设备购置验收报告.pdf", report, "file", "C:\\fakepath\\实验室照片.png", PNG))
                .post(task + "/evidence");
        uploaded.then().statusCode(200).body("task.evidence.size()", equalTo(2))
                .body("task.evidence[0].name", equalTo("教学仪器设备购置验收报告.pdf"))
                .body("task.evidence[1].name", equalTo("实验室照片.png"));
        String sha = uploaded.jsonPath().getString("task.evidence[0].sha256");
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(report)), sha, "the server computes the hash");
        assertEquals(task + "/evidence/" + sha, uploaded.jsonPath().getString("task.evidence[0].location"));
        assertEquals(2, count("select count(*) as n from evidence_chunks where sha256 = '" + sha + "'"));

        var download = given().get(task + "/evidence/" + sha).then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("inline;"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''"
                        + java.net.URLEncoder.encode("教学仪器设备购置验收报告.pdf", java.nio.charset.StandardCharsets.UTF_8)))
                .extract();
        org.junit.jupiter.api.Assertions.assertArrayEquals(report, download.asByteArray());
        given().get(task + "/evidence/" + sha.toUpperCase() + "?download=true").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;"));
        String png = uploaded.jsonPath().getString("task.evidence[1].sha256");
        org.junit.jupiter.api.Assertions.assertArrayEquals(PNG, given().get(task + "/evidence/" + png).then()
                .statusCode(200).contentType("image/png").extract().asByteArray());

        // the same report for another task: a second event, not a second copy
        String other = assignedTask("GG5", "2150019533");
        long files = storedFiles();
        long chunks = storedChunks();
        upload("Bearer " + DevTokens.forActor(leadOf(other)), given().get(other).header("ETag"))
                .body(form("file", "验收报告副本.pdf", report)).post(other + "/evidence").then()
                .statusCode(200).body("task.evidence[0].sha256", equalTo(sha));
        assertEquals(files, storedFiles());
        assertEquals(chunks, storedChunks());
        org.junit.jupiter.api.Assertions.assertArrayEquals(report, given().get(other + "/evidence/" + sha).then()
                .statusCode(200).header("Content-Disposition", org.hamcrest.Matchers.containsString(
                        java.net.URLEncoder.encode("验收报告副本", java.nio.charset.StandardCharsets.UTF_8)))
                .extract().asByteArray());
        List<String> types = given().get(other + "/history").jsonPath().getList("type");
        assertEquals("EvidenceAttached.v1", types.get(types.size() - 1));

        // who may read it follows the task: its school yes, another school and an uninvolved department no
        given().header("Authorization", "Bearer " + DevTokens.forActor("u-s1;school;2150019533"))
                .get(task + "/evidence/" + sha).then().statusCode(200);
        given().header("Authorization", "Bearer " + DevTokens.forActor("u-s2;school;2150202506"))
                .get(task + "/evidence/" + sha).then().statusCode(404);
        given().get(task + "/evidence/" + "0".repeat(64)).then().statusCode(404)
                .body("type", equalTo("https://junheng.org/problems/evidence-not-found"));
        // a reference to a file kept elsewhere, pinned by an upper-case hash as PowerShell's Get-FileHash prints it
        String upper = "AB".repeat(32);
        act(task, "evidence", given().get(task).header("ETag"), lead, "{\"name\": \"外部存档.pdf\", \"sha256\": \""
                + upper + "\", \"location\": \"s3://archive/a.pdf\"}", 200)
                .then().body("task.evidence[2].sha256", equalTo(upper.toLowerCase()));
        given().get(task + "/evidence/" + upper).then().statusCode(404)
                .body("type", equalTo("https://junheng.org/problems/evidence-kept-elsewhere"));
    }

    @Test
    @Order(8)
    void refusedUploadsStoreNothingAndSayWhichFileAndWhy() throws Exception {
        String task = assignedTask("GG4", "2150019533");
        String lead = "Bearer " + DevTokens.forActor(leadOf(task));
        String etag = given().get(task).header("ETag");
        long files = storedFiles();
        long chunks = storedChunks();
        long events = count("select count(*) as n from events");

        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        upload(lead, etag)
                .body(form("file", "照片.pdf", pdf(1000, 2), "file", "整改说明.pdf", exe)).post(task + "/evidence").then()
                .statusCode(415).body("type", equalTo("https://junheng.org/problems/unsupported-file-type"))
                .body("errors[0].field", equalTo("file[1]")).body("errors[0].value", equalTo("整改说明.pdf"));
        // a ZIP that is no Word or Excel file
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("run.bat"));
            out.write("echo".getBytes());
        }
        upload(lead, etag)
                .body(form("file", "报告.docx", zip.toByteArray())).post(task + "/evidence").then()
                .statusCode(415);
        // over the configured size (2 MB in tests, 50 MB by default)
        upload(lead, etag)
                .body(form("file", "扫描件.pdf", pdf(3 * 1024 * 1024, 3))).post(task + "/evidence")
                .then().statusCode(413).body("type", equalTo("https://junheng.org/problems/file-too-large"))
                .body("errors[0].field", equalTo("file[0]"));
        upload(lead, etag)
                .body(form("file", "空.pdf", new byte[0])).post(task + "/evidence").then()
                .statusCode(400).body("errors[0].field", equalTo("file[0]"));
        upload(lead, etag).body(form("note", null, "没有文件".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .post(task + "/evidence").then().statusCode(400).body("errors[0].field", equalTo("file"));
        // a valid file on a stale version: refused, and its content is not kept either
        upload(lead, "\"1\"")
                .body(form("file", "方案.pdf", pdf(5000, 4))).post(task + "/evidence").then()
                .statusCode(412);
        // a school may not attach evidence
        upload("Bearer " + DevTokens.forActor("u-s1;school;2150019533"), etag).body(form("file", "方案.pdf", pdf(5000, 4)))
                .post(task + "/evidence").then().statusCode(403);

        assertEquals(files, storedFiles());
        assertEquals(chunks, storedChunks());
        assertEquals(events, count("select count(*) as n from events"));
        // a Word file is accepted, and offered for download rather than shown
        java.io.ByteArrayOutputStream docx = new java.io.ByteArrayOutputStream();
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            document.createParagraph().createRun().setText("整改报告");
            document.write(docx);
        }
        String sha = upload(lead, etag)
                .body(form("file", "整改报告.docx", docx.toByteArray()))
                .post(task + "/evidence").then().statusCode(200).extract().jsonPath().getString("task.evidence[0].sha256");
        given().get(task + "/evidence/" + sha).then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;"));
    }

    private static String wordText(byte[] docx) throws Exception {
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
             var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    @Test
    @Order(9)
    void supervisionNoticesAreWordDocumentsOfTheTaskAsItStoodOnTheDayAskedFor() throws Exception {
        String task = assignedTask("RA4", "2150019533");
        var response = given().get(task + "/supervision-notice.docx").then().statusCode(200)
                .contentType(org.junheng.service.documents.WordDocument.MEDIA_TYPE)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''"
                        + java.net.URLEncoder.encode("整改督办单", java.nio.charset.StandardCharsets.UTF_8)))
                .extract();
        String text = wordText(response.asByteArray());
        org.junheng.infra.TestDocuments.keep("supervision-notice-task.docx", response.asByteArray());
        var state = given().get(task).jsonPath();
        for (String expected : List.of("整改督办单", "督办等级：", state.getString("task.subject.schoolName"),
                state.getString("task.lead.name"), state.getString("task.gap"), "教学仪器设备购置验收报告.pdf",
                "外部存档.pdf", "区教育督导室", "数据截至")) {
            assertTrue(text.contains(expected), expected + " missing from " + text);
        }
        // as it stood when the first files were attached: the later reference is not in it yet
        var history = given().get(task + "/history").jsonPath();
        int first = history.getList("type").indexOf("EvidenceAttached.v1");
        String then = history.getString("[" + first + "].recordedAt");
        String before = wordText(given().queryParam("asOf", then).get(task + "/supervision-notice.docx").then()
                .statusCode(200).extract().asByteArray());
        assertTrue(before.contains("教学仪器设备购置验收报告.pdf") && !before.contains("外部存档.pdf"), before);
        assertTrue(before.contains("依据截至该时刻记录的 " + (first + 1) + " 条事件"), before);
        given().queryParam("asOf", "2000-01-01").get(task + "/supervision-notice.docx").then().statusCode(404);
        given().queryParam("asOf", "+999999999-12-31").get(task + "/supervision-notice.docx").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));

        // the department's notice: its open tasks, most urgent first, and no one else's
        String department = "/api/v1/districts/" + DISTRICT + "/departments/jw/supervision-notice.docx";
        byte[] departmentNotice = given().get(department).then().statusCode(200).extract().asByteArray();
        org.junheng.infra.TestDocuments.keep("supervision-notice-department.docx", departmentNotice);
        String all = wordText(departmentNotice);
        long open = given().get("/api/v1/tasks?district=" + DISTRICT + "&department=jw").jsonPath()
                .getList("findAll { it.status != 'VERIFIED' && it.status != 'CLOSED' }").size();
        assertTrue(all.contains("区教委") && all.contains("尚有 " + open + " 项未完成"), all);
        given().header("Authorization", "Bearer " + DevTokens.forActor("u-cz-1;department;cz")).get(department).then()
                .statusCode(403);
        given().header("Authorization", "Bearer " + DevTokens.forActor("u-jw-17;department;jw")).get(department)
                .then().statusCode(200);
        given().get("/api/v1/districts/" + DISTRICT + "/departments/nope/supervision-notice.docx").then()
                .statusCode(400).body("errors[0].field", equalTo("code"));
    }

    @Test
    @Order(10)
    void theAuditExportListsEveryEventOfTheDistrictInWordsStreamedInPages() throws Exception {
        long events = count("select count(*) as n from events where metadata ->> 'district' = '" + DISTRICT + "'");
        assertTrue(events > 7 * 3, "more events than several pages of 7 (the test page size)");
        byte[] csv = given().get("/api/v1/audit?district=" + DISTRICT).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''"))
                .extract().asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csv[0], csv[1], csv[2]), "a BOM for Excel");
        List<String> lines = new String(csv, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertEquals(events + 1, lines.size(), "a header and one line per event");
        assertTrue(lines.get(0).contains("操作人") && lines.get(0).contains("理由"), lines.get(0));
        String all = String.join("\n", lines);
        for (String expected : List.of("整改任务下达", "上传佐证材料", "核验不通过", "现场核查仅2间投入使用", "督导室",
                "责任单位")) {
            assertTrue(all.contains(expected), expected + " missing");
        }
        // in log order, each position once
        List<Long> positions = lines.stream().skip(1).map(line -> Long.parseLong(line.substring(1, line.indexOf('"', 1))))
                .toList();
        assertEquals(positions.stream().sorted().distinct().toList(), positions);

        byte[] xlsx = given().get("/api/v1/audit?district=" + DISTRICT + "&format=xlsx").then().statusCode(200)
                .extract().asByteArray();
        org.junheng.infra.TestDocuments.keep("audit.xlsx", xlsx);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertEquals(events + 1, workbook.getSheetAt(0).getPhysicalNumberOfRows());
            assertEquals("事件", workbook.getSheetAt(0).getRow(0).getCell(2).getStringCellValue());
        }
        // bounded by time: nothing before the campaign's first event, everything up to now
        assertEquals(1, new String(given().get("/api/v1/audit?district=" + DISTRICT + "&to=2000-01-01").asByteArray(),
                java.nio.charset.StandardCharsets.UTF_8).lines().count());
        given().get("/api/v1/audit?district=" + DISTRICT + "&format=pdf").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().header("Authorization", "Bearer " + DevTokens.forActor(EDUCATION)).get("/api/v1/audit?district="
                + DISTRICT).then().statusCode(403);
        given().header("Authorization", "Bearer " + DevTokens.forActor(SUPERVISOR)).get("/api/v1/audit?district=500199")
                .then().statusCode(404);
    }

    @Test
    @Order(11)
    void theRectificationReportStatesEveryIndicatorEachDepartmentAndEveryFindingsMeasuresAsOfTheDay() throws Exception {
        String report = "/api/v1/districts/" + DISTRICT + "/periods/2024/rectification-report.docx";
        Instant beforeResults = Instant.now();
        var cv = new org.junheng.contracts.evaluation.Variation(org.junheng.contracts.IndicatorCode.CV_RA5_P, 20, 23000,
                new java.math.BigDecimal("8.1"), new java.math.BigDecimal("4.39"), new java.math.BigDecimal("0.5423"),
                new java.math.BigDecimal("0.50"), false, List.of());
        publish(List.of(new org.junheng.contracts.evaluation.EvaluationEvent.CountyEvaluated(DISTRICT, 2024, "CN-2017",
                        32, 30, List.of(cv), List.of(new org.junheng.contracts.evaluation.IndicatorValue(
                        org.junheng.contracts.IndicatorCode.EQ4, new java.math.BigDecimal("12.5"),
                        new java.math.BigDecimal("10"), true))),
                new org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged(DISTRICT, 2024, "CN-2017", false,
                        List.of(new org.junheng.contracts.evaluation.ReadinessReason(
                                org.junheng.contracts.IndicatorCode.CV_RA5_P, "小学体育运动场馆面积差异系数0.542，高于0.50")),
                        18)), 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) as n from district_evaluations") == 2);

        byte[] reportDocument = given().get(report).then().statusCode(200).extract().asByteArray();
        org.junheng.infra.TestDocuments.keep("rectification-report.docx", reportDocument);
        String text = wordText(reportDocument);
        for (String expected : List.of("整改情况报告（2024年度）", "尚未达到市级验收条件", "高于0.50",
                "小学生均体育运动场馆面积差异系数", "0.542", "0.50", "未达标", "参评学校学段32个，校级资源配置达标30个",
                "各责任单位整改情况", "区教委", "改造2间普通教室为网络多媒体教室", "整改中，完成90%，已逾期", "数据截至",
                "本年度尚未制定整改方案。", "本年度未设立整改项目。")) {
            assertTrue(text.contains(expected), expected + " missing from " + text);
        }
        long tasks = count("select count(*) as n from tasks where district_code = '" + DISTRICT + "' and period = 2024"
                + " and (closure is null or closure <> 'NO_LONGER_APPLICABLE')");
        assertTrue(text.contains("共形成整改任务" + tasks + "项"), text);
        // as it stood before the results arrived: no indicator table yet, the same tasks
        String before = wordText(given().queryParam("asOf", beforeResults.toString()).get(report).then().statusCode(200)
                .extract().asByteArray());
        assertTrue(before.contains("本年度尚无县域测算结果") && before.contains("尚无评估结论"), before);
        given().header("Authorization", "Bearer " + DevTokens.forActor(EDUCATION)).get(report).then().statusCode(403);
        given().get("/api/v1/districts/" + DISTRICT + "/periods/20x4/rectification-report.docx").then()
                .statusCode(400).body("errors[0].field", equalTo("year"));
    }

    @Test
    @Order(12)
    void theDataAReadinessVerdictLacksBecome报送TasksThatCloseWhenTheDataArrive() throws Exception {
        var pay = new org.junheng.contracts.evaluation.ReadinessReason(org.junheng.contracts.IndicatorCode.GG8,
                "GG8 教师平均工资收入：未报送教师与公务员年平均工资收入",
                org.junheng.contracts.evaluation.ReadinessReason.Kind.DATA_MISSING);
        var care = new org.junheng.contracts.evaluation.ReadinessReason(org.junheng.contracts.IndicatorCode.GG15_CARE,
                "GG15-CARE 留守儿童关爱体系健全：待督导认定",
                org.junheng.contracts.evaluation.ReadinessReason.Kind.AWAITING_ATTESTATION);
        var veto = new org.junheng.contracts.evaluation.ReadinessReason(org.junheng.contracts.IndicatorCode.V2,
                "V2 违规择校：尚未声明", org.junheng.contracts.evaluation.ReadinessReason.Kind.AWAITING_ATTESTATION);
        var unmet = new org.junheng.contracts.evaluation.ReadinessReason(org.junheng.contracts.IndicatorCode.GG5,
                "GG5 班额：3个学校学段未达标", org.junheng.contracts.evaluation.ReadinessReason.Kind.UNMET);
        String dataTasks = "/api/v1/tasks?district=" + DISTRICT + "&period=2025&kind=DATA_SUBMISSION";
        publish(List.of(readiness2025(pay, care, veto, unmet)), 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get(dataTasks).jsonPath().getList("taskId")
                .size() == 3);
        var listed = given().get(dataTasks).jsonPath();
        assertEquals("rs", listed.getString("find { it.indicator == 'GG8' }.leadDepartment"));
        assertEquals("dd", listed.getString("find { it.indicator == 'GG15-CARE' }.leadDepartment"));
        assertEquals("ldb", listed.getString("find { it.indicator == 'V2' }.leadDepartment"));
        assertEquals("报送", listed.getString("find { it.indicator == 'GG8' }.kindLabel"));
        assertEquals(Campaign.standard().dataDueDate(LocalDate.now(clock)).toString(),
                listed.getString("find { it.indicator == 'GG8' }.dueDate"));
        assertEquals(0, given().get("/api/v1/tasks?district=" + DISTRICT + "&period=2025&kind=RECTIFICATION")
                .jsonPath().getList("taskId").size(), "an unmet item is a finding's task, not a 报送 task");
        // the human resources bureau is asked for it in its own list
        assertTrue(given().get("/api/v1/tasks?district=" + DISTRICT + "&department=rs&period=2025").jsonPath()
                .getList("indicator").contains("GG8"));

        // the pay figures and the care attestation arrive: a later verdict names only the veto declaration
        publish(List.of(readiness2025(veto, unmet)), 1);
        String payTask = "/api/v1/tasks/" + listed.getString("find { it.indicator == 'GG8' }.taskId");
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(given().get(payTask).jsonPath()
                .getString("task.status")));
        given().get(payTask).then().body("task.closure", equalTo("DATA_SUBMITTED"));
        assertEquals("CLOSED", given().get("/api/v1/tasks/" + listed.getString("find { it.indicator == 'GG15-CARE' }"
                + ".taskId")).jsonPath().getString("task.status"));
        assertEquals("OPEN", given().get("/api/v1/tasks/" + listed.getString("find { it.indicator == 'V2' }.taskId"))
                .jsonPath().getString("task.status"));

        // the pay figures are withdrawn: the same task reopens, no second one
        publish(List.of(readiness2025(pay, veto, unmet)), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "IN_PROGRESS".equals(given().get(payTask).jsonPath()
                .getString("task.status")));
        assertEquals(3, given().get(dataTasks).jsonPath().getList("taskId").size());
        assertEquals(3, count("select count(*) as n from events where event_type = 'TaskOpened.v1' and stream_id in "
                + "(select 'task/' || task_id from tasks where kind = 'DATA_SUBMISSION')"));
    }

    private static org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged readiness2025(
            org.junheng.contracts.evaluation.ReadinessReason... reasons) {
        return new org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged(DISTRICT, 2025, "CN-2017", false,
                List.of(reasons), 1);
    }

    static final String LISTS = "/api/v1/districts/" + DISTRICT + "/periods/2023/outside-problems";
    static final String FEEDBACK = """
            {"source": {"kind": "MUNICIPAL_ASSESSMENT", "documentNumber": "渝教督〔2025〕12号", "issuedOn": "2024-06-30"},
             "items": [
               {"number": 1, "indicator": "GG5", "schoolCode": "2150473309", "schoolName": "重庆市大渡口区钢花小学",
                "description": "四年级3个班超过45人，最大班额52人"},
               {"number": 2, "indicator": "EQ4", "description": "教师培训经费未单独列支", "leadDepartment": "区财政局",
                "dueDate": "2024-12-31"}]}""";


    @Test
    @Order(13)
    void aMunicipalFeedbackListBecomesTasksWithItsSourceAndOnlyOnce() {
        JsonPath entered = given().header("Authorization", "Bearer " + DevTokens.forActor(SUPERVISOR))
                .contentType("application/json").body(FEEDBACK).post(LISTS).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("市级督导评估反馈", entered.getString("kindLabel"));
        assertEquals(List.of(1, 2), entered.getList("tasks.item"));
        String classSize = "/api/v1/tasks/" + entered.getString("tasks[0].taskId");
        JsonPath task = given().get(classSize).then().statusCode(200).extract().jsonPath();
        assertEquals("MUNICIPAL_ASSESSMENT", task.getString("task.source.kind"));
        assertEquals("渝教督〔2025〕12号", task.getString("task.source.documentNumber"));
        assertEquals(1, task.getInt("task.source.item"));
        assertEquals("jw", task.getString("task.lead.code"), "GG5: the matrix's lead");
        assertEquals("2150473309", task.getString("task.subject.schoolCode"));
        assertTrue(task.getString("task.title").startsWith("市级督导评估反馈：重庆市大渡口区钢花小学四年级3个班"),
                task.getString("task.title"));
        assertEquals("OPEN", task.getString("task.status"));
        JsonPath pay = given().get("/api/v1/tasks/" + entered.getString("tasks[1].taskId")).then().extract().jsonPath();
        assertEquals("cz", pay.getString("task.lead.code"), "the unit the list names leads");
        assertEquals("2024-12-31", pay.getString("task.dueDate"));
        assertEquals("COUNTY", pay.getString("task.subject.level"));
        // the office is named as who entered it
        assertEquals("u-ddr-03", given().get(classSize + "/history").jsonPath().getString("[0].actor.subject"));

        // the same list again: the same tasks, nothing opened twice
        JsonPath again = given().contentType("application/json").body(FEEDBACK).post(LISTS).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(entered.getList("tasks.taskId"), again.getList("tasks.taskId"));
        assertEquals(2, given().get("/api/v1/tasks?district=" + DISTRICT + "&period=2023").jsonPath()
                .getList("taskId").size());

        // resolved by judgment (复查): the office verifies and signs it off like any task
        given().header("Authorization", "Bearer " + DevTokens.forActor(SUPERVISOR)).get(classSize).then()
                .body("actions.operation", equalTo(List.of("accountability", "extend", "reassign")));
    }


    @Test
    @Order(14)
    void aListWithMistakesNamesEachAndEntersNothing() {
        String bad = """
                {"source": {"kind": "INSPECTION", "issuedOn": "2099-01-01"},
                 "items": [
                   {"number": 1, "indicator": "XX9", "description": "操场积水"},
                   {"number": 1, "indicator": "GG3", "schoolCode": "2150473309", "description": ""},
                   {"number": 4, "indicator": "RA5", "description": "运动场地不足", "leadDepartment": "区外单位",
                    "dueDate": "2020-01-01"}]}""";
        JsonPath problem = given().contentType("application/json").body(bad).post(LISTS.replace("2023", "2022"))
                .then().statusCode(400).extract().jsonPath();
        List<String> fields = problem.getList("errors.field");
        for (String expected : List.of("source.documentNumber", "source.issuedOn", "items[0].indicator",
                "items[1].number", "items[1].schoolName", "items[1].description", "items[2].leadDepartment",
                "items[2].dueDate")) {
            assertTrue(fields.contains(expected), expected + " not in " + fields);
        }
        assertTrue(problem.getString("detail").contains("未录入任何条目"), problem.getString("detail"));
        // a null in the list is named too
        given().contentType("application/json").body(FEEDBACK.replace("\"items\": [", "\"items\": [null, "))
                .post(LISTS.replace("2023", "2022")).then().statusCode(400).body("errors[0].field", equalTo("items[0]"));
        assertEquals(0, given().get("/api/v1/tasks?district=" + DISTRICT + "&period=2022").jsonPath().getList("taskId").size());
        // not the office's to enter
        given().header("Authorization", "Bearer " + DevTokens.forActor("u-jw-17;department;jw"))
                .contentType("application/json").body(FEEDBACK).post(LISTS).then().statusCode(403);
        given().contentType("application/json").body("{\"source\": {\"kind\": \"NOPE\"}}").post(LISTS).then()
                .statusCode(400);
    }

    @Test
    @Order(15)
    void anInspectionListImportedFromTheTemplateNamesEachBadCellThenEntersEveryRow() throws Exception {
        String importing = LISTS.replace("2023", "2021") + "/import";
        byte[] template = given().get("/api/v1/import-templates/outside-problems.xlsx").then().statusCode(200)
                .extract().asByteArray();
        byte[] withMistakes = filledList(template, List.of(
                List.of("1", "GG5", "2150473309", "重庆市大渡口区钢花小学", "五年级班额超标", "", ""),
                List.of("2", "RA9", "", "", "实验室仪器老化", "", "2024/13/40")));
        JsonPath refused = given().multiPart("file", "督学检查问题清单.xlsx", withMistakes)
                .multiPart("kind", "INSPECTION").multiPart("documentNumber", "大渡口督学〔2025〕3号")
                .multiPart("issuedOn", "2024-05-20").post(importing).then().statusCode(422).extract().jsonPath();
        assertTrue(refused.getString("type").endsWith("/import-rejected"), refused.getString("type"));
        assertEquals(List.of(3, 3), refused.getList("errors.row"));
        assertEquals(List.of("B", "G"), refused.getList("errors.column"));
        assertEquals(List.of("指标代码", "整改期限"), refused.getList("errors.header"));
        assertEquals(0, given().get("/api/v1/tasks?district=" + DISTRICT + "&period=2021").jsonPath().getList("taskId").size());

        byte[] right = filledList(template, List.of(
                List.of("1", "GG5", "2150473309", "重庆市大渡口区钢花小学", "五年级班额超标", "", ""),
                List.of("2", "RA6", "", "", "实验室仪器老化", "jw", "2024/12/31")));
        JsonPath entered = given().multiPart("file", "督学检查问题清单.xlsx", right).multiPart("kind", "INSPECTION")
                .multiPart("documentNumber", "大渡口督学〔2025〕3号").multiPart("issuedOn", "2024-05-20")
                .post(importing).then().statusCode(200).extract().jsonPath();
        assertEquals(2, entered.getList("tasks").size());
        assertEquals("2024-12-31", entered.getString("tasks[1].dueDate"));
        assertEquals("INSPECTION", given().get("/api/v1/tasks/" + entered.getString("tasks[0].taskId")).jsonPath()
                .getString("task.source.kind"));
        // the source is required: a missing 文号 names the form field
        given().multiPart("file", "x.xlsx", right).multiPart("kind", "INSPECTION").multiPart("issuedOn", "2024-05-20")
                .post(importing).then().statusCode(400).body("errors[0].field", equalTo("documentNumber"));
    }

    /** The template with {@code rows} below its header. */
    static byte[] filledList(byte[] template, List<List<String>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheet("问题清单");
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.createRow(i + 1);
                for (int c = 0; c < rows.get(i).size(); c++) {
                    if (!rows.get(i).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(i).get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static final String ROAD = "/api/v1/districts/" + DISTRICT + "/recognition";

    static void recordStage(String body, int status) {
        given().header("Authorization", "Bearer " + DevTokens.forActor("u-ddr-03;supervisor;", "王督学"))
                .contentType("application/json").body(body).post(ROAD + "/stages").then().statusCode(status);
    }

    @Test
    @Order(16)
    void theOfficeRecordsTheRoadAndARegressionAfterRecognitionPutsItAtRisk() throws Exception {
        given().get(ROAD).then().statusCode(200).body("stageLabel", equalTo("未开始"))
                .body("recognised", equalTo(false));
        recordStage("""
                {"stage": "SELF_ASSESSMENT", "date": "2021-03-01", "remarks": "完成自评，形成自评报告"}""", 200);
        // a stage skipped: refused in words, nothing recorded
        given().contentType("application/json").body("""
                {"stage": "NATIONAL_APPLICATION", "date": "2021-04-01", "documentNumber": "渝府教督〔2021〕3号"}""")
                .post(ROAD + "/stages").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("当前阶段为“自评”，不能记录“申报国家认定”"));
        recordStage("""
                {"stage": "MUNICIPAL_ASSESSMENT", "date": "2021-06-30"}""", 400);
        given().header("Authorization", "Bearer " + DevTokens.forActor("u-jw-17;department;jw"))
                .contentType("application/json").body("""
                {"stage": "MUNICIPAL_ASSESSMENT", "date": "2021-06-30", "outcome": "PASSED",
                 "documentNumber": "渝教督〔2021〕12号"}""").post(ROAD + "/stages").then().statusCode(403);
        recordStage("""
                {"stage": "MUNICIPAL_ASSESSMENT", "date": "2021-06-30", "outcome": "PASSED",
                 "documentNumber": "渝教督〔2021〕12号", "remarks": "反馈问题12项"}""", 200);
        recordStage("""
                {"stage": "NATIONAL_APPLICATION", "date": "2021-09-01", "documentNumber": "渝府教督〔2021〕3号"}""", 200);
        recordStage("""
                {"stage": "NATIONAL_RECOGNITION", "date": "2022-05-20", "outcome": "PASSED",
                 "documentNumber": "国教督〔2022〕8号"}""", 200);
        given().header("Authorization", "Bearer " + DevTokens.forActor("u-school;school;2150473309"))
                .get(ROAD).then().statusCode(200).body("stageLabel", equalTo("国家认定：通过"))
                .body("recognised", equalTo(true)).body("atRisk", equalTo(false))
                .body("history.stageLabel", equalTo(List.of("自评", "市级督导评估", "申报国家认定", "国家认定")))
                .body("history[1].recordedBy.name", equalTo("王督学"));

        // the evaluation's monitoring finds a regression: the recognition is at risk, the finding gets its task
        UUID finding = UUID.randomUUID();
        Subject school = Subject.schoolSection("2150473309", "重庆市大渡口区钢花小学", Section.P);
        publish(List.of(new FindingReopened(finding, DISTRICT, 2023, school,
                IndicatorCode.GG5, new BigDecimal("52"), new BigDecimal("45"), "最大班额52人", Severity.COUNTY_RULE,
                "CN-2017", FindingReopened.REGRESSION_PREFIX + "：2022年已整改销号，2023年再次未达标")), 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get(ROAD).jsonPath().getBoolean("atRisk"));
        given().get(ROAD).then().body("risks.size()", equalTo(1)).body("risks[0].indicator", equalTo("GG5"));
        assertEquals("OPEN", given().get("/api/v1/tasks/" + TaskStore.taskIdFor(finding)).jsonPath()
                .getString("task.status"));

        // an earlier monitoring year passed changes nothing; the year of the regression passed ends the risk
        recordStage("""
                {"stage": "MONITORING", "date": "2023-04-01", "outcome": "PASSED", "monitoringYear": 2022}""", 200);
        given().get(ROAD).then().body("atRisk", equalTo(true));
        recordStage("""
                {"stage": "MONITORING", "date": "2024-04-01", "outcome": "PASSED", "monitoringYear": 2023}""", 200);
        given().get(ROAD).then().body("atRisk", equalTo(false)).body("stageLabel", equalTo("动态监测（2023年）：通过"));
    }

    static final String PLAN = "/api/v1/districts/" + DISTRICT + "/periods/2024/rectification-plan";
    static final String UNITS = "/api/v1/districts/" + DISTRICT + "/responsible-units";

    static io.restassured.specification.RequestSpecification asOffice() {
        return given().header("Authorization", "Bearer " + DevTokens.forActor(SUPERVISOR, "王督学"))
                .contentType("application/json");
    }

    @Test
    @Order(17)
    void thePlanIsDrawnUpFromTheTasksApprovedByTheLeadingGroupAndItsProjectsKeepTheirMilestones() throws Exception {
        given().get(PLAN).then().statusCode(200).body("statusLabel", equalTo("未起草"));
        List<Map<String, Object>> year = given().get("/api/v1/tasks?district=" + DISTRICT
                + "&period=2024&kind=RECTIFICATION").jsonPath().getList("$");
        long planned = year.stream().filter(t -> !"NO_LONGER_APPLICABLE".equals(t.get("closure"))).count();
        String first = (String) year.get(0).get("taskId");
        String second = (String) year.get(1).get("taskId");
        String project = """
                {"name": "新建音乐教室", "leadDepartment": "区教委", "taskIds": ["%s", "%s"], "budget": 380.5,
                 "fundingSource": "区级财政预算", "milestones": [{"description": "完成设计", "dueDate": "2024-10-31"},
                 {"description": "竣工验收", "dueDate": "2025-08-31"}]}""".formatted(first, second);
        asOffice().body(project).post(PLAN + "/projects").then().statusCode(200)
                .body("projects[0].tasks.size()", equalTo(2)).body("projects[0].lead.code", equalTo("jw"))
                .body("projects[0].milestones[0].statusLabel", equalTo("逾期未完成"));
        // every mistake named, nothing stored; a department may not
        asOffice().body("""
                {"name": "操场改造", "leadDepartment": "区外单位", "taskIds": ["%s", "%s"], "budget": -1,
                 "milestones": [{"description": "开工"}]}""".formatted(first, UUID.randomUUID()))
                .post(PLAN + "/projects").then().statusCode(400)
                .body("errors.field", equalTo(List.of("leadDepartment", "taskIds[0]", "taskIds[1]", "budget",
                        "milestones[0].dueDate")))
                .body("errors[1].reason", org.hamcrest.Matchers.containsString("新建音乐教室"));
        // a null in the list is refused where the body is read, naming it
        asOffice().body("""
                {"name": "操场改造", "leadDepartment": "jw", "taskIds": ["%s", null]}""".formatted(second))
                .post(PLAN + "/projects").then().statusCode(400).body("errors.field", equalTo(List.of("taskIds[1]")));
        given().get(PLAN).then().body("projects.size()", equalTo(1));
        given().header("Authorization", "Bearer " + DevTokens.forActor(EDUCATION)).contentType("application/json")
                .body("{\"title\": \"方案\"}").post(PLAN + "/versions").then().statusCode(403);

        JsonPath drafted = asOffice().body("""
                {"title": "大渡口区义务教育优质均衡发展整改方案", "remarks": "首版"}""").post(PLAN + "/versions")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("第1版待领导小组审定", drafted.getString("statusLabel"));
        assertEquals((int) planned, drafted.getInt("versions[0].tasks"));
        List<Map<String, Object>> items = drafted.getList("versions[0].items");
        assertEquals(2, items.stream().filter(i -> i.get("projectId") != null).count(), "the project's two tasks");
        List<Object> withMeasures = year.stream().filter(t -> t.get("measures") != null).map(t -> t.get("measures"))
                .toList();
        assertFalse(withMeasures.isEmpty(), "a task of the year was planned earlier in this test");
        assertTrue(items.stream().map(i -> i.get("measures")).toList().containsAll(withMeasures));

        // approved the day it was drawn up (the test's clock), not before
        LocalDate day = LocalDate.now(clock);
        String today = day.toString();
        asOffice().body("""
                {"approvedOn": "%s", "approvedBy": "领导小组"}""".formatted(LocalDate.now(clock).minusDays(1)))
                .post(PLAN + "/versions/1/approval").then().statusCode(400)
                .body("errors[0].field", equalTo("approvedOn"));
        asOffice().body("""
                {"approvedOn": "%s", "approvedBy": "区义务教育优质均衡发展领导小组第3次会议",
                 "documentNumber": "大渡口府办〔2024〕88号"}""".formatted(today)).post(PLAN + "/versions/1/approval").then()
                .statusCode(200).body("versionInForce", equalTo(1))
                .body("statusLabel", equalTo("第1版已审定（" + day.getYear() + "年" + day.getMonthValue() + "月"
                        + day.getDayOfMonth() + "日，区义务教育优质均衡发展领导小组第3次会议）"));
        asOffice().body("""
                {"title": "大渡口区义务教育优质均衡发展整改方案（修订）"}""").post(PLAN + "/versions").then()
                .statusCode(200);
        asOffice().body("""
                {"approvedOn": "%s", "approvedBy": "领导小组"}""".formatted(today)).post(PLAN + "/versions/1/approval").then()
                .statusCode(409).body("detail", org.hamcrest.Matchers.containsString("第1版已被第2版取代"));
        given().get(PLAN).then().body("statusLabel", equalTo("第2版待领导小组审定；现行为第1版"))
                .body("versions.statusLabel", equalTo(List.of("待领导小组审定", "现行（已审定）")));

        String projectId = given().get(PLAN).jsonPath().getString("projects[0].projectId");
        asOffice().body("""
                {"milestone": "完成设计", "reachedOn": "2024-10-30", "note": "设计方案已评审"}""")
                .post(PLAN + "/projects/" + projectId + "/milestones").then().statusCode(200)
                .body("projects[0].milestones[0].statusLabel", equalTo("已完成（2024年10月30日）"))
                .body("projects[0].progressLabel", equalTo("节点完成1/2"));
        asOffice().body("""
                {"milestone": "完成设计", "reachedOn": "2024-10-30"}""")
                .post(PLAN + "/projects/" + projectId + "/milestones").then().statusCode(409);
        assertEquals(1, count("select count(*) as n from events where event_type = 'PlanApproved.v1'"));
        // the 整改报告 states the version in force, the revision awaiting approval and the project's milestones
        String report = wordText(given().get("/api/v1/districts/" + DISTRICT + "/periods/2024/rectification-report.docx")
                .then().statusCode(200).extract().asByteArray());
        for (String expected : List.of("本年度整改方案《大渡口区义务教育优质均衡发展整改方案》第1版经区义务教育优质均衡发展领导小组第3次会议审定",
                "大渡口府办〔2024〕88号", "修订后的第2版待领导小组审定。设立整改项目1个", "四、整改项目", "新建音乐教室",
                "380.5（区级财政预算）", "完成设计（2024年10月31日前）：已完成（2024年10月30日）", "竣工验收（2025年8月31日前）")) {
            assertTrue(report.contains(expected), expected + " missing from " + report);
        }
        assertEquals(2, count("select count(*) as n from events where event_type = 'PlanVersionDrafted.v1'"
                + " and metadata->'actor'->>'subject' = 'u-ddr-03'"));
    }

    @Test
    @Order(18)
    void eachUnitHasItsLeaderAndItsSummonsesApartFromAnyTask() {
        List<String> units = given().get(UNITS).then().statusCode(200).extract().jsonPath()
                .getList("units.department.code");
        assertTrue(units.containsAll(List.of("jw", "cz", "ga", "dd", "ldb")), units.toString());
        asOffice().body("""
                {"leader": "李明", "post": "区财政局局长", "pledgeSignedOn": "2024-03-01",
                 "pledgeDocument": "大渡口教督〔2024〕3号"}""").put(UNITS + "/cz/leader").then().statusCode(200);
        asOffice().body("""
                {"leader": "赵刚", "post": "区财政局局长", "pledgeSignedOn": "2024-09-01"}""")
                .put(UNITS + "/区财政局/leader").then().statusCode(200);
        asOffice().body("""
                {"kind": "INTERVIEW", "person": "赵刚（区财政局局长）", "date": "2024-11-01",
                 "reason": "生均公用经费未按标准拨付", "outcome": "表态：年底前补足"}""")
                .post(UNITS + "/cz/accountability").then().statusCode(200);
        JsonPath view = given().header("Authorization", "Bearer " + DevTokens.forActor("u-cz;department;cz"))
                .get(UNITS).then().statusCode(200).extract().jsonPath();
        int cz = view.getList("units.department.code").indexOf("cz");
        assertEquals("赵刚", view.getString("units[" + cz + "].leader.leader"));
        assertEquals(List.of("李明"), view.getList("units[" + cz + "].earlierLeaders.leader"));
        assertEquals("生均公用经费未按标准拨付", view.getString("units[" + cz + "].records[0].reason"));
        assertEquals("王督学", view.getString("units[" + cz + "].records[0].recordedBy.name"));

        asOffice().body("""
                {"leader": "王五", "post": "局长", "pledgeSignedOn": "2024-03-01"}""").put(UNITS + "/xx/leader")
                .then().statusCode(400).body("errors[0].field", equalTo("department"));
        asOffice().body("""
                {"kind": "INTERVIEW", "person": "赵刚", "date": "2099-01-01", "reason": "x"}""")
                .post(UNITS + "/cz/accountability").then().statusCode(400).body("errors[0].field", equalTo("date"));
        given().header("Authorization", "Bearer " + DevTokens.forActor(EDUCATION)).contentType("application/json")
                .body("{\"kind\": \"INTERVIEW\"}").post(UNITS + "/cz/accountability").then().statusCode(403);
        given().header("Authorization", "Bearer " + DevTokens.forActor("u-school;school;2150473309")).get(UNITS)
                .then().statusCode(403);
        assertEquals(1, count("select count(*) as n from events where event_type = 'UnitAccountabilityRecorded.v1'"));
    }

    @Test
    @Order(19)
    void anUnknownFilterIsRefusedByNameAndASchoolIsFoundByItsName() {
        String tasks = "/api/v1/tasks?district=" + DISTRICT;
        given().get(tasks + "&lead=cz").then().statusCode(400).body("errors[0].field", equalTo("lead"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("未知的查询参数“lead”"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("department"));
        given().get(tasks + "&dueBefore=2025-01-01").then().statusCode(400)
                .body("errors[0].field", equalTo("dueBefore"));
        given().get("/api/v1/districts/" + DISTRICT + "/recognition?x=1").then().statusCode(400)
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("此操作不接受查询参数"));
        List<String> byCode = given().get(tasks + "&school=2150473309").jsonPath().getList("taskId");
        assertFalse(byCode.isEmpty());
        assertEquals(byCode, given().get(tasks + "&school=重庆市大渡口区钢花小学").jsonPath().getList("taskId"));
    }

    @Inject
    io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter spans;

    /** A fresh W3C trace id for each run. */
    static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private List<io.opentelemetry.sdk.trace.data.SpanData> trace(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static boolean has(List<io.opentelemetry.sdk.trace.data.SpanData> trace, String name,
                               io.opentelemetry.api.trace.SpanKind kind) {
        return trace.stream().anyMatch(span -> span.getName().equals(name) && span.getKind() == kind);
    }

    @Test
    @Order(20)
    void aRequestAndAConsumedRecordEachLeaveOneTraceThroughTheLogTheRelayAndTheBroker() throws Exception {
        var SERVER = io.opentelemetry.api.trace.SpanKind.SERVER;
        var INTERNAL = io.opentelemetry.api.trace.SpanKind.INTERNAL;
        var PRODUCER = io.opentelemetry.api.trace.SpanKind.PRODUCER;
        var CONSUMER = io.opentelemetry.api.trace.SpanKind.CONSUMER;
        // a command under the caller's trace: the request, the append and the publication of its event
        String requestTrace = newTraceId();
        asOffice().header("traceparent", "00-" + requestTrace + "-b7ad6b7169203331-01").body("""
                {"leader": "周强", "post": "区公安分局副局长", "pledgeSignedOn": "2024-03-01"}""")
                .put(UNITS + "/ga/leader").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> has(trace(requestTrace), "publish junheng.rectification.v1",
                PRODUCER));
        var request = trace(requestTrace);
        var server = request.stream().filter(span -> span.getKind() == SERVER).findFirst().orElseThrow();
        assertEquals("b7ad6b7169203331", server.getParentSpanId(), "the request continues the caller's span");
        var append = request.stream().filter(span -> span.getName().equals("event-log append")).findFirst()
                .orElseThrow(() -> new AssertionError("no append span in " + request));
        assertEquals(INTERNAL, append.getKind());
        assertEquals("responsible-units/" + DISTRICT, append.getAttributes().get(
                io.opentelemetry.api.common.AttributeKey.stringKey("junheng.stream")));
        var publish = request.stream().filter(span -> span.getKind() == PRODUCER).findFirst().orElseThrow();
        assertEquals("ResponsibleLeaderNamed.v1", publish.getAttributes().get(
                io.opentelemetry.api.common.AttributeKey.stringKey("junheng.event.type")));
        assertEquals(1L, publish.getAttributes().get(io.opentelemetry.api.common.AttributeKey.longKey("junheng.events")));
        // the event keeps the request's trace, and its record names the publication's span for the consumers
        String stored = pool.preparedQuery("select metadata->>'traceparent' as t from events"
                        + " where event_type = 'ResponsibleLeaderNamed.v1' order by global_position desc limit 1")
                .execute().await().indefinitely().iterator().next().getString("t");
        assertTrue(stored.startsWith("00-" + requestTrace + "-"), stored);

        // a finding consumed under the evaluation's trace: the consumer's span, the task's append and publication
        String recordTrace = newTraceId();
        FindingRaised first = findings().get(0);
        FindingRaised elsewhere = new FindingRaised(UUID.randomUUID(), "500105", first.period(), first.subject(),
                first.indicator(), first.measured(), first.required(), first.gap(), first.severity(),
                first.standardVersion(), first.measuredExact());
        publishTraced(elsewhere, "00-" + recordTrace + "-00f067aa0ba902b7-01");
        await().atMost(Duration.ofSeconds(60)).until(() -> has(trace(recordTrace), "publish junheng.rectification.v1",
                PRODUCER));
        var consumed = trace(recordTrace);
        assertTrue(consumed.stream().anyMatch(span -> span.getKind() == CONSUMER
                && span.getParentSpanId().equals("00f067aa0ba902b7")), "the consumer continues the record's span: "
                + consumed);
        assertTrue(has(consumed, "event-log append", INTERNAL), consumed.toString());
        assertTrue(consumed.stream().anyMatch(span -> span.getKind() == PRODUCER && "TaskOpened.v1".equals(
                span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("junheng.event.type")))),
                consumed.toString());
    }

    @Test
    @Order(21)
    void aConsumersLogLinesCarryTheTraceOfTheRecordItHandles() throws Exception {
        String recordTrace = newTraceId();
        var record = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>("junheng.evaluation.v1",
                DISTRICT, "不是 CloudEvent".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record.headers().add("traceparent", ("00-" + recordTrace + "-00f067aa0ba902b7-01")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (Producer<String, byte[]> producer = OutboxRelay.producer(
                TestInfrastructure.shared().kafkaBootstrapServers(), Map.of())) {
            producer.send(record).get();
        }
        java.nio.file.Path log = java.nio.file.Path.of("target/rectification-test.log.json");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        await().atMost(Duration.ofSeconds(30)).until(() -> java.nio.file.Files.readAllLines(log).stream()
                .anyMatch(line -> line.contains(recordTrace)));
        var line = json.readTree(java.nio.file.Files.readAllLines(log).stream()
                .filter(text -> text.contains(recordTrace)).findFirst().orElseThrow());
        assertTrue(line.path("message").asText().contains("parked"), line.toString());
        assertEquals("WARN", line.path("level").asText());
        assertEquals(recordTrace, line.at("/mdc/traceId").asText(), line.toString());
        assertEquals(16, line.at("/mdc/spanId").asText().length(), line.toString());
    }

    @Inject
    org.junheng.service.metrics.DatabaseGauges gauges;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @Test
    @Order(22)
    void theGaugesOperationsWatchAgreeWithWhatTheApiShows() {
        long overdueInLists = 0;
        for (String district : List.of(DISTRICT, "500105")) {
            var tasks = given().get("/api/v1/tasks?district=" + district).then().statusCode(200).extract().jsonPath();
            List<Boolean> overdue = tasks.getList("overdue");
            List<String> status = tasks.getList("status");
            for (int i = 0; i < overdue.size(); i++) {
                overdueInLists += overdue.get(i) && !List.of("VERIFIED", "CLOSED").contains(status.get(i)) ? 1 : 0;
            }
        }
        assertTrue(overdueInLists > 0, "the deadlines passed earlier left tasks overdue");
        gauges.refresh();
        assertEquals(overdueInLists, registry.get("junheng.tasks.overdue").gauge().value());
        // the record parked above waits for an operator
        assertTrue(registry.get("junheng.consumer.parked.waiting").gauge().value() >= 1);
        // with the tests' commands all published, the relay is not behind
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            gauges.refresh();
            return registry.get("junheng.relay.lag.events").gauge().value() == 0
                    && registry.get("junheng.relay.lag.seconds").gauge().value() == 0;
        });
    }

    static void publishTraced(PublishedEvent event, String traceparent) throws Exception {
        try (Producer<String, byte[]> producer = OutboxRelay.producer(
                TestInfrastructure.shared().kafkaBootstrapServers(), Map.of())) {
            NewEvent newEvent = PublishedEvents.toNewEvent(event, new EventMetadata(null, "test", null, null, null,
                    traceparent, null));
            StoredEvent stored = new StoredEvent(new FeedPosition(1, 1), "test", "Test", 1, newEvent.eventId(),
                    newEvent.eventType(), newEvent.payloadJson(), newEvent.metadata(), Instant.now());
            producer.send(CloudEventRecords.toRecord(stored, new CatalogRouter().route(stored),
                    URI.create("/junheng/test"))).get();
        }
    }

    private static Response act(String task, String action, String etag, String actor, String body, int status) {
        var request = given().contentType("application/json")
                .header("Authorization", "Bearer " + DevTokens.forActor(actor)).body(body);
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        Response response = request.post(task + "/" + action);
        response.then().statusCode(status);
        return response;
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong("n");
    }

    static void publish(List<? extends PublishedEvent> events, int copies) throws Exception {
        try (Producer<String, byte[]> producer = OutboxRelay.producer(
                TestInfrastructure.shared().kafkaBootstrapServers(), Map.of())) {
            for (PublishedEvent event : events) {
                NewEvent newEvent = PublishedEvents.toNewEvent(event, new EventMetadata(null, "test", null, null, null,
                        null, null));
                StoredEvent stored = new StoredEvent(new FeedPosition(1, 1), "test", "Test", 1, newEvent.eventId(),
                        newEvent.eventType(), newEvent.payloadJson(), newEvent.metadata(), Instant.now());
                var route = new CatalogRouter().route(stored);
                for (int i = 0; i < copies; i++) {
                    producer.send(CloudEventRecords.toRecord(stored, route, URI.create("/junheng/test"))).get();
                }
            }
        }
    }
}
