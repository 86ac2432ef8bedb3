package org.junheng.notices.rules;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.Department;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Person;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;
import org.junheng.contracts.rectification.TaskEvent.TaskOpened;

/** One task of the sample district (大渡口区), as the rectification service would open it. */
final class TaskFixtures {

    static final String DISTRICT = "500104";
    static final String SCHOOL_CODE = "2150202506";
    static final String SCHOOL_NAME = "重庆市大渡口区实验小学";
    static final Department JW = new Department("jw", "区教委");
    static final Department CZ = new Department("cz", "区财政局");
    static final Department GH = new Department("gh", "区规划自然资源局");
    static final Person INSPECTOR = new Person("u-wangmin", "王敏");
    static final Person CLERK = new Person("u-lijun", "李军");
    static final UUID TASK = UUID.fromString("7a1c9e2b-0000-4000-8000-000000000001");
    static final UUID FINDING = UUID.fromString("5f2d3c4b-0000-4000-8000-000000000002");
    static final LocalDate DUE = LocalDate.of(2025, 6, 30);
    static final String TITLE = "重庆市大渡口区实验小学生均教学及辅助用房面积未达标";
    static final String GAP = "生均教学及辅助用房面积4.10㎡，低于标准4.5㎡，差0.40㎡";

    static final TaskOpened OPENED = opened(Severity.BREAKS_SCHOOL_PASS_RULE);

    private TaskFixtures() {
    }

    static TaskOpened opened(Severity severity) {
        return new TaskOpened(TASK, DISTRICT, FINDING, 2024,
                Subject.schoolSection(SCHOOL_CODE, SCHOOL_NAME, Section.P), IndicatorCode.RA4, severity, TITLE, GAP,
                JW, List.of(CZ, GH), DUE);
    }

    /** The notice id rule, computed here independently of {@link NoticeIds}. */
    static UUID expectedNoticeId(String eventId, String audienceKey) {
        return UUID.nameUUIDFromBytes(("notice|" + eventId + "|" + audienceKey).getBytes(StandardCharsets.UTF_8));
    }
}
