package org.junheng.eventsourcing.relay;

/**
 * Where and how one stored event is published: topic, record key (which fixes the partition and so the order per
 * key), CloudEvents {@code type}; {@code null} from a router means "not published" (internal events).
 */
public record KafkaRoute(String topic, String key, String ceType) {
}
