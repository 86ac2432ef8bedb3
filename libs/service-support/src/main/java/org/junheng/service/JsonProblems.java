package org.junheng.service;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What is wrong with a JSON body, in words a department's developer can act on — the kind of value expected (a date
 * as 2025-03-31, a UUID, one of an enum's values), or where the JSON broke — rather than the parser's own text.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    static String describe(JsonProcessingException failure) {
        if (failure instanceof JsonParseException parse) {
            JsonLocation at = parse.getLocation();
            return at == null ? "JSON格式错误 (malformed JSON)" : "JSON格式错误，第" + at.getLineNr() + "行第"
                    + at.getColumnNr() + "列 (malformed JSON at line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")";
        }
        String original = failure.getOriginalMessage() == null ? "" : failure.getOriginalMessage();
        if (failure instanceof InvalidFormatException refused && ownWords(refused, original)) {
            return original; // RequestBodyPolicy's refusal: a NUL or a lone surrogate, a date out of range
        }
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return "未知字段“" + unknown.getPropertyName() + "” (unknown field)";
        }
        if (failure instanceof InvalidTypeIdException typeId) {
            // the known ids are only in the parser's text: take them from there, never the class names
            java.util.regex.Matcher known = java.util.regex.Pattern.compile("known type ids = \\[([^\\]]*)]")
                    .matcher(String.valueOf(failure.getOriginalMessage()));
            return "未知的类型“" + shortened(String.valueOf(typeId.getTypeId())) + "” (unknown type)"
                    + (known.find() ? "；可用类型 (allowed): " + known.group(1).replace(", ", "、") : "");
        }
        if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String value = failure instanceof InvalidFormatException format && format.getValue() != null
                    ? "“" + shortened(String.valueOf(format.getValue())) + "”" : "该值";
            return value + expected(mismatch.getTargetType());
        }
        original = original.replaceAll("(?s)\\(class [^)]*\\)", "").replaceAll("(?s)\\s+at \\[Source.*", "").trim();
        return "无法解析 (cannot be read): " + shortened(original);
    }

    /** Whether the parser's failure is RequestBodyPolicy's own refusal, already worded for people. */
    private static boolean ownWords(InvalidFormatException refused, String message) {
        return message.equals(Dates.RANGE) || refused.getValue() instanceof String text
                && message.equals(Text.problem(text));
    }

    /** ，须为… (what the field takes). */
    static String expected(Class<?> type) {
        if (type == LocalDate.class) {
            return "不是日期，须为 年-月-日，如 2025-03-31 (a date, e.g. 2025-03-31)";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "不是时间，须为 ISO 8601 并带时区，如 2025-03-31T09:30:00+08:00 (a time with its offset)";
        }
        if (type == UUID.class) {
            return "不是编号，须为 UUID，如 3f1c2a9e-7b41-4d0c-9a55-1e2d3c4b5a69 (a UUID)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "不是整数 (a whole number)";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            return "不是数字 (a number)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "须为 true 或 false (a boolean)";
        }
        if (type.isEnum()) {
            return "不是可选值；可选值 (allowed): " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> describeConstant((Enum<?>) constant)).collect(Collectors.joining("、"));
        }
        if (type == String.class) {
            return "须为文本 (text)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "须为列表 [...] (a list)";
        }
        return "类型不对，须为对象 {...} (an object)";
    }

    private static String describeConstant(Enum<?> constant) {
        return constant instanceof org.junheng.contracts.Labelled labelled
                ? constant.name() + "（" + labelled.label() + "）" : constant.name();
    }

    private static String shortened(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
