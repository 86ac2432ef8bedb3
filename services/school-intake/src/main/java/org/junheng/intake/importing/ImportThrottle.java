package org.junheng.intake.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Imports per district: at most {@code perWindow} started in any {@code window} (an import parses and checks a whole
 * district; a loop of them would starve everyone else). Pure and thread-safe; the caller answers 429 with the wait.
 */
public final class ImportThrottle {

    private final int perWindow;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> started = new HashMap<>();

    public ImportThrottle(int perWindow, Duration window, Clock clock) {
        if (perWindow < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a throttle needs a positive budget and window");
        }
        this.perWindow = perWindow;
        this.window = window;
        this.clock = clock;
    }

    /** Takes one import from the district's budget; empty when allowed, else how long to wait. */
    public synchronized Optional<Duration> acquire(String district) {
        Instant now = clock.instant();
        Deque<Instant> recent = started.computeIfAbsent(district, d -> new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
            recent.pollFirst();
        }
        if (recent.size() >= perWindow) {
            return Optional.of(Duration.between(now, recent.peekFirst().plus(window)));
        }
        recent.addLast(now);
        return Optional.empty();
    }
}
