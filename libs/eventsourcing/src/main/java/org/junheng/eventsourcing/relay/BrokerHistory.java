package org.junheng.eventsourcing.relay;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junheng.contracts.CloudEventHeaders;
import org.junheng.eventsourcing.KafkaSettings;

/**
 * What the broker holds now, for the relay to notice history it lost: the end offset of a partition, and which event
 * a record at an offset carries.
 */
public interface BrokerHistory extends AutoCloseable {

    /** The end offset (the next offset to be written) of each partition; 0 for a partition that no longer exists. */
    Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) throws Exception;

    /** The CloudEvents id of the record at {@code offset}, if the broker still has it and it is one. */
    Optional<String> eventIdAt(TopicPartition partition, long offset);

    @Override
    void close();

    /** The broker's own answers, through an admin client and a group-less consumer. */
    static BrokerHistory kafka(String bootstrapServers, Duration timeout) {
        return kafka(KafkaSettings.plain(bootstrapServers), timeout);
    }

    /** The broker's own answers, connecting as {@code kafka} says. */
    static BrokerHistory kafka(KafkaSettings kafka, Duration timeout) {
        Properties adminProperties = kafka.clientProperties();
        adminProperties.put(AdminClientConfig.CLIENT_ID_CONFIG, "junheng-relay-history");
        adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        Properties consumerProperties = kafka.clientProperties();
        consumerProperties.put(ConsumerConfig.CLIENT_ID_CONFIG, "junheng-relay-history");
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        return new BrokerHistory() {
            private final Admin admin = Admin.create(adminProperties);
            private KafkaConsumer<String, byte[]> consumer;

            @Override
            public Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) throws Exception {
                Map<TopicPartition, Long> ends = new HashMap<>();
                for (TopicPartition partition : partitions) {
                    try {
                        ends.put(partition, admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all()
                                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(partition).offset());
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                            throw e;
                        }
                        ends.put(partition, 0L);
                    }
                }
                return ends;
            }

            @Override
            public Optional<String> eventIdAt(TopicPartition partition, long offset) {
                if (consumer == null) {
                    consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(),
                            new ByteArrayDeserializer());
                }
                consumer.assign(List.of(partition));
                consumer.seek(partition, offset);
                long deadline = System.nanoTime() + timeout.toNanos();
                while (System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.offset() == offset) {
                            return CloudEventRecords.header(record, CloudEventHeaders.ID);
                        }
                        if (record.offset() > offset) {
                            return Optional.empty();
                        }
                    }
                }
                return Optional.empty();
            }

            @Override
            public void close() {
                admin.close(Duration.ofSeconds(5));
                if (consumer != null) {
                    consumer.close(Duration.ofSeconds(5));
                }
            }
        };
    }
}
