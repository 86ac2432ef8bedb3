package org.junheng.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junheng.infra.JunhengInfraTestResource;
import org.junit.jupiter.api.Test;

/** Boots the service against the real PostgreSQL and Kafka broker of the shared test resource. */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
class ServiceBootTest {

    @Inject
    Pool pool;

    @Test
    void readinessReportsTheDatabaseUp() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
    }

    @Test
    void flywayCreatedTheEventStoreInTheServiceSchema() {
        var tables = pool.query("select table_name from information_schema.tables where table_schema = 'evaluation'"
                        + " and table_name in ('events', 'relay_checkpoints', 'inbox', 'projection_checkpoints')")
                .execute().await().indefinitely();
        assertEquals(4, tables.size());
    }

    @Test
    void openApiDocumentIsServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Junheng indicator evaluation (指标评估)"));
    }
}
