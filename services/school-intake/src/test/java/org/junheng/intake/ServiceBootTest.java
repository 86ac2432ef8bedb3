package org.junheng.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junheng.service.EventLogLifecycle;
import org.junheng.infra.JunhengInfraTestResource;
import org.junit.jupiter.api.Test;

/** Boots the service against the real PostgreSQL and Kafka broker of the shared test resource. */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
class ServiceBootTest {

    /** The management interface: health and metrics on their own port. */
    @TestHTTPResource(value = "", management = true)
    URL management;

    @TestHTTPResource("/")
    URL api;

    @Inject
    Pool pool;

    @Inject
    EventLogLifecycle eventLog;

    @Test
    void readinessReportsTheDatabaseUp() {
        given().when().get(management + "health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
    }

    @Test
    void healthAndMetricsAreNotOnTheApiPort() {
        for (String path : new String[] {"/q/health/ready", "/q/health/live", "/q/metrics"}) {
            given().when().get(path).then().statusCode(404);
        }
        given().when().get(management + "metrics").then().statusCode(200);
    }

    /** Health and metrics answer anyone who reaches them: only on loopback unless the deployment opens them. */
    @Test
    void theManagementInterfaceListensOnLoopbackOnly() throws Exception {
        java.net.InetAddress outside = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
                .stream().filter(i -> !isLoopback(i)).flatMap(i -> java.util.Collections.list(i.getInetAddresses())
                        .stream()).filter(a -> a instanceof java.net.Inet4Address && !a.isLinkLocalAddress())
                .findFirst().orElseThrow(() -> new AssertionError("this machine has no address beside loopback"));
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(outside, management.getPort()), 2000);
            org.junit.jupiter.api.Assertions.fail("management port " + management.getPort() + " answers on " + outside);
        } catch (java.net.ConnectException refused) {
            // refused: nothing listens there
        }
        given().when().get(management + "health/live").then().statusCode(200);
    }

    private static boolean isLoopback(java.net.NetworkInterface networkInterface) {
        try {
            return networkInterface.isLoopback() || !networkInterface.isUp();
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Test
    void flywayCreatedTheEventStoreInTheServiceSchema() {
        var tables = pool.query("select table_name from information_schema.tables where table_schema = 'intake'"
                        + " and table_name in ('events', 'relay_checkpoints', 'inbox', 'projection_checkpoints')")
                .execute().await().indefinitely();
        assertEquals(4, tables.size());
    }

    @Test
    void theOutboxRelayTakesTheLockAndPublishes() {
        await().atMost(Duration.ofSeconds(30)).until(eventLog::publishing);
        var locks = pool.query("select count(*) as n from pg_locks where locktype = 'advisory' and granted")
                .execute().await().indefinitely();
        assertTrue(locks.iterator().next().getLong("n") >= 1, "the relay holds its advisory lock");
    }

    @Test
    void openApiDocumentIsServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Junheng school intake (学校数据采集)"))
                // every operation needs the bearer token: Swagger UI sends the one given under Authorize
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("security[0].bearer", org.hamcrest.Matchers.empty());
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
