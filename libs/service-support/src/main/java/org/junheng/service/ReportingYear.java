package org.junheng.service;

import org.junheng.eventsourcing.decider.Refusal;

/** 统计年度: the reporting year of a school's or a county's figures, as every API takes it (2000 to 2100). */
public final class ReportingYear {

    public static final int EARLIEST = 2000;
    public static final int LATEST = 2100;
    private static final String REASON = "统计年度须为2000至2100之间的4位年份 (a reporting year between 2000 and 2100)";

    private ReportingYear() {
    }

    public static int require(int year) {
        if (year < EARLIEST || year > LATEST) {
            throw Refusal.invalidField("year", year, REASON);
        }
        return year;
    }

    /** From a path or query value; a 400 naming {@code year} when it is no such year. */
    public static int require(String value) {
        if (value == null || !value.matches("[0-9]{4}")) {
            throw Refusal.invalidField("year", value, REASON);
        }
        return require(Integer.parseInt(value));
    }
}
