package org.junheng.rectification.infra;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.Upcasters;
import org.junheng.eventsourcing.published.ServiceEventLog;

/** Starts this service's event log and its outbox relay with the application, and stops them with it. */
@ApplicationScoped
public class EventLogLifecycle {

    private final ServiceEventLog log;

    EventLogLifecycle(Pool pool,
                      @ConfigProperty(name = "kafka.bootstrap.servers") String kafkaBootstrapServers,
                      @ConfigProperty(name = "junheng.relay.enabled", defaultValue = "true") boolean publish) {
        this.log = ServiceEventLog.start(pool, "rectification", kafkaBootstrapServers, publish, Upcasters.none());
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

    public boolean publishing() {
        return log.publishing();
    }
}
