package org.junheng.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A job a service runs every so often on a daemon thread of its own (deadline watch, acknowledgement follow-ups,
 * monthly bulletins, the notice poller), from its start until {@link #stop}: a run that fails is logged and the next
 * one retries; runs never overlap.
 */
public final class Periodic {

    private static final Logger LOG = Logger.getLogger(Periodic.class);

    private final ScheduledExecutorService executor;

    private Periodic(String name, Duration every, Runnable job, Logger.Level failures) {
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOG.logf(failures, e, "%s failed; the next run retries", name);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code job} every {@code every}, the first time after one interval; failures are warned about. */
    public static Periodic every(String name, Duration every, Runnable job) {
        return new Periodic(name, every, job, Logger.Level.WARN);
    }

    /** Like {@link #every} for a poll whose failures are routine (an outage the next poll outlasts). */
    public static Periodic poll(String name, Duration every, Runnable job) {
        return new Periodic(name, every, job, Logger.Level.DEBUG);
    }

    public void stop() {
        executor.shutdownNow();
    }
}
