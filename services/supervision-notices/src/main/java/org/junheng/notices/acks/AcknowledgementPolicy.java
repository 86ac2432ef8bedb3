package org.junheng.notices.acks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.notices.Audience;
import org.junheng.contracts.notices.AudienceKind;
import org.junheng.contracts.notices.NoticeEvent.NoticeIssued;
import org.junheng.contracts.notices.NoticeSeverity;
import org.junheng.notices.rules.NoticeText;

/**
 * What to do about a notice its audience has not signed for (签收). Notices of the severities that need an answer
 * (WARNING and CRITICAL by default) are resent {@code maxResends} times, each {@code resendAfter} apart counted from
 * issue; if still unsigned {@code escalateAfter} after the last resend is due, the supervision office is told, once.
 * The schedule counts from the issue time, not from when the resends actually went out, so a decision is a pure
 * function of the notice's record and the clock; a scheduler that was down catches up in consecutive checks.
 * Notices addressed to the supervision office itself are resent but never escalated: there is no one to escalate to
 * that watches notices more closely.
 */
public final class AcknowledgementPolicy {

    public enum Action {
        NOTHING,
        RESEND,
        ESCALATE
    }

    /**
     * The acknowledgement record of one notice.
     *
     * @param acknowledgedAt when the audience signed; null while unsigned
     * @param resendsMade    resends already made
     * @param escalated      whether the office has already been told
     */
    public record NoticeAckState(
            NoticeSeverity severity,
            Audience audience,
            Instant issuedAt,
            @Nullable Instant acknowledgedAt,
            int resendsMade,
            boolean escalated) {

        public NoticeAckState {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(issuedAt, "issuedAt");
            if (resendsMade < 0) {
                throw new IllegalArgumentException("resendsMade must not be negative: " + resendsMade);
            }
        }

        public static NoticeAckState unacknowledged(NoticeSeverity severity, Audience audience, Instant issuedAt) {
            return new NoticeAckState(severity, audience, issuedAt, null, 0, false);
        }

        public NoticeAckState resent() {
            return new NoticeAckState(severity, audience, issuedAt, acknowledgedAt, resendsMade + 1, escalated);
        }

        public NoticeAckState escalatedNow() {
            return new NoticeAckState(severity, audience, issuedAt, acknowledgedAt, resendsMade, true);
        }

        public NoticeAckState acknowledged(Instant at) {
            return new NoticeAckState(severity, audience, issuedAt, at, resendsMade, escalated);
        }
    }

    /** Times in notice text are read in China Standard Time, whatever the server's zone. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Audience OFFICE = new Audience(AudienceKind.SUPERVISION_OFFICE, null);

    private final Duration resendAfter;
    private final Duration escalateAfter;
    private final int maxResends;
    private final Set<NoticeSeverity> requiringAcknowledgement;

    public AcknowledgementPolicy(Duration resendAfter, Duration escalateAfter, int maxResends,
                                 Set<NoticeSeverity> requiringAcknowledgement) {
        if (notPositive(resendAfter) || notPositive(escalateAfter)) {
            throw new IllegalArgumentException("periods must be positive");
        }
        if (maxResends < 0) {
            throw new IllegalArgumentException("maxResends must not be negative: " + maxResends);
        }
        this.resendAfter = resendAfter;
        this.escalateAfter = escalateAfter;
        this.maxResends = maxResends;
        this.requiringAcknowledgement = requiringAcknowledgement.isEmpty() ? EnumSet.noneOf(NoticeSeverity.class)
                : EnumSet.copyOf(requiringAcknowledgement);
    }

    /** WARNING and CRITICAL: one resend after 24 h, escalation to the office 24 h later (48 h after issue). */
    public static AcknowledgementPolicy standard() {
        return new AcknowledgementPolicy(Duration.ofHours(24), Duration.ofHours(24), 1,
                EnumSet.of(NoticeSeverity.WARNING, NoticeSeverity.CRITICAL));
    }

    public Action decide(NoticeAckState state, Instant now) {
        return nextAction(state)
                .filter(next -> !now.isBefore(next.at()))
                .map(Next::action)
                .orElse(Action.NOTHING);
    }

    /** When the next resend or escalation falls due, for the scheduler; empty when none will. */
    public Optional<Instant> nextReview(NoticeAckState state) {
        return nextAction(state).map(Next::at);
    }

    /**
     * The notice telling the supervision office that {@code original} is still unsigned: same kind, CRITICAL, with the
     * original's findings, tasks and schools. Its id is derived from the original's, so escalating twice (a retry, a
     * second instance) cannot give two notices.
     */
    public NoticeIssued escalationNotice(NoticeIssued original, Instant issuedAt) {
        Duration waited = resendAfter.multipliedBy(maxResends).plus(escalateAfter);
        ZonedDateTime issued = issuedAt.atZone(CHINA);
        String audience = original.audience().kind().label()
                + (original.audience().code() == null ? "" : "（" + original.audience().code() + "）");
        String body = audience + "于" + NoticeText.date(issued.toLocalDate())
                + String.format(" %02d:%02d", issued.getHour(), issued.getMinute()) + "收到的"
                + original.kind().label() + "“" + original.title() + "”（" + original.severity().label() + "），"
                + (maxResends > 0 ? "已重发" + maxResends + "次，" : "") + "超过" + hours(waited)
                + "仍未签收，请督导室督促签收办理。\n原通报内容：\n" + original.body();
        return new NoticeIssued(escalationId(original.noticeId()), original.districtCode(), OFFICE, original.kind(),
                NoticeSeverity.CRITICAL, "【逾期未签收】" + original.title(), body, null, original.findingIds(),
                original.taskIds(), original.schoolCodes(), null);
    }

    /** A name-based UUID of {@code notice-escalation|<original notice id>}. */
    public static UUID escalationId(UUID originalNoticeId) {
        return UUID.nameUUIDFromBytes(("notice-escalation|" + originalNoticeId).getBytes(StandardCharsets.UTF_8));
    }

    private Optional<Next> nextAction(NoticeAckState state) {
        if (state.acknowledgedAt() != null || !requiringAcknowledgement.contains(state.severity())) {
            return Optional.empty();
        }
        if (state.resendsMade() < maxResends) {
            return Optional.of(new Next(Action.RESEND,
                    state.issuedAt().plus(resendAfter.multipliedBy(state.resendsMade() + 1L))));
        }
        if (state.escalated() || state.audience().equals(OFFICE)) {
            return Optional.empty();
        }
        return Optional.of(new Next(Action.ESCALATE,
                state.issuedAt().plus(resendAfter.multipliedBy(maxResends)).plus(escalateAfter)));
    }

    private static boolean notPositive(Duration duration) {
        return duration.isNegative() || duration.isZero();
    }

    private static String hours(Duration duration) {
        return duration.toMinutes() % 60 == 0 ? duration.toHours() + "小时" : duration.toMinutes() + "分钟";
    }

    private record Next(Action action, Instant at) {
    }
}
