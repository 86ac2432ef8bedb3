package org.junheng.eventsourcing.relay;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.junheng.eventsourcing.FeedPosition;
import org.junheng.eventsourcing.FeedWorker;
import org.junheng.eventsourcing.GlobalFeed;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.KafkaSettings;
import org.junheng.eventsourcing.Tracing;
import org.junheng.eventsourcing.Upcasters;

/**
 * Publishes the service's event log to Kafka in feed order: the log is the outbox, so an event is published iff it was
 * committed.
 *
 * <ul>
 *   <li>One active relay per service: the relay works only while it holds a session advisory lock on its own
 *   connection; other instances stand by and take over when that connection ends.</li>
 *   <li>Order: batches are read in feed order and sent by an idempotent producer ({@code acks=all}, at most 5 in
 *   flight, so retries never reorder). The next batch is read while the previous one is acknowledged; the checkpoint
 *   moves only past acknowledged records.</li>
 *   <li>Delivery is at least once across crashes (a crash between the acks and the checkpoint republishes that batch);
 *   consumers dedupe by CloudEvents {@code id} through their inbox.</li>
 *   <li>History the broker lost is published again: with each checkpoint the relay records the offset each partition
 *   reached ({@code relay_offsets}); when a partition's end offset is found behind it (a wiped or replaced broker),
 *   the relay goes back to the event of the last record the broker still holds and republishes from there
 *   ({@link #checkHistory}).</li>
 * </ul>
 */
public final class OutboxRelay extends FeedWorker {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final String relayName;
    private final URI source;
    private final RelayRouter router;
    private final GlobalFeed feed;
    private final Producer<String, byte[]> producer;
    private final int batchSize;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong republishings = new AtomicLong();
    private final BrokerHistory history;
    private final Duration historyCheckInterval;
    private volatile Tracing tracing = Tracing.none();
    private long nextHistoryCheck;

    private SqlConnection lockedConnection;
    private FeedPosition readPosition;
    private InFlight inFlight;
    private volatile boolean active;

    public OutboxRelay(Pool pool, String relayName, URI source, RelayRouter router, Upcasters upcasters,
                       Producer<String, byte[]> producer, int batchSize, Duration pollInterval) {
        this(pool, relayName, source, router, upcasters, producer, batchSize, pollInterval, null, Duration.ZERO);
    }

    /**
     * @param history              what the broker holds, checked when the relay becomes active and every
     *                             {@code historyCheckInterval} while it is idle; null: never checked
     */
    public OutboxRelay(Pool pool, String relayName, URI source, RelayRouter router, Upcasters upcasters,
                       Producer<String, byte[]> producer, int batchSize, Duration pollInterval,
                       BrokerHistory history, Duration historyCheckInterval) {
        super("outbox-relay-" + relayName, pollInterval);
        this.history = history;
        this.historyCheckInterval = historyCheckInterval;
        this.pool = pool;
        this.relayName = relayName;
        this.source = source;
        this.router = router;
        this.feed = new GlobalFeed(upcasters);
        this.producer = producer;
        this.batchSize = batchSize;
    }

    /** A producer set up for the relay's guarantees. */
    public static Producer<String, byte[]> producer(String bootstrapServers, Map<String, Object> overrides) {
        return producer(KafkaSettings.plain(bootstrapServers), overrides);
    }

    /** A producer set up for the relay's guarantees, connecting as {@code kafka} says. */
    public static Producer<String, byte[]> producer(KafkaSettings kafka, Map<String, Object> overrides) {
        return new KafkaProducer<>(producerProperties(kafka, overrides));
    }

    static Properties producerProperties(KafkaSettings kafka, Map<String, Object> overrides) {
        Properties properties = kafka.clientProperties();
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.putAll(overrides);
        return properties;
    }

    /** Publish with spans for traced events ({@link Tracing.Publications}); set before {@link #start()}. */
    public OutboxRelay traced(Tracing tracing) {
        this.tracing = tracing;
        return this;
    }

    /** True while this instance holds the relay lock and publishes. */
    public boolean isActive() {
        return active;
    }

    public long publishedCount() {
        return published.get();
    }

    /** How often this instance found the broker behind its checkpoint and went back to republish. */
    public long republishCount() {
        return republishings.get();
    }

    @Override
    protected int step() throws Exception {
        if (lockedConnection == null && !acquire()) {
            return 0;
        }
        // read the next batch while the previous one is still being acknowledged: the database and the broker
        // work at the same time, and the checkpoint still only covers acknowledged events
        List<StoredEvent> batch = feed.readAfter(lockedConnection, readPosition, batchSize).await().indefinitely();
        if (batch.isEmpty()) {
            if (inFlight != null) {
                producer.flush();
                completeInFlight();
            }
            if (history != null && System.nanoTime() - nextHistoryCheck >= 0) {
                return checkHistory() ? 1 : 0;
            }
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        Tracing.Publications publications = tracing.publications();
        try {
            for (StoredEvent event : batch) {
                KafkaRoute route = router.route(event);
                if (route != null) {
                    ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord(event, route, source);
                    publications.add(event, record);
                    acks.add(producer.send(record));
                }
            }
        } catch (RuntimeException e) {
            publications.end(e);
            throw e;
        }
        completeInFlight();
        readPosition = batch.get(batch.size() - 1).position();
        inFlight = new InFlight(acks, readPosition, publications);
        return batch.size();
    }

    /** Sent records of one batch, the feed position they reach, and their publication spans. */
    private record InFlight(List<Future<RecordMetadata>> acks, FeedPosition last, Tracing.Publications publications) {
    }

    private void completeInFlight() throws Exception {
        if (inFlight == null) {
            return;
        }
        Map<TopicPartition, Long> reached = new HashMap<>();
        try {
            for (Future<RecordMetadata> ack : inFlight.acks()) {
                RecordMetadata metadata = ack.get();
                reached.merge(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset() + 1,
                        Math::max);
            }
        } catch (Exception e) {
            inFlight.publications().end(e);
            throw e;
        }
        inFlight.publications().end(null);
        List<String> topics = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        reached.forEach((partition, next) -> {
            topics.add(partition.topic());
            partitions.add(partition.partition());
            offsets.add(next);
        });
        FeedPosition last = inFlight.last();
        // the offsets reached and the checkpoint in one statement: they always agree
        lockedConnection.preparedQuery("""
                        with reached as (
                            insert into relay_offsets (relay_name, topic, kafka_partition, next_offset)
                            select $1, topic, kafka_partition, next_offset
                            from unnest($5::text[], $6::int[], $7::bigint[]) as r(topic, kafka_partition, next_offset)
                            on conflict (relay_name, topic, kafka_partition) do update
                                set next_offset = excluded.next_offset, updated_at = now())
                        insert into relay_checkpoints (relay_name, transaction_id, global_position, published)
                        values ($1, $2::text::xid8, $3, $4)
                        on conflict (relay_name) do update set transaction_id = excluded.transaction_id,
                            global_position = excluded.global_position,
                            published = relay_checkpoints.published + excluded.published, updated_at = now()
                        """)
                .execute(Tuple.from(new Object[] {relayName, Long.toString(last.transactionId()),
                        last.globalPosition(), (long) inFlight.acks().size(), topics.toArray(new String[0]),
                        partitions.toArray(new Integer[0]), offsets.toArray(new Long[0])}))
                .await().indefinitely();
        published.addAndGet(inFlight.acks().size());
        inFlight = null;
    }

    /**
     * Compares what the broker holds with what it acknowledged. A partition whose end offset is behind lost the
     * records from there on: the relay goes back to the event of the last record the partition still holds (to the
     * start, for an empty or missing partition) and republishes everything after it; consumers dedupe through their
     * inbox. Runs only with nothing in flight. Returns true when it went back.
     */
    boolean checkHistory() throws Exception {
        nextHistoryCheck = System.nanoTime() + historyCheckInterval.toNanos();
        Map<TopicPartition, Long> acknowledged = new HashMap<>();
        lockedConnection.preparedQuery(
                        "select topic, kafka_partition, next_offset from relay_offsets where relay_name = $1")
                .execute(Tuple.of(relayName)).await().indefinitely()
                .forEach(row -> acknowledged.put(new TopicPartition(row.getString("topic"),
                        row.getInteger("kafka_partition")), row.getLong("next_offset")));
        if (acknowledged.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = history.endOffsets(acknowledged.keySet());
        FeedPosition from = null;
        List<String> lost = new ArrayList<>();
        for (var entry : acknowledged.entrySet()) {
            long end = ends.getOrDefault(entry.getKey(), 0L);
            if (end >= entry.getValue()) {
                continue;
            }
            lost.add(entry.getKey() + " ends at " + end + ", acknowledged up to " + entry.getValue());
            FeedPosition lastKept = end == 0 ? FeedPosition.START : history.eventIdAt(entry.getKey(), end - 1)
                    .flatMap(this::positionOf).orElse(FeedPosition.START);
            from = from == null || lastKept.compareTo(from) < 0 ? lastKept : from;
        }
        if (from == null) {
            return false;
        }
        if (from.compareTo(readPosition) > 0) {
            from = readPosition;
        }
        LOG.warnf("relay %s: the broker lost history (%s); republishing from %s", relayName,
                String.join("; ", lost), from);
        List<String> topics = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        acknowledged.keySet().forEach(partition -> {
            topics.add(partition.topic());
            partitions.add(partition.partition());
            offsets.add(Math.min(acknowledged.get(partition), ends.getOrDefault(partition, 0L)));
        });
        // the way back is recorded before anything is sent again: a crash now still republishes
        lockedConnection.preparedQuery("""
                        with lowered as (
                            update relay_offsets o set next_offset = r.next_offset, updated_at = now()
                            from unnest($4::text[], $5::int[], $6::bigint[]) as r(topic, kafka_partition, next_offset)
                            where o.relay_name = $1 and o.topic = r.topic and o.kafka_partition = r.kafka_partition)
                        update relay_checkpoints set transaction_id = $2::text::xid8, global_position = $3,
                            updated_at = now()
                        where relay_name = $1""")
                .execute(Tuple.from(new Object[] {relayName, Long.toString(from.transactionId()),
                        from.globalPosition(), topics.toArray(new String[0]), partitions.toArray(new Integer[0]),
                        offsets.toArray(new Long[0])}))
                .await().indefinitely();
        readPosition = from;
        republishings.incrementAndGet();
        return true;
    }

    private Optional<FeedPosition> positionOf(String eventId) {
        UUID id;
        try {
            id = UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        var rows = lockedConnection.preparedQuery(
                        "select transaction_id::text as tx, global_position from events where event_id = $1")
                .execute(Tuple.of(id)).await().indefinitely();
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(new FeedPosition(
                Long.parseLong(rows.iterator().next().getString("tx")), rows.iterator().next().getLong("global_position")));
    }

    private boolean acquire() throws Exception {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        boolean locked = connection.preparedQuery(
                        "select pg_try_advisory_lock(hashtextextended('junheng-relay:' || current_schema() || ':' || $1, 0)) as locked")
                .execute(Tuple.of(relayName)).await().indefinitely().iterator().next().getBoolean("locked");
        if (!locked) {
            connection.closeAndAwait();
            return false;
        }
        var rows = connection.preparedQuery(
                        "select transaction_id::text as tx, global_position from relay_checkpoints where relay_name = $1")
                .execute(Tuple.of(relayName)).await().indefinitely();
        inFlight = null;
        readPosition = rows.rowCount() == 0 ? FeedPosition.START
                : new FeedPosition(Long.parseLong(rows.iterator().next().getString("tx")),
                        rows.iterator().next().getLong("global_position"));
        lockedConnection = connection;
        active = true;
        LOG.infof("relay %s active from %s", relayName, readPosition);
        if (history != null) {
            checkHistory();
        }
        return true;
    }

    @Override
    protected void release() {
        active = false;
        // unacknowledged records may still reach Kafka; they are re-sent from the checkpoint (consumers dedupe)
        if (inFlight != null) {
            inFlight.publications().end(new IllegalStateException("the relay stopped before the broker acknowledged"));
        }
        inFlight = null;
        if (lockedConnection != null) {
            try {
                // the connection goes back to a pool and its session lives on: unlock explicitly
                lockedConnection.query("select pg_advisory_unlock_all()").execute().await().atMost(Duration.ofSeconds(5));
                lockedConnection.closeAndAwait();
            } catch (RuntimeException e) {
                LOG.debugf(e, "closing relay connection");
            }
            lockedConnection = null;
        }
    }

    @Override
    public void close() {
        super.close();
        producer.close(Duration.ofSeconds(10));
        if (history != null) {
            history.close();
        }
    }
}
