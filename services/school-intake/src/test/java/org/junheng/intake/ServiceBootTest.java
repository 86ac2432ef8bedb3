package org.junheng.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junheng.infra.JunhengInfraTestResource;
import org.junheng.service.testing.ServiceBootChecks;
import org.junit.jupiter.api.Test;

/** Boots the service against the real PostgreSQL and Kafka broker of the shared test resource. */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
class ServiceBootTest extends ServiceBootChecks {

    @TestHTTPResource("/")
    URL api;

    ServiceBootTest() {
        super("intake", "Junheng school intake (学校数据采集)");
    }

    @Test
    void requestMetricsNameRouteTemplatesNotTheOddPathsCallersSend() throws Exception {
        for (int i = 0; i < 5; i++) {
            // with and without a token: answered before or after authentication
            given().header("Authorization", "Bearer nonsense").get("/api/v1/districts/50010" + i + "/schools/odd-" + i);
            given().get("/api/v1/districts/50010" + i + "/schools/odd-" + i);
            given().header("Authorization", "Bearer nonsense").get("/api/v1/no-such-thing-" + i);
            given().get("/no-api-" + i);
            given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                    .options("/api/v1/preflight-" + i);
        }
        // a body over the server's limit, refused before any route sees it
        var oversize = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(java.net.http.HttpRequest.newBuilder(api.toURI().resolve("/api/v1/oversize-body"))
                        .expectContinue(true).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + org.junheng.infra.DevTokens.admin())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[21 * 1024 * 1024])).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
        assertEquals(413, oversize.statusCode());
        String metrics = given().get(management + "metrics").then().statusCode(200).extract().asString();
        java.util.Set<String> uris = new java.util.TreeSet<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("http_server_requests_seconds_count\\{[^}]*"
                + "uri=\"([^\"]*)\"").matcher(metrics);
        while (matcher.find()) {
            uris.add(matcher.group(1));
        }
        assertTrue(uris.stream().noneMatch(uri -> uri.contains("odd-") || uri.contains("no-")
                || uri.contains("preflight-") || uri.contains("oversize")), uris.toString());
        assertTrue(uris.contains("UNKNOWN"), "unrouted 4xx are counted under one name: " + uris);
        assertTrue(uris.contains("/cors-preflight"), "and preflights under theirs: " + uris);
        assertTrue(uris.contains("/api/v1/districts/{district}/schools/{code}"), "routes keep their template: " + uris);
    }
}
