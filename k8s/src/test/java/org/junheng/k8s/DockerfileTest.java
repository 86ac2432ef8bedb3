package org.junheng.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The services' src/main/docker/Dockerfile.jvm: Quarkus conventions, and what they copy is what the build produces.
 * There is no Docker engine here, so the image itself is not built; the build context it expects is checked instead.
 */
class DockerfileTest {

    @ParameterizedTest
    @EnumSource(Services.class)
    void followsTheQuarkusJvmImageConventions(Services service) {
        assertTrue(Files.isRegularFile(service.dockerfile()), service.dockerfile() + " is missing");
        Dockerfile dockerfile = Dockerfile.parse(Project.read(service.dockerfile()));
        assertEquals(List.of(), dockerfile.violations(service.httpPort()));
        assertEquals(List.of(), dockerfile.violations(service.managementPort()), "the management port is exposed too");
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void copiesWhatThePackagedServiceContains(Services service) throws IOException {
        Path context = service.directory();
        Path app = context.resolve("target/quarkus-app");
        // The reactor packages every service before this module (see k8s/pom.xml), so ./mvnw verify gets here; only
        // a run of this module alone, on a tree that was never packaged, has nothing to compare with.
        Assumptions.assumeTrue(Files.isRegularFile(app.resolve("quarkus-run.jar")),
                service + " has not been packaged (./mvnw package), so there is no build output to compare with");
        for (String layer : List.of("lib/main", "app", "quarkus")) {
            assertTrue(Files.isDirectory(app.resolve(layer)), app.resolve(layer) + " is not a fast-jar layer");
        }
        for (String source : Dockerfile.parse(Project.read(service.dockerfile())).copiedSources()) {
            assertTrue(matchesSomething(context, source), service + ": COPY " + source + " matches nothing in the build context");
        }
    }

    private static boolean matchesSomething(Path context, String source) throws IOException {
        String pattern = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        if (!pattern.contains("*")) {
            return Files.exists(context.resolve(pattern));
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        Path directory = context.resolve(pattern.substring(0, pattern.lastIndexOf('/')));
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(context::relativize).anyMatch(matcher::matches);
        }
    }

    // Each convention fails when broken.

    private static List<String> violationsOf(String dockerfile) {
        return Dockerfile.parse(dockerfile).violations(8081);
    }

    private static String schoolIntake() {
        return Project.read(Services.SCHOOL_INTAKE.dockerfile());
    }

    @Test
    void runningAsRootIsCaught() {
        assertEquals(List.of("runs as root (USER root)"), violationsOf(schoolIntake() + "\nUSER root\n"));
        assertEquals(List.of("no USER: the container would run as root"),
                violationsOf(schoolIntake().replace("USER 185", "")));
    }

    @Test
    void aMissingLayerIsCaught() {
        assertEquals(List.of("does not copy target/quarkus-app/quarkus/"), violationsOf(
                schoolIntake().replace("COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/", "")));
    }

    @Test
    void theWrongPortIsCaught() {
        assertEquals(List.of("does not EXPOSE 8081"), violationsOf(schoolIntake().replace("EXPOSE 8081", "EXPOSE 8080")));
    }

    @Test
    void theTemurinRuntimeIsAcceptedAndAnUnpinnedOrOtherBaseImageIsCaught() {
        assertEquals(List.of(), violationsOf(schoolIntake().replaceAll("(?m)^FROM .*$", "FROM eclipse-temurin:17-jre-jammy")));
        assertEquals(List.of("base image eclipse-temurin:latest is not a Java 17 runtime (ubi9/openjdk-17-runtime or "
                        + "eclipse-temurin:17-jre)", "base image eclipse-temurin:latest is not pinned"),
                violationsOf(schoolIntake().replaceAll("(?m)^FROM .*$", "FROM eclipse-temurin:latest")));
    }

    @Test
    void continuationLinesAndFlagsAreParsed() {
        Dockerfile dockerfile = Dockerfile.parse("""
                # comment
                FROM a:1
                COPY --chown=185 \\
                     x/ y/ \\
                     /dest/
                """);
        assertEquals(List.of("x/", "y/"), dockerfile.copiedSources());
    }
}
