package org.junheng.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code devstack/infra up}: the local stack's servers, kept across restarts under {@code .junheng/}.
 * <ul>
 *   <li>Kafka: a real KRaft broker on 127.0.0.1:19092 (controller 19093), formatted once;</li>
 *   <li>PostgreSQL: the configured server ({@code JUNHENG_PG_HOST}), else 127.0.0.1:5432 when it answers, else an
 *   embedded server on 127.0.0.1:15432 with its data under {@code .junheng/postgres};</li>
 *   <li>database {@code junheng}, one schema per service (the services' Flyway creates them).</li>
 * </ul>
 * Writes the connection settings to {@code .junheng/infra.env} and runs until stopped (SIGTERM or Ctrl-C).
 */
public final class LocalInfra {

    public static final int KAFKA_PORT = 19092;
    public static final int KAFKA_CONTROLLER_PORT = 19093;
    public static final int EMBEDDED_PG_PORT = 15432;

    private LocalInfra() {
    }

    /** The running servers and the settings services connect with; {@link #close()} stops what was started. */
    public record Running(Map<String, String> env, String description, AutoCloseable stop) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            stop.close();
        }
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : ".junheng").toAbsolutePath();
        Running running = start(home);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping the local infrastructure ...");
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("could not stop cleanly: " + e);
            }
            stopped.countDown();
        }));
        System.out.println("settings written to " + home.resolve("infra.env") + "; Ctrl-C stops");
        stopped.await();
    }

    /** Starts (or finds) Kafka and PostgreSQL and writes {@code infra.env}. */
    public static Running start(Path home) throws Exception {
        Files.createDirectories(home);
        long started = System.nanoTime();

        System.out.println("starting Kafka (KRaft) on 127.0.0.1:" + KAFKA_PORT + " ...");
        KafkaBroker broker = Ports.accepting("127.0.0.1", KAFKA_PORT) ? null
                : KafkaBroker.start(home.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT, false);
        if (broker == null) {
            System.out.println("  a broker already listens on " + KAFKA_PORT + "; using it");
        }

        System.out.println("ensuring PostgreSQL ...");
        PostgresServer server = System.getenv("JUNHENG_PG_HOST") == null && !Ports.accepting("127.0.0.1", 5432)
                ? PostgresServer.startEmbedded(home.resolve("postgres"), EMBEDDED_PG_PORT, true)
                : PostgresServer.ensure(home);
        PostgresServer.Database database = server.createDatabase("junheng");

        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + KAFKA_PORT);
        env.put("JUNHENG_DB_JDBC_URL", database.jdbcUrl());
        env.put("JUNHENG_DB_REACTIVE_URL", database.reactiveUrl());
        env.put("JUNHENG_DB_USER", database.user());
        env.put("JUNHENG_DB_PASSWORD", database.password());
        String lines = env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(home.resolve("infra.env"), lines);
        String description = String.format("Kafka 127.0.0.1:%d, PostgreSQL %s at %s:%d", KAFKA_PORT,
                server.embedded() ? "embedded" : "server", server.host(), server.port());
        System.out.printf("infrastructure ready in %.1f s (%s)%n", (System.nanoTime() - started) / 1e9, description);
        return new Running(Map.copyOf(env), description, () -> {
            if (broker != null) {
                broker.close();
            }
            server.close();
            deleteQuietly(home.resolve("infra.env"));
        });
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing to clean up then
        }
    }
}
