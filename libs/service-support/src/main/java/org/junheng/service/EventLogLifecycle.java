package org.junheng.service;

import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.KafkaSettings;
import org.junheng.eventsourcing.Tracing;
import org.junheng.eventsourcing.Upcasters;
import org.junheng.eventsourcing.published.ServiceEventLog;

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
                      KafkaSettings kafka, OpenTelemetry openTelemetry,
                      @ConfigProperty(name = "junheng.relay.enabled", defaultValue = "true") boolean publish) {
        this.serviceName = source.substring(source.lastIndexOf('/') + 1);
        this.log = ServiceEventLog.start(pool, serviceName, kafka, publish, Upcasters.none(),
                Tracing.of(openTelemetry));
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
