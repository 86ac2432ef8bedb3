package org.junheng.eventsourcing.published;

import io.vertx.mutiny.sqlclient.Pool;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.KafkaSettings;
import org.junheng.eventsourcing.Tracing;
import org.junheng.eventsourcing.Upcasters;
import org.junheng.eventsourcing.relay.BrokerHistory;
import org.junheng.eventsourcing.relay.OutboxRelay;

/**
 * What every service runs: its event store, and the relay that publishes the store's catalogue events to Kafka as
 * {@code /junheng/<service>}. Replicas may all start a relay; only the lock holder publishes.
 */
public final class ServiceEventLog implements AutoCloseable {

    private final EventStore store;
    private final OutboxRelay relay;

    private ServiceEventLog(EventStore store, OutboxRelay relay) {
        this.store = store;
        this.relay = relay;
    }

    public static ServiceEventLog start(Pool pool, String serviceName, KafkaSettings kafka, boolean publish,
                                        Upcasters upcasters, Tracing tracing) {
        EventStore store = new EventStore(pool, upcasters, tracing);
        OutboxRelay relay = null;
        if (publish) {
            relay = new OutboxRelay(pool, serviceName, URI.create("/junheng/" + serviceName), new CatalogRouter(),
                    upcasters, OutboxRelay.producer(kafka,
                            Map.of("client.id", "junheng-" + serviceName + "-relay")),
                    1000, Duration.ofMillis(25), BrokerHistory.kafka(kafka, Duration.ofSeconds(10)),
                    Duration.ofSeconds(30)).traced(tracing);
            relay.start();
        }
        return new ServiceEventLog(store, relay);
    }

    public EventStore store() {
        return store;
    }

    /** True while this replica's relay publishes (false on standby replicas and when publishing is off). */
    public boolean publishing() {
        return relay != null && relay.isActive();
    }

    @Override
    public void close() {
        if (relay != null) {
            relay.close();
        }
    }
}
