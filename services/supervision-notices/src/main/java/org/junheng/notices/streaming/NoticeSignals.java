package org.junheng.notices.streaming;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.service.Periodic;

/**
 * One poller for all SSE subscribers: it watches the highest notice {@code seq} and wakes every subscriber when it
 * grows; each subscriber then reads what is new in its own scope after its own cursor. Hundreds of open streams cost
 * one query per poll interval plus one per subscriber per change, not one per subscriber per interval.
 */
@ApplicationScoped
public class NoticeSignals {


    private final Pool pool;
    private final BroadcastProcessor<Long> changes = BroadcastProcessor.create();
    private final AtomicLong highest = new AtomicLong(-1);
    private final Periodic poller;

    public NoticeSignals(Pool pool,
                         @ConfigProperty(name = "junheng.notices.stream.poll", defaultValue = "PT0.5S") Duration poll) {
        this.pool = pool;
        this.poller = Periodic.poll("notice-signals", poll, this::check);
    }

    void onStop(@Observes ShutdownEvent event) {
        poller.stop();
        changes.onComplete();
    }

    /** The highest seq, each time it grows; a slow subscriber only sees the latest (a wake-up, not data). */
    public Multi<Long> changes() {
        return changes.onOverflow().dropPreviousItems();
    }

    private void check() {
        long max = pool.query("select coalesce(max(seq), 0) as max from notices").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("max");
        if (max > highest.getAndSet(max)) {
            changes.onNext(max);
        }
    }
}
