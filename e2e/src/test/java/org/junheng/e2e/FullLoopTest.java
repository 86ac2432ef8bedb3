package org.junheng.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junheng.contracts.Topics;
import org.junheng.infra.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole loop with the four services as real processes: import → findings → tasks → the department works the
 * task → the supervisor rejects once → the school's corrected data resolve the finding → the task is verified by
 * data → notices on Kafka and SSE → the finding's timeline; then a replay of every read model after a full stop, and
 * a consumer killed with -9 in the middle of an import.
 */
class FullLoopTest {

    static final String DISTRICT = "500104";
    static final String CRASH_DISTRICT = "500105";
    static final int YEAR = 2024;
    /** 钢花小学: its one finding, GG13 (in-catchment admission), is fixed by correcting one figure. */
    static final String GANGHUA = "2150473309";
    static final Map<String, String> INTAKE_ADMIN = Api.actor("u-admin;admin;", "管理员");
    static final Map<String, String> EDUCATION = Api.actor("u-jw-17;department;jw", "李明");
    static final Map<String, String> SUPERVISOR = Api.actor("u-ddr-03;supervisor;", "王督学");
    static final Map<String, String> SCHOOL = Api.actor("u-2150473309;school;2150473309", "钢花小学填报员");

    static Cluster cluster;
    static Path sample;

    @BeforeAll
    static void start() throws Exception {
        cluster = new Cluster();
        cluster.startAll();
        sample = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent()
                .resolve("services/school-intake/src/main/resources/sample");
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.stopAll();
        cluster.close();
    }

    @Test
    void theWholeLoopThenReplayThenACrash() throws Exception {
        String intake = cluster.url("school-intake");
        String evaluation = cluster.url("indicator-evaluation");
        String rectification = cluster.url("rectification");
        String notices = cluster.url("supervision-notices");
        String period = evaluation + "/api/v1/districts/" + DISTRICT + "/periods/" + YEAR;

        // ---- import the sample → findings → one task per finding, with the matrix's departments
        loadSample(DISTRICT);
        await().atMost(Duration.ofSeconds(90)).until(() -> Api.getAnswer(period + "/readiness").status() == 200);
        JsonNode findings = Api.get(evaluation + "/api/v1/findings?district=" + DISTRICT + "&status=OPEN");
        assertEquals(19, findings.size());
        Set<String> cleanLedger = ledgerShape(Api.get(period + "/ledger"));
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.get(rectification + "/api/v1/tasks?district="
                + DISTRICT).size() == 19);
        JsonNode tasks = Api.get(rectification + "/api/v1/tasks?district=" + DISTRICT);
        for (JsonNode task : tasks) {
            String indicator = task.path("indicator").asText();
            String lead = task.path("leadDepartment").asText();
            assertEquals(indicator.equals("EQ4") ? "cz" : "jw", lead, indicator);
        }
        // the sample's notices, once each: one digest, readiness to the office and the leading group, each task to its
        // lead and to every co-responsible department
        int expectedAssignments = 0;
        for (JsonNode t : tasks) {
            expectedAssignments += 1 + t.path("coDepartments").size();
        }
        int assignments = expectedAssignments;
        await().atMost(Duration.ofSeconds(60)).until(() -> kinds(notices).getOrDefault("TASK_ASSIGNED", 0) >= assignments);
        // and no more arrive: the counts hold for a second
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .until(() -> kinds(notices).get("TASK_ASSIGNED") == assignments);
        Map<String, Integer> kinds = kinds(notices);
        assertEquals(1, kinds.get("FINDINGS_DIGEST"), kinds.toString());
        assertEquals(2, kinds.get("READINESS_CHANGED"), kinds.toString());
        assertEquals(expectedAssignments, kinds.get("TASK_ASSIGNED"), kinds.toString());
        JsonNode sportsTask = find(tasks, "indicator", "RA5");
        assertTrue(sportsTask.path("coDepartments").toString().contains("gh"), "RA5: planning bureau helps");

        // ---- the department works 钢花小学's GG13 task; the supervisor rejects once
        JsonNode ganghuaTask = find(tasks, "schoolCode", GANGHUA);
        String findingId = ganghuaTask.path("findingId").asText();
        String task = rectification + "/api/v1/tasks/" + ganghuaTask.path("taskId").asText();
        String etag = Api.getAnswer(task).etag();
        etag = act(task, "assign", etag, "{}", EDUCATION);
        etag = act(task, "plan", etag, "{\"measures\": \"严格按学区划片招生，清理跨片入学\", \"plannedCompletion\":"
                + " \"2025-08-31\"}", EDUCATION);
        etag = act(task, "progress", etag, "{\"percentComplete\": 60, \"description\": \"已核查38名跨片学生\"}",
                EDUCATION);
        etag = act(task, "evidence", etag, "{\"name\": \"划片入学核查表.xlsx\", \"sha256\": \"" + "c".repeat(64)
                + "\", \"location\": \"s3://junheng-evidence/500104/ganghua.xlsx\"}", EDUCATION);
        etag = act(task, "submit", etag, "{\"summary\": \"已完成核查\"}", EDUCATION);
        etag = act(task, "reject", etag, "{\"reason\": \"尚未提供新学年入学数据\"}", SUPERVISOR);

        // ---- the school's corrected data resolve the finding; the task is verified by data
        var form = Api.getAnswer(intake + "/api/v1/districts/" + DISTRICT + "/periods/" + YEAR + "/schools/" + GANGHUA
                + "/statistics");
        ObjectNode statistics = (ObjectNode) form.body().path("statistics").deepCopy();
        for (JsonNode section : statistics.withArray("sections")) {
            ((ObjectNode) section).put("inCatchmentPupils", section.path("pupils").asInt());
        }
        ObjectNode correction = Api.JSON.createObjectNode();
        correction.set("statistics", statistics);
        correction.put("reason", "更正划片入学人数 (catchment admissions corrected)");
        Map<String, String> headers = new LinkedHashMap<>(SCHOOL);
        headers.put("If-Match", form.etag());
        assertEquals(200, Api.put(intake + "/api/v1/districts/" + DISTRICT + "/periods/" + YEAR + "/schools/"
                + GANGHUA + "/statistics", correction.toString(), headers).status());
        await().atMost(Duration.ofSeconds(60)).until(() -> "CLOSED".equals(Api.get(task).path("task")
                .path("status").asText()));
        assertEquals("DATA", Api.get(task).path("task").path("verification").asText());
        assertEquals("RESOLVED", Api.get(evaluation + "/api/v1/findings/" + findingId).path("status").asText());
        assertEquals(18, Api.get(evaluation + "/api/v1/findings?district=" + DISTRICT + "&status=OPEN").size());

        // ---- notices on Kafka and on the department's SSE stream
        await().atMost(Duration.ofSeconds(30)).until(() -> kafkaNotices().stream().anyMatch(n ->
                n.path("kind").asText().equals("VERIFICATION_RESULT") && n.path("taskIds").toString()
                        .contains(ganghuaTask.path("taskId").asText())));
        List<JsonNode> streamed = sse(notices + "/api/v1/notices/stream?district=" + DISTRICT
                + "&audience=DEPARTMENT/jw", n -> n.path("notice").path("kind").asText().equals("VERIFICATION_RESULT")
                && n.path("notice").path("body").asText().contains("数据复核"));
        assertTrue(streamed.size() >= 1);

        // ---- the finding's timeline: every step in order, with actors
        await().atMost(Duration.ofSeconds(30)).until(() -> steps(notices, findingId).contains("TaskClosed.v1"));
        assertEquals(List.of("FindingRaised.v1", "TaskOpened.v1", "TaskAssigned.v1", "PlanSubmitted.v1",
                "ProgressReported.v1", "EvidenceAttached.v1", "SubmittedForVerification.v1", "TaskRejected.v1",
                "FindingResolved.v1", "TaskVerified.v1", "TaskClosed.v1"), steps(notices, findingId));
        JsonNode timeline = Api.get(notices + "/api/v1/findings/" + findingId + "/timeline");
        assertTrue(find(timeline, "eventType", "TaskRejected.v1").path("actor").asText().startsWith("u-ddr-03"));
        assertTrue(find(timeline, "eventType", "TaskAssigned.v1").path("actor").asText().startsWith("u-jw-17"));

        // ---- replay: stop everything, drop every read model, start again; the same answers, nothing twice
        Map<String, JsonNode> before = snapshot(period, rectification, notices, findingId);
        long noticesBefore = count("notices", "select count(*) from events where event_type = 'NoticeIssued.v1'");
        cluster.stopAll();
        dropReadModels();
        cluster.startAll();
        await().atMost(Duration.ofSeconds(60)).until(() -> snapshot(period, rectification, notices, findingId)
                .equals(before));
        for (String service : List.of("indicator-evaluation", "rectification", "supervision-notices")) {
            for (JsonNode replayed : Api.post(cluster.url(service) + "/api/v1/admin/replay", "", Map.of()).body()) {
                assertTrue(replayed.path("identical").asBoolean(), replayed.toString());
            }
        }
        assertEquals(19, count("rectification", "select count(*) from events where event_type = 'TaskOpened.v1'"));
        assertEquals(noticesBefore, count("notices", "select count(*) from events where event_type = 'NoticeIssued.v1'"),
                "consuming both topics again issued no notice twice");

        // ---- crash: kill -9 the evaluation in the middle of another district's import; the end state is a clean run's
        loadSampleAsync(CRASH_DISTRICT, () -> {
            try {
                cluster.kill("indicator-evaluation");
                cluster.start("indicator-evaluation");
                cluster.awaitReady("indicator-evaluation");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String crashPeriod = evaluation + "/api/v1/districts/" + CRASH_DISTRICT + "/periods/" + YEAR;
        await().atMost(Duration.ofSeconds(120)).until(() -> Api.getAnswer(crashPeriod + "/ledger").status() == 200
                && ledgerShape(Api.get(crashPeriod + "/ledger")).equals(cleanLedger));
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.get(rectification + "/api/v1/tasks?district="
                + CRASH_DISTRICT).size() == 19);
        // anything late or twice would show within two seconds
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                Api.get(rectification + "/api/v1/tasks?district=" + CRASH_DISTRICT).size() == 19
                        && Api.get(evaluation + "/api/v1/findings?district=" + CRASH_DISTRICT).size() == 19);
    }

    @Test
    void everyServiceRefusesMissingExpiredTamperedAndForeignTokensAndKeepsHealthOpen() throws Exception {
        String expired = org.junheng.infra.DevTokens.sign(claims(-3600));
        String valid = org.junheng.infra.DevTokens.sign(claims(3600));
        String tampered = valid.substring(0, valid.lastIndexOf('.') - 4) + "AAAA" + valid.substring(valid.lastIndexOf('.'));
        Map<String, Object> foreign = claims(3600);
        foreign.put("iss", "https://evil.example/issuer");
        String wrongIssuer = org.junheng.infra.DevTokens.sign(foreign);
        Map<String, Object> otherAudience = claims(3600);
        otherAudience.put("aud", "someone-else");
        String wrongAudience = org.junheng.infra.DevTokens.sign(otherAudience);
        Map<String, String> paths = Map.of(
                "school-intake", "/api/v1/districts/500104/schools",
                "indicator-evaluation", "/api/v1/standards",
                "rectification", "/api/v1/tasks?district=500104",
                "supervision-notices", "/api/v1/notices?district=500104");
        for (var entry : paths.entrySet()) {
            String url = cluster.url(entry.getKey()) + entry.getValue();
            assertEquals(401, status(url, null), entry.getKey() + " without a token");
            for (String bad : List.of(expired, tampered, wrongIssuer, wrongAudience, "not.a.jwt")) {
                assertEquals(401, status(url, bad), entry.getKey() + " with a bad token");
            }
            assertEquals(200, status(url, valid), entry.getKey() + " with a good token");
            assertEquals(200, status(cluster.managementUrl(entry.getKey()) + "/q/health/ready", null),
                    "health stays open on the management interface");
            assertEquals(404, status(cluster.url(entry.getKey()) + "/q/health/ready", valid),
                    "and is not served on the API port");
        }
    }

    /**
     * Every role against its own district and a foreign one, per endpoint: allowed, refused (403), or not there at
     * all (404, never revealing that a foreign resource exists); lists and streams hold only the caller's items.
     */
    @Test
    void theAuthorizationMatrix() throws Exception {
        String own = "500107";
        loadSample(own);
        String intake = cluster.url("school-intake");
        String evaluation = cluster.url("indicator-evaluation");
        String rectification = cluster.url("rectification");
        String notices = cluster.url("supervision-notices");
        await().atMost(Duration.ofSeconds(90)).until(() -> Api.get(rectification + "/api/v1/tasks?district=" + own)
                .size() == 19);

        Map<String, String> supervisor = as("u-sup;supervisor;", own);
        Map<String, String> leader = as("u-lead;leader;", own);
        Map<String, String> jw = as("u-jw;department;jw", own);
        Map<String, String> cz = as("u-cz;department;cz", own);
        Map<String, String> school = as("u-school;school;" + GANGHUA, own);
        Map<String, String> foreignSupervisor = as("u-other;supervisor;", "500199");
        Map<String, String> foreignJw = as("u-other-jw;department;jw", "500199");

        // reads: own district yes, foreign district not found
        String schools = intake + "/api/v1/districts/" + own + "/schools";
        String ledger = evaluation + "/api/v1/districts/" + own + "/periods/" + YEAR + "/ledger";
        String taskList = rectification + "/api/v1/tasks?district=" + own;
        String noticeList = notices + "/api/v1/notices?district=" + own;
        for (String url : List.of(schools, ledger, taskList, noticeList)) {
            for (Map<String, String> role : List.of(supervisor, leader, jw, cz, school)) {
                assertEquals(200, get(url, role).status(), url + " " + role.keySet());
            }
            assertEquals(404, get(url, foreignSupervisor).status(), url);
            assertEquals(404, get(url, foreignJw).status(), url);
        }

        // lists hold only what is the caller's
        for (JsonNode task : get(taskList, cz).body()) {
            assertTrue(task.path("leadDepartment").asText().equals("cz")
                    || task.path("coDepartments").toString().contains("\"cz\""), task.toString());
        }
        assertTrue(get(taskList, cz).body().size() < 19 && get(taskList, jw).body().size() == 19);
        for (JsonNode task : get(taskList, school).body()) {
            assertEquals(GANGHUA, task.path("schoolCode").asText());
        }
        for (JsonNode line : get(ledger, school).body().path("lines")) {
            assertEquals(GANGHUA, line.path("schoolCode").asText());
        }
        for (JsonNode notice : get(noticeList, cz).body()) {
            String audience = notice.path("notice").path("audience").path("kind").asText();
            assertTrue(audience.equals("DISTRICT") || notice.path("notice").path("audience").path("code").asText()
                    .equals("cz"), notice.toString());
        }
        JsonNode first = sse(notices + "/api/v1/notices/stream?district=" + own, cz, n -> true).get(0).path("notice");
        assertTrue(first.path("audience").path("code").asText().equals("cz")
                || first.path("audience").path("kind").asText().equals("DISTRICT"), first.toString());

        // a task: visible to its departments only; the lead works it, the office verifies
        JsonNode classSize = find(get(taskList, supervisor).body(), "indicator", "GG5"); // 区教委 + 公安, 街镇
        String task = rectification + "/api/v1/tasks/" + classSize.path("taskId").asText();
        assertEquals(404, get(task, cz).status());
        assertEquals(404, get(task, foreignJw).status());
        assertEquals(200, get(task, jw).status());
        String etag = get(task, jw).etag();
        assertEquals(403, post(task + "/verify", "{}", supervisorOr(jw, etag)).status());
        assertEquals(403, post(task + "/assign", "{}", supervisorOr(supervisor, etag)).status());
        assertEquals(200, post(task + "/assign", "{}", supervisorOr(jw, etag)).status());

        // office-only actions
        String settings = evaluation + "/api/v1/districts/" + own + "/evaluation-settings";
        assertEquals(403, Api.put(settings, "{\"basicBalanceRecognisedIn\": 2014}", jw).status());
        assertEquals(403, Api.put(settings, "{\"basicBalanceRecognisedIn\": 2014}", leader).status());
        assertEquals(200, Api.put(settings, "{\"basicBalanceRecognisedIn\": 2014}", supervisor).status());
        assertEquals(404, Api.put(settings, "{\"basicBalanceRecognisedIn\": 2014}", foreignSupervisor).status());
        String manual = "{\"district\": \"" + own + "\", \"audience\": {\"kind\": \"DEPARTMENT\", \"code\":"
                + " \"cz\"}, \"kind\": \"REMINDER\", \"severity\": \"INFO\", \"title\": \"提醒\", \"body\":"
                + " \"请核对\"}";
        assertEquals(403, post(notices + "/api/v1/notices", manual, jw).status());
        assertEquals(200, post(notices + "/api/v1/notices", manual, supervisor).status());
        assertEquals(403, get(rectification + "/api/v1/districts/" + own + "/scorecard", jw).status());
        assertEquals(200, get(rectification + "/api/v1/districts/" + own + "/scorecard", leader).status());
        assertEquals(403, post(schools, "{}", jw).status());
        assertEquals(403, post(evaluation + "/api/v1/admin/replay", "", supervisor).status());

        // a school reports only its own statistics
        String other = intake + "/api/v1/districts/" + own + "/periods/" + YEAR + "/schools/2150202506/statistics";
        assertEquals(403, Api.put(other, "{\"statistics\": null}", school).status());

        // timelines: the office and leaders of the district, the departments of the finding's task
        String timeline = notices + "/api/v1/findings/" + classSize.path("findingId").asText() + "/timeline";
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.getAnswer(timeline).status() == 200);
        assertEquals(200, get(timeline, leader).status());
        assertEquals(200, get(timeline, jw).status());
        assertEquals(404, get(timeline, cz).status());
        assertEquals(404, get(timeline, foreignSupervisor).status());
    }

    private static Map<String, String> as(String actor, String district) {
        String[] parts = actor.split(";", -1);
        return Map.of("Authorization", "Bearer " + org.junheng.infra.DevTokens.token(parts[0], parts[0], parts[1],
                List.of(district), parts[2].isBlank() ? null : parts[2], Duration.ofHours(1)));
    }

    private static Map<String, String> supervisorOr(Map<String, String> actor, String etag) {
        Map<String, String> headers = new LinkedHashMap<>(actor);
        headers.put("If-Match", etag);
        return headers;
    }

    private static Api.Answer get(String url, Map<String, String> actor) {
        return Api.getAnswer(url, actor);
    }

    private static Api.Answer post(String url, String body, Map<String, String> actor) {
        return Api.post(url, body, actor);
    }

    private static Map<String, Object> claims(long expiresInSeconds) {
        long now = java.time.Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", org.junheng.infra.DevTokens.ISSUER);
        claims.put("aud", org.junheng.infra.DevTokens.AUDIENCE);
        claims.put("sub", "u-test");
        claims.put("groups", List.of("supervisor"));
        claims.put("district", List.of("500104"));
        claims.put("iat", now - 7200);
        claims.put("exp", now + expiresInSeconds);
        return claims;
    }

    private static int status(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // ------------------------------------------------------------------------------------------------------ steps

    private static void loadSample(String district) throws Exception {
        loadSampleAsync(district, () -> { });
    }

    /** Registers the 32 schools and imports the CSV; {@code duringImport} runs right after the import is accepted. */
    private static void loadSampleAsync(String district, Runnable duringImport) throws Exception {
        String intake = cluster.url("school-intake");
        for (JsonNode school : Api.JSON.readTree(sample.resolve("dadukou-500104-schools.json").toFile())) {
            var answer = Api.post(intake + "/api/v1/districts/" + district + "/schools", school.toString(), INTAKE_ADMIN);
            assertEquals(201, answer.status(), answer.body().toString());
        }
        String boundary = "e2e-" + UUID.randomUUID();
        byte[] csv = Files.readAllBytes(sample.resolve("dadukou-500104-2024.csv"));
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sample.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + csv.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(csv, 0, body, head.length, csv.length);
        System.arraycopy(tail, 0, body, head.length + csv.length, tail.length);
        var imported = Api.postBytes(intake + "/api/v1/districts/" + district + "/periods/" + YEAR + "/imports",
                "multipart/form-data; boundary=" + boundary, body, INTAKE_ADMIN);
        assertEquals(200, imported.status(), imported.body().toString());
        duringImport.run();
    }

    private static Map<String, Integer> kinds(String notices) {
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        Api.get(notices + "/api/v1/notices?district=" + DISTRICT).forEach(n -> kinds.merge(n.path("notice")
                .path("kind").asText(), 1, Integer::sum));
        return kinds;
    }

    private static String act(String task, String action, String etag, String body, Map<String, String> actor) {
        Map<String, String> headers = new LinkedHashMap<>(actor);
        headers.put("If-Match", etag);
        var answer = Api.post(task + "/" + action, body, headers);
        assertEquals(200, answer.status(), action + ": " + answer.body());
        return answer.etag();
    }

    private static List<String> steps(String notices, String findingId) {
        List<String> steps = new ArrayList<>();
        for (JsonNode entry : Api.get(notices + "/api/v1/findings/" + findingId + "/timeline")) {
            if (!entry.path("source").asText().equals("supervision-notices")) {
                steps.add(entry.path("eventType").asText());
            }
        }
        return steps;
    }

    /** What a replay must reproduce: ledger, tasks, scorecard, notices and the timeline. */
    private static Map<String, JsonNode> snapshot(String period, String rectification, String notices,
                                                  String findingId) {
        Map<String, JsonNode> snapshot = new LinkedHashMap<>();
        snapshot.put("ledger", Api.get(period + "/ledger"));
        snapshot.put("readiness", Api.get(period + "/readiness"));
        snapshot.put("tasks", Api.get(rectification + "/api/v1/tasks?district=" + DISTRICT));
        snapshot.put("scorecard", Api.get(rectification + "/api/v1/districts/" + DISTRICT + "/scorecard"));
        snapshot.put("notices", Api.get(notices + "/api/v1/notices?district=" + DISTRICT));
        snapshot.put("timeline", Api.get(notices + "/api/v1/findings/" + findingId + "/timeline"));
        return snapshot;
    }

    /**
     * Every read model goes: the projections of each service's own log, and what the notices service keeps from the
     * topics it consumes (timeline, task facts, task board, its inbox and its consumer group offsets), so it reads
     * both topics again from the start. Decisions are not re-run: the evaluation's and rectification's logs stand.
     */
    private static void dropReadModels() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("truncate evaluation.ledger_items, evaluation.ledger_variations,"
                    + " evaluation.ledger_readiness, evaluation.ledger_runs, evaluation.findings");
            statement.execute("truncate rectification.tasks");
            statement.execute("truncate notices.notices restart identity");
            statement.execute("truncate notices.timeline_entries, notices.task_facts, notices.task_board,"
                    + " notices.inbox");
            for (String schema : List.of("evaluation", "rectification", "notices")) {
                statement.execute("delete from " + schema + ".projection_checkpoints");
            }
        }
        Properties properties = new Properties();
        properties.put("bootstrap.servers", TestInfrastructure.shared().kafkaBootstrapServers());
        try (var admin = org.apache.kafka.clients.admin.Admin.create(properties)) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                admin.deleteConsumerGroups(List.of("supervision-notices")).all().get();
                return true;
            });
        }
    }

    private static long count(String schema, String sql) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("set search_path = " + schema);
            var rows = statement.executeQuery(sql);
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect() throws Exception {
        var database = TestInfrastructure.shared().database();
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    /** The ledger's lines without the district: school, section, indicator, status. */
    private static Set<String> ledgerShape(JsonNode ledger) {
        Set<String> shape = new TreeSet<>();
        ledger.path("lines").forEach(line -> shape.add(line.path("schoolCode").asText() + "|"
                + line.path("section").asText() + "|" + line.path("indicator").asText() + "|"
                + line.path("status").asText()));
        return shape;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }

    private static List<JsonNode> kafkaNotices() throws Exception {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> notices = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.NOTICES));
            for (int i = 0; i < 10; i++) {
                for (var record : consumer.poll(Duration.ofMillis(300))) {
                    notices.add(Api.JSON.readTree(record.value()));
                }
            }
        }
        return notices;
    }

    /** Reads the stream from its start until a notice matches; returns the notices read. */
    private static List<JsonNode> sse(String url, java.util.function.Predicate<JsonNode> until) throws Exception {
        return sse(url, Map.of("Authorization", "Bearer " + Api.ADMIN), until);
    }

    private static List<JsonNode> sse(String url, Map<String, String> actor, java.util.function.Predicate<JsonNode> until)
            throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream").header("Authorization", actor.get("Authorization"))
                .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        List<JsonNode> read = new ArrayList<>();
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("data:")) {
                    JsonNode notice = Api.JSON.readTree(line.substring(5).trim());
                    read.add(notice);
                    if (until.test(notice)) {
                        return read;
                    }
                }
            }
        }
        throw new AssertionError("the stream ended before the expected notice; read " + read.size());
    }
}
