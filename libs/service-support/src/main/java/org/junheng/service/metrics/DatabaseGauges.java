package org.junheng.service.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junheng.service.Periodic;

/**
 * Gauges whose values the service's database answers — how far the relay is behind, how many records wait parked,
 * tasks overdue, webhook deliveries failing — asked every {@code junheng.metrics.refresh} on a thread of their own, so
 * a scrape never waits for SQL. Every replica reports the same values (alert rules take the max). NaN until the first
 * answer, and while the database does not answer.
 */
@ApplicationScoped
public class DatabaseGauges {

    private static final Logger LOG = Logger.getLogger(DatabaseGauges.class);

    private final Pool pool;
    private final MeterRegistry registry;
    private final Duration refresh;
    private final List<Query> queries = new CopyOnWriteArrayList<>();
    private Periodic refresher;

    DatabaseGauges(Pool pool, MeterRegistry registry,
                   @ConfigProperty(name = "junheng.metrics.refresh", defaultValue = "PT15S") Duration refresh) {
        this.pool = pool;
        this.registry = registry;
        this.refresh = refresh;
    }

    /** One row, one numeric column: the gauge {@code name}'s value ({@code tags}: key, value, …). */
    public synchronized void register(String name, String description, String sql, Tuple parameters, String... tags) {
        AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
        Gauge.builder(name, value, AtomicReference::get).description(description).tags(tags).register(registry);
        queries.add(new Query(name, sql, parameters, value));
        if (refresher == null) {
            refresher = Periodic.poll("database-gauges", refresh, this::refresh);
        }
    }

    /** Asks every query now (also what the periodic refresh does). */
    public void refresh() {
        for (Query query : queries) {
            try {
                Row row = pool.preparedQuery(query.sql()).execute(query.parameters()).await()
                        .atMost(Duration.ofSeconds(10)).iterator().next();
                Object answer = row.getValue(0);
                query.value().set(answer instanceof Number number ? number.doubleValue() : Double.NaN);
            } catch (RuntimeException e) {
                query.value().set(Double.NaN);
                LOG.debugf(e, "gauge %s: no answer", query.name());
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.stop();
        }
    }

    private record Query(String name, String sql, Tuple parameters, AtomicReference<Double> value) {
    }
}
