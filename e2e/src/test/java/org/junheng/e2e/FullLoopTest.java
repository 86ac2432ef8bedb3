package org.junheng.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    /**
     * 钢花小学: its 38 pupils from outside the catchment keep the county's GG13 (in-catchment admission, a county
     * ratio) unmet; correcting that one figure resolves it.
     */
    static final String GANGHUA = "2150473309";
    /** A service's access table and the operations every service has. */
    static List<org.junheng.service.AccessRule> rules(Class<?> table) {
        List<org.junheng.service.AccessRule> rules = new ArrayList<>(org.junheng.service.AccessRule.rulesOf(table));
        rules.addAll(org.junheng.service.AccessRule.rulesOf(org.junheng.service.CommonAccess.class));
        return rules;
    }

    static final Map<String, String> INTAKE_ADMIN = Api.actor("u-admin;admin;", "管理员");
    static final Map<String, String> EDUCATION = Api.actor("u-jw-17;department;jw", "李明");
    static final Map<String, String> SUPERVISOR = Api.actor("u-ddr-03;supervisor;", "王督学");
    static final Map<String, String> SCHOOL = Api.actor("u-2150473309;school;2150473309", "钢花小学填报员");

    static Cluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = new Cluster();
        cluster.startAll();
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
                + DISTRICT + "&kind=RECTIFICATION").size() == 19);
        JsonNode tasks = Api.get(rectification + "/api/v1/tasks?district=" + DISTRICT + "&kind=RECTIFICATION");
        // ---- what the evaluation could not judge for want of data is somebody's to supply: one 报送 task per item
        // and kind, for the unit owning the figures, the office (督导认定) or the leading group's office (一票否决)
        int gapTasks = PipelineState.gapTasks(cluster, DISTRICT);
        assertTrue(gapTasks >= 10, "the sample leaves many items without data: " + gapTasks);
        String dataTasks = rectification + "/api/v1/tasks?district=" + DISTRICT + "&kind=DATA_SUBMISSION";
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.get(dataTasks).size() == gapTasks);
        // a judgment is the office's to give, a 一票否决 declaration the leading group's office's to make
        Set<String> owners = new java.util.TreeSet<>();
        for (JsonNode dataTask : Api.get(dataTasks)) {
            assertEquals("报送", dataTask.path("kindLabel").asText());
            String lead = dataTask.path("leadDepartment").asText();
            if (dataTask.path("indicator").asText().startsWith("V")) {
                assertEquals("ldb", lead, dataTask.toString());
            } else if (dataTask.path("title").asText().endsWith("待督导认定")) {
                assertEquals("dd", lead, dataTask.toString());
            }
            owners.add(lead);
        }
        assertTrue(owners.containsAll(List.of("dd", "ldb", "jw")), owners.toString());
        // the sample's notices, once each: one digest, readiness to the office and the leading group, each task (整改
        // and 报送) to its lead and to every co-responsible department
        int expectedAssignments = 0;
        for (JsonNode t : Api.get(rectification + "/api/v1/tasks?district=" + DISTRICT)) {
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

        // ---- the department works the county's GG13 task (钢花小学 is where the ratio falls short); the supervisor
        // rejects once
        JsonNode ganghuaTask = find(tasks, "indicator", "GG13");
        assertFalse(ganghuaTask.path("schoolCode").isTextual(), "GG13 is the county's, not a school's");
        String findingId = ganghuaTask.path("findingId").asText();
        String task = rectification + "/api/v1/tasks/" + ganghuaTask.path("taskId").asText();
        String etag = Api.getAnswer(task).etag();
        etag = act(task, "assign", etag, "{}", EDUCATION);
        etag = act(task, "plan", etag, "{\"measures\": \"严格按学区划片招生，清理跨片入学\", \"plannedCompletion\":"
                + " \"2025-08-31\"}", EDUCATION);
        etag = act(task, "progress", etag, "{\"percentComplete\": 60, \"description\": \"已核查38名跨片学生\"}",
                EDUCATION);
        Map<String, String> uploading = new LinkedHashMap<>(EDUCATION);
        uploading.put("If-Match", etag);
        Api.Answer uploaded = Api.upload(task + "/evidence", uploading, "划片入学核查表.xlsx", Api.xlsx());
        assertEquals(200, uploaded.status(), uploaded.body().toString());
        etag = uploaded.etag();
        String evidenceUrl = rectification + uploaded.body().path("task").path("evidence").get(0).path("location").asText();
        var evidenceFile = Api.page(evidenceUrl);
        assertEquals(200, evidenceFile.statusCode());
        assertTrue(evidenceFile.headers().firstValue("Content-Type").orElse("").contains("spreadsheetml"),
                evidenceFile.headers().toString());
        etag = act(task, "submit", etag, "{\"summary\": \"已完成核查\"}", EDUCATION);
        etag = act(task, "reject", etag, "{\"reason\": \"尚未提供新学年入学数据\"}", SUPERVISOR);

        // ---- one record of every poison kind on each consumed topic: parked, every service stays ready
        int poisonPerTopic = poisonEveryConsumedTopic();
        for (String service : Cluster.SERVICES) {
            cluster.awaitReady(service);
        }

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
        // … and waits for the office's review (复核销号): 销号 is the supervisor's, not the data's
        await().atMost(Duration.ofSeconds(30)).until(() -> "VERIFIED".equals(Api.get(task).path("task")
                .path("status").asText()));
        assertEquals("DATA", Api.get(task).path("task").path("verification").asText());
        act(task, "close", Api.getAnswer(task).etag(), "{\"note\": \"复核新报数据无误，予以销号\"}", SUPERVISOR);
        assertEquals("CLOSED", Api.get(task).path("task").path("status").asText());
        assertEquals("RESOLVED", Api.get(evaluation + "/api/v1/findings/" + findingId).path("status").asText());
        assertEquals(18, Api.get(evaluation + "/api/v1/findings?district=" + DISTRICT + "&status=OPEN").size());

        // ---- the poison parked once per consumer, counted in health; an administrator discards it, recorded
        Map<String, Integer> parkedBy = Map.of("indicator-evaluation/school-data", poisonPerTopic,
                "rectification/evaluation", poisonPerTopic, "supervision-notices/evaluation", poisonPerTopic,
                "supervision-notices/rectification", poisonPerTopic, "supervision-notices/school-data", poisonPerTopic,
                "indicator-evaluation/rectification", poisonPerTopic);
        discardParked(parkedBy);
        // the office was told, once for all twenty (rate-limited), in plain Chinese
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds(notices).getOrDefault("SYSTEM_ALERT", 0) == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> kinds(notices).getOrDefault("SYSTEM_ALERT", 0) == 1);
        JsonNode alert = Api.get(notices + "/api/v1/notices?district=" + DISTRICT + "&kind=SYSTEM_ALERT").get(0)
                .path("notice");
        assertEquals("SUPERVISION_OFFICE", alert.path("audience").path("kind").asText());
        assertTrue(alert.path("title").asText().startsWith("系统运维提醒"), alert.toString());

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
        // the printable record a 督学 signs: Chinese steps, people's names, the evidence, the school's correction
        var page = Api.page(notices + "/api/v1/findings/" + findingId + "/timeline.html");
        assertEquals(200, page.statusCode());
        String html = page.body();
        for (String expected : List.of("钢花小学", "整改任务下达", "任务分派", "上传佐证材料", "划片入学核查表.xlsx",
                "核验不通过", "学校年度统计更正", "更正划片入学人数", "钢花小学填报员", "李明", "王督学", "任务关闭")) {
            assertTrue(html.contains(expected), expected + " missing from " + html);
        }
        for (String forbidden : List.of("TaskOpened", ".v1", "u-jw-17", ";department;", "null")) {
            assertFalse(html.contains(forbidden), forbidden + " in " + html);
        }
        assertTrue(html.indexOf("学校年度统计更正") < html.indexOf("问题销号"), "the correction comes before what it resolved");
        String policy = page.headers().allValues("Content-Security-Policy").toString();
        assertTrue(policy.contains("style-src 'sha256-") && !policy.contains("default-src 'none', "), policy);

        // ---- replay: stop everything, drop every read model, start again; the same answers, nothing twice
        Map<String, JsonNode> before = snapshot(period, rectification, notices, findingId);
        long noticesBefore = count("notices", "select count(*) from events where event_type = 'NoticeIssued.v1'");
        cluster.stopAll();
        dropReadModels();
        cluster.startAll();
        retryAfterARestart();
        await().atMost(Duration.ofSeconds(60)).until(() -> snapshot(period, rectification, notices, findingId)
                .equals(before));
        for (String service : List.of("indicator-evaluation", "rectification", "supervision-notices")) {
            for (JsonNode replayed : Api.post(cluster.url(service) + "/api/v1/admin/replay", "", Map.of()).body()) {
                assertTrue(replayed.path("identical").asBoolean(), replayed.toString());
            }
        }
        assertEquals(19 + gapTasks, count("rectification",
                "select count(*) from events where event_type = 'TaskOpened.v1'"));
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
                + CRASH_DISTRICT + "&kind=RECTIFICATION").size() == 19);
        // anything late or twice would show within two seconds
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                Api.get(rectification + "/api/v1/tasks?district=" + CRASH_DISTRICT + "&kind=RECTIFICATION").size() == 19
                        && Api.get(evaluation + "/api/v1/findings?district=" + CRASH_DISTRICT).size() == 19);
    }

    /**
     * The alert rules and the Grafana dashboard (k8s/overlays/prod) name only metrics the running services expose: a
     * renamed gauge would otherwise leave an alert that can never fire.
     */
    @Test
    void everyMetricTheAlertsAndTheDashboardWatchIsExposedByAService() throws Exception {
        java.nio.file.Path repository = java.nio.file.Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        String watched = java.nio.file.Files.readString(repository.resolve("k8s/overlays/prod/alerts.yaml"))
                + java.nio.file.Files.readString(repository.resolve("k8s/overlays/prod/dashboards/junheng.json"));
        java.util.Set<String> named = new java.util.TreeSet<>();
        var matcher = java.util.regex.Pattern.compile("\\b(junheng_[a-z_]+|kafka_consumer_[a-z_]+)\\b").matcher(watched);
        while (matcher.find()) {
            named.add(matcher.group(1));
        }
        assertTrue(named.size() >= 7, named.toString());
        java.util.Set<String> exposed = new java.util.TreeSet<>();
        var http = java.net.http.HttpClient.newHttpClient();
        for (String service : List.of("school-intake", "indicator-evaluation", "rectification", "supervision-notices")) {
            String metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            cluster.managementUrl(service) + "/q/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            metrics.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(exposed::add);
        }
        java.util.Set<String> missing = new java.util.TreeSet<>(named);
        missing.removeAll(exposed);
        assertEquals(java.util.Set.of(), missing, "watched but exposed by no service");
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
     * Every endpoint of every service (held against their OpenAPI documents) called by every role of its own district,
     * a foreign district's supervisor and department, and nobody: allowed, refused (403), or not there at all (404,
     * never revealing that a foreign resource exists); then lists and streams hold only the caller's items.
     */
    @Test
    void theAuthorizationMatrix() throws Exception {
        String own = "500107";
        String foreign = "500199";
        loadSample(own);
        String intake = cluster.url("school-intake");
        String evaluation = cluster.url("indicator-evaluation");
        String rectification = cluster.url("rectification");
        String notices = cluster.url("supervision-notices");
        await().atMost(Duration.ofSeconds(90)).until(() -> Api.get(rectification + "/api/v1/tasks?district=" + own
                + "&kind=RECTIFICATION").size() == 19);

        // the task under test: a school's, led by 区教委 with a helper, and 区财政局 (cz) has no part in it
        JsonNode task = null;
        for (JsonNode candidate : Api.get(rectification + "/api/v1/tasks?district=" + own + "&kind=RECTIFICATION")) {
            if (candidate.path("schoolCode").isTextual() && !candidate.path("schoolCode").asText().equals(GANGHUA)
                    && candidate.path("leadDepartment").asText().equals("jw")
                    && candidate.path("coDepartments").size() > 0
                    && !candidate.path("coDepartments").toString().contains("\"cz\"")) {
                task = candidate;
                break;
            }
        }
        assertTrue(task != null, "the sample has a school task led by jw with a helper other than cz");
        String taskId = task.path("taskId").asText();
        String findingId = task.path("findingId").asText();
        String school = task.path("schoolCode").asText();
        String helper = task.path("coDepartments").get(0).asText();
        Map<String, String> supervisor = as("u-sup;supervisor;", own);
        Map<String, String> jw = as("u-jw;department;jw", own);

        // what the rows need: a county figure set 区教委 owns, two webhooks for 区教委, a notice to it and its delivery
        String survey = "{\"department\": {\"code\": \"jw\", \"name\": \"区教委\"}, \"values\": ["
                + "{\"key\": \"respondents\", \"value\": 3200}, {\"key\": \"satisfaction\", \"value\": 0.93}]}";
        String figures = "/api/v1/districts/" + own + "/periods/" + YEAR + "/county-figures/SATISFACTION_SURVEY";
        assertEquals(201, Api.put(intake + figures, survey, jw).status());
        String hook = "{\"district\": \"" + own + "\", \"audience\": {\"kind\": \"DEPARTMENT\", \"code\": \"jw\"},"
                + " \"url\": \"http://127.0.0.1:9/hook\"}";
        String webhook = post(notices + "/api/v1/webhooks", hook, jw).body().path("subscriptionId").asText();
        String webhookToDelete = post(notices + "/api/v1/webhooks", hook, supervisor).body().path("subscriptionId")
                .asText();
        String toJw = "{\"district\": \"" + own + "\", \"audience\": {\"kind\": \"DEPARTMENT\", \"code\":"
                + " \"jw\"}, \"kind\": \"REMINDER\", \"severity\": \"INFO\", \"title\": \"提醒\", \"body\": \"请核对\"}";
        String notice = post(notices + "/api/v1/notices", toJw, supervisor).body().path("noticeId").asText();
        String deliveries = notices + "/api/v1/webhooks/" + webhook + "/deliveries";
        await().atMost(Duration.ofSeconds(30)).until(() -> get(deliveries, supervisor).body().size() > 0);
        String delivery = get(deliveries, supervisor).body().get(0).path("deliveryId").asText();
        String timeline = notices + "/api/v1/findings/" + findingId + "/timeline";
        await().atMost(Duration.ofSeconds(30)).until(() -> Api.getAnswer(timeline).status() == 200);

        AuthorizationMatrix matrix = new AuthorizationMatrix(own, foreign, "jw", helper, "cz", school, GANGHUA);
        var everyone = AuthorizationMatrix.IN_DISTRICT;
        var any = AuthorizationMatrix.ANY_TOKEN;
        var a = AuthorizationMatrix.Persona.ADMIN;
        var sup = AuthorizationMatrix.Persona.SUPERVISOR;
        var lead = AuthorizationMatrix.Persona.LEADER;
        var city = AuthorizationMatrix.Persona.CITY_SUPERVISOR;
        var leadDept = AuthorizationMatrix.Persona.LEAD_DEPARTMENT;
        var helpDept = AuthorizationMatrix.Persona.HELPING_DEPARTMENT;
        var otherDept = AuthorizationMatrix.Persona.OTHER_DEPARTMENT;
        var ownSchool = AuthorizationMatrix.Persona.OWN_SCHOOL;
        var otherSchool = AuthorizationMatrix.Persona.OTHER_SCHOOL;
        String d = "/api/v1/districts/" + own;
        String p = d + "/periods/" + YEAR;

        // 学校数据采集 school intake
        String si = "school-intake";
        String sd = "/api/v1/districts/{district}";
        String sp = sd + "/periods/{year}";
        matrix.add(si, intake, "POST", sd + "/schools", d + "/schools").json("{}").ok(400).allow(a, sup);
        matrix.add(si, intake, "GET", sd + "/schools", d + "/schools").allow(everyone);
        matrix.add(si, intake, "GET", sd + "/schools/{code}", d + "/schools/" + school).allow(everyone);
        matrix.add(si, intake, "PUT", sd + "/schools/{code}", d + "/schools/" + school).json("{}").ifMatch("999")
                .ok(400, 412).allow(a, sup);
        matrix.add(si, intake, "POST", sd + "/schools/{code}/closure", d + "/schools/" + school + "/closure").json("{}")
                .ifMatch("999").ok(400, 412).allow(a, sup);
        matrix.add(si, intake, "POST", sd + "/schools/{code}/merger", d + "/schools/" + school + "/merger").json("{}")
                .ifMatch("999").ok(400, 412).allow(a, sup);
        matrix.add(si, intake, "GET", sd + "/schools/{code}/history", d + "/schools/" + school + "/history")
                .allow(everyone).hidden(otherSchool);
        String statistics = p + "/schools/" + school + "/statistics";
        String st = sp + "/schools/{code}/statistics";
        // the school itself, the office and the education commission (区教委, the lead department jw here)
        matrix.add(si, intake, "PUT", st, statistics).json("{\"statistics\": null}").ok(400, 428)
                .allow(a, sup, ownSchool, leadDept);
        for (String path : List.of("", "/history")) {
            matrix.add(si, intake, "GET", st + path, statistics + path).allow(everyone).hidden(otherSchool);
        }
        matrix.add(si, intake, "PUT", sp + "/county-figures/{kind}", figures)
                .json(survey).ifMatch("999").ok(412).allow(a, sup, leadDept);
        matrix.add(si, intake, "GET", sp + "/county-figures/{kind}", figures)
                .allow(a, sup, lead, city, leadDept, helpDept, otherDept);
        matrix.add(si, intake, "POST", sp + "/attestations/{indicator}", p + "/attestations/EQ6").json("{}").ok(400)
                .allow(a, sup);
        matrix.add(si, intake, "GET", sp + "/attestations/{indicator}", p + "/attestations/EQ6")
                .allow(a, sup, lead, city, leadDept, helpDept, otherDept);
        String boundary = "matrix-" + UUID.randomUUID();
        byte[] garbage = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nnot;a;statistics;file\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        matrix.add(si, intake, "POST", sp + "/imports", p + "/imports").multipart(boundary, garbage).ok(422)
                .allow(a, sup, leadDept, ownSchool, otherSchool);
        // the template filled with the figures on record: for whoever submits them (a school: its own rows)
        matrix.add(si, intake, "GET", sp + "/import-templates/school-statistics.xlsx",
                p + "/import-templates/school-statistics.xlsx").allow(a, sup, leadDept, ownSchool, otherSchool);
        matrix.add(si, intake, "GET", "/api/v1/import-templates/school-statistics.xlsx",
                "/api/v1/import-templates/school-statistics.xlsx").allow(any);
        matrix.add(si, intake, "GET", "/api/v1/import-templates/school-statistics.csv",
                "/api/v1/import-templates/school-statistics.csv").allow(any);
        matrix.add(si, intake, "GET", "/api/v1/import-templates/school-statistics/columns",
                "/api/v1/import-templates/school-statistics/columns").allow(any);
        matrix.add(si, intake, "GET", "/api/v1/attested-indicators", "/api/v1/attested-indicators").allow(any);

        // 指标评估 indicator evaluation
        String ev = "indicator-evaluation";
        for (String view : List.of("ledger", "ledger.xlsx", "readiness", "variation", "catchment")) {
            matrix.add(ev, evaluation, "GET", sp + "/" + view, p + "/" + view).allow(everyone);
        }
        matrix.add(ev, evaluation, "GET", sd + "/evaluation-settings", d + "/evaluation-settings").allow(everyone);
        matrix.add(ev, evaluation, "PUT", sd + "/evaluation-settings", d + "/evaluation-settings")
                .json("{\"basicBalanceRecognisedIn\": 1990}").ok(400).allow(a, sup);
        matrix.add(ev, evaluation, "GET", "/api/v1/findings", "/api/v1/findings?district=" + own).allow(everyone);
        for (String path : List.of("", "/history")) {
            matrix.add(ev, evaluation, "GET", "/api/v1/findings/{id}" + path, "/api/v1/findings/" + findingId + path)
                    .allow(everyone).hidden(otherSchool);
        }
        matrix.add(ev, evaluation, "GET", "/api/v1/standards", "/api/v1/standards").allow(any);
        matrix.add(ev, evaluation, "POST", sp + "/simulate", p + "/simulate").json("{}").ok(400)
                .allow(a, sup, lead, city, leadDept, helpDept, otherDept);
        // 整改建议 rest on every school's figures: not for schools
        matrix.add(ev, evaluation, "GET", sp + "/variation/{indicator}/remedies", p + "/variation/CV-RA5-P/remedies")
                .allow(a, sup, lead, city, leadDept, helpDept, otherDept);

        // 整改 rectification: the task is its departments' and its school's; the lead works it, the office signs
        String re = "rectification";
        matrix.add(re, rectification, "GET", "/api/v1/tasks", "/api/v1/tasks?district=" + own).allow(everyone);
        for (String path : List.of("", "/history")) {
            matrix.add(re, rectification, "GET", "/api/v1/tasks/{id}" + path, "/api/v1/tasks/" + taskId + path)
                    .allow(a, sup, lead, city, leadDept, helpDept, ownSchool).hidden(otherDept, otherSchool);
        }
        // a file on the task, read back by whoever may see the task (the administrator assigns and uploads it)
        String taskUrl = rectification + "/api/v1/tasks/" + taskId;
        String tag = post(taskUrl + "/assign", "{}", Map.of("If-Match", Api.getAnswer(taskUrl).etag())).etag();
        Api.Answer file = Api.upload(taskUrl + "/evidence", Map.of("If-Match", tag), "核查表.xlsx", Api.xlsx());
        assertEquals(200, file.status(), file.body().toString());
        matrix.add(re, rectification, "GET", "/api/v1/tasks/{id}/evidence/{sha256}",
                        "/api/v1/tasks/" + taskId + "/evidence/" + file.body().path("task").path("evidence").get(0)
                                .path("sha256").asText())
                .allow(a, sup, lead, city, leadDept, helpDept, ownSchool).hidden(otherDept, otherSchool);
        matrix.add(re, rectification, "GET", "/api/v1/tasks/{id}/supervision-notice.docx",
                        "/api/v1/tasks/" + taskId + "/supervision-notice.docx")
                .allow(a, sup, lead, city, leadDept, helpDept, ownSchool).hidden(otherDept, otherSchool);
        matrix.add(re, rectification, "GET", sd + "/departments/{code}/supervision-notice.docx",
                d + "/departments/jw/supervision-notice.docx").allow(a, sup, lead, city, leadDept);
        matrix.add(re, rectification, "GET", sd + "/periods/{year}/rectification-report.docx",
                d + "/periods/" + YEAR + "/rectification-report.docx").allow(a, sup, lead, city);
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("assign", "{}");
        commands.put("plan", "{\"measures\": \"调整班额\", \"plannedCompletion\": \"2025-08-31\"}");
        commands.put("submit", "{\"summary\": \"已完成\"}");
        commands.put("progress", "{\"percentComplete\": 50, \"description\": \"过半\"}");
        commands.put("evidence", "{\"name\": \"报告.pdf\", \"sha256\": \"" + "ab".repeat(32)
                + "\", \"location\": \"s3://evidence/1\"}");
        commands.put("verify", "{}");
        commands.put("reject", "{\"reason\": \"证据不足\"}");
        commands.put("close", "{}");
        commands.put("accountability", "{\"kind\": \"INTERVIEW\", \"person\": \"王强（区教委副主任）\","
                + " \"date\": \"2025-09-15\", \"reason\": \"逾期未整改\"}");
        commands.put("extend", "{\"newDueDate\": \"2026-12-31\", \"reason\": \"施工期\"}");
        commands.put("reassign", "{\"to\": \"cz\", \"reason\": \"职责调整\"}");
        for (var command : commands.entrySet()) {
            var row = matrix.add(re, rectification, "POST", "/api/v1/tasks/{id}/" + command.getKey(),
                    "/api/v1/tasks/" + taskId + "/" + command.getKey()).json(command.getValue()).ifMatch("999")
                    .ok(412).hidden(otherDept, otherSchool);
            switch (command.getKey()) {
                case "assign", "plan", "submit" -> row.allow(a, leadDept);
                case "progress", "evidence" -> row.allow(a, leadDept, helpDept);
                default -> row.allow(a, sup);
            }
        }
        matrix.add(re, rectification, "GET", sd + "/responsibilities", d + "/responsibilities").allow(everyone);
        // the settings in force, sent back with a stale version: allowed callers get 412, nothing changes
        String responsibilities = Api.get(rectification + d + "/responsibilities").toString();
        String campaign = Api.get(rectification + d + "/campaign").toString();
        matrix.add(re, rectification, "PUT", sd + "/responsibilities", d + "/responsibilities").json(responsibilities)
                .ifMatch("999").ok(412).allow(a, sup);
        matrix.add(re, rectification, "GET", sd + "/campaign", d + "/campaign").allow(everyone);
        matrix.add(re, rectification, "PUT", sd + "/campaign", d + "/campaign").json(campaign).ifMatch("999").ok(412)
                .allow(a, sup);
        matrix.add(re, rectification, "GET", sd + "/scorecard", d + "/scorecard").allow(a, sup, lead, city);
        // 创建进程: everyone reads where the district stands; the office records a stage (an empty one is a 400)
        matrix.add(re, rectification, "GET", sd + "/recognition", d + "/recognition").allow(everyone);
        matrix.add(re, rectification, "POST", sd + "/recognition/stages", d + "/recognition/stages").json("{}")
                .ok(400).allow(a, sup);
        // 外部问题清单: the office's; an empty list is a 400 for it, nothing is entered
        matrix.add(re, rectification, "POST", sd + "/periods/{year}/outside-problems", d + "/periods/" + YEAR
                + "/outside-problems").json("{}").ok(400).allow(a, sup);
        String listBoundary = "matrix-" + UUID.randomUUID();
        byte[] notAList = ("--" + listBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nnot;a;problem;list\r\n--" + listBoundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        matrix.add(re, rectification, "POST", sd + "/periods/{year}/outside-problems/import", d + "/periods/" + YEAR
                + "/outside-problems/import").multipart(listBoundary, notAList).ok(422).allow(a, sup);
        matrix.add(re, rectification, "GET", "/api/v1/import-templates/outside-problems.xlsx",
                "/api/v1/import-templates/outside-problems.xlsx").allow(any);
        // 整改方案 and 责任单位: the office records, who reads across the district reads (empty bodies are 400s, an
        // approval before any version a 409, a milestone of no project a 404 — nothing is stored)
        String plan = d + "/periods/" + YEAR + "/rectification-plan";
        String planTemplate = sd + "/periods/{year}/rectification-plan";
        matrix.add(re, rectification, "GET", planTemplate, plan).allow(a, sup, lead, city, leadDept, helpDept,
                otherDept);
        matrix.add(re, rectification, "POST", planTemplate + "/versions", plan + "/versions").json("{}").ok(400)
                .allow(a, sup);
        matrix.add(re, rectification, "POST", planTemplate + "/versions/{version}/approval",
                plan + "/versions/1/approval").json("{}").ok(409).allow(a, sup);
        matrix.add(re, rectification, "POST", planTemplate + "/projects", plan + "/projects").json("{}").ok(400)
                .allow(a, sup);
        matrix.add(re, rectification, "POST", planTemplate + "/projects/{projectId}/milestones",
                plan + "/projects/" + UUID.randomUUID() + "/milestones").json("{}").ok(404).allow(a, sup);
        matrix.add(re, rectification, "GET", sd + "/responsible-units", d + "/responsible-units")
                .allow(a, sup, lead, city, leadDept, helpDept, otherDept);
        matrix.add(re, rectification, "PUT", sd + "/responsible-units/{unit}/leader", d + "/responsible-units/cz/leader")
                .json("{}").ok(400).allow(a, sup);
        matrix.add(re, rectification, "POST", sd + "/responsible-units/{unit}/accountability",
                d + "/responsible-units/cz/accountability").json("{}").ok(400).allow(a, sup);

        // 督导通报 supervision notices
        String no = "supervision-notices";
        matrix.add(no, notices, "GET", "/api/v1/notices", "/api/v1/notices?district=" + own).allow(everyone);
        matrix.add(no, notices, "GET", "/api/v1/notices/stream", "/api/v1/notices/stream?district=" + own).sse()
                .allow(everyone);
        matrix.add(no, notices, "POST", "/api/v1/notices", "/api/v1/notices").json(toJw.replace("提醒", " "))
                .ok(400).allow(a, sup);
        matrix.add(no, notices, "POST", "/api/v1/notices/{id}/ack", "/api/v1/notices/" + notice + "/ack").json("{}")
                .ok(200, 409).allow(a, leadDept).hiddenFromOthers();
        matrix.add(no, notices, "POST", sd + "/bulletins", d + "/bulletins").json("{}").ok(400).allow(a, sup);
        matrix.add(no, notices, "GET", sd + "/bulletins", d + "/bulletins").allow(everyone);
        String bulletinId = post(notices + d + "/bulletins", "{\"issueLabel\": \"矩阵测试期\"}", supervisor).body()
                .path("noticeId").asText();
        matrix.add(no, notices, "GET", sd + "/bulletins/{id}.docx", d + "/bulletins/" + bulletinId + ".docx")
                .allow(everyone);
        for (String path : List.of("timeline", "timeline.html", "timeline/steps")) {
            matrix.add(no, notices, "GET", "/api/v1/findings/{id}/" + path, "/api/v1/findings/" + findingId + "/" + path)
                    .allow(a, sup, lead, city, leadDept, helpDept, ownSchool).hidden(otherDept, otherSchool);
        }
        matrix.add(no, notices, "POST", "/api/v1/webhooks", "/api/v1/webhooks").json(hook.replace("http://", "ftp://"))
                .ok(400).allow(a, sup, leadDept);
        matrix.add(no, notices, "GET", "/api/v1/webhooks", "/api/v1/webhooks?district=" + own)
                .allow(a, sup, leadDept, helpDept, otherDept);
        matrix.add(no, notices, "GET", "/api/v1/webhooks/{id}/deliveries", "/api/v1/webhooks/" + webhook + "/deliveries")
                .allow(a, sup, leadDept).hiddenFromOthers();
        matrix.add(no, notices, "POST", "/api/v1/webhooks/deliveries/{deliveryId}/redeliver",
                "/api/v1/webhooks/deliveries/" + delivery + "/redeliver").ok(202).allow(a, sup, leadDept)
                .hiddenFromOthers();
        matrix.add(no, notices, "DELETE", "/api/v1/webhooks/{id}", "/api/v1/webhooks/" + webhookToDelete).ok(204)
                .allow(a, sup, leadDept).hiddenFromOthers();

        // every service: replay and its checksums are the administrator's (last: a replay rebuilds the read models)
        for (String service : Cluster.SERVICES) {
            matrix.add(service, cluster.url(service), "GET", "/api/v1/admin/replay", "/api/v1/admin/replay").global()
                    .allow(a);
            matrix.add(service, cluster.url(service), "POST", "/api/v1/admin/replay", "/api/v1/admin/replay").global()
                    .allow(a);
            // parked records are the administrator's; an unknown one answers 404 to the administrator only
            String parked = "/api/v1/admin/parked-records";
            matrix.add(service, cluster.url(service), "GET", parked, parked + "?status=ALL").global().allow(a);
            matrix.add(service, cluster.url(service), "GET", parked + "/{id}", parked + "/987654321").global()
                    .ok(404).allow(a);
            matrix.add(service, cluster.url(service), "POST", parked + "/{id}/retry", parked + "/987654321/retry")
                    .global().ok(404).allow(a);
            matrix.add(service, cluster.url(service), "POST", parked + "/{id}/discard", parked + "/987654321/discard")
                    .json("{\"reason\": \"矩阵测试\"}").global().ok(404).allow(a);
            // the audit export of a district is its supervision office's (and the city's)
            matrix.add(service, cluster.url(service), "GET", "/api/v1/audit", "/api/v1/audit?district=" + own)
                    .allow(a, sup, city);
        }

        Set<String> documented = new TreeSet<>();
        for (String service : Cluster.SERVICES) {
            documented.addAll(AuthorizationMatrix.documented(service, cluster.url(service)));
        }
        Set<String> covered = new TreeSet<>();
        matrix.operations().forEach(operation -> covered.add(operation.key()));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(covered);
        Set<String> undocumented = new TreeSet<>(covered);
        undocumented.removeAll(documented);
        assertEquals(Set.of(), missing, "documented operations without a row in the matrix");
        assertEquals(Set.of(), undocumented, "rows for operations the services do not document");
        assertEquals(documented, covered);
        // the services' access tables say the same, role by role
        Map<String, List<org.junheng.service.AccessRule>> tables = new LinkedHashMap<>();
        tables.put("school-intake", rules(org.junheng.intake.IntakeAccess.class));
        tables.put("indicator-evaluation", rules(org.junheng.evaluation.EvaluationAccess.class));
        tables.put("rectification", rules(org.junheng.rectification.RectificationAccess.class));
        tables.put("supervision-notices", rules(org.junheng.notices.NoticesAccess.class));
        assertEquals(List.of(), matrix.disagreementsWith(tables));
        assertEquals(List.of(), matrix.run(), "of " + matrix.requests() + " requests");

        leaksNothingInListsAndStreams(own, foreign);
    }

    /** A department's and a school's lists, ledger lines and stream hold only what is theirs. */
    private static void leaksNothingInListsAndStreams(String own, String foreign) throws Exception {
        String evaluation = cluster.url("indicator-evaluation");
        String rectification = cluster.url("rectification");
        String notices = cluster.url("supervision-notices");
        Map<String, String> jw = as("u-jw;department;jw", own);
        Map<String, String> cz = as("u-cz;department;cz", own);
        Map<String, String> school = as("u-school;school;" + GANGHUA, own);
        String ledger = evaluation + "/api/v1/districts/" + own + "/periods/" + YEAR + "/ledger";
        String taskList = rectification + "/api/v1/tasks?district=" + own + "&kind=RECTIFICATION";
        String noticeList = notices + "/api/v1/notices?district=" + own;

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
        for (JsonNode ratio : get(ledger.replace("/ledger", "/catchment"), school).body()) {
            for (JsonNode one : ratio.path("schools")) {
                assertEquals(GANGHUA, one.path("schoolCode").asText(), "a school sees only its own catchment figures");
            }
        }
        JsonNode variation = get(ledger.replace("/ledger", "/variation"), school).body();
        assertTrue(variation.size() > 0);
        for (JsonNode share : variation.findValues("shares")) {
            for (JsonNode one : share) {
                assertEquals(GANGHUA, one.path("schoolCode").asText(), "a school sees only its own share");
            }
        }
        for (JsonNode notice : get(noticeList, cz).body()) {
            String audience = notice.path("notice").path("audience").path("kind").asText();
            assertTrue(audience.equals("DISTRICT") || notice.path("notice").path("audience").path("code").asText()
                    .equals("cz"), notice.toString());
        }
        // the stream from the start holds exactly the department's list: its own and the district-wide notices
        JsonNode listed = get(noticeList, cz).body();
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        List<JsonNode> streamed = sse(notices + "/api/v1/notices/stream?district=" + own, cz,
                n -> seen.incrementAndGet() == listed.size());
        Set<String> streamedIds = new TreeSet<>();
        for (JsonNode event : streamed) {
            JsonNode notice = event.path("notice");
            assertTrue(notice.path("audience").path("code").asText().equals("cz")
                    || notice.path("audience").path("kind").asText().equals("DISTRICT"), notice.toString());
            streamedIds.add(event.path("noticeId").asText());
        }
        Set<String> listedIds = new TreeSet<>();
        listed.forEach(n -> listedIds.add(n.path("noticeId").asText()));
        assertEquals(listedIds, streamedIds);
        for (JsonNode hook : get(notices + "/api/v1/webhooks?district=" + own, cz).body()) {
            assertEquals("cz", hook.path("audience").path("code").asText(), hook.toString());
        }
    }

    private static Map<String, String> as(String actor, String district) {
        String[] parts = actor.split(";", -1);
        return Map.of("Authorization", "Bearer " + org.junheng.infra.DevTokens.token(parts[0], parts[0], parts[1],
                List.of(district), parts[2].isBlank() ? null : parts[2], Duration.ofHours(1)));
    }

    private static Api.Answer get(String url, Map<String, String> actor) {
        return Api.getAnswer(url, actor);
    }

    private static Api.Answer post(String url, String body, Map<String, String> actor) {
        return Api.post(url, body, actor);
    }

    /** A supervisor's claims, issued two hours ago, valid for {@code expiresInSeconds} from now. */
    private static Map<String, Object> claims(long expiresInSeconds) {
        Map<String, Object> claims = org.junheng.infra.DevTokens.claims("u-test", "u-test", "supervisor",
                List.of("500104"), null, Duration.ofSeconds(expiresInSeconds));
        long now = java.time.Instant.now().getEpochSecond();
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

    private static void loadSampleAsync(String district, Runnable duringImport) throws Exception {
        SampleDistrict.load(cluster.url("school-intake"), district, duringImport);
    }

    /**
     * Produces to each consumed topic, as anyone with access to the broker could: a value that is no CloudEvent, an
     * unknown type, a payload that is not JSON, one that breaks its schema, and one over the consumers' size limit.
     */
    private static int poisonEveryConsumedTopic() throws Exception {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", TestInfrastructure.shared().kafkaBootstrapServers());
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(properties,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            // the known type is one every consumer of the topic uses: a consumer passes a type it has no use for unread
            Map<String, Class<?>> usedByAll = Map.of(Topics.SCHOOL_DATA,
                    org.junheng.contracts.schooldata.SchoolStatisticsEvent.SchoolStatisticsSubmitted.class,
                    Topics.EVALUATION, org.junheng.contracts.evaluation.FindingEvent.FindingRaised.class,
                    Topics.RECTIFICATION, org.junheng.contracts.rectification.TaskEvent.TaskOpened.class);
            for (String topic : List.of(Topics.SCHOOL_DATA, Topics.EVALUATION, Topics.RECTIFICATION)) {
                String knownType = org.junheng.contracts.EventCatalog.ceType(usedByAll.get(topic));
                List<org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>> poison = List.of(
                        new org.apache.kafka.clients.producer.ProducerRecord<>(topic, DISTRICT,
                                "{\"hello\": \"not a cloud event\"}".getBytes(StandardCharsets.UTF_8)),
                        cloudEvent(topic, "org.junheng.unknown.Teleported.v1", "{}".getBytes(StandardCharsets.UTF_8)),
                        cloudEvent(topic, knownType, "{\"districtCode\": \"500104\", ".getBytes(StandardCharsets.UTF_8)),
                        cloudEvent(topic, knownType, "{\"districtCode\": 42}".getBytes(StandardCharsets.UTF_8)),
                        cloudEvent(topic, knownType, ("{\"districtCode\": \"" + "5".repeat(Cluster.MAX_RECORD_BYTES)
                                + "\"}").getBytes(StandardCharsets.UTF_8)));
                for (var record : poison) {
                    producer.send(record).get();
                }
            }
        }
        return 5;
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> cloudEvent(String topic,
                                                                                            String type, byte[] data) {
        var record = new org.apache.kafka.clients.producer.ProducerRecord<>(topic, DISTRICT, data);
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                .add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "/e2e/poison".getBytes(StandardCharsets.UTF_8))
                .add("ce_type", type.getBytes(StandardCharsets.UTF_8))
                .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8))
                .add("junheng_district", DISTRICT.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * Each consumer parked its share, which health reports (UP) and the metric counts; the administrator discards
     * each, recorded with the actor, and nothing stays parked.
     */
    private static void discardParked(Map<String, Integer> expected) throws Exception {
        for (String service : List.of("indicator-evaluation", "rectification", "supervision-notices")) {
            String url = cluster.url(service) + "/api/v1/admin/parked-records";
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<String, Integer> counts = new java.util.TreeMap<>();
                Api.get(url).forEach(r -> counts.merge(r.path("consumer").asText(), 1, Integer::sum));
                return expected.entrySet().stream().filter(e -> e.getKey().startsWith(service + "/"))
                        .allMatch(e -> e.getValue().equals(counts.get(e.getKey())));
            });
            JsonNode health = Api.getAnswer(cluster.managementUrl(service) + "/q/health/live").body();
            assertEquals("UP", health.path("status").asText(), health.toString());
            JsonNode check = find(health.path("checks"), "name", "parked-records");
            int parked = expected.entrySet().stream().filter(e -> e.getKey().startsWith(service + "/"))
                    .mapToInt(Map.Entry::getValue).sum();
            assertEquals(parked, check.path("data").path("parked").asInt(), check.toString());
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    cluster.managementUrl(service) + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("junheng_consumer_parked_total{consumer=\"" + service + "/"), service);
            // handled again before any fix, poison stays poison: 422, still parked
            JsonNode first = Api.get(url).get(0);
            var retried = Api.post(url + "/" + first.path("id").asText() + "/retry", "", INTAKE_ADMIN);
            assertEquals(422, retried.status(), retried.body().toString());
            assertEquals("PARKED", Api.get(url + "/" + first.path("id").asText()).path("status").asText());
            Set<String> reasons = new TreeSet<>();
            for (JsonNode record : Api.get(url)) {
                reasons.add(record.path("reason").asText());
                if (service.equals("rectification") && record.path("reason").asText().equals("NOT_A_CLOUDEVENT")) {
                    continue; // kept to be retried after a restart (retryAfterARestart)
                }
                var discarded = Api.post(url + "/" + record.path("id").asText() + "/discard",
                        "{\"reason\": \"测试投放的坏记录\"}", INTAKE_ADMIN);
                assertEquals(200, discarded.status(), discarded.body().toString());
                assertEquals("DISCARDED", discarded.body().path("status").asText());
                assertTrue(discarded.body().path("resolvedBy").asText().startsWith("u-admin"));
            }
            assertEquals(Set.of("INVALID_PAYLOAD", "NOT_A_CLOUDEVENT", "TOO_LARGE", "UNKNOWN_TYPE"), reasons);
            assertEquals(service.equals("rectification") ? 1 : 0, Api.get(url).size(), service + ": parked now");
            String settled = Api.get(url + "?status=DISCARDED").get(0).path("id").asText();
            assertEquals(409, Api.post(url + "/" + settled + "/discard", "{}", INTAKE_ADMIN).status(),
                    "a settled record is not discarded twice");
        }
    }

    /**
     * After a restart, before the consumer has seen a record, a parked record can be retried (422: still poison) and
     * then discarded: the consumers are known from the start.
     */
    private static void retryAfterARestart() {
        String url = cluster.url("rectification") + "/api/v1/admin/parked-records";
        JsonNode kept = Api.get(url).get(0);
        var retried = Api.post(url + "/" + kept.path("id").asText() + "/retry", "", INTAKE_ADMIN);
        assertEquals(422, retried.status(), retried.body().toString());
        assertEquals(200, Api.post(url + "/" + kept.path("id").asText() + "/discard", "{}", INTAKE_ADMIN).status());
        assertEquals(0, Api.get(url).size());
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
