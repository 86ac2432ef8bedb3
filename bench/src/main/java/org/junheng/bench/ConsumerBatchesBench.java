package org.junheng.bench;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junheng.contracts.LocationClass;
import org.junheng.contracts.Ownership;
import org.junheng.contracts.SchoolType;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.FeedPosition;
import org.junheng.eventsourcing.NewEvent;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.consumer.GuardedConsumer;
import org.junheng.eventsourcing.published.CatalogRouter;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.eventsourcing.relay.CloudEventRecords;

/**
 * {@code bench/run consumer-batches [records]}: records/s through a {@link GuardedConsumer} whose handler writes one
 * row per record (a projection's shape) — polls of 100 (the services' {@code max.poll.records}) handled as one unit of
 * work ({@code consumeBatch}, the services' way) against the same records handled one at a time ({@code consume}, the
 * way before: a transaction each). Same database, fresh ids per run, one side after the other, twice each.
 */
final class ConsumerBatchesBench {

    private static final int POLL = 100;

    private ConsumerBatchesBench() {
    }

    static void run(int records) {
        Pool pool = BenchDatabase.freshSchema("bench_consumer", 4);
        pool.query("create table effects (school text primary key, name text not null)").execute()
                .await().indefinitely();
        GuardedConsumer consumer = new GuardedConsumer(pool, "bench", type -> true, (tx, consumed) -> {
            SchoolEvent.SchoolRegistered registered = (SchoolEvent.SchoolRegistered) consumed.event();
            return tx.preparedQuery("insert into effects values ($1, $2)")
                    .execute(Tuple.of(registered.schoolCode() + "/" + consumed.id(), registered.profile().name()));
        }, GuardedConsumer.Settings.DEFAULT, GuardedConsumer.ParkListener.NONE);

        measure("warm-up batches", consumer, records(records / 4), true);
        measure("warm-up one by one", consumer, records(records / 4), false);
        double batched = (measure("batches", consumer, records(records), true)
                + measure("batches", consumer, records(records), true)) / 2;
        double single = (measure("one at a time", consumer, records(records), false)
                + measure("one at a time", consumer, records(records), false)) / 2;
        long rows = pool.query("select count(*) as n from effects").execute().await().indefinitely().iterator().next()
                .getLong("n");
        long expected = 2L * (records / 4) + 4L * records;
        if (rows != expected) {
            throw new IllegalStateException(rows + " effects for " + expected + " records");
        }
        Bench.result("consumer-batches", batched, single);
        pool.closeAndAwait();
    }

    private static double measure(String label, GuardedConsumer consumer, List<ConsumerRecord<String, byte[]>> records,
                                  boolean batches) {
        long started = System.nanoTime();
        if (batches) {
            for (int from = 0; from < records.size(); from += POLL) {
                consumer.consumeBatch(records.subList(from, Math.min(records.size(), from + POLL)))
                        .await().indefinitely();
            }
        } else {
            for (ConsumerRecord<String, byte[]> record : records) {
                consumer.consume(record).await().indefinitely();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = records.size() / seconds;
        Bench.info("%-20s %,8d records in %.1f s = %,.0f records/s", label, records.size(), seconds, rate);
        return rate;
    }

    /** {@code n} SchoolRegistered records as the relay writes them, each with its own CloudEvents id. */
    private static List<ConsumerRecord<String, byte[]>> records(int n) {
        CatalogRouter router = new CatalogRouter();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String school = String.format("5001%06d", i);
            var registered = new SchoolEvent.SchoolRegistered("500104", school, new SchoolProfile("重庆市大渡口区实验小学",
                    SchoolType.PRIMARY, LocationClass.URBAN, Ownership.PUBLIC, false, 1956, List.of()));
            NewEvent event = PublishedEvents.toNewEvent(registered, EventMetadata.NONE);
            StoredEvent stored = new StoredEvent(new FeedPosition(1, i), "school/500104/" + school, "School", 1,
                    event.eventId(), event.eventType(), event.payloadJson(), event.metadata(), Instant.now());
            ProducerRecord<String, byte[]> produced = CloudEventRecords.toRecord(stored, router.route(stored),
                    URI.create("/junheng/bench"));
            records.add(new ConsumerRecord<>(produced.topic(), 0, i, -1L, TimestampType.NO_TIMESTAMP_TYPE, -1,
                    produced.value().length, produced.key(), produced.value(),
                    new RecordHeaders(produced.headers().toArray()), Optional.empty()));
        }
        return records;
    }
}
