package org.junheng.notices.issuing;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.contracts.Nullable;
import org.junheng.service.Periodic;

/**
 * One poller for all SSE subscribers: it watches the highest notice {@code seq} and, when it grows, reads the new
 * notices once and hands the same batch to every subscriber, which keeps those in its own scope. Thousands of open
 * streams cost one query per poll interval plus one per change — not one per subscriber per change, which at 5,000
 * streams queued for the connection pool and put the last stream past a second (docs/performance.md).
 */
@ApplicationScoped
public class NoticeSignals {

    /** Above this many new notices at once the batch is not read: each subscriber reads its own scope instead. */
    static final int BATCH_LIMIT = 2000;

    /**
     * The notices with {@code from < seq <= to}, all of them, or {@code null} when the batch was too large to read
     * (then a subscriber reads its scope from the database).
     */
    public record Batch(long from, long to, @Nullable List<NoticeQueries.Published> notices) {

        /** What a stream starts from: nothing shared; it reads what it missed from the database. */
        static final Batch CATCH_UP = new Batch(-1, 0, null);
    }

    private final NoticeQueries queries;
    private final Pool pool;
    private final BroadcastProcessor<Batch> batches = BroadcastProcessor.create();
    private final AtomicLong highest = new AtomicLong(-1);
    private final Periodic poller;

    public NoticeSignals(Pool pool, NoticeQueries queries,
                         @ConfigProperty(name = "junheng.notices.stream.poll", defaultValue = "PT0.2S") Duration poll) {
        this.pool = pool;
        this.queries = queries;
        this.poller = Periodic.poll("notice-signals", poll, this::check);
    }

    void onStop(@Observes ShutdownEvent event) {
        poller.stop();
        batches.onComplete();
    }

    /**
     * Each batch of new notices, handed to the subscriber on a worker thread (the poller goes back to polling, and
     * thousands of streams filter their batches side by side); a slow subscriber skips batches and notices the gap
     * (its cursor is behind the next batch's start).
     */
    public Multi<Batch> batches() {
        return batches.onOverflow().dropPreviousItems().emitOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * The highest {@code seq} the poller has seen, or -1 before its first look. Every notice up to it was committed
     * when it was seen: a stream that reads its scope from the database after asking may place its cursor here, and
     * the next batch carries on from it.
     */
    public long highest() {
        return highest.get();
    }

    private void check() {
        long max = pool.query("select coalesce(max(seq), 0) as max from notices").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("max");
        long previous = highest.get();
        if (previous < 0) {
            // the first look: streams opened before it may have read before the newest notices; each reads again
            highest.set(max);
            batches.onNext(new Batch(max, max, null));
            return;
        }
        if (max < previous) {
            // the notices were rebuilt and numbered afresh: every stream reads its scope again
            highest.set(max);
            batches.onNext(new Batch(max, max, null));
            return;
        }
        if (max == previous) {
            return;
        }
        List<NoticeQueries.Published> notices = max - previous > BATCH_LIMIT ? null
                : queries.between(previous, max).await().atMost(Duration.ofSeconds(10));
        highest.set(max);
        batches.onNext(new Batch(previous, max, notices));
    }
}
