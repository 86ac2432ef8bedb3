package org.junheng.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** deploy/docker-compose.yml runs what the services need, with the settings their application.properties read. */
class DockerComposeTest {

    static final Path FILE = Project.path("deploy/docker-compose.yml");

    private static JsonNode services() {
        return Yaml.single(FILE).path("services");
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void everyServiceIsBuiltFromItsDockerfileAndGetsEveryVariableItReads(Services service) {
        JsonNode compose = services().path(service.name);
        Path context = FILE.getParent().resolve(compose.at("/build/context").asText()).normalize();
        assertEquals(service.directory(), context);
        assertEquals(service.dockerfile(), context.resolve(compose.at("/build/dockerfile").asText()));

        Set<String> missing = new TreeSet<>(service.properties().environmentVariables());
        compose.path("environment").fieldNames().forEachRemaining(missing::remove);
        assertEquals(Set.of(), missing, service + " reads these but docker-compose.yml does not set them");

        JsonNode environment = compose.path("environment");
        assertTrue(services().has(host(environment.path("KAFKA_BOOTSTRAP_SERVERS").asText())),
                "KAFKA_BOOTSTRAP_SERVERS names a compose service");
        URI jdbc = URI.create(environment.path("JUNHENG_DB_JDBC_URL").asText().substring("jdbc:".length()));
        URI reactive = URI.create(environment.path("JUNHENG_DB_REACTIVE_URL").asText());
        assertTrue(services().has(jdbc.getHost()), "JDBC URL names a compose service");
        assertEquals(jdbc, reactive, "JDBC and reactive clients use the same database");
        assertTrue(compose.path("ports").toString().contains(service.httpPort() + ":" + service.httpPort()));
        assertTrue(compose.path("ports").toString().contains(service.managementPort() + ":" + service.managementPort()));
        assertTrue(compose.path("read_only").asBoolean(), "read-only root file system, as on Kubernetes");
    }

    @Test
    void runsKafkaInKraftModeAndPostgres15() {
        JsonNode kafka = services().path("kafka");
        assertTrue(kafka.path("image").asText().startsWith("apache/kafka:"));
        assertEquals("broker,controller", kafka.at("/environment/KAFKA_PROCESS_ROLES").asText());
        assertEquals("false", kafka.at("/environment/KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText());
        assertEquals("postgres:15", services().at("/postgres/image").asText());
        assertTrue(Files.isRegularFile(FILE));
    }

    @Test
    void createsExactlyTheTopicsOfTheAsyncApiContract() {
        String script = services().at("/kafka-topics/command").toString();
        Matcher matcher = Pattern.compile("junheng\\.[a-z-]+\\.v[0-9]+").matcher(script);
        Set<String> topics = new TreeSet<>();
        while (matcher.find()) {
            topics.add(matcher.group());
        }
        assertEquals(AsyncApi.topics(), topics);
    }

    private static String host(String hostAndPort) {
        return hostAndPort.substring(0, hostAndPort.lastIndexOf(':'));
    }
}
