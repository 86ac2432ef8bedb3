package org.junheng.eventsourcing.published;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junheng.contracts.LocationClass;
import org.junheng.contracts.Ownership;
import org.junheng.contracts.SchoolType;
import org.junheng.contracts.Topics;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.FeedPosition;
import org.junheng.eventsourcing.NewEvent;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.relay.KafkaRoute;
import org.junit.jupiter.api.Test;

class CatalogRouterTest {

    static final SchoolEvent.SchoolRegistered REGISTERED = new SchoolEvent.SchoolRegistered("500104", "5001040001",
            new SchoolProfile("重庆市大渡口区实验小学", SchoolType.PRIMARY, LocationClass.URBAN, Ownership.PUBLIC, false, 1956,
                    List.of()));

    @Test
    void aCatalogueEventGoesToItsTopicKeyedByItsMessageKey() {
        NewEvent event = PublishedEvents.toNewEvent(REGISTERED, EventMetadata.NONE);
        assertEquals("SchoolRegistered.v1", event.eventType());
        assertEquals("500104", event.metadata().district());

        KafkaRoute route = new CatalogRouter().route(stored("school/500104/5001040001", event));
        assertEquals(new KafkaRoute(Topics.SCHOOL_DATA, "500104/5001040001", "org.junheng.school-data.SchoolRegistered.v1"),
                route);
    }

    @Test
    void anEventOutsideTheCatalogueStaysInternal() {
        NewEvent internal = NewEvent.of("ImportAccepted.v1", "{}", EventMetadata.NONE);
        assertNull(new CatalogRouter().route(stored("import/1", internal)));
    }

    @Test
    void aStoredCatalogueEventReadsBackAsItsRecord() {
        NewEvent event = PublishedEvents.toNewEvent(REGISTERED, EventMetadata.NONE);
        assertEquals(REGISTERED, PublishedEvents.read(stored("school/500104/5001040001", event)));
    }

    private static StoredEvent stored(String streamId, NewEvent event) {
        return new StoredEvent(new FeedPosition(1, 1), streamId, "School", 1, event.eventId(), event.eventType(),
                event.payloadJson(), event.metadata(), Instant.parse("2024-09-01T00:00:00Z"));
    }
}
