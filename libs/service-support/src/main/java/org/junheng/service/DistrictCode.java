package org.junheng.service;

import org.junheng.eventsourcing.decider.Refusal;

/** The 6-digit code of a county or district (行政区划代码), as every API takes it. */
public final class DistrictCode {

    private DistrictCode() {
    }

    /** The code as given; a 400 problem naming {@code field} when it is not 6 digits. */
    public static String require(String field, String value) {
        if (value == null || !value.matches("[0-9]{6}")) {
            throw Refusal.invalidField(field, value, "区县代码为6位数字 (a district code has 6 digits)");
        }
        return value;
    }

    public static String require(String value) {
        return require("district", value);
    }
}
