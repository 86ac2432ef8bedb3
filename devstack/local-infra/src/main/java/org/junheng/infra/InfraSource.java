package org.junheng.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Where a test JVM's PostgreSQL and Kafka come from: containers started by Testcontainers when a Docker engine
 * answers, else the local launchers (the PostgreSQL already running or an embedded one, a KRaft broker of our own).
 * {@code junheng.infra} (system property) or {@code JUNHENG_INFRA} chooses: {@code auto} (the default), {@code local},
 * {@code containers} (fails at once when no engine answers). A broker or database the environment names
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code JUNHENG_PG_HOST}) is used whatever the choice.
 */
public enum InfraSource {
    CONTAINERS,
    LOCAL;

    /** The choice for a setting, asking whether an engine answers only when it matters. */
    static InfraSource choose(String setting, BooleanSupplier engineAnswers) {
        String chosen = setting == null || setting.isBlank() ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
        switch (chosen) {
            case "local":
                return LOCAL;
            case "containers":
                if (!engineAnswers.getAsBoolean()) {
                    throw new IllegalStateException("junheng.infra=containers, but no Docker engine answers "
                            + "(DOCKER_HOST or /var/run/docker.sock); use auto or local");
                }
                return CONTAINERS;
            case "auto":
                return engineAnswers.getAsBoolean() ? CONTAINERS : LOCAL;
            default:
                throw new IllegalArgumentException("junheng.infra must be auto, local or containers, not " + setting);
        }
    }

    static InfraSource fromEnvironment() {
        return choose(System.getProperty("junheng.infra", System.getenv("JUNHENG_INFRA")),
                InfraSource::dockerEngineAnswers);
    }

    /** Where an engine listens by default: the system's, Docker Desktop's, rootless Docker's. */
    static java.util.List<Path> sockets() {
        java.util.List<Path> sockets = new java.util.ArrayList<>(java.util.List.of(Path.of("/var/run/docker.sock"),
                Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock")));
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            sockets.add(Path.of(runtime, "docker.sock"));
        }
        return sockets;
    }

    /**
     * Whether a Docker engine answers. Without {@code DOCKER_HOST} and without a socket where engines listen there is none, and
     * Testcontainers is not even loaded (these machines have the Docker client but no engine); otherwise
     * Testcontainers asks the engine itself.
     */
    static boolean dockerEngineAnswers() {
        String host = System.getenv("DOCKER_HOST");
        if ((host == null || host.isBlank()) && sockets().stream().noneMatch(Files::exists)) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
