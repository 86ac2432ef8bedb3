package org.junheng.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each service signs in to Kafka as its own user, whose ACLs are exactly what the service does — read from its
 * application.properties, not from a second list: its relay writes (and reads back) its own topic and, with consumers,
 * junheng.operations.v1; its channels read their topics as its consumer group. Nothing else, and nobody without ACLs.
 */
class KafkaUsersTest {

    static final java.util.List<String> TARGETS = Manifests.TARGETS;

    /** What a service needs, as "type name operation" lines. */
    static Set<String> needed(Services service) {
        Set<String> needed = new TreeSet<>();
        for (String topic : service.publishes()) {
            for (String operation : Set.of("Write", "Read", "Describe")) {
                needed.add("topic " + topic + " " + operation);
            }
        }
        for (String topic : service.consumes()) {
            if (!service.publishes().contains(topic)) {
                needed.add("topic " + topic + " Read");
                needed.add("topic " + topic + " Describe");
            }
        }
        service.consumerGroups().forEach(group -> needed.add("group " + group + " Read"));
        return needed;
    }

    /** What a KafkaUser is granted, as the same lines; patterns other than literal and deny rules are named as such. */
    static Set<String> granted(KubeObject user) {
        Set<String> granted = new TreeSet<>();
        for (JsonNode acl : user.spec().at("/authorization/acls")) {
            JsonNode resource = acl.path("resource");
            String pattern = resource.path("patternType").asText("literal");
            String name = resource.path("name").asText("") + (pattern.equals("literal") ? "" : "(" + pattern + ")");
            String type = acl.path("type").asText("allow");
            for (JsonNode operation : acl.path("operations")) {
                granted.add((type.equals("allow") ? "" : type + " ") + resource.path("type").asText() + " " + name
                        + " " + operation.asText());
            }
        }
        return granted;
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void everyServiceIsAUserAllowedExactlyWhatItDoes(String target) {
        Manifests manifests = Manifests.of(target);
        for (Services service : Services.all()) {
            KubeObject user = manifests.get("KafkaUser", service.name);
            assertEquals(manifests.ofKind("Kafka").get(0).name(), user.labels().path("strimzi.io/cluster").asText());
            assertEquals("scram-sha-512", user.spec().at("/authentication/type").asText());
            assertEquals("simple", user.spec().at("/authorization/type").asText());
            assertEquals(needed(service), granted(user), service.name);
        }
    }

    @Test
    void theNeedsComeFromTheServicesChannels() {
        assertEquals(Set.of("junheng.evaluation.v1"), Services.RECTIFICATION.consumes());
        assertEquals(Set.of("rectification"), Services.RECTIFICATION.consumerGroups());
        assertEquals(Set.of("junheng.school-data.v1", "junheng.rectification.v1"),
                Services.INDICATOR_EVALUATION.consumes());
        assertEquals(Set.of(), Services.SCHOOL_INTAKE.consumes());
        assertEquals(Set.of("junheng.school-data.v1"), Services.SCHOOL_INTAKE.publishes());
    }

    @Test
    void aGrantBeyondTheServicesNeedsIsReported() {
        KubeObject rendered = Manifests.of("base").get("KafkaUser", "rectification");
        KubeObject user = new KubeObject(rendered.tree().deepCopy(), rendered.origin());
        ObjectNode extra = ((com.fasterxml.jackson.databind.node.ArrayNode) user.spec().at("/authorization/acls"))
                .addObject();
        extra.putObject("resource").put("type", "topic").put("name", "junheng.").put("patternType", "prefix");
        extra.putArray("operations").add("Write");
        Set<String> beyond = new TreeSet<>(granted(user));
        beyond.removeAll(needed(Services.RECTIFICATION));
        assertEquals(Set.of("topic junheng.(prefix) Write"), beyond);
    }

    @Test
    void strimzisModelRejectsAMisspeltField() {
        KubeObject rendered = Manifests.of("base").get("KafkaUser", "rectification");
        assertEquals(java.util.List.of(), TypedObjects.violations(rendered));
        // (an operation's spelling is checked by the comparison with the service's needs: the model maps "Writ" to null)
        KubeObject misspelt = new KubeObject(rendered.tree().deepCopy(), rendered.origin());
        ((ObjectNode) misspelt.spec().at("/authorization")).set("acl", misspelt.spec().at("/authorization/acls"));
        assertEquals(Set.of("unknown field .spec.authorization.acl"), new TreeSet<>(TypedObjects.violations(misspelt)));
    }

    @Test
    void theBrokerAuthorizesAndAdmitsNoOneWithoutAPassword() {
        KubeObject kafka = Manifests.of("base").ofKind("Kafka").get(0);
        assertEquals("simple", kafka.spec().at("/kafka/authorization/type").asText());
        for (JsonNode listener : kafka.spec().at("/kafka/listeners")) {
            assertTrue(listener.path("tls").asBoolean(), listener.path("name") + " is TLS");
            assertEquals("scram-sha-512", listener.at("/authentication/type").asText(),
                    listener.path("name") + " signs clients in");
        }
        assertTrue(kafka.spec().at("/entityOperator").has("userOperator"), "the User Operator makes the users");
    }
}
