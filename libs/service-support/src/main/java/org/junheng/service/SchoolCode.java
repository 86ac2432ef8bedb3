package org.junheng.service;

import java.util.ArrayList;
import java.util.List;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;

/** The 10-digit 学校标识码 of a school, as every API takes it (with its district: {@link DistrictCode}). */
public final class SchoolCode {

    private SchoolCode() {
    }

    public static boolean isValid(String value) {
        return value != null && value.matches("[0-9]{10}");
    }

    /** A district and one of its schools, as the school paths take them: one 400 naming each malformed code. */
    public static void requireWithDistrict(String districtCode, String schoolCode) {
        List<Violation> violations = new ArrayList<>();
        if (districtCode == null || !districtCode.matches("[0-9]{6}")) {
            violations.add(Violation.error("district", districtCode, "行政区划代码须为6位数字 (district code must be 6 digits)"));
        }
        if (!isValid(schoolCode)) {
            violations.add(Violation.error("schoolCode", schoolCode, "学校标识码须为10位数字 (school code must be 10 digits)"));
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid("代码格式错误 (malformed code)", violations);
        }
    }
}
