package org.junheng.notices.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When to try a failed webhook delivery again. The schedule is fixed and free of jitter so a delivery's next attempt
 * is a pure function of its history (testable, and the same on every instance); subscribers are few per district, so
 * there is no thundering herd to spread out. Past the last step the delay stays at the cap; after
 * {@link #maxAttempts()} failed attempts the delivery is dead (dead-letter) and waits for a manual redelivery.
 */
public final class RetryPolicy {

    /** 5 s, 30 s, 2 min, 10 min, 1 h, 4 h, then every 12 h: roughly ×5 per step, about two days in all. */
    private static final List<Duration> STANDARD_DELAYS = List.of(
            Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
            Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12));
    private static final int STANDARD_MAX_ATTEMPTS = 10;

    private final List<Duration> delays;
    private final int maxAttempts;

    /**
     * @param delays      the wait after the 1st, 2nd, … failed attempt; the last one is the cap for later attempts
     * @param maxAttempts attempts in all (the first included) before the delivery is dead
     */
    public RetryPolicy(List<Duration> delays, int maxAttempts) {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("at least one delay");
        }
        for (int i = 0; i < delays.size(); i++) {
            Duration delay = delays.get(i);
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("delays must be positive: " + delay);
            }
            if (i > 0 && delay.compareTo(delays.get(i - 1)) < 0) {
                throw new IllegalArgumentException("delays must not shrink: " + delays);
            }
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        this.delays = List.copyOf(delays);
        this.maxAttempts = maxAttempts;
    }

    /** 5 s, 30 s, 2 min, 10 min, 1 h, 4 h, 12 h (cap); dead after 10 attempts (about 41 h after the first). */
    public static RetryPolicy standard() {
        return new RetryPolicy(STANDARD_DELAYS, STANDARD_MAX_ATTEMPTS);
    }

    /**
     * The time of the next attempt, or empty when the delivery is dead.
     *
     * @param attemptsSoFar failed attempts made so far; 0 means none yet, which is due at once
     * @param lastAttemptAt when the last attempt was made (for 0 attempts: when the delivery was created)
     */
    public Optional<Instant> next(int attemptsSoFar, Instant lastAttemptAt) {
        if (attemptsSoFar < 0) {
            throw new IllegalArgumentException("attemptsSoFar must not be negative: " + attemptsSoFar);
        }
        if (isDead(attemptsSoFar)) {
            return Optional.empty();
        }
        return Optional.of(attemptsSoFar == 0 ? lastAttemptAt : lastAttemptAt.plus(delayAfter(attemptsSoFar)));
    }

    /** The wait after the {@code attempt}-th failed attempt (1-based), capped at the last configured delay. */
    public Duration delayAfter(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based: " + attempt);
        }
        return delays.get(Math.min(attempt, delays.size()) - 1);
    }

    /** Whether a delivery with this many failed attempts goes to the dead-letter list. */
    public boolean isDead(int attemptsSoFar) {
        return attemptsSoFar >= maxAttempts;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public List<Duration> delays() {
        return delays;
    }
}
