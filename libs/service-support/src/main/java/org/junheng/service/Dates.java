package org.junheng.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The one date range of every service: dates a county's work can have (1900 to 2200). Wider ones parse in Java but
 * not in PostgreSQL, whose {@code date} ends in 5874897 and {@code timestamptz} in 294276. JSON bodies are held to it
 * by {@link RequestBodyPolicy}, query values by {@link QueryValues}.
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    static final String RANGE = "日期须在1900-01-01至2200-12-31之间 (a date between 1900-01-01 and 2200-12-31)";

    private Dates() {
    }

    public static boolean outOfRange(LocalDate date) {
        return date.isBefore(EARLIEST) || date.isAfter(LATEST);
    }

    public static boolean outOfRange(Instant instant) {
        return instant.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                || !instant.isBefore(LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
