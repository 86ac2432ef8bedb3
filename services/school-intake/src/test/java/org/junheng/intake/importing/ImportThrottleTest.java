package org.junheng.intake.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ImportThrottleTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-03-01T08:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aDistrictGetsItsBudgetPerWindowAndOthersAreNotAffected() {
        ImportThrottle throttle = new ImportThrottle(3, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), throttle.acquire("500104"));
            now.updateAndGet(t -> t.plusSeconds(10));
        }
        Optional<Duration> wait = throttle.acquire("500104");
        assertEquals(Optional.of(Duration.ofSeconds(30)), wait, "the first import leaves the window in 30 s");
        assertEquals(Optional.empty(), throttle.acquire("500105"));

        now.updateAndGet(t -> t.plusSeconds(30));
        assertEquals(Optional.empty(), throttle.acquire("500104"));
        assertTrue(throttle.acquire("500104").isPresent());
    }
}
