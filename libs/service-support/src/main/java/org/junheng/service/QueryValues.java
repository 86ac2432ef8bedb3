package org.junheng.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junheng.eventsourcing.decider.Refusal;

/**
 * Typed query parameters read by hand: JAX-RS answers a value it cannot convert (say {@code overdue=maybe}) with a
 * bare 404, which names nothing; these answer 400 naming the parameter and the value.
 */
public final class QueryValues {

    private QueryValues() {
    }

    /** An id in a path or query ({@code /findings/{id}}); 400 naming {@code field} when it is not a UUID. */
    public static java.util.UUID uuid(String field, String value) {
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Refusal.invalidField(field, value, "不是有效的编号 (not a UUID)");
        }
    }

    public static <E extends Enum<E>> E optionalEnum(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField(field, value, "可选值 (allowed values): "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    public static org.junheng.contracts.IndicatorCode optionalIndicator(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return org.junheng.contracts.IndicatorCode.fromCode(value);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField(field, value, "未知指标代码 (unknown indicator code, e.g. RA5 or CV-RA5-P)");
        }
    }

    public static Integer optionalYear(String text) {
        return text == null || text.isBlank() ? null : ReportingYear.require(text);
    }

    public static Boolean optionalBoolean(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw Refusal.invalidField(name, text, "须为 true 或 false (true or false)");
        };
    }

    public static Integer optionalInteger(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw Refusal.invalidField(name, text, "须为整数 (a whole number)");
        }
    }

    public static Long optionalLong(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw Refusal.invalidField(name, text, "须为整数 (a whole number)");
        }
    }

    /** An ISO date ({@code 2025-03-31}) in range, or a 400 naming {@code field}; null for nothing. */
    public static LocalDate optionalDate(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            if (Dates.outOfRange(date)) {
                throw Refusal.invalidField(field, text, Dates.RANGE);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw Refusal.invalidField(field, text, "日期格式应为 2025-03-31 (an ISO date)");
        }
    }

    /** An ISO instant ({@code 2025-03-31T12:00:00Z}) in range, or a 400 naming {@code field}; null for nothing. */
    public static Instant optionalInstant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text.trim());
            if (Dates.outOfRange(instant)) {
                throw Refusal.invalidField(field, text, Dates.RANGE);
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw Refusal.invalidField(field, text, "时间格式应为 2025-03-31T12:00:00Z (an ISO instant)");
        }
    }

    /** The start of a period ({@code from}): an ISO instant, or a date meaning the start of that day in Beijing time. */
    public static Instant optionalSince(String field, String text) {
        if (text == null || text.isBlank() || text.contains("T")) {
            return optionalInstant(field, text);
        }
        return optionalDate(field, text).atStartOfDay(ServiceClock.CHINA).toInstant();
    }

    /**
     * A moment to look back to ({@code asOf}): an ISO instant, or a date meaning the end of that day in Beijing time;
     * null for now. A 400 naming {@code field} otherwise.
     */
    public static Instant optionalAsOf(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.contains("T")) {
            return optionalInstant(field, text);
        }
        return optionalDate(field, text).plusDays(1).atStartOfDay(ServiceClock.CHINA).toInstant().minusNanos(1);
    }
}
