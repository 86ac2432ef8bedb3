package org.junheng.service;

import org.junheng.eventsourcing.decider.Refusal;

/**
 * The version a caller last read, as it sends it back in {@code If-Match} ({@code "3"}, {@code W/"3"} or {@code 3}):
 * the one parser of every service. Malformed → 400 naming {@code If-Match}; missing where a change needs it → 428.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    /** The version, or null when the header is absent. */
    public static Long optional(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            long version = Long.parseLong(tag.replace("\"", "").trim());
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw Refusal.invalidField(HEADER, header, "须为本服务返回的ETag (an ETag this service returned)");
        }
    }

    /** The version; 428 when the header is absent. */
    public static long required(String header) {
        Long version = optional(header);
        if (version == null) {
            throw Refusal.versionRequired();
        }
        return version;
    }

    /** The ETag of a version, as the services send it. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
