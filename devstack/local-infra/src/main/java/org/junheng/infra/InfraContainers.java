package org.junheng.infra;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL and Kafka for the tests as containers (InfraSource.CONTAINERS): PostgreSQL as in production, Kafka as the
 * local broker (devstack/kafka-broker), stopped when the JVM exits (and by Testcontainers' reaper if it dies).
 */
final class InfraContainers {

    static final DockerImageName POSTGRES = DockerImageName.parse("postgres:18.4");
    static final DockerImageName KAFKA = DockerImageName.parse("apache/kafka:4.1.2");

    private InfraContainers() {
    }

    /** Started containers: the broker's bootstrap servers and the database to use. */
    record Started(String kafkaBootstrapServers, PostgresServer.Database database) {
    }

    static Started start(String kafkaFromEnvironment) {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES).withDatabaseName("junheng_test");
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "junheng-test-postgres-stop"));
        postgres.start();
        String bootstrap = kafkaFromEnvironment;
        if (bootstrap == null || bootstrap.isBlank()) {
            KafkaContainer kafka = new KafkaContainer(KAFKA);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "junheng-test-kafka-stop"));
            kafka.start();
            bootstrap = kafka.getBootstrapServers();
        }
        return new Started(bootstrap, new PostgresServer.Database(postgres.getHost(),
                postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT), postgres.getDatabaseName(),
                postgres.getUsername(), postgres.getPassword()));
    }
}
