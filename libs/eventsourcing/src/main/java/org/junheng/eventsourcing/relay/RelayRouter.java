package org.junheng.eventsourcing.relay;

import org.junheng.eventsourcing.StoredEvent;

/** Decides each stored event's topic, key and CloudEvents type; a service's published language lives here. */
@FunctionalInterface
public interface RelayRouter {
    /** @return the route, or {@code null} to keep the event internal */
    KafkaRoute route(StoredEvent event);
}
