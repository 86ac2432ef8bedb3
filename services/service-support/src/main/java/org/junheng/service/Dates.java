package org.junheng.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The one date range and parser of every service: dates a county's work can have (1900 to 2200). Wider ones parse
 * in Java but not in PostgreSQL, whose {@code date} ends in 5874897 and {@code timestamptz} in 294276.
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

    /** An ISO date ({@code 2025-03-31}) in range, or a 400 naming {@code field}; null for nothing. */
    public static LocalDate optionalDate(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            if (outOfRange(date)) {
                throw ApiProblem.invalidField(field, text, RANGE);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, text, "日期格式应为 2025-03-31 (an ISO date)");
        }
    }

    /** An ISO instant ({@code 2025-03-31T12:00:00Z}) in range, or a 400 naming {@code field}; null for nothing. */
    public static Instant optionalInstant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text.trim());
            if (outOfRange(instant)) {
                throw ApiProblem.invalidField(field, text, RANGE);
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, text, "时间格式应为 2025-03-31T12:00:00Z (an ISO instant)");
        }
    }
}
