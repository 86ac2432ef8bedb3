package org.junheng.service;

/** Text a service can store: PostgreSQL refuses NUL in text and jsonb, and a lone surrogate is no character at all. */
public final class Text {

    private Text() {
    }

    /** Why {@code value} cannot be stored, or null when it can. */
    public static String problem(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "不能含有NUL字符 (no NUL character, at " + i + ")";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "含有不完整的字符 (a lone surrogate, at " + i + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "含有不完整的字符 (a lone surrogate, at " + i + ")";
            }
        }
        return null;
    }
}
