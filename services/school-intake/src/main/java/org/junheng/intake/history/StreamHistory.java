package org.junheng.intake.history;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.EventCatalog;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.published.PublishedEvents;

/** The recorded history of a school or a form: its events in feed order, with who did what when. */
@ApplicationScoped
public class StreamHistory {

    public record HistoryEntry(String streamId, long version, UUID eventId, String type, String ceType,
                               Instant recordedAt, EventMetadata.Actor actor, String correlationId, Object payload) {
        public static HistoryEntry of(StoredEvent event) {
            String ceType = EventCatalog.findByStoredType(event.eventType()).map(EventCatalog.Entry::ceType).orElse(null);
            Object payload;
            try {
                payload = PublishedEvents.JSON.readTree(event.payloadJson());
            } catch (Exception e) {
                payload = event.payloadJson();
            }
            return new HistoryEntry(event.streamId(), event.version(), event.eventId(), event.eventType(), ceType,
                    event.recordedAt(), event.metadata().actor(), event.metadata().correlationId(), payload);
        }
    }

    private final EventStore store;

    public StreamHistory(EventStore store) {
        this.store = store;
    }

    public Uni<List<HistoryEntry>> ofStream(String streamId) {
        return store.readStream(streamId).map(events -> events.stream().map(HistoryEntry::of).toList());
    }

    /** The register entry and every yearly form of the school, merged in feed order. */
    public Uni<List<HistoryEntry>> ofSchool(String district, String schoolCode) {
        Uni<List<StoredEvent>> register = store.readStream("school/" + district + "/" + schoolCode);
        Uni<List<StoredEvent>> statistics = store.readStreamsWithPrefix("statistics/" + district + "/" + schoolCode + "/");
        return Uni.combine().all().unis(register, statistics).asTuple().map(both -> {
            List<StoredEvent> all = new ArrayList<>(both.getItem1());
            all.addAll(both.getItem2());
            all.sort(Comparator.comparing(StoredEvent::position));
            return all.stream().map(HistoryEntry::of).toList();
        });
    }
}
