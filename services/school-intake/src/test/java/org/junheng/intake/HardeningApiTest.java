package org.junheng.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junheng.infra.JunhengInfraTestResource;
import org.junit.jupiter.api.Test;

/** Limits and headers every API answer carries: import rate, body size, security headers, CORS. */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
class HardeningApiTest {

    @Test
    void importsBeyondTheDistrictsBudgetAre429() {
        String path = "/api/v1/districts/500193/periods/2024/imports";
        int refused = 0;
        for (int i = 0; i < 13; i++) {
            int status = given().multiPart("file", "bad.csv", "学校标识码\n1".getBytes(StandardCharsets.UTF_8),
                    "text/csv").post(path).statusCode();
            if (status == 429) {
                refused++;
            }
        }
        assertEquals(1, refused, "12 per minute in tests, the 13th waits");
        given().multiPart("file", "bad.csv", "x".getBytes(StandardCharsets.UTF_8), "text/csv").post(path).then()
                .statusCode(429).body("type", equalTo("https://junheng.org/problems/too-many-imports"));
        // another district has its own budget
        given().multiPart("file", "bad.csv", "x".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/districts/500192/periods/2024/imports").then().statusCode(org.hamcrest.Matchers.not(429));
    }

    @io.quarkus.test.common.http.TestHTTPResource("/api/v1/districts/500104/schools")
    java.net.URL schools;

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        byte[] huge = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        // announced with Expect: 100-continue, the oversized body is refused before a byte of it is sent
        var response = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest.newBuilder(schools.toURI())
                        .expectContinue(true).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + org.junheng.infra.DevTokens.admin())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(huge)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(413, response.statusCode());
    }

    @Test
    void apiAnswersCarrySecurityHeadersAndNoStackTraces() {
        given().get("/api/v1/districts/500104/schools").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store").header("Content-Security-Policy", containsString("default-src 'none'"));
        // also on what the security layer refuses before any endpoint runs
        given().header("Authorization", "Bearer nonsense").get("/api/v1/districts/500104/schools").then()
                .statusCode(401).header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
        given().contentType("application/json").body("{\"schoolCode\": ").post("/api/v1/districts/500104/schools")
                .then().statusCode(400).body(org.hamcrest.Matchers.not(containsString("at org.")));
    }

    static final String SCHOOL = """
            {"schoolCode": "2150999901", "profile": {"name": "%s", "type": "PRIMARY", "locationClass": "URBAN",
             "ownership": "PUBLIC", "boarding": false, "yearBuilt": 1990, "flags": %s}}""";

    /** What PostgreSQL cannot store is refused while the body is read, naming the field, and nothing is stored. */
    @Test
    void textNoColumnCanStoreNullsInListsAndTrailingTextAre400sNamingTheField() {
        String path = "/api/v1/districts/500104/schools";
        given().contentType("application/json").body(SCHOOL.formatted("实验\\u0000小学", "[]")).post(path).then()
                .statusCode(400).body("errors[0].field", equalTo("profile.name"))
                .body("errors[0].reason", containsString("NUL"));
        given().contentType("application/json").body(SCHOOL.formatted("实验\\ud83d小学", "[]")).post(path).then()
                .statusCode(400).body("errors[0].field", equalTo("profile.name"))
                .body("errors[0].reason", containsString("surrogate"));
        given().contentType("application/json").body(SCHOOL.formatted("实验小学", "[\"DENSE_CITY_CORE\", null]"))
                .post(path).then().statusCode(400).body("errors[0].field", equalTo("profile.flags[1]"));
        given().contentType("application/json").body(SCHOOL.formatted("实验小学", "[]") + " {\"more\": 1}")
                .post(path).then().statusCode(400).body("type", equalTo("https://junheng.org/problems/unreadable-body"));
        given().get("/api/v1/districts/500104/schools/2150999901").then().statusCode(404);
        // and in a query or path value
        given().urlEncodingEnabled(false).get("/api/v1/districts/500104/schools?school=ab%00").then().statusCode(400)
                .body("errors[0].field", equalTo("school"));
        given().urlEncodingEnabled(false).get("/api/v1/districts/500104/schools/21509%00").then().statusCode(400);
    }

    @Test
    void aTokenLivingLongerThanADayIsRefused() {
        String century = org.junheng.infra.DevTokens.token("u-admin", "管理员", "admin", java.util.List.of(), null,
                java.time.Duration.ofDays(36500));
        given().header("Authorization", "Bearer " + century).get("/api/v1/districts/500104/schools").then()
                .statusCode(401);
        String day = org.junheng.infra.DevTokens.token("u-admin", "管理员", "admin", java.util.List.of(), null,
                java.time.Duration.ofHours(23));
        given().header("Authorization", "Bearer " + day).get("/api/v1/districts/500104/schools").then()
                .statusCode(200);
    }

    @Test
    void locationHeadersIgnoreTheRequestsHostAndProblemsNameNoJavaClass() {
        given().header("Host", "evil.example").contentType("application/json")
                .body(SCHOOL.formatted("新建小学", "[]").replace("2150999901", "2150999902"))
                .post("/api/v1/districts/500104/schools").then().statusCode(201)
                .header("Location", "/api/v1/districts/500104/schools/2150999902");
        String problem = given().contentType("application/json")
                .body("{\"schoolCode\": \"2150999903\", \"profile\": \"x\"}")
                .post("/api/v1/districts/500104/schools").then().statusCode(400).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(problem.contains("org.junheng") || problem.contains("java.")
                || problem.contains("$"), problem);
    }

    @Test
    void aJsonBodyOverOneMebibyteIs413EvenWhereUploadsMayBeLarger() {
        String big = SCHOOL.formatted("x".repeat(1_500_000), "[]");
        given().contentType("application/json").body(big).post("/api/v1/districts/500104/schools").then()
                .statusCode(413).body("type", equalTo("https://junheng.org/problems/body-too-large"));
    }

    /** Sent in chunks, with no length to refuse it by: counted while read, refused past 1 MiB, never logged as ERROR. */
    @Test
    void aChunkedJsonBodyOverOneMebibyteIs413AndOversizedBodiesLogNoError() throws Exception {
        java.util.List<java.util.logging.LogRecord> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            byte[] big = SCHOOL.formatted("x".repeat(1_500_000), "[]").replace("2150999901", "2150999904")
                    .getBytes(StandardCharsets.UTF_8);
            var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .build();
            var chunked = client.send(java.net.http.HttpRequest.newBuilder(schools.toURI())
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + org.junheng.infra.DevTokens.admin())
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                    () -> new java.io.ByteArrayInputStream(big))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(413, chunked.statusCode(), chunked.body());
            org.junit.jupiter.api.Assertions.assertTrue(chunked.body().contains("body-too-large"), chunked.body());
            given().get("/api/v1/districts/500104/schools/2150999904").then().statusCode(404);
            // and over the server's own limit, announced by its length
            var huge = client.send(java.net.http.HttpRequest.newBuilder(schools.toURI()).expectContinue(true)
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + org.junheng.infra.DevTokens.admin())
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[21 * 1024 * 1024]))
                            .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            assertEquals(413, huge.statusCode());
        } finally {
            root.removeHandler(capture);
        }
        assertEquals(java.util.List.of(), errors.stream().map(java.util.logging.LogRecord::getMessage).toList());
    }

    @Test
    void aTruncatedUploadIsA400() throws Exception {
        String boundary = "cut-" + System.nanoTime();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n学校标识码,统计年度\n2150").getBytes(StandardCharsets.UTF_8);
        int status = given().contentType("multipart/form-data; boundary=" + boundary).body(body)
                .post("/api/v1/districts/500191/periods/2024/imports").statusCode();
        assertEquals(400, status);
    }

    @Test
    void browsersMayCallFromTheDashboardOriginOnly() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/districts/500104/schools").then()
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/districts/500104/schools").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
