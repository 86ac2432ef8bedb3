package org.junheng.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the classpath file written by {@code devstack/kafka-broker} ({@code mvn generate-resources} there): the system
 * property {@code junheng.kafka.classpath.file}, the environment variable {@code JUNHENG_KAFKA_CLASSPATH_FILE}, or
 * the file found by walking up from the working directory to the repository root.
 */
public final class BrokerClasspath {
    static final String RELATIVE = "devstack/kafka-broker/target/kafka-classpath.txt";

    private BrokerClasspath() {
    }

    public static String resolve() {
        Path file = locate();
        try {
            String classpath = Files.readString(file).trim();
            if (classpath.isEmpty()) {
                throw new IllegalStateException(file + " is empty; rebuild devstack/kafka-broker");
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path locate() {
        String configured = System.getProperty("junheng.kafka.classpath.file", System.getenv("JUNHENG_KAFKA_CLASSPATH_FILE"));
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no Kafka broker classpath found (looked for " + configured + " and "
                + RELATIVE + " above " + Path.of("").toAbsolutePath()
                + "); run ./mvnw -pl devstack/kafka-broker generate-resources first");
    }
}
