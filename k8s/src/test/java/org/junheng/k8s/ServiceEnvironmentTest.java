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
    void kafkaIsReachedOverTlsSigningInAsTheServicesOwnKafkaUser(String overlay, Services service) {
        Manifests manifests = Manifests.of(overlay);
        KubeObject kafka = manifests.ofKind("Kafka").get(0);
        Environment environment = environment(overlay, service);
        String bootstrap = environment.variables.get("KAFKA_BOOTSTRAP_SERVERS").value();
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        assertEquals(kafka.name() + "-kafka-bootstrap", bootstrap.substring(0, bootstrap.lastIndexOf(':')));
        JsonNode listener = null;
        for (JsonNode candidate : kafka.spec().at("/kafka/listeners")) {
            listener = candidate.path("port").asInt() == port ? candidate : listener;
        }
        assertTrue(listener != null, "no listener on " + port);
        assertTrue(listener.path("tls").asBoolean(), "the listener on " + port + " is TLS");
        assertEquals("scram-sha-512", listener.at("/authentication/type").asText());
        assertEquals("SASL_SSL", environment.variables.get("KAFKA_SECURITY_PROTOCOL").value());
        assertEquals("SCRAM-SHA-512", environment.variables.get("KAFKA_SASL_MECHANISM").value());
        // the password: the Secret of the KafkaUser named after the service
        assertEquals("Secret " + service.name, environment.variables.get("KAFKA_SASL_JAAS_CONFIG").source());
        assertEquals("scram-sha-512", manifests.get("KafkaUser", service.name).spec().at("/authentication/type").asText());
        // the CA: Strimzi's cluster CA certificate, mounted where the truststore setting points
        assertEquals("PEM", environment.variables.get("KAFKA_SSL_TRUSTSTORE_TYPE").value());
        String truststore = environment.variables.get("KAFKA_SSL_TRUSTSTORE_LOCATION").value();
        Deployment deployment = manifests.typed("Deployment", service.name, Deployment.class);
        var pod = deployment.getSpec().getTemplate().getSpec();
        var mount = pod.getContainers().get(0).getVolumeMounts().stream()
                .filter(m -> truststore.startsWith(m.getMountPath() + "/")).findFirst().orElseThrow(
                        () -> new AssertionError(truststore + " is on no mounted volume"));
        var volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertEquals(kafka.name() + "-cluster-ca-cert", volume.getSecret().getSecretName());
        String file = truststore.substring(mount.getMountPath().length() + 1);
        assertTrue(volume.getSecret().getItems().stream().anyMatch(i -> i.getKey().equals("ca.crt")
                && i.getPath().equals(file)), "ca.crt is mounted as " + file);
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
