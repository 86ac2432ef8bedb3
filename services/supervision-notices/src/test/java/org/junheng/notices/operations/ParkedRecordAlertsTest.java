package org.junheng.notices.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junheng.contracts.Topics;
import org.junheng.contracts.notices.AudienceKind;
import org.junheng.contracts.notices.NoticeEvent.NoticeIssued;
import org.junheng.contracts.notices.NoticeKind;
import org.junheng.contracts.notices.NoticeSeverity;
import org.junheng.contracts.operations.OperationsEvent.RecordParked;
import org.junit.jupiter.api.Test;

class ParkedRecordAlertsTest {

    static final ParkedRecordAlerts HOURLY = new ParkedRecordAlerts(Duration.ofHours(1));
    static final OffsetDateTime NINE = OffsetDateTime.parse("2026-12-03T01:00:00Z"); // 09:00 in Beijing
    static final RecordParked PARKED = new RecordParked("500104", "rectification", "rectification/evaluation", 7,
            Topics.EVALUATION, 0, 4711, "INVALID_PAYLOAD");

    @Test
    void theFirstParkedRecordOfADistrictTellsTheOfficeInPlainChinese() {
        var decision = HOURLY.decide(ParkedRecordAlerts.State.NONE, "event-1", PARKED, NINE);

        assertEquals(1, decision.notices().size());
        NoticeIssued notice = decision.notices().get(0);
        assertEquals(NoticeKind.SYSTEM_ALERT, notice.kind());
        assertEquals(AudienceKind.SUPERVISION_OFFICE, notice.audience().kind());
        assertEquals(NoticeSeverity.INFO, notice.severity(), "an alert is not chased for acknowledgement");
        assertEquals("500104", notice.districtCode());
        assertEquals("系统运维提醒：整改服务有消息未能处理", notice.title());
        assertTrue(notice.body().startsWith("整改服务于2026年12月3日 09:00（北京时间）收到一条无法处理的消息（消息内容无效）"),
                notice.body());
        assertFalse(notice.body().contains("rectification"), "no technical names for officials: " + notice.body());
        assertEquals(new ParkedRecordAlerts.State(NINE, 0), decision.next());
    }

    @Test
    void withinTheHourRecordsAreCountedAndTheNextAlertNamesThem() {
        var state = HOURLY.decide(ParkedRecordAlerts.State.NONE, "e1", PARKED, NINE).next();
        for (int minute = 1; minute <= 3; minute++) {
            var quiet = HOURLY.decide(state, "e" + (minute + 1), PARKED, NINE.plusMinutes(minute * 19));
            assertEquals(0, quiet.notices().size(), "minute " + minute * 19);
            state = quiet.next();
        }
        assertEquals(new ParkedRecordAlerts.State(NINE, 3), state);

        var next = HOURLY.decide(state, "e5", PARKED, NINE.plusHours(1));
        assertEquals(1, next.notices().size(), "an hour after the last alert");
        assertTrue(next.notices().get(0).body().contains("自上次提醒以来，另有3条消息被搁置。"), next.notices().get(0).body());
        assertEquals(new ParkedRecordAlerts.State(NINE.plusHours(1), 0), next.next());
    }

    @Test
    void theSameParkedRecordAlwaysYieldsTheSameNotice() {
        assertEquals(HOURLY.decide(ParkedRecordAlerts.State.NONE, "event-1", PARKED, NINE),
                HOURLY.decide(ParkedRecordAlerts.State.NONE, "event-1", PARKED, NINE));
        assertEquals("原因不明", ParkedRecordAlerts.reasonLabel("SOMETHING_NEW"));
    }
}
