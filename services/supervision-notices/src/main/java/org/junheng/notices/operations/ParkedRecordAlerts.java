package org.junheng.notices.operations;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junheng.contracts.notices.Audience;
import org.junheng.contracts.notices.AudienceKind;
import org.junheng.contracts.notices.NoticeEvent.NoticeIssued;
import org.junheng.contracts.notices.NoticeKind;
import org.junheng.contracts.notices.NoticeSeverity;
import org.junheng.contracts.operations.OperationsEvent.RecordParked;
import org.junheng.eventsourcing.consumer.PoisonRecordException;
import org.junheng.notices.rules.NoticeIds;

/**
 * When a parked record is told to the supervision office (系统运维提醒): at most once per district per
 * {@code interval}; records parked in between are counted and named in the next notice. Decided by the events' own
 * times, never the clock, so a replay decides the same.
 */
public record ParkedRecordAlerts(Duration interval) {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final Map<String, String> SERVICES = Map.of(
            "school-intake", "数据填报服务",
            "indicator-evaluation", "指标评估服务",
            "rectification", "整改服务",
            "supervision-notices", "督导通报服务");
    static final Audience OFFICE = new Audience(AudienceKind.SUPERVISION_OFFICE, null);

    /** The district's alert state: when the office was last told, and how many were parked since. */
    public record State(OffsetDateTime lastAlertAt, int parkedSince) {
        public static final State NONE = new State(null, 0);
    }

    /** What to do about one parked record: the notice to issue (or none), and the state after. */
    public record Decision(List<NoticeIssued> notices, State next) {
    }

    public Decision decide(State state, String eventId, RecordParked parked, OffsetDateTime parkedAt) {
        if (state.lastAlertAt() != null && parkedAt.isBefore(state.lastAlertAt().plus(interval))) {
            return new Decision(List.of(), new State(state.lastAlertAt(), state.parkedSince() + 1));
        }
        return new Decision(List.of(notice(eventId, parked, parkedAt, state.parkedSince())),
                new State(parkedAt, 0));
    }

    NoticeIssued notice(String eventId, RecordParked parked, OffsetDateTime parkedAt, int parkedBefore) {
        String service = SERVICES.getOrDefault(parked.service(), parked.service());
        String reason = reasonLabel(parked.reason());
        StringBuilder body = new StringBuilder()
                .append(service).append("于").append(parkedAt.atZoneSameInstant(CHINA).format(TIME))
                .append("（北京时间）收到一条无法处理的消息（").append(reason).append("），已将其搁置，其余业务照常进行。");
        if (parkedBefore > 0) {
            body.append("自上次提醒以来，另有").append(parkedBefore).append("条消息被搁置。");
        }
        body.append("请系统管理员查看搁置记录，修复后重新处理或丢弃（见运维手册“搁置记录”）。")
                .append(hours()).append("内再有消息被搁置，不再逐条提醒。");
        return new NoticeIssued(NoticeIds.forEvent(eventId, OFFICE), parked.districtCode(), OFFICE,
                NoticeKind.SYSTEM_ALERT, NoticeSeverity.INFO, "系统运维提醒：" + service + "有消息未能处理",
                body.toString(), null, List.of(), List.of(), List.of(), null);
    }

    private String hours() {
        long minutes = interval.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + "小时" : minutes + "分钟";
    }

    static String reasonLabel(String reason) {
        try {
            return PoisonRecordException.Reason.valueOf(reason).label();
        } catch (IllegalArgumentException e) {
            return "原因不明";
        }
    }
}
