package org.junheng.service;

/**
 * Typed query parameters read by hand: JAX-RS answers a value it cannot convert (say {@code overdue=maybe}) with a
 * bare 404, which names nothing; these answer 400 naming the parameter and the value.
 */
public final class QueryValues {

    private QueryValues() {
    }

    public static Boolean optionalBoolean(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiProblem.invalidField(name, text, "须为 true 或 false (true or false)");
        };
    }

    public static Integer optionalInteger(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField(name, text, "须为整数 (a whole number)");
        }
    }

    public static Long optionalLong(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField(name, text, "须为整数 (a whole number)");
        }
    }
}
