package org.junheng.service.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.junheng.service.EventLogLifecycle;
import org.junit.jupiter.api.Test;

/**
 * What every service must show once booted against the real PostgreSQL and Kafka broker: the database up, health and
 * metrics only on the management port, the event store in the service's schema, the relay publishing, the OpenAPI
 * document with its bearer scheme. Each service's {@code ServiceBootTest} (a {@code @QuarkusTest} with the shared
 * infrastructure resource) extends it and names its schema and title.
 */
public abstract class ServiceBootChecks {

    private final String schema;
    private final String openApiTitle;

    /** The management interface: health and metrics on their own port. */
    @TestHTTPResource(value = "", management = true)
    protected URL management;

    @Inject
    protected Pool pool;

    @Inject
    protected EventLogLifecycle eventLog;

    protected ServiceBootChecks(String schema, String openApiTitle) {
        this.schema = schema;
        this.openApiTitle = openApiTitle;
    }

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

    @Inject
    protected org.junheng.service.metrics.DatabaseGauges gauges;

    /** The gauges this service answers from its database (Prometheus names); the alert rules watch them. */
    protected java.util.List<String> databaseGauges() {
        return java.util.List.of("junheng_relay_lag_events", "junheng_relay_lag_seconds",
                "junheng_consumer_parked_waiting");
    }

    @Test
    void theGaugesOperationsWatchAreAnsweredByTheDatabase() {
        gauges.refresh();
        String metrics = given().when().get(management + "metrics").then().statusCode(200).extract().asString();
        for (String gauge : databaseGauges()) {
            String line = metrics.lines().filter(l -> l.startsWith(gauge + "{") || l.startsWith(gauge + " "))
                    .findFirst().orElseThrow(() -> new AssertionError(gauge + " is not exposed"));
            double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            assertTrue(value >= 0, gauge + ": the query answers (not NaN): " + line);
        }
    }

    @Test
    void flywayCreatedTheEventStoreInTheServiceSchema() {
        var tables = pool.query("select table_name from information_schema.tables where table_schema = '" + schema
                        + "' and table_name in ('events', 'relay_checkpoints', 'inbox', 'projection_checkpoints')")
                .execute().await().indefinitely();
        assertEquals(4, tables.size());
    }

    /**
     * Every statement is planned with its values: a generic plan cached while a table was small (a sequential scan)
     * would outlive the table's growth until the next ANALYZE (docs/performance.md#national-burst).
     */
    @Test
    void everyStatementIsPlannedWithItsValues() {
        var mode = pool.query("show plan_cache_mode").execute().await().atMost(java.time.Duration.ofSeconds(10))
                .iterator().next().getString(0);
        org.junit.jupiter.api.Assertions.assertEquals("force_custom_plan", mode);
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
                .body("info.title", equalTo(openApiTitle))
                // every operation needs the bearer token: Swagger UI sends the one given under Authorize
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("security[0].bearer", empty());
    }

    /**
     * A department's developer can work from the document: every operation of the API has a Chinese summary and a
     * description, sits under a feature's tag, and lists the problems it may answer (RFC 9457, the Problem schema).
     */
    @Test
    void everyOperationIsDescribedInChineseUnderAFeatureWithItsProblems() {
        io.restassured.path.json.JsonPath document = given().when().get("/q/openapi?format=json").then()
                .statusCode(200).extract().jsonPath();
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = document.getMap("paths");
        java.util.List<String> wanting = new java.util.ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (!path.startsWith("/api/") || !java.util.Set.of("get", "post", "put", "delete").contains(method)) {
                return;
            }
            String summary = String.valueOf(operation.get("summary"));
            boolean chinese = summary.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN);
            Object tags = operation.get("tags");
            Object responses = operation.get("responses");
            if (!chinese || operation.get("description") == null && !summary.contains(" ")
                    || !(tags instanceof java.util.List<?> list) || list.isEmpty()
                    || !(responses instanceof java.util.Map<?, ?> answers) || !answers.containsKey("400")
                    || !answers.containsKey("403")) {
                wanting.add(method.toUpperCase() + " " + path + " (summary: " + summary + ", tags: " + tags + ")");
            }
        }));
        assertEquals(java.util.List.of(), wanting);
        assertEquals("object", document.getString("components.schemas.Problem.type"));
    }

    /**
     * Every JSON body an operation takes or answers with has an example, and the example is valid against the body's
     * schema — so the required fields are in it and every value is of its type and among its allowed values; every
     * field of a request body is described.
     */
    @Test
    void everyJsonBodyHasAnExampleValidAgainstItsSchema() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode document = json.readTree(given().when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        com.networknt.schema.JsonSchemaFactory schemas = com.networknt.schema.JsonSchemaFactory
                .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012);
        java.util.List<String> wanting = new java.util.ArrayList<>();
        java.util.Set<String> undescribed = new java.util.TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            String where = method.getKey().toUpperCase() + " " + path.getKey();
            com.fasterxml.jackson.databind.JsonNode request = method.getValue().path("requestBody").path("content")
                    .path("application/json");
            if (!request.isMissingNode()) {
                check(where + " request", request, document, schemas, wanting);
                undescribedFields(request.path("schema"), document).forEach(field -> undescribed.add(where + " " + field));
            }
            method.getValue().path("responses").fields().forEachRemaining(response -> {
                com.fasterxml.jackson.databind.JsonNode answer = response.getValue().path("content")
                        .path("application/json");
                if (response.getKey().startsWith("2") && !answer.isMissingNode()) {
                    check(where + " " + response.getKey(), answer, document, schemas, wanting);
                }
            });
        }));
        assertEquals(java.util.List.of(), wanting);
        assertEquals(java.util.Set.of(), undescribed);
    }

    private static void check(String where, com.fasterxml.jackson.databind.JsonNode media,
                              com.fasterxml.jackson.databind.JsonNode document,
                              com.networknt.schema.JsonSchemaFactory schemas, java.util.List<String> wanting) {
        // an example composed by ApiDocument, or named examples written on the operation
        java.util.List<com.fasterxml.jackson.databind.JsonNode> examples = new java.util.ArrayList<>();
        if (media.has("example")) {
            examples.add(media.get("example"));
        }
        media.path("examples").forEach(named -> examples.add(named.get("value")));
        if (!media.has("schema") || examples.isEmpty()) {
            wanting.add(where + ": " + (media.has("schema") ? "no example" : "no schema"));
            return;
        }
        com.fasterxml.jackson.databind.node.ObjectNode root = media.get("schema").deepCopy();
        root.set("components", document.get("components"));
        com.networknt.schema.JsonSchema schema = schemas.getSchema(root);
        for (com.fasterxml.jackson.databind.JsonNode example : examples) {
            java.util.Set<com.networknt.schema.ValidationMessage> errors = schema.validate(example);
            if (!errors.isEmpty()) {
                wanting.add(where + ": " + errors + " in " + example);
            }
        }
    }

    /**
     * The properties of a request body's own schema that carry no description, whose description says 必填
     * (required) while the schema does not list them as required, or says they may be left out (不填) while it does.
     */
    private static java.util.List<String> undescribedFields(com.fasterxml.jackson.databind.JsonNode schema,
                                                          com.fasterxml.jackson.databind.JsonNode document) {
        String ref = schema.path("$ref").asText("");
        com.fasterxml.jackson.databind.JsonNode body = ref.isEmpty() ? schema
                : document.at(ref.substring(1));
        java.util.Set<String> required = new java.util.HashSet<>();
        body.path("required").forEach(name -> required.add(name.asText()));
        java.util.List<String> fields = new java.util.ArrayList<>();
        body.path("properties").fields().forEachRemaining(property -> {
            String description = property.getValue().path("description").asText("");
            if (description.isBlank()) {
                fields.add(property.getKey() + " (no description)");
            } else if (REQUIRED_IN_WORDS.matcher(description).find() && !required.contains(property.getKey())) {
                fields.add(property.getKey() + " (said 必填, not required)");
            } else if (description.contains("不填") && required.contains(property.getKey())) {
                fields.add(property.getKey() + " (said it may be left out, but required)");
            }
        });
        return fields;
    }

    /** "标题 (title)，必填，不超过200字": a field the description calls required without a condition. */
    private static final java.util.regex.Pattern REQUIRED_IN_WORDS = java.util.regex.Pattern.compile("，必填([，；：]|$)");
}
