package org.junheng.intake.common;

import org.junheng.eventsourcing.decider.Refusal;

import java.util.ArrayList;
import java.util.List;
import org.junheng.eventsourcing.decider.Violation;

/**
 * The national code formats: 行政区划代码 (6 digits) and 学校标识码 (10 digits) together, as the school paths take them
 * (a district alone: {@link org.junheng.service.DistrictCode}).
 */
public final class Codes {
    private Codes() {
    }

    public static boolean isDistrictCode(String value) {
        return value != null && value.matches("\\d{6}");
    }

    public static boolean isSchoolCode(String value) {
        return value != null && value.matches("\\d{10}");
    }

    public static void requireDistrictAndSchool(String districtCode, String schoolCode) {
        List<Violation> violations = new ArrayList<>();
        if (!isDistrictCode(districtCode)) {
            violations.add(Violation.error("district", districtCode, "行政区划代码须为6位数字 (district code must be 6 digits)"));
        }
        if (!isSchoolCode(schoolCode)) {
            violations.add(Violation.error("schoolCode", schoolCode, "学校标识码须为10位数字 (school code must be 10 digits)"));
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid("代码格式错误 (malformed code)", violations);
        }
    }
}
