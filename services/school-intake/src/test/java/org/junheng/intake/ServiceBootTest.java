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
    void requestMetricsNameRouteTemplatesNotTheOddPathsCallersSend() {
        for (int i = 0; i < 5; i++) {
            // with and without a token: answered before or after authentication
            given().header("Authorization", "Bearer nonsense").get("/api/v1/districts/50010" + i + "/schools/odd-" + i);
            given().get("/api/v1/districts/50010" + i + "/schools/odd-" + i);
            given().header("Authorization", "Bearer nonsense").get("/api/v1/no-such-thing-" + i);
            given().get("/no-api-" + i);
        }
        String metrics = given().get(management + "metrics").then().statusCode(200).extract().asString();
        java.util.Set<String> uris = new java.util.TreeSet<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("http_server_requests_seconds_count\\{[^}]*"
                + "uri=\"([^\"]*)\"").matcher(metrics);
        while (matcher.find()) {
            uris.add(matcher.group(1));
        }
        // (an /api path no route knows, refused 401 before routing, and requests refused before routing such as CORS
        // preflights or bodies over the server's limit, still make their own raw-path series: at most 100, max-uri-tags)
        assertTrue(uris.stream().noneMatch(uri -> uri.contains("odd-") || uri.contains("no-api-")), uris.toString());
        assertTrue(uris.contains("/api/v1/districts/{district}/schools/{code}"), "routes keep their template: " + uris);
    }
}
