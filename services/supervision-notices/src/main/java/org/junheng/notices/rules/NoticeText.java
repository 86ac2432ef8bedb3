package org.junheng.notices.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junheng.contracts.Department;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Person;
import org.junheng.contracts.Subject;

/** How facts read in the Chinese text of notices; shared by rules, bulletins and acknowledgement escalations. */
public final class NoticeText {

    private NoticeText() {
    }

    /** {@code 2025年6月30日}: the form used in government documents, independent of the JVM locale. */
    public static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** {@code 生均教学及辅助用房面积（RA4）}, {@code 就近划片入学比例（GG13）}. */
    public static String indicator(IndicatorCode indicator) {
        return indicator.shortName() + "（" + indicator.code() + "）";
    }

    /** {@code 全区}, the school name, or {@code 学校名（初中）}; the code stands in when an event carries no name. */
    public static String subject(Subject subject) {
        if (subject.schoolCode() == null) {
            return "全区";
        }
        String school = school(subject.schoolCode(), subject.schoolName());
        return subject.section() == null ? school : school + "（" + subject.section().label() + "）";
    }

    public static String school(String schoolCode, String schoolName) {
        return schoolName == null || schoolName.isBlank() ? "学校（标识码" + schoolCode + "）" : schoolName;
    }

    public static String department(Department department) {
        return department.name() == null || department.name().isBlank() ? department.code() : department.name();
    }

    /** {@code 区财政局、区人社局}, or {@code 无} for none. */
    public static String departments(List<Department> departments) {
        return departments.isEmpty() ? "无"
                : departments.stream().map(NoticeText::department).collect(Collectors.joining("、"));
    }

    public static String person(Person person) {
        return person == null ? "" : person.name();
    }
}
