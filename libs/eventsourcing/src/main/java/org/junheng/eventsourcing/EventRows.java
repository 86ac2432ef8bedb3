package org.junheng.eventsourcing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;

/** Maps between {@code events} rows and {@link StoredEvent}. */
final class EventRows {

    static final String COLUMNS = "global_position, transaction_id::text as transaction_id_text, stream_id, stream_type, "
            + "version, event_id, event_type, payload::text as payload, metadata::text as metadata, recorded_at";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private EventRows() {
    }

    static StoredEvent toEvent(Row row) {
        return new StoredEvent(
                new FeedPosition(Long.parseLong(row.getString("transaction_id_text")), row.getLong("global_position")),
                row.getString("stream_id"),
                row.getString("stream_type"),
                row.getLong("version"),
                row.getUUID("event_id"),
                row.getString("event_type"),
                row.getString("payload"),
                readMetadata(row.getString("metadata")),
                row.get(OffsetDateTime.class, "recorded_at").toInstant());
    }

    static String writeMetadata(EventMetadata metadata) {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata is not serialisable", e);
        }
    }

    static EventMetadata readMetadata(String json) {
        try {
            return JSON.readValue(json, EventMetadata.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metadata is not readable: " + json, e);
        }
    }
}
