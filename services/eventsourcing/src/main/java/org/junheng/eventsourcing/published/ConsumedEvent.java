package org.junheng.eventsourcing.published;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junheng.contracts.CloudEventHeaders;
import org.junheng.contracts.EventCatalog;
import org.junheng.contracts.PublishedEvent;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.relay.CloudEventRecords;

/**
 * One Junheng event as a consumer receives it: the CloudEvent id (the inbox's message id, and the causation id of
 * what the consumer does about it), its type and time, the event, and the causal-chain headers.
 */
public record ConsumedEvent(String id, String storedType, OffsetDateTime time, PublishedEvent event,
                            String correlationId, String actor, String traceparent) {

    private static final Logger LOG = Logger.getLogger(ConsumedEvent.class);

    /** The record as an event of the catalogue; empty (and logged) for a type this version does not know. */
    public static Optional<ConsumedEvent> read(ConsumerRecord<String, byte[]> record) {
        var cloudEvent = CloudEventRecords.read(record);
        var entry = EventCatalog.findByCeType(cloudEvent.getType());
        if (entry.isEmpty()) {
            LOG.warnf("ignoring unknown event type %s (%s)", cloudEvent.getType(), cloudEvent.getId());
            return Optional.empty();
        }
        PublishedEvent event = PublishedEvents.read(new String(cloudEvent.getData().toBytes(), StandardCharsets.UTF_8),
                entry.get().eventClass());
        return Optional.of(new ConsumedEvent(cloudEvent.getId(), entry.get().storedType(), cloudEvent.getTime(),
                event, header(record, CloudEventHeaders.CORRELATION_ID), header(record, CloudEventHeaders.ACTOR),
                header(record, CloudEventHeaders.TRACEPARENT)));
    }

    /** Metadata for what a consumer appends because of this event: same correlation, caused by it, done by actor. */
    public EventMetadata causedBy(EventMetadata.Actor by) {
        return new EventMetadata(event.districtCode(), correlationId, id, by, null, traceparent, null);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEventRecords.header(record, name).orElse(null);
    }
}
