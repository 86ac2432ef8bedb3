package org.junheng.eventsourcing;

import java.util.List;

/** Events for one stream, appended only if the stream is at {@code expected}. */
public record StreamAppend(String streamId, String streamType, ExpectedVersion expected, List<NewEvent> events) {
    public StreamAppend {
        if (streamId == null || streamId.isBlank()) {
            throw new IllegalArgumentException("streamId is required");
        }
        if (streamType == null || streamType.isBlank()) {
            throw new IllegalArgumentException("streamType is required");
        }
        events = List.copyOf(events);
    }
}
