package org.junheng.eventsourcing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * A background thread that follows the feed: it calls {@link #step()} until nothing is left, then idles for the poll
 * interval. Failures back off and retry, so a broker or database outage delays the work but loses nothing (the
 * checkpoint only moves after the work is done).
 */
public abstract class FeedWorker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FeedWorker.class);

    private final String name;
    private final Duration pollInterval;
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    protected FeedWorker(String name, Duration pollInterval) {
        this.name = name;
        this.pollInterval = pollInterval;
    }

    /** Does one unit of work; returns how many events it handled (0 = caught up). */
    protected abstract int step() throws Exception;

    /** Called when the worker stops or after a failure, to drop held connections and locks. */
    protected void release() {
    }

    public synchronized void start() {
        if (running.getAndSet(true)) {
            return;
        }
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void close() {
        running.set(false);
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        release();
    }

    private void loop() {
        long backoffMillis = 100;
        while (running.get()) {
            try {
                int handled = step();
                backoffMillis = 100;
                if (handled == 0) {
                    LockSupport.parkNanos(pollInterval.toNanos());
                }
            } catch (Exception | Error e) {
                if (!running.get()) {
                    break;
                }
                LOG.warnf(e, "%s failed; retrying in %d ms", name, backoffMillis);
                release();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoffMillis));
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
        }
    }
}
