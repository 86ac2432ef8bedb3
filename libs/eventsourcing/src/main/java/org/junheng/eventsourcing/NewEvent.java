package org.junheng.eventsourcing;

import java.util.Objects;
import java.util.UUID;

/**
 * An event to append. {@code eventType} carries its schema version ({@code SchoolRegistered.v1}); {@code payloadJson}
 * is the event record as JSON.
 */
public record NewEvent(UUID eventId, String eventType, String payloadJson, EventMetadata metadata) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payloadJson, "payloadJson");
        metadata = metadata == null ? EventMetadata.NONE : metadata;
    }

    public static NewEvent of(String eventType, String payloadJson, EventMetadata metadata) {
        return new NewEvent(UUID.randomUUID(), eventType, payloadJson, metadata);
    }
}
