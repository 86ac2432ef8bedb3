package org.junheng.evaluation.common;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.service.QueryValues;
import org.junheng.service.DistrictCode;

/** Path and query parameters checked once, each refusal naming the parameter (RFC 9457 {@code errors[].field}). */
public final class Params {

    private Params() {
    }

    public static String district(String value) {
        return DistrictCode.require(value);
    }

    public static int year(String value) {
        return org.junheng.service.ReportingYear.require(value);
    }

    public static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Refusal.invalidField(field, value, "不是有效的标识 (not a UUID)");
        }
    }

    /** {@code 2025-03-31T12:00:00Z}, or a date meaning the end of that day (Asia/Shanghai). */
    public static @Nullable Instant asOf(@Nullable String value) {
        return QueryValues.optionalAsOf("asOf", value);
    }

    public static @Nullable IndicatorCode indicator(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return IndicatorCode.fromCode(value);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField(field, value, "未知指标代码 (unknown indicator code, e.g. RA5 or CV-RA5-P)");
        }
    }

    public static <E extends Enum<E>> @Nullable E enumValue(String field, @Nullable String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField(field, value, "可选值 (allowed values): "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    public static <T> @Nullable T optional(@Nullable String value, Function<String, T> parse) {
        return value == null || value.isBlank() ? null : parse.apply(value);
    }
}
