package org.junheng.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every environment variable a service's application.properties reads is provided to its pods, from its ConfigMap or
 * from a Secret that will exist, and the values point at the Kafka cluster and the service's own database.
 */
class ServiceEnvironmentTest {

    static Stream<Arguments> everyServiceInEveryOverlay() {
        return Manifests.OVERLAYS.stream().flatMap(t -> Services.all().stream().map(s -> Arguments.of(t, s)));
    }

    /** What the pods lack of what the properties read. */
    static Set<String> missing(Set<String> read, Environment environment) {
        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(environment.variables.keySet());
        return missing;
    }

    private static Environment environment(String overlay, Services service) {
        Manifests manifests = Manifests.of(overlay);
        return Environment.of(manifests.typed("Deployment", service.name, Deployment.class), manifests);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void everyVariableTheServiceReadsIsProvided(String overlay, Services service) {
        Set<String> read = service.properties().environmentVariables();
        assertTrue(read.contains("KAFKA_BOOTSTRAP_SERVERS"), "the properties parser found " + read);
        Environment environment = environment(overlay, service);
        assertEquals(List.of(), environment.problems);
        assertEquals(Set.of(), missing(read, environment));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void theDatabaseUrlsPointAtTheServicesOwnCluster(String overlay, Services service) {
        Manifests manifests = Manifests.of(overlay);
        Environment environment = environment(overlay, service);
        KubeObject cluster = manifests.get("Cluster", service.databaseCluster());
        String database = cluster.spec().at("/bootstrap/initdb/database").asText();
        assertEquals(service.schema(), database, "the database is named after the service's schema");

        URI jdbc = URI.create(environment.variables.get("JUNHENG_DB_JDBC_URL").value().substring("jdbc:".length()));
        URI reactive = URI.create(environment.variables.get("JUNHENG_DB_REACTIVE_URL").value());
        for (URI url : List.of(jdbc, reactive)) {
            assertEquals("postgresql", url.getScheme());
            assertEquals(cluster.name() + "-rw", url.getHost(), "the read-write service of " + cluster.name());
            assertEquals(5432, url.getPort());
            assertEquals("/" + database, url.getPath());
        }
        assertEquals("Secret " + cluster.name() + "-app", environment.variables.get("JUNHENG_DB_USER").source());
        assertEquals("Secret " + cluster.name() + "-app", environment.variables.get("JUNHENG_DB_PASSWORD").source());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void kafkaBootstrapIsThePlainListenerOfTheStrimziCluster(String overlay, Services service) {
        Manifests manifests = Manifests.of(overlay);
        KubeObject kafka = manifests.ofKind("Kafka").get(0);
        String bootstrap = environment(overlay, service).variables.get("KAFKA_BOOTSTRAP_SERVERS").value();
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        assertEquals(kafka.name() + "-kafka-bootstrap", bootstrap.substring(0, bootstrap.lastIndexOf(':')));
        boolean plainListener = false;
        for (JsonNode listener : kafka.spec().at("/kafka/listeners")) {
            plainListener |= listener.path("port").asInt() == port && !listener.path("tls").asBoolean()
                    && listener.path("type").asText().equals("internal");
        }
        assertTrue(plainListener, "the services have no TLS settings, so " + port + " must be a plain internal listener");
    }

    // The checks above can fail: the cases below feed them what a later change might bring.

    @Test
    void aVariableAddedToThePropertiesButNotToTheConfigMapIsReported() {
        ApplicationProperties properties = new ApplicationProperties(Project.read(
                Services.SCHOOL_INTAKE.directory().resolve("src/main/resources/application.properties"))
                + "\njunheng.example.setting=${JUNHENG_NOT_IN_ANY_CONFIGMAP:x}\n");
        Set<String> missing = missing(properties.environmentVariables(), environment("overlays/prod", Services.SCHOOL_INTAKE));
        assertEquals(Set.of("JUNHENG_NOT_IN_ANY_CONFIGMAP"), missing);
    }

    @Test
    void referencesAreFoundInDefaultsAndProdProfilesButNotInDevOrTestProfiles() {
        ApplicationProperties properties = new ApplicationProperties("""
                a=${OUTER:${INNER:x}}
                b=prefix-${PLAIN}-suffix
                c=${quarkus.http.port}
                %dev.d=${DEV_ONLY}
                %test.e=${TEST_ONLY:1}
                %prod.f=${PROD_ONLY}
                %dev,prod.g=${DEV_AND_PROD}
                """);
        assertEquals(Set.of("OUTER", "INNER", "PLAIN", "PROD_ONLY", "DEV_AND_PROD"), properties.environmentVariables());
    }

    @Test
    void aReferenceToAMissingSecretOrKeyIsAProblem() {
        Manifests prod = Manifests.of("overlays/prod");
        Deployment deployment = prod.typed("Deployment", "rectification", Deployment.class);
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().addAll(List.of(
                new EnvVarBuilder().withName("A").withNewValueFrom().withNewSecretKeyRef("token", "jwt-keys", false)
                        .endValueFrom().build(),
                new EnvVarBuilder().withName("B").withNewValueFrom().withNewSecretKeyRef("ca.crt", "rectification-db-app",
                        false).endValueFrom().build(),
                new EnvVarBuilder().withName("C").withNewValueFrom().withNewConfigMapKeyRef("NOPE", "rectification-config",
                        false).endValueFrom().build()));
        Environment environment = Environment.of(deployment, prod);
        assertEquals(3, environment.problems.size(), environment.problems.toString());
        assertFalse(environment.variables.containsKey("A"));
    }
}
