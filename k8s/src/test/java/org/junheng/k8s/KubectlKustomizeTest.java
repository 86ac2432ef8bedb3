package org.junheng.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Keeps {@link KustomizeRenderer} honest: where {@code kustomize} or {@code kubectl} is installed, the real Kustomize
 * must render exactly the same objects. Not required: without either binary the other tests still run on the
 * renderer alone.
 */
class KubectlKustomizeTest {

    static final List<String> TARGETS = Manifests.TARGETS;

    @ParameterizedTest
    @FieldSource("TARGETS")
    void kustomizeRendersTheSameObjects(String target) throws IOException, InterruptedException {
        Optional<List<String>> command = kustomizeCommand();
        Assumptions.assumeTrue(command.isPresent(), "neither kustomize nor kubectl is on the PATH");

        List<String> arguments = new ArrayList<>(command.get());
        arguments.add(Manifests.directory(target).toString());
        Path errorFile = Files.createTempFile("kustomize", ".err");
        Process process = new ProcessBuilder(arguments).redirectError(errorFile.toFile()).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(arguments + " did not finish");
        }
        String errors = Files.readString(errorFile);
        Files.delete(errorFile);
        assertEquals(0, process.exitValue(), arguments + " failed: " + errors);

        Map<String, JsonNode> expected = new TreeMap<>();
        for (JsonNode document : Yaml.documents(new String(output, StandardCharsets.UTF_8), "kustomize output")) {
            KubeObject object = new KubeObject((ObjectNode) document, "kustomize");
            expected.put(object.id(), document);
        }
        Map<String, JsonNode> actual = new TreeMap<>();
        Manifests.of(target).all().forEach(object -> actual.put(object.id(), object.tree()));

        assertEquals(expected.keySet(), actual.keySet());
        for (String id : expected.keySet()) {
            assertEquals(expected.get(id), actual.get(id), id);
        }
    }

    /** {@code kustomize build} or {@code kubectl kustomize}, whichever is installed. */
    private static Optional<List<String>> kustomizeCommand() {
        if (onPath("kustomize")) {
            return Optional.of(List.of("kustomize", "build"));
        }
        if (onPath("kubectl")) {
            return Optional.of(List.of("kubectl", "kustomize"));
        }
        return Optional.empty();
    }

    private static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .map(directory -> Path.of(directory, binary))
                .anyMatch(Files::isExecutable);
    }
}
