package org.junheng.rectification.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UrgencyTest {

    private static final LocalDate DUE = TaskFixtures.DUE;

    @Test
    void blueFarOffYellowWithinThirtyDaysRedOncePast() {
        TaskState task = TaskFixtures.in(TaskStatus.IN_PROGRESS);
        assertEquals(Optional.of(Urgency.BLUE), Urgency.of(task, DUE.minusDays(31)));
        assertEquals(Optional.of(Urgency.YELLOW), Urgency.of(task, DUE.minusDays(30)));
        assertEquals(Optional.of(Urgency.YELLOW), Urgency.of(task, DUE));
        assertEquals(Optional.of(Urgency.RED), Urgency.of(task, DUE.plusDays(1)));
    }

    @Test
    void aVerifiedOrSignedOffTaskIsNoLongerSupervised() {
        assertEquals(Optional.empty(), Urgency.of(TaskFixtures.in(TaskStatus.VERIFIED), DUE.plusDays(10)));
        assertEquals(Optional.empty(), Urgency.of(TaskFixtures.in(TaskStatus.CLOSED), DUE.plusDays(10)));
    }

    @Test
    void daysLeftReadAsPeopleSayThem() {
        assertEquals("距整改期限还有 12 天", Urgency.describe(12));
        assertEquals("今天到期", Urgency.describe(0));
        assertEquals("已逾期 3 天", Urgency.describe(-3));
    }
}
