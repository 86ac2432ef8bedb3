package org.junheng.evaluation;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent;
import org.junheng.evaluation.engine.DistrictInputs;
import org.junheng.evaluation.engine.SchoolInput;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.FeedPosition;
import org.junheng.eventsourcing.NewEvent;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.published.CatalogRouter;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.eventsourcing.relay.CloudEventRecords;
import org.junheng.eventsourcing.relay.OutboxRelay;
import org.junheng.infra.TestInfrastructure;

/** Publishes school-data events to the real broker the way the intake's outbox relay does (CloudEvents, binary). */
public final class SchoolDataPublisher implements AutoCloseable {

    private final Producer<String, byte[]> producer = OutboxRelay.producer(
            TestInfrastructure.shared().kafkaBootstrapServers(), Map.of());

    /** Each event gets its own message id (returned); {@code copies} > 1 redelivers the same message. */
    public List<String> publish(List<? extends PublishedEvent> events, int copies) {
        List<String> ids = new java.util.ArrayList<>();
        try {
            for (PublishedEvent event : events) {
                NewEvent newEvent = PublishedEvents.toNewEvent(event,
                        new EventMetadata(null, "test-correlation", null, null, null, null, null));
                StoredEvent stored = new StoredEvent(new FeedPosition(1, 1), "test", "Test", 1, newEvent.eventId(),
                        newEvent.eventType(), newEvent.payloadJson(), newEvent.metadata(), Instant.now());
                var route = new CatalogRouter().route(stored);
                ids.add(newEvent.eventId().toString());
                for (int i = 0; i < copies; i++) {
                    producer.send(CloudEventRecords.toRecord(stored, route, URI.create("/junheng/test"))).get();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish", e);
        }
        return ids;
    }

    /** The register and the statistics of a district period, as the intake publishes them after an import. */
    public static List<PublishedEvent> registerAndSubmit(DistrictInputs inputs) {
        List<PublishedEvent> events = new java.util.ArrayList<>();
        for (SchoolInput school : inputs.schools()) {
            events.add(new SchoolEvent.SchoolRegistered(inputs.districtCode(), school.schoolCode(), school.profile()));
        }
        for (SchoolInput school : inputs.schools()) {
            if (school.statistics() != null) {
                events.add(new SchoolStatisticsEvent.SchoolStatisticsSubmitted(inputs.districtCode(),
                        school.schoolCode(), inputs.period(), school.profile(), school.statistics()));
            }
        }
        return events;
    }

    @Override
    public void close() {
        producer.close();
    }
}
