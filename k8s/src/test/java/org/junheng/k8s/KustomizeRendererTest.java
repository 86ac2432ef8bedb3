package org.junheng.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer itself, on small kustomizations written for each case. */
class KustomizeRendererTest {

    @TempDir
    Path dir;

    private static final String BASE_OBJECTS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      image: junheng/web:1.0
                      resources: {limits: {memory: 1Gi}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: team
            ---
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata:
              name: junheng.notices.v1
            spec:
              partitions: 12
            """;

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void base() throws IOException {
        write("base/kustomization.yaml", "resources: [objects.yaml]\n");
        write("base/objects.yaml", BASE_OBJECTS);
    }

    @Test
    void namespacesPatchesAndImagesApplyToTheBaseObjects() throws IOException {
        base();
        write("overlay/kustomization.yaml", """
                namespace: team
                resources: [../base]
                images:
                  - name: junheng/web
                    newName: registry.example.com/junheng/web
                    newTag: "2.0"
                patches:
                  - path: partitions.yaml
                    target: {kind: KafkaTopic}
                  - path: memory.yaml
                    target: {kind: Deployment, name: web}
                """);
        write("overlay/partitions.yaml", "- {op: replace, path: /spec/partitions, value: 24}\n");
        write("overlay/memory.yaml", """
                - op: replace
                  path: /spec/template/spec/containers/0/resources/limits/memory
                  value: 2Gi
                - op: add
                  path: /metadata/annotations
                  value: {example.com~1note: x}
                """);

        List<KubeObject> objects = KustomizeRenderer.render(dir.resolve("overlay"));

        KubeObject deployment = objects.get(0);
        assertEquals("team", deployment.namespace());
        assertEquals("registry.example.com/junheng/web:2.0",
                deployment.spec().path("template").path("spec").path("containers").get(0).path("image").asText());
        assertEquals("2Gi", deployment.spec().at("/template/spec/containers/0/resources/limits/memory").asText());
        assertEquals(24, objects.get(2).spec().path("partitions").asInt());
        assertNull(objects.get(1).namespace(), "a Namespace has no namespace");
    }

    @Test
    void aConfigMapIsGeneratedFromFilesAndANameHashIsRefused() throws IOException {
        base();
        write("overlay/kustomization.yaml", """
                namespace: team
                resources: [../base]
                configMapGenerator:
                  - name: dashboards
                    files: [board.json, renamed.json=other.json]
                    options:
                      disableNameSuffixHash: true
                      labels: {grafana_dashboard: "1"}
                """);
        write("overlay/board.json", "{\"a\": 1}\n");
        write("overlay/other.json", "{}\n");
        KubeObject generated = KustomizeRenderer.render(dir.resolve("overlay")).stream()
                .filter(o -> o.kind().equals("ConfigMap")).findFirst().orElseThrow();
        assertEquals("dashboards", generated.name());
        assertEquals("team", generated.tree().at("/metadata/namespace").asText());
        assertEquals("1", generated.labels().path("grafana_dashboard").asText());
        assertEquals("{\"a\": 1}\n", generated.tree().at("/data/board.json").asText());
        assertEquals("{}\n", generated.tree().at("/data/renamed.json").asText());

        write("overlay/kustomization.yaml", """
                resources: [../base]
                configMapGenerator:
                  - name: dashboards
                    files: [board.json]
                """);
        assertThrows(IllegalArgumentException.class, () -> KustomizeRenderer.render(dir.resolve("overlay")));
    }

    @Test
    void aPatchWhoseTargetPathIsGoneFails() throws IOException {
        base();
        write("overlay/kustomization.yaml", """
                resources: [../base]
                patches:
                  - path: p.yaml
                    target: {kind: KafkaTopic}
                """);
        write("overlay/p.yaml", "- {op: replace, path: /spec/replicas, value: 3}\n");

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> KustomizeRenderer.render(dir.resolve("overlay")));
        assertTrue(error.getMessage().contains("'replicas' does not exist"), error.getMessage());
    }

    @Test
    void aPatchThatMatchesNothingFails() throws IOException {
        base();
        write("overlay/kustomization.yaml", """
                resources: [../base]
                patches:
                  - path: p.yaml
                    target: {kind: KafkaTopic, name: junheng.typo.v1}
                """);
        write("overlay/p.yaml", "- {op: replace, path: /spec/partitions, value: 3}\n");

        assertThrows(IllegalArgumentException.class, () -> KustomizeRenderer.render(dir.resolve("overlay")));
    }

    @Test
    void featuresItDoesNotImplementAreRejected() throws IOException {
        base();
        write("overlay/kustomization.yaml", """
                resources: [../base]
                commonLabels: {team: a}
                """);

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> KustomizeRenderer.render(dir.resolve("overlay")));
        assertTrue(error.getMessage().contains("commonLabels"), error.getMessage());
    }

    @Test
    void strategicMergePatchesAreRejected() throws IOException {
        base();
        write("overlay/kustomization.yaml", """
                resources: [../base]
                patches:
                  - path: p.yaml
                    target: {kind: KafkaTopic}
                """);
        write("overlay/p.yaml", "spec: {partitions: 3}\n");

        assertThrows(IllegalArgumentException.class, () -> KustomizeRenderer.render(dir.resolve("overlay")));
    }

    @Test
    void anObjectDefinedTwiceIsRejected() throws IOException {
        base();
        write("overlay/kustomization.yaml", "resources: [../base, again.yaml]\n");
        write("overlay/again.yaml", "apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata: {name: junheng.notices.v1}\n");

        assertThrows(IllegalArgumentException.class, () -> KustomizeRenderer.render(dir.resolve("overlay")));
    }

    @Test
    void imageReferencesSplitIntoNameTagAndDigest() {
        assertEquals(new KustomizeRenderer.ImageReference("registry:5000/a/b", "1.2", null),
                KustomizeRenderer.ImageReference.parse("registry:5000/a/b:1.2"));
        assertEquals(new KustomizeRenderer.ImageReference("registry:5000/a/b", null, null),
                KustomizeRenderer.ImageReference.parse("registry:5000/a/b"));
        assertEquals(new KustomizeRenderer.ImageReference("a/b", "1", "sha256:ab"),
                KustomizeRenderer.ImageReference.parse("a/b:1@sha256:ab"));
    }

    @Test
    void jsonPointersUnescape() {
        assertEquals(List.of("metadata", "annotations", "prometheus.io/port", "a~b"),
                JsonPatch.parse("/metadata/annotations/prometheus.io~1port/a~0b"));
    }
}
