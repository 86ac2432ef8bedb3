package org.junheng.eventsourcing;

import java.util.List;

/** The events as stored, in append order. */
public record AppendResult(List<StoredEvent> events) {
    public long lastVersionOf(String streamId) {
        return events.stream().filter(e -> e.streamId().equals(streamId))
                .mapToLong(StoredEvent::version).max().orElse(0);
    }
}
