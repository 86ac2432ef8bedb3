package org.junheng.eventsourcing.published;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.UUID;
import org.junheng.contracts.EventCatalog;
import org.junheng.contracts.PublishedEvent;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.NewEvent;
import org.junheng.eventsourcing.StoredEvent;

/**
 * Between the contracts' event records and the log: the stored type and CloudEvents type come from
 * {@link EventCatalog}, the payload is the record's JSON (ISO dates), the district and Kafka key from the record.
 */
public final class PublishedEvents {

    /** The one JSON mapping of event records, shared by writers and readers. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PublishedEvents() {
    }

    public static NewEvent toNewEvent(PublishedEvent event, EventMetadata metadata) {
        return toNewEvent(UUID.randomUUID(), event, metadata);
    }

    /** With a caller-chosen id: deterministic ids make re-processing the same input produce the same event. */
    public static NewEvent toNewEvent(UUID eventId, PublishedEvent event, EventMetadata metadata) {
        EventMetadata base = metadata == null ? EventMetadata.NONE : metadata;
        return new NewEvent(eventId, EventCatalog.storedType(event.getClass()), write(event),
                base.withDistrict(event.districtCode()).withPartitionKey(event.messageKey()));
    }

    public static PublishedEvent read(StoredEvent stored) {
        Class<? extends PublishedEvent> type = EventCatalog.classForStoredType(stored.eventType());
        try {
            return JSON.readValue(stored.payloadJson(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + stored.eventType() + " " + stored.eventId() + " is unreadable", e);
        }
    }

    /** The stored event as a catalogue event; empty for a service's own internal types. */
    public static java.util.Optional<PublishedEvent> readKnown(StoredEvent stored) {
        return EventCatalog.findByStoredType(stored.eventType()).isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(read(stored));
    }

    public static <T extends PublishedEvent> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static String write(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event is not serialisable: " + event.getClass().getName(), e);
        }
    }
}
