package org.junheng.eventsourcing;

import java.util.List;

/** Another writer appended to one of these streams first; the caller reloads and decides again (HTTP 409/412). */
public class ConcurrencyConflictException extends RuntimeException {

    private final List<String> streamIds;

    public ConcurrencyConflictException(List<String> streamIds, String detail) {
        super("concurrent write to " + streamIds + ": " + detail);
        this.streamIds = List.copyOf(streamIds);
    }

    public List<String> streamIds() {
        return streamIds;
    }
}
