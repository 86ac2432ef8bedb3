package org.junheng.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every manifest parses, and every rendered object is what its API accepts: built-in kinds through the fabric8 model,
 * custom resources through their operator's CRD schema, unknown fields rejected in both.
 */
class ManifestSchemaTest {

    static final List<String> TARGETS = Manifests.TARGETS;
    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @Test
    void everyYamlFileUnderK8sParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Project.path("k8s"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.startsWith(Project.path("k8s/src")) && !p.startsWith(Project.path("k8s/target")))
                    .toList();
        }
        assertTrue(files.size() > 20, "found only " + files);
        for (Path file : files) {
            List<JsonNode> documents = Yaml.documents(file);
            assertFalse(documents.isEmpty(), file + " is empty");
        }
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void everyRenderedObjectMatchesItsSchema(String target) {
        List<String> problems = new ArrayList<>();
        for (KubeObject object : Manifests.of(target).all()) {
            List<String> violations = TypedObjects.knows(object) ? TypedObjects.violations(object)
                    : CrdSchemas.knows(object) ? CrdSchemas.violations(object)
                    : List.of("no model or CRD schema for " + object.apiVersion() + " " + object.kind());
            violations.forEach(v -> problems.add(object + ": " + v));
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyNamespacedObjectLandsInTheOverlaysNamespace(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        KubeObject namespace = manifests.ofKind("Namespace").get(0);
        assertEquals(1, manifests.ofKind("Namespace").size());
        assertEquals("restricted", namespace.labels().path("pod-security.kubernetes.io/enforce").asText(),
                "the namespace enforces the restricted Pod Security Standard");
        for (KubeObject object : manifests.all()) {
            if (!object.kind().equals("Namespace")) {
                assertEquals(namespace.name(), object.namespace(), object.toString());
            }
        }
    }

    @Test
    void theCrdCheckCatchesMisspeltFieldsWrongTypesAndMissingRequiredFields() {
        KubeObject topic = copy(Manifests.of("base").get("KafkaTopic", "junheng.notices.v1"));
        assertEquals(List.of(), CrdSchemas.violations(topic));

        KubeObject misspelt = copy(topic);
        ((ObjectNode) misspelt.tree().get("spec")).set("partiton", misspelt.spec().get("partitions"));
        assertFalse(CrdSchemas.violations(misspelt).isEmpty(), "spec.partiton is not a KafkaTopic field");

        KubeObject wrongType = copy(topic);
        ((ObjectNode) wrongType.tree().get("spec")).put("partitions", "twelve");
        assertFalse(CrdSchemas.violations(wrongType).isEmpty(), "partitions is an integer");

        KubeObject cluster = copy(Manifests.of("base").get("Cluster", "intake-db"));
        ((ObjectNode) cluster.tree().get("spec").get("storage")).put("size", 20);
        assertFalse(CrdSchemas.violations(cluster).isEmpty(), "storage.size is a string");
    }

    @Test
    void theModelCheckCatchesMisspeltFields() {
        KubeObject deployment = copy(Manifests.of("base").get("Deployment", "school-intake"));
        assertEquals(List.of(), TypedObjects.violations(deployment));

        ObjectNode container = (ObjectNode) deployment.tree().at("/spec/template/spec/containers/0");
        container.set("readinesProbe", container.remove("readinessProbe"));
        assertEquals(List.of("unknown field .spec.template.spec.containers[0].readinesProbe"),
                TypedObjects.violations(deployment));
    }

    static KubeObject copy(KubeObject object) {
        return new KubeObject(object.tree().deepCopy(), object.origin());
    }
}
