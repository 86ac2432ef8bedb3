package org.junheng.notices.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static final Instant T = Instant.parse("2025-03-01T01:00:00Z");
    final RetryPolicy standard = RetryPolicy.standard();

    @Test
    void theFirstAttemptIsDueAtOnce() {
        assertEquals(Optional.of(T), standard.next(0, T));
    }

    @Test
    void waitsLongerAfterEachFailureUpToTheCap() {
        List<Duration> waits = new ArrayList<>();
        for (int failed = 1; failed < standard.maxAttempts(); failed++) {
            waits.add(Duration.between(T, standard.next(failed, T).orElseThrow()));
        }
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12),
                Duration.ofHours(12), Duration.ofHours(12)), waits);
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsDead() {
        assertEquals(10, standard.maxAttempts());
        assertFalse(standard.isDead(9));
        assertTrue(standard.isDead(10));
        assertEquals(Optional.empty(), standard.next(10, T));
        assertEquals(Optional.empty(), standard.next(11, T));
    }

    @Test
    void aDeliveryThatAlwaysFailsIsGivenUpAboutFortyOneHoursAfterItsFirstAttempt() {
        Instant attempt = T;
        int attempts = 1;
        Optional<Instant> next;
        while ((next = standard.next(attempts, attempt)).isPresent()) {
            attempt = next.get();
            attempts++;
        }
        assertEquals(10, attempts);
        assertEquals(Duration.ofHours(41).plusMinutes(12).plusSeconds(35), Duration.between(T, attempt));
    }

    @Test
    void theScheduleCountsFromTheActualLastAttempt() {
        Instant lateAttempt = T.plus(Duration.ofMinutes(7));
        assertEquals(Optional.of(lateAttempt.plusSeconds(30)), standard.next(2, lateAttempt));
    }

    @Test
    void aCustomScheduleCapsAtItsLastDelay() {
        RetryPolicy policy = new RetryPolicy(List.of(Duration.ofSeconds(1), Duration.ofSeconds(10)), 4);
        assertEquals(Duration.ofSeconds(1), policy.delayAfter(1));
        assertEquals(Duration.ofSeconds(10), policy.delayAfter(2));
        assertEquals(Duration.ofSeconds(10), policy.delayAfter(3));
        assertEquals(Optional.of(T.plusSeconds(10)), policy.next(3, T));
        assertEquals(Optional.empty(), policy.next(4, T));
    }

    @Test
    void rejectsSchedulesThatMakeNoSense() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(List.of(), 3));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(List.of(Duration.ZERO), 3));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(List.of(Duration.ofMinutes(5), Duration.ofSeconds(5)), 3));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(List.of(Duration.ofSeconds(5)), 0));
        assertThrows(IllegalArgumentException.class, () -> standard.next(-1, T));
    }
}
