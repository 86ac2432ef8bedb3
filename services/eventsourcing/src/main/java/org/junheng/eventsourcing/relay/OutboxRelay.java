package org.junheng.eventsourcing.relay;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.junheng.eventsourcing.FeedPosition;
import org.junheng.eventsourcing.FeedWorker;
import org.junheng.eventsourcing.GlobalFeed;
import org.junheng.eventsourcing.StoredEvent;
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

    private SqlConnection lockedConnection;
    private FeedPosition readPosition;
    private InFlight inFlight;
    private volatile boolean active;

    public OutboxRelay(Pool pool, String relayName, URI source, RelayRouter router, Upcasters upcasters,
                       Producer<String, byte[]> producer, int batchSize, Duration pollInterval) {
        super("outbox-relay-" + relayName, pollInterval);
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
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.putAll(overrides);
        return new KafkaProducer<>(properties);
    }

    /** True while this instance holds the relay lock and publishes. */
    public boolean isActive() {
        return active;
    }

    public long publishedCount() {
        return published.get();
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
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (StoredEvent event : batch) {
            KafkaRoute route = router.route(event);
            if (route != null) {
                ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord(event, route, source);
                acks.add(producer.send(record));
            }
        }
        completeInFlight();
        readPosition = batch.get(batch.size() - 1).position();
        inFlight = new InFlight(acks, readPosition);
        return batch.size();
    }

    /** Sent records of one batch and the feed position they reach. */
    private record InFlight(List<Future<RecordMetadata>> acks, FeedPosition last) {
    }

    private void completeInFlight() throws Exception {
        if (inFlight == null) {
            return;
        }
        for (Future<RecordMetadata> ack : inFlight.acks()) {
            ack.get();
        }
        FeedPosition last = inFlight.last();
        lockedConnection.preparedQuery("""
                        insert into relay_checkpoints (relay_name, transaction_id, global_position, published)
                        values ($1, $2::text::xid8, $3, $4)
                        on conflict (relay_name) do update set transaction_id = excluded.transaction_id,
                            global_position = excluded.global_position,
                            published = relay_checkpoints.published + excluded.published, updated_at = now()
                        """)
                .execute(Tuple.of(relayName, Long.toString(last.transactionId()), last.globalPosition(),
                        (long) inFlight.acks().size()))
                .await().indefinitely();
        published.addAndGet(inFlight.acks().size());
        inFlight = null;
    }

    private boolean acquire() {
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
        return true;
    }

    @Override
    protected void release() {
        active = false;
        // unacknowledged records may still reach Kafka; they are re-sent from the checkpoint (consumers dedupe)
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
    }
}
