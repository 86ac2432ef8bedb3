package org.junheng.eventsourcing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Row;

/** Maps between {@code events} rows and {@link StoredEvent}. */
final class EventRows {

    static final String COLUMNS = "global_position, transaction_id::text as transaction_id_text, stream_id, stream_type, "
            + "version, event_id, event_type, payload::text as payload, metadata::text as metadata, recorded_at";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Built once: every event read (the relay reads them all) parses its metadata through it. */
    private static final com.fasterxml.jackson.databind.ObjectReader METADATA = JSON.readerFor(EventMetadata.class);

    private EventRows() {
    }

    /** A row whose first columns are {@link #COLUMNS}, read by position (a lookup by name per cell cost the relay). */
    static StoredEvent toEvent(Row row) {
        return new StoredEvent(
                new FeedPosition(Long.parseLong(row.getString(1)), row.getLong(0)),
                row.getString(2),
                row.getString(3),
                row.getLong(4),
                row.getUUID(5),
                row.getString(6),
                row.getString(7),
                readMetadata(row.getString(8)),
                row.getOffsetDateTime(9).toInstant());
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
            return METADATA.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metadata is not readable: " + json, e);
        }
    }
}
