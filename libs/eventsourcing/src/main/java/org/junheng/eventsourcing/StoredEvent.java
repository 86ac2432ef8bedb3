package org.junheng.eventsourcing;

import java.time.Instant;
import java.util.UUID;

/** An event as the log holds it, with its place in the stream ({@code version}) and in the feed ({@code position}). */
public record StoredEvent(
        FeedPosition position,
        String streamId,
        String streamType,
        long version,
        UUID eventId,
        String eventType,
        String payloadJson,
        EventMetadata metadata,
        Instant recordedAt) {

    public StoredEvent withType(String type, String payload) {
        return new StoredEvent(position, streamId, streamType, version, eventId, type, payload, metadata, recordedAt);
    }
}
