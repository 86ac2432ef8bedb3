package org.junheng.eventsourcing.published;

import org.junheng.contracts.EventCatalog;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.relay.KafkaRoute;
import org.junheng.eventsourcing.relay.RelayRouter;

/**
 * Publishes every event of the contracts' catalogue to its topic, keyed by the record's message key; events whose
 * type is not in the catalogue stay internal to the service.
 */
public final class CatalogRouter implements RelayRouter {

    @Override
    public KafkaRoute route(StoredEvent event) {
        return EventCatalog.findByStoredType(event.eventType())
                .map(entry -> new KafkaRoute(entry.topic(),
                        event.metadata().partitionKey() != null ? event.metadata().partitionKey() : event.streamId(),
                        entry.ceType()))
                .orElse(null);
    }
}
