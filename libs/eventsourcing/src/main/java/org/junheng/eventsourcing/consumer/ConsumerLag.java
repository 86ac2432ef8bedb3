package org.junheng.eventsourcing.consumer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jboss.logging.Logger;
import org.junheng.eventsourcing.KafkaSettings;

/**
 * Whether a consumer group has consumed a topic to its end, as the broker sees it: every partition's committed offset
 * at its end offset. Asked by work that must not start on half its input — after a crash or a rebalance, the inputs
 * recorded so far may be only part of what the topic already holds. Answers are cached for {@code cacheFor}; an
 * unreachable broker answers "not yet".
 */
public final class ConsumerLag implements BooleanSupplier, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);

    private final Admin admin;
    private final String group;
    private final String topic;
    private final Duration timeout;
    private final long cacheNanos;
    private long checkedAt;
    private boolean caughtUp;

    public ConsumerLag(KafkaSettings kafka, String group, String topic, Duration timeout, Duration cacheFor) {
        Properties properties = kafka.clientProperties();
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "junheng-lag-" + group);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = Admin.create(properties);
        this.group = group;
        this.topic = topic;
        this.timeout = timeout;
        this.cacheNanos = cacheFor.toNanos();
    }

    /** True when the group has committed every partition of the topic up to its end (or the topic does not exist). */
    @Override
    public synchronized boolean getAsBoolean() {
        long now = System.nanoTime();
        if (checkedAt != 0 && now - checkedAt < cacheNanos) {
            return caughtUp;
        }
        caughtUp = check();
        checkedAt = now;
        return caughtUp;
    }

    private boolean check() {
        try {
            var description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                    OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (var end : ends.entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                long position = offset == null ? 0 : offset.offset();
                if (position < end.getValue().offset()) {
                    return false;
                }
            }
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return true; // nothing was ever published: nothing to wait for
            }
            LOG.debugf("lag of %s on %s unknown (%s): waiting", group, topic, e.getCause());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            LOG.debugf("lag of %s on %s unknown (%s): waiting", group, topic, e);
            return false;
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
