package org.junheng.rectification.pipeline;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junheng.service.ServiceClock;

/** The service clock in tests: starts at a fixed day and moves only when a test moves it. */
@Alternative
@Priority(1)
@Singleton
public class MovableClock extends Clock {

    public static final Instant START = Instant.parse("2024-11-28T02:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    @Override
    public ZoneId getZone() {
        return ServiceClock.CHINA;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }
}
