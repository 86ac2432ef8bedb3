package org.junheng.eventsourcing.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junheng.eventsourcing.KafkaSettings;
import org.junheng.infra.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kit's Kafka clients signing in as the school intake's KafkaUser of k8s/base/kafka/users.yaml, its ACLs applied
 * as Strimzi applies them, on a real broker that authenticates with SCRAM-SHA-512 and authorizes by ACL: the relay's
 * producer publishes to the service's topic and nowhere else, its history reader reads it back, a wrong password is
 * refused.
 */
class KafkaUsersOverScramTest {

    static final String USER = "school-intake";
    /** A service with consumers: its group, the topics it reads, the operations topic its relay writes. */
    static final String CONSUMING_USER = "rectification";
    static final String PASSWORD = "s3cret-" + System.nanoTime();
    static KafkaBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = KafkaBroker.startWithScram(Path.of("target/infra/kafka-scram").toAbsolutePath());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("junheng.school-data.v1", 1, (short) 1),
                    new NewTopic("junheng.evaluation.v1", 1, (short) 1),
                    new NewTopic("junheng.rectification.v1", 1, (short) 1),
                    new NewTopic("junheng.operations.v1", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            for (String user : List.of(USER, CONSUMING_USER)) {
                admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), PASSWORD)))
                        .all().get(30, TimeUnit.SECONDS);
                admin.createAcls(aclsOf(user)).all().get(30, TimeUnit.SECONDS);
            }
            // something for the rectification service to read, written as the super user
            try (Producer<String, byte[]> setup = OutboxRelay.producer(broker.bootstrapServers(), Map.of())) {
                setup.send(record("junheng.evaluation.v1")).get(30, TimeUnit.SECONDS);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    /** The user's ACLs as users.yaml grants them (literal patterns, allow rules). */
    static List<AclBinding> aclsOf(String user) throws Exception {
        Path manifest = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().getParent()
                .resolve("k8s/base/kafka/users.yaml");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<AclBinding> bindings = new ArrayList<>();
        try (var documents = yaml.readerFor(JsonNode.class).<JsonNode>readValues(manifest.toFile())) {
            for (JsonNode document : documents.readAll()) {
                if (!document.at("/metadata/name").asText().equals(user)) {
                    continue;
                }
                for (JsonNode acl : document.at("/spec/authorization/acls")) {
                    ResourceType type = ResourceType.fromString(acl.at("/resource/type").asText());
                    // Strimzi's literal/prefix are Kafka's LITERAL/PREFIXED
                    PatternType pattern = acl.at("/resource/patternType").asText("literal").equals("prefix")
                            ? PatternType.PREFIXED : PatternType.LITERAL;
                    for (JsonNode operation : acl.path("operations")) {
                        bindings.add(new AclBinding(new ResourcePattern(type, acl.at("/resource/name").asText(),
                                pattern), new AccessControlEntry("User:" + user, "*",
                                AclOperation.fromString(operation.asText()), AclPermissionType.ALLOW)));
                    }
                }
            }
        }
        assertTrue(bindings.size() >= 3, "found " + bindings + " for " + user + " in " + manifest);
        return bindings;
    }

    static KafkaSettings signedInAs(String user, String password) {
        return KafkaSettings.of(Map.of("bootstrap.servers", broker.scramBootstrapServers(),
                "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";"));
    }

    static ProducerRecord<String, byte[]> record(String topic) {
        return new ProducerRecord<>(topic, "500104", "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theServicePublishesToItsTopicAndReadsItBackButNowhereElse() throws Exception {
        KafkaSettings intake = signedInAs(USER, PASSWORD);
        try (Producer<String, byte[]> producer = OutboxRelay.producer(intake, Map.of("max.block.ms", 20_000,
                "delivery.timeout.ms", 20_000, "request.timeout.ms", 10_000))) {
            long offset = producer.send(record("junheng.school-data.v1")).get(30, TimeUnit.SECONDS).offset();
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> producer.send(record("junheng.evaluation.v1")).get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause());
            try (BrokerHistory history = BrokerHistory.kafka(intake, Duration.ofSeconds(20))) {
                TopicPartition own = new TopicPartition("junheng.school-data.v1", 0);
                assertEquals(offset + 1, history.endOffsets(Set.of(own)).get(own));
            }
        }
    }

    @Test
    void aConsumingServiceReadsItsTopicsAsItsGroupAndParksOnTheOperationsTopic() throws Exception {
        KafkaSettings rectification = signedInAs(CONSUMING_USER, PASSWORD);
        Map<String, Object> consumerSettings = new java.util.HashMap<>();
        rectification.clientProperties().forEach((key, value) -> consumerSettings.put((String) key, value));
        consumerSettings.put("group.id", CONSUMING_USER);
        consumerSettings.put("auto.offset.reset", "earliest");
        consumerSettings.put("enable.auto.commit", "false");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(consumerSettings,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of("junheng.evaluation.v1"));
            int read = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (read == 0 && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            assertEquals(1, read, "the evaluation's record, read as the group " + CONSUMING_USER);
            consumer.commitSync();
        }
        // the evaluation's readiness check asks the group's offsets the same way (Describe on the group)
        try (var lag = new org.junheng.eventsourcing.consumer.ConsumerLag(rectification, CONSUMING_USER,
                "junheng.evaluation.v1", Duration.ofSeconds(10), Duration.ZERO)) {
            assertTrue(lag.getAsBoolean(), "caught up, as the broker tells this user");
        }
        try (Producer<String, byte[]> producer = OutboxRelay.producer(rectification, Map.of("max.block.ms", 20_000,
                "delivery.timeout.ms", 20_000, "request.timeout.ms", 10_000))) {
            producer.send(record("junheng.rectification.v1")).get(30, TimeUnit.SECONDS);
            producer.send(record("junheng.operations.v1")).get(30, TimeUnit.SECONDS);
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> producer.send(record("junheng.school-data.v1")).get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause());
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (Producer<String, byte[]> producer = OutboxRelay.producer(signedInAs(USER, "wrong"),
                Map.of("max.block.ms", 20_000))) {
            Exception refused = assertThrows(Exception.class,
                    () -> producer.send(record("junheng.school-data.v1")).get(30, TimeUnit.SECONDS));
            Throwable cause = refused instanceof ExecutionException ? refused.getCause() : refused;
            assertInstanceOf(SaslAuthenticationException.class, cause, refused.toString());
        }
    }
}
