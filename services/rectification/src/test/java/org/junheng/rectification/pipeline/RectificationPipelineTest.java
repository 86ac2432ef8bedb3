package org.junheng.rectification.pipeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
                .body("dueDate", org.hamcrest.Matchers.everyItem(equalTo(today.plusDays(90).toString())));
        given().get("/api/v1/tasks?district=" + DISTRICT + "&indicator=RA2").then()
                .body("dueDate", org.hamcrest.Matchers.everyItem(equalTo(today.plusDays(180).toString())));
        // the finance bureau sees the tasks it leads (EQ4) and those it helps with (RA4, RA5, RA6, GG3/GG4 …)
        List<String> financeIndicators = given().get("/api/v1/tasks?district=" + DISTRICT + "&department=cz")
                .jsonPath().getList("indicator");
        assertTrue(financeIndicators.containsAll(List.of("EQ4", "RA5", "RA6")), financeIndicators.toString());
        assertTrue(!financeIndicators.contains("GG5") && !financeIndicators.contains("RA2"));
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

        // the school's corrected data resolve the finding: the task is verified by data and closed
        publish(List.of(new FindingEvent.FindingResolved(finding.findingId(), DISTRICT, 2024, finding.subject(),
                finding.indicator(), ResolutionBasis.DATA, new java.math.BigDecimal("2.38"), finding.required(),
                "CN-2017")), 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(given().get(task).jsonPath()
                .getString("task.status")));
        given().get(task).then().body("task.verification", equalTo("DATA"));
        List<String> steps = given().get(task + "/history").jsonPath().getList("type");
        assertEquals(List.of("TaskOpened.v1", "TaskAssigned.v1", "PlanSubmitted.v1", "ProgressReported.v1",
                "EvidenceAttached.v1", "SubmittedForVerification.v1", "TaskRejected.v1", "ProgressReported.v1",
                "SubmittedForVerification.v1", "TaskVerified.v1", "TaskClosed.v1"), steps);
        var history = given().get(task + "/history").jsonPath();
        assertEquals("u-ddr-03", history.getString("[6].actor.subject"));
        assertEquals("supervisor", history.getString("[6].actor.role"));
        assertEquals("rectification", history.getString("[9].actor.subject"));

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
