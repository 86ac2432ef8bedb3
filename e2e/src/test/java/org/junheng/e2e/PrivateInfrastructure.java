package org.junheng.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junheng.infra.KafkaBroker;
import org.junheng.infra.PostgresServer;

/**
 * A Kafka broker and a PostgreSQL server of the test's own, on their own ports, that it may kill and restart — never
 * the machine's PostgreSQL or the shared test broker. Their data survive a restart, as a real server's would.
 */
final class PrivateInfrastructure implements AutoCloseable {

    private final Path dir;
    private final int kafkaPort = lowPort();
    private final int controllerPort = lowPort();
    private final int postgresPort = lowPort();
    private KafkaBroker broker;
    private PostgresServer postgres;
    private final PostgresServer.Database database;

    PrivateInfrastructure(String name) throws IOException {
        this.dir = Path.of(System.getProperty("user.dir")).toAbsolutePath().resolve("target/" + name);
        if (java.nio.file.Files.exists(dir)) {
            try (var paths = java.nio.file.Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
        broker = KafkaBroker.start(dir.resolve("kafka"), kafkaPort, controllerPort, true);
        postgres = PostgresServer.startEmbedded(dir.resolve("postgres"), postgresPort, true);
        database = postgres.createDatabase("junheng");
        // a test JVM stopped from outside leaves no server behind
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    /** What the services need to reach this broker and this database. */
    Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.reactive.url", database.reactiveUrl());
        config.put("quarkus.datasource.username", database.user());
        config.put("quarkus.datasource.password", database.password());
        return config;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** kill -9 of the broker, and a start on the same ports and log directory. */
    void killAndRestartBroker() {
        broker.kill();
        // until nothing listens there any more (the kernel may take a moment to release a killed process's ports)
        org.awaitility.Awaitility.await("the broker's ports free").atMost(java.time.Duration.ofMinutes(3))
                .pollInterval(java.time.Duration.ofMillis(500)).until(() -> bindable(kafkaPort) && bindable(controllerPort));
        broker = KafkaBroker.start(dir.resolve("kafka"), kafkaPort, controllerPort, false);
    }

    /** Whether a server (asking for SO_REUSEADDR, as the broker does) could bind the port now. */
    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    /** PostgreSQL stopped (every connection dropped), down for {@code outage}, then started again with its data. */
    void restartPostgres(java.time.Duration outage) {
        postgres.close();
        try {
            Thread.sleep(outage.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postgres = PostgresServer.startEmbedded(dir.resolve("postgres"), postgresPort, true);
    }

    Connection connect() throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    @Override
    public void close() {
        broker.close();
        postgres.close();
    }

    /** Below the ephemeral range, so an outgoing connection cannot hold the port while the server is down. */
    private static int lowPort() {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20000 + random.nextInt(12000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }
}
