package org.junheng.notices.acks;

import static org.junheng.notices.acks.AcknowledgementPolicy.Action.ESCALATE;
import static org.junheng.notices.acks.AcknowledgementPolicy.Action.NOTHING;
import static org.junheng.notices.acks.AcknowledgementPolicy.Action.RESEND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junheng.contracts.notices.Audience;
import org.junheng.contracts.notices.AudienceKind;
import org.junheng.contracts.notices.NoticeEvent.NoticeIssued;
import org.junheng.contracts.notices.NoticeKind;
import org.junheng.contracts.notices.NoticeSeverity;
import org.junheng.notices.acks.AcknowledgementPolicy.NoticeAckState;
import org.junit.jupiter.api.Test;

class AcknowledgementPolicyTest {

    /** 2025-03-03 09:30 in Beijing. */
    static final Instant ISSUED = Instant.parse("2025-03-03T01:30:00Z");
    static final Audience DEPARTMENT = new Audience(AudienceKind.DEPARTMENT, "cz");
    static final Audience OFFICE = new Audience(AudienceKind.SUPERVISION_OFFICE, null);
    static final AcknowledgementPolicy POLICY = AcknowledgementPolicy.standard();

    static Instant after(Duration duration) {
        return ISSUED.plus(duration);
    }

    static NoticeAckState unsigned(NoticeSeverity severity, Audience audience) {
        return NoticeAckState.unacknowledged(severity, audience, ISSUED);
    }

    @Test
    void anUnsignedWarningIsResentAfterADayThenEscalatedAfterAnother() {
        NoticeAckState state = unsigned(NoticeSeverity.WARNING, DEPARTMENT);
        assertEquals(NOTHING, POLICY.decide(state, after(Duration.ofHours(24).minusSeconds(1))));
        assertEquals(RESEND, POLICY.decide(state, after(Duration.ofHours(24))));

        NoticeAckState resent = state.resent();
        assertEquals(NOTHING, POLICY.decide(resent, after(Duration.ofHours(30))));
        assertEquals(NOTHING, POLICY.decide(resent, after(Duration.ofHours(48).minusSeconds(1))));
        assertEquals(ESCALATE, POLICY.decide(resent, after(Duration.ofHours(48))));

        NoticeAckState escalated = resent.escalatedNow();
        assertEquals(NOTHING, POLICY.decide(escalated, after(Duration.ofDays(30))));
    }

    @Test
    void criticalNoticesFollowTheSameScheduleAndInformationNeedsNoSignature() {
        assertEquals(RESEND, POLICY.decide(unsigned(NoticeSeverity.CRITICAL, DEPARTMENT), after(Duration.ofHours(25))));
        assertEquals(NOTHING, POLICY.decide(unsigned(NoticeSeverity.INFO, DEPARTMENT), after(Duration.ofDays(30))));
        assertEquals(Optional.empty(), POLICY.nextReview(unsigned(NoticeSeverity.INFO, DEPARTMENT)));
    }

    @Test
    void aSignedNoticeNeedsNothingWhateverHappenedBefore() {
        NoticeAckState signedLate = unsigned(NoticeSeverity.CRITICAL, DEPARTMENT).resent()
                .acknowledged(after(Duration.ofHours(40)));
        assertEquals(NOTHING, POLICY.decide(signedLate, after(Duration.ofHours(48))));
        assertEquals(NOTHING, POLICY.decide(signedLate, after(Duration.ofDays(10))));
        assertEquals(Optional.empty(), POLICY.nextReview(signedLate));
        NoticeAckState signedAtOnce = unsigned(NoticeSeverity.WARNING, DEPARTMENT).acknowledged(after(Duration.ofMinutes(5)));
        assertEquals(NOTHING, POLICY.decide(signedAtOnce, after(Duration.ofHours(24))));
    }

    @Test
    void noticesToTheOfficeAreResentButNeverEscalatedToItself() {
        NoticeAckState state = unsigned(NoticeSeverity.CRITICAL, OFFICE);
        assertEquals(RESEND, POLICY.decide(state, after(Duration.ofHours(24))));
        assertEquals(NOTHING, POLICY.decide(state.resent(), after(Duration.ofDays(7))));
        assertEquals(Optional.empty(), POLICY.nextReview(state.resent()));
    }

    @Test
    void aSchedulerThatWasDownCatchesUpInConsecutiveChecks() {
        Instant late = after(Duration.ofHours(100));
        NoticeAckState state = unsigned(NoticeSeverity.WARNING, DEPARTMENT);
        assertEquals(RESEND, POLICY.decide(state, late));
        assertEquals(ESCALATE, POLICY.decide(state.resent(), late));
    }

    @Test
    void nextReviewTellsTheSchedulerWhenToLookAgain() {
        NoticeAckState state = unsigned(NoticeSeverity.WARNING, DEPARTMENT);
        assertEquals(Optional.of(after(Duration.ofHours(24))), POLICY.nextReview(state));
        assertEquals(Optional.of(after(Duration.ofHours(48))), POLICY.nextReview(state.resent()));
        assertEquals(Optional.empty(), POLICY.nextReview(state.resent().escalatedNow()));
    }

    @Test
    void periodsResendsAndSeveritiesAreConfigurable() {
        AcknowledgementPolicy strict = new AcknowledgementPolicy(Duration.ofHours(12), Duration.ofHours(6), 2,
                EnumSet.of(NoticeSeverity.CRITICAL));
        NoticeAckState state = unsigned(NoticeSeverity.CRITICAL, DEPARTMENT);
        assertEquals(RESEND, strict.decide(state, after(Duration.ofHours(12))));
        assertEquals(NOTHING, strict.decide(state.resent(), after(Duration.ofHours(23))));
        assertEquals(RESEND, strict.decide(state.resent(), after(Duration.ofHours(24))));
        assertEquals(NOTHING, strict.decide(state.resent().resent(), after(Duration.ofHours(29))));
        assertEquals(ESCALATE, strict.decide(state.resent().resent(), after(Duration.ofHours(30))));
        assertEquals(NOTHING, strict.decide(unsigned(NoticeSeverity.WARNING, DEPARTMENT), after(Duration.ofDays(3))));

        AcknowledgementPolicy noResends = new AcknowledgementPolicy(Duration.ofHours(24), Duration.ofHours(8), 0,
                EnumSet.of(NoticeSeverity.WARNING));
        assertEquals(ESCALATE, noResends.decide(unsigned(NoticeSeverity.WARNING, DEPARTMENT), after(Duration.ofHours(8))));
    }

    @Test
    void rejectsPeriodsThatAreNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> new AcknowledgementPolicy(Duration.ZERO, Duration.ofHours(1), 1,
                EnumSet.of(NoticeSeverity.WARNING)));
        assertThrows(IllegalArgumentException.class, () -> new AcknowledgementPolicy(Duration.ofHours(1),
                Duration.ofHours(-1), 1, EnumSet.of(NoticeSeverity.WARNING)));
        assertThrows(IllegalArgumentException.class, () -> new AcknowledgementPolicy(Duration.ofHours(1),
                Duration.ofHours(1), -1, EnumSet.of(NoticeSeverity.WARNING)));
    }

    @Test
    void theEscalationTellsTheOfficeWhoHasNotSignedWhat() {
        UUID task = UUID.fromString("7a1c9e2b-0000-4000-8000-000000000001");
        UUID finding = UUID.fromString("5f2d3c4b-0000-4000-8000-000000000002");
        NoticeIssued original = new NoticeIssued(UUID.fromString("00000000-0000-3000-8000-000000000abc"), "500104",
                DEPARTMENT, NoticeKind.OVERDUE_WARNING, NoticeSeverity.WARNING, "逾期预警：实验小学用房面积未达标",
                "区财政局牵头的整改任务已逾期。", null, List.of(finding), List.of(task), List.of("2150202506"), null);

        NoticeIssued escalation = POLICY.escalationNotice(original, ISSUED);

        assertEquals(OFFICE, escalation.audience());
        assertEquals(NoticeSeverity.CRITICAL, escalation.severity());
        assertEquals(NoticeKind.OVERDUE_WARNING, escalation.kind());
        assertEquals("500104", escalation.districtCode());
        assertEquals(UUID.nameUUIDFromBytes(("notice-escalation|" + original.noticeId()).getBytes(StandardCharsets.UTF_8)),
                escalation.noticeId());
        assertEquals(escalation, POLICY.escalationNotice(original, ISSUED));
        assertEquals("【逾期未签收】逾期预警：实验小学用房面积未达标", escalation.title());
        assertTrue(escalation.body().startsWith("责任单位（cz）于2025年3月3日 09:30收到的逾期预警“逾期预警：实验小学用房面积未达标”（警示），"
                + "已重发1次，超过48小时仍未签收"), escalation.body());
        assertTrue(escalation.body().endsWith("区财政局牵头的整改任务已逾期。"), escalation.body());
        assertEquals(List.of(finding), escalation.findingIds());
        assertEquals(List.of(task), escalation.taskIds());
        assertEquals(List.of("2150202506"), escalation.schoolCodes());
        assertNull(escalation.issuedBy());
    }
}
