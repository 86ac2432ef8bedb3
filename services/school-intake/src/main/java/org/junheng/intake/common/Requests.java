package org.junheng.intake.common;

import java.util.List;
import java.util.UUID;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.intake.statistics.Violation;

/** HTTP request facts the domain needs: who acts, the causal chain, and the version the caller last saw. */
public final class Requests {

    private Requests() {
    }

    /**
     * The actor until authentication arrives (the security issue): the caller's declared id, else anonymous. Either
     * way it is recorded with every event.
     */
    public static EventMetadata metadata(String actorHeader, String correlationId, String traceparent) {
        String subject = actorHeader == null || actorHeader.isBlank() ? "anonymous" : actorHeader.trim();
        return new EventMetadata(null, correlationId == null || correlationId.isBlank()
                ? UUID.randomUUID().toString() : correlationId.trim(), null,
                new EventMetadata.Actor(subject, "unauthenticated", null), null, traceparent, null);
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
