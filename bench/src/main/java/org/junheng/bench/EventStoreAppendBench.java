package org.junheng.bench;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.ExpectedVersion;
import org.junheng.eventsourcing.NewEvent;

/**
 * Events/s appended through {@link EventStore} (expected-version check, one statement per batch) by 4 concurrent
 * writers, against plain batched {@code INSERT}s of the same rows into an identical table by 4 writers on the same
 * database. Batches of 1 and of 100.
 */
final class EventStoreAppendBench {

    private static final int WRITERS = 4;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(8);
    private static final EventMetadata METADATA = new EventMetadata("500104", "bench", null,
            EventMetadata.Actor.system("bench"), null, null, null);

    private EventStoreAppendBench() {
    }

    static void run() throws Exception {
        Pool pool = BenchDatabase.freshSchema("bench_append", WRITERS + 1);
        pool.query("create table events_baseline (like events including all)").execute().await().indefinitely();
        EventStore store = new EventStore(pool);

        double[] ours = new double[2];
        double[] baseline = new double[2];
        int[] batchSizes = {1, 100};
        for (int b = 0; b < batchSizes.length; b++) {
            int batch = batchSizes[b];
            measure("warm-up ours", batch, WARM_UP, (writer, round) -> appendOurs(store, writer, round, batch));
            measure("warm-up baseline", batch, WARM_UP, (writer, round) -> insertBaseline(pool, writer, round, batch));
            // two alternating rounds each, so drift in the machine's load hits both sides alike
            double o1 = measure("ours", batch, MEASURE, (writer, round) -> appendOurs(store, writer, round, batch));
            double b1 = measure("baseline", batch, MEASURE, (writer, round) -> insertBaseline(pool, writer, round, batch));
            double o2 = measure("ours", batch, MEASURE, (writer, round) -> appendOurs(store, writer, round, batch));
            double b2 = measure("baseline", batch, MEASURE, (writer, round) -> insertBaseline(pool, writer, round, batch));
            ours[b] = (o1 + o2) / 2;
            baseline[b] = (b1 + b2) / 2;
        }
        Bench.result("eventstore-append/batch-1", ours[0], baseline[0]);
        Bench.result("eventstore-append", ours[1], baseline[1]);
        pool.closeAndAwait();
    }

    interface Round {
        void run(int writer, long round);
    }

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static int measurement;

    private static double measure(String label, int batch, Duration duration, Round round) throws Exception {
        int id = ++measurement;
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        List<Future<Long>> counts = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = id * 100 + w;
            counts.add(threads.submit(() -> {
                long rounds = 0;
                while (System.nanoTime() < deadline) {
                    round.run(writer, rounds++);
                }
                return rounds * batch;
            }));
        }
        long events = 0;
        for (Future<Long> count : counts) {
            events += count.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        threads.shutdown();
        double rate = events / seconds;
        Bench.info("%-16s batch=%-3d %,10d events in %.1f s = %,.0f events/s", label, batch, events, seconds, rate);
        return rate;
    }

    /** Each writer appends to its own stream, always with the exact expected version. */
    private static void appendOurs(EventStore store, int writer, long round, int batch) {
        List<NewEvent> events = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            events.add(NewEvent.of("FindingRaised.v1", BenchDatabase.payload(i), METADATA));
        }
        store.append(RUN + "-w" + writer, "Finding", ExpectedVersion.exactly(round * batch), events)
                .await().indefinitely();
    }

    private static void insertBaseline(Pool pool, int writer, long round, int batch) {
        List<Tuple> rows = new ArrayList<>(batch);
        String metadata = "{\"district\":\"500104\",\"correlationId\":\"bench\",\"actor\":{\"subject\":\"bench\",\"role\":\"system\"}}";
        for (int i = 0; i < batch; i++) {
            rows.add(Tuple.tuple(List.of(RUN + "-w" + writer, "Finding", round * batch + i + 1, UUID.randomUUID(),
                    "FindingRaised.v1", BenchDatabase.payload(i), metadata)));
        }
        pool.preparedQuery("insert into events_baseline (stream_id, stream_type, version, event_id, event_type, payload, metadata)"
                        + " values ($1, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb)")
                .executeBatch(rows).await().indefinitely();
    }
}
