package org.junheng.intake.common;

import java.util.List;
import org.junheng.intake.statistics.Violation;

/** The version the caller last saw, as HTTP carries it (ETag / If-Match). */
public final class Requests {

    private Requests() {
    }

    /** Parses {@code If-Match: "3"} (or W/"3", or 3) into the stream version 3; {@code null} when absent. */
    public static Long ifMatchVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            long version = Long.parseLong(tag);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw Rejection.invalid("If-Match 格式错误 (malformed If-Match)",
                    List.of(Violation.error("If-Match", ifMatch, "须为本服务返回的ETag (must be an ETag this service returned)")));
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
