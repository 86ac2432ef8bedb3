package org.junheng.infra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Kafka broker and PostgreSQL database that one test JVM uses, started at most once per JVM and torn down when
 * the JVM exits: as containers where a Docker engine answers ({@link InfraSource}), else locally. Reuses what the
 * environment provides:
 * {@code KAFKA_BOOTSTRAP_SERVERS} (system property or environment) for a running broker, and the PostgreSQL
 * resolution of {@link PostgresServer} for the server. Each JVM gets a fresh database, dropped at exit, so test runs
 * never see each other's events.
 */
public final class TestInfrastructure {

    private static final System.Logger LOG = System.getLogger(TestInfrastructure.class.getName());
    private static TestInfrastructure shared;

    private final String kafkaBootstrapServers;
    private final PostgresServer.Database database;

    private TestInfrastructure(String kafkaBootstrapServers, PostgresServer.Database database) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.database = database;
    }

    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public PostgresServer.Database database() {
        return database;
    }

    /** The Quarkus configuration that points a service at this infrastructure. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers);
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.reactive.url", database.reactiveUrl());
        config.put("quarkus.datasource.username", database.user());
        config.put("quarkus.datasource.password", database.password());
        return config;
    }

    private static TestInfrastructure start() {
        Path workDir = Path.of(System.getProperty("junheng.work.dir", "target/infra")).toAbsolutePath();
        String bootstrap = System.getProperty("KAFKA_BOOTSTRAP_SERVERS", System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
        String pgHost = System.getProperty("JUNHENG_PG_HOST", System.getenv("JUNHENG_PG_HOST"));
        if ((pgHost == null || pgHost.isBlank()) && InfraSource.fromEnvironment() == InfraSource.CONTAINERS) {
            LOG.log(System.Logger.Level.INFO, "a Docker engine answers: PostgreSQL and Kafka as containers");
            InfraContainers.Started started = InfraContainers.start(bootstrap);
            return new TestInfrastructure(started.kafkaBootstrapServers(), started.database());
        }
        KafkaBroker broker = null;
        if (bootstrap == null || bootstrap.isBlank()) {
            broker = KafkaBroker.start(workDir.resolve("kafka"));
            bootstrap = broker.bootstrapServers();
        } else {
            LOG.log(System.Logger.Level.INFO, "using the Kafka broker at {0}", bootstrap);
        }
        PostgresServer server = PostgresServer.ensure(workDir);
        String name = "junheng_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        PostgresServer.Database database = server.createDatabase(name);
        KafkaBroker startedBroker = broker;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.dropDatabase(name);
            server.close();
            if (startedBroker != null) {
                startedBroker.close();
            }
        }, "junheng-test-infrastructure-stop"));
        return new TestInfrastructure(bootstrap, database);
    }
}
