package org.junheng.service;

import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.KafkaSettings;
import org.junheng.eventsourcing.Tracing;
import org.junheng.eventsourcing.Upcasters;
import org.junheng.eventsourcing.published.ServiceEventLog;
import org.junheng.service.metrics.DatabaseGauges;

/**
 * Starts the service's event log and its outbox relay with the application, and stops them with it. The service is
 * named by {@code junheng.service.source} ({@code /junheng/<service>}), which is also its CloudEvents source.
 */
@ApplicationScoped
public class EventLogLifecycle {

    private final ServiceEventLog log;
    private final String serviceName;

    EventLogLifecycle(Pool pool,
                      @ConfigProperty(name = "junheng.service.source") String source,
                      KafkaSettings kafka, OpenTelemetry openTelemetry, DatabaseGauges gauges,
                      @ConfigProperty(name = "junheng.relay.enabled", defaultValue = "true") boolean publish) {
        this.serviceName = source.substring(source.lastIndexOf('/') + 1);
        this.log = ServiceEventLog.start(pool, serviceName, kafka, publish, Upcasters.none(),
                Tracing.of(openTelemetry));
        if (publish) {
            registerRelayLag(gauges, serviceName);
        }
        gauges.register("junheng.consumer.parked.waiting", "records parked by the service's consumers, not yet settled",
                "select count(*) from dead_letters where status = 'PARKED'", Tuple.tuple());
    }

    /**
     * How far publication is behind the log: events past the relay's checkpoint in feed order ({@code transaction_id,
     * global_position}, as the relay reads: a later transaction may hold a lower position), counted up to a million,
     * and the age of the oldest of them. Both stay near 0 while the relay keeps up.
     */
    static void registerRelayLag(DatabaseGauges gauges, String relay) {
        String behind = """
                from events, (select coalesce((select transaction_id from relay_checkpoints where relay_name = $1),
                                              '0'::xid8) as tx,
                                     coalesce((select global_position from relay_checkpoints where relay_name = $1),
                                              0) as position) as checkpoint
                where (events.transaction_id, events.global_position) > (checkpoint.tx, checkpoint.position)""";
        gauges.register("junheng.relay.lag.events", "events recorded but not yet published to Kafka",
                "select count(*) from (select 1 " + behind + " limit 1000000) as waiting", Tuple.of(relay),
                "relay", relay);
        gauges.register("junheng.relay.lag.seconds", "age of the oldest event not yet published to Kafka",
                "select coalesce(extract(epoch from clock_timestamp() - min(recorded_at)), 0) from (select recorded_at "
                        + behind + " order by events.transaction_id, events.global_position limit 1) as oldest",
                Tuple.of(relay), "relay", relay);
    }

    void onStart(@Observes StartupEvent event) {
        // created eagerly so the relay runs from the start, not from the first request
    }

    void onStop(@Observes ShutdownEvent event) {
        log.close();
    }

    @Produces
    @ApplicationScoped
    EventStore eventStore() {
        return log.store();
    }

    public String serviceName() {
        return serviceName;
    }

    public boolean publishing() {
        return log.publishing();
    }
}
