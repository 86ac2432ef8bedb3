package org.junheng.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The four services and how they use Kafka (docs/architecture.md, "Event flow"); besides its own topic, every service
 * with a consumer also publishes the records it parked on junheng.operations.v1. Everything else about them (port,
 * schema, environment) is read from their own application.properties, so the manifests are checked against the
 * code, not against a second copy of it.
 */
enum Services {

    SCHOOL_INTAKE("school-intake", "junheng.school-data.v1"),
    INDICATOR_EVALUATION("indicator-evaluation", "junheng.evaluation.v1"),
    RECTIFICATION("rectification", "junheng.rectification.v1"),
    SUPERVISION_NOTICES("supervision-notices", "junheng.notices.v1");

    /** Where every service's relay publishes the records its consumers parked. */
    static final String OPERATIONS_TOPIC = "junheng.operations.v1";

    /** The one service that calls out of the cluster: webhook deliveries over HTTPS. */
    static final Services CALLS_WEBHOOKS = SUPERVISION_NOTICES;

    final String name;
    final String produces;
    private ApplicationProperties properties;

    Services(String name, String produces) {
        this.name = name;
        this.produces = produces;
    }

    /** The topics of the service's SmallRye channels ({@code mp.messaging.incoming.<channel>.topic}). */
    Set<String> consumes() {
        return properties().incoming("topic");
    }

    /** The consumer groups of those channels. */
    Set<String> consumerGroups() {
        return properties().incoming("group.id");
    }

    /** What its relay writes: its own topic, and the parked records of its consumers. */
    Set<String> publishes() {
        return consumes().isEmpty() ? Set.of(produces) : Set.of(produces, OPERATIONS_TOPIC);
    }

    Path directory() {
        return Project.path("services/" + name);
    }

    Path dockerfile() {
        return directory().resolve("src/main/docker/Dockerfile.jvm");
    }

    synchronized ApplicationProperties properties() {
        if (properties == null) {
            properties = new ApplicationProperties(
                    Project.read(directory().resolve("src/main/resources/application.properties")));
        }
        return properties;
    }

    int httpPort() {
        return Integer.parseInt(properties().get("quarkus.http.port"));
    }

    /** Health, metrics and OpenAPI are served here, never on the API port. */
    int managementPort() {
        return Integer.parseInt(properties().get("quarkus.management.port"));
    }

    /** The service's PostgreSQL schema; its database and CloudNativePG cluster are named after it. */
    String schema() {
        return properties().get("quarkus.flyway.schemas");
    }

    String databaseCluster() {
        return schema() + "-db";
    }

    static List<Services> all() {
        return List.of(values());
    }

    @Override
    public String toString() {
        return name;
    }
}
