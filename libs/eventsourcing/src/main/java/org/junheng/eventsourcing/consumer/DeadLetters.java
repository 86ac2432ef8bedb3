package org.junheng.eventsourcing.consumer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junheng.eventsourcing.published.PublishedEvents;

/** The {@code dead_letters} table of the service's schema: parking, listing and settling parked records. */
public final class DeadLetters {

    private static final String COLUMNS = """
            id, consumer, topic, kafka_partition, kafka_offset, record_key, headers::text as headers, record_value,
            reason, error, attempts, parked_at, status, resolved_at, resolved_by, resolution""";

    private final Pool pool;

    public DeadLetters(Pool pool) {
        this.pool = pool;
    }

    /**
     * Parks the record for the consumer; a record parked before (redelivered after a crash) stays as it was. Returns
     * the new row's id, empty when it was parked already.
     */
    public Uni<Optional<Long>> park(SqlClient client, String consumer, ConsumerRecord<String, byte[]> record,
                                    PoisonRecordException.Reason reason, String error, int attempts) {
        ArrayNode headers = PublishedEvents.JSON.createArrayNode();
        record.headers().forEach(h -> headers.addObject().put("key", h.key())
                .put("value", h.value() == null ? null : Base64.getEncoder().encodeToString(h.value())));
        return client.preparedQuery("""
                        insert into dead_letters (consumer, topic, kafka_partition, kafka_offset, record_key, headers,
                            record_value, reason, error, attempts)
                        values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, $9, $10)
                        on conflict (consumer, topic, kafka_partition, kafka_offset) do nothing returning id""")
                .execute(Tuple.from(new Object[] {consumer, record.topic(), record.partition(), record.offset(),
                        clean(record.key()), headers.toString(),
                        record.value() == null ? null : io.vertx.core.buffer.Buffer.buffer(record.value()), reason.name(), clean(error),
                        attempts}))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getLong("id")));
    }

    /** Parked records, newest first; {@code status} and {@code consumer} filter when given. */
    public Uni<List<DeadLetter>> list(DeadLetter.Status status, String consumer, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " " + """
                         from dead_letters where ($1::text is null or status = $1) and ($2::text is null or consumer = $2)
                         order by id desc limit $3""")
                .execute(Tuple.of(status == null ? null : status.name(), consumer, limit))
                .map(rows -> {
                    List<DeadLetter> all = new ArrayList<>();
                    rows.forEach(row -> all.add(read(row)));
                    return all;
                });
    }

    public Uni<Optional<DeadLetter>> find(long id) {
        return pool.preparedQuery("select " + COLUMNS + " from dead_letters where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(read(rows.iterator().next())));
    }

    /** How many records each consumer has parked and not yet settled. */
    public Uni<Map<String, Long>> parkedCounts() {
        return pool.query("select consumer, count(*) as n from dead_letters where status = 'PARKED' group by consumer")
                .execute().map(rows -> {
                    Map<String, Long> counts = new TreeMap<>();
                    rows.forEach(row -> counts.put(row.getString("consumer"), row.getLong("n")));
                    return counts;
                });
    }

    /** Settles a parked record (retried or discarded) by {@code actor}; false when it was not parked any more. */
    public Uni<Boolean> settle(SqlClient client, long id, DeadLetter.Status status, String actor, String resolution) {
        return client.preparedQuery("""
                        update dead_letters set status = $2, resolved_at = now(), resolved_by = $3, resolution = $4
                        where id = $1 and status = 'PARKED'""")
                .execute(Tuple.of(id, status.name(), clean(actor), clean(resolution)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** {@link #settle(SqlClient, long, DeadLetter.Status, String, String)} on its own. */
    public Uni<Boolean> settle(long id, DeadLetter.Status status, String actor, String resolution) {
        return settle(pool, id, status, actor, resolution);
    }

    /** A failed retry: the record stays parked with the latest error. */
    public Uni<Void> failedAgain(long id, PoisonRecordException.Reason reason, String error) {
        return pool.preparedQuery("""
                        update dead_letters set attempts = attempts + 1, reason = $2, error = $3
                        where id = $1 and status = 'PARKED'""")
                .execute(Tuple.of(id, reason.name(), clean(error))).replaceWithVoid();
    }

    /** The parked record as the consumer received it, for a retry. */
    public static ConsumerRecord<String, byte[]> record(DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        letter.headers().forEach(h -> headers.add(h.key(), h.value()));
        return new ConsumerRecord<>(letter.topic(), letter.partition(), letter.offset(), -1L,
                TimestampType.NO_TIMESTAMP_TYPE, -1, letter.value() == null ? -1 : letter.value().length,
                letter.key(), letter.value(), headers, Optional.empty());
    }

    private static DeadLetter read(Row row) {
        List<DeadLetter.Header> headers = new ArrayList<>();
        try {
            PublishedEvents.JSON.readTree(row.getString("headers")).forEach(h -> headers.add(new DeadLetter.Header(
                    h.path("key").asText(), h.path("value").isNull() ? null
                    : Base64.getDecoder().decode(h.path("value").asText()))));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored headers of dead letter " + row.getLong("id") + " unreadable", e);
        }
        Buffer value = row.getBuffer("record_value");
        return new DeadLetter(row.getLong("id"), row.getString("consumer"), row.getString("topic"),
                row.getInteger("kafka_partition"), row.getLong("kafka_offset"), row.getString("record_key"), headers,
                value == null ? null : value.getBytes(), PoisonRecordException.Reason.valueOf(row.getString("reason")),
                row.getString("error"), row.getInteger("attempts"), row.getOffsetDateTime("parked_at"),
                DeadLetter.Status.valueOf(row.getString("status")), row.getOffsetDateTime("resolved_at"),
                row.getString("resolved_by"), row.getString("resolution"));
    }

    /** Text columns hold no NUL (PostgreSQL refuses it) and no lone surrogate: both are replaced. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String noNul = text.replace('\u0000', '\uFFFD');
        return new String(noNul.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
