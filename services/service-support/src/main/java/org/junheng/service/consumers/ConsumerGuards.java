package org.junheng.service.consumers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.contracts.PublishedEvent;
import org.junheng.eventsourcing.consumer.DeadLetters;
import org.junheng.eventsourcing.consumer.GuardedConsumer;

/**
 * Makes the service's Kafka consumers {@link GuardedConsumer}s with one set of limits, counts what they park
 * ({@code junheng_consumer_parked_total}) and knows them by name, for the parked-record admin API.
 */
@ApplicationScoped
public class ConsumerGuards {

    private final Pool pool;
    private final MeterRegistry metrics;
    private final GuardedConsumer.Settings settings;
    private final DeadLetters deadLetters;
    private final Map<String, GuardedConsumer> byName = new ConcurrentHashMap<>();

    ConsumerGuards(Pool pool, MeterRegistry metrics,
                   @ConfigProperty(name = "junheng.consumer.max-record-bytes", defaultValue = "1048576") int maxBytes,
                   @ConfigProperty(name = "junheng.consumer.attempts", defaultValue = "3") int attempts,
                   @ConfigProperty(name = "junheng.consumer.first-backoff", defaultValue = "PT0.2S") Duration first,
                   @ConfigProperty(name = "junheng.consumer.max-backoff", defaultValue = "PT10S") Duration max) {
        this.pool = pool;
        this.metrics = metrics;
        this.settings = new GuardedConsumer.Settings(maxBytes, attempts, first, max);
        this.deadLetters = new DeadLetters(pool);
    }

    /** The guarded consumer {@code name}, handling the events {@code relevant} selects with {@code handler}. */
    public GuardedConsumer guard(String name, Predicate<PublishedEvent> relevant, GuardedConsumer.Handler handler) {
        GuardedConsumer consumer = new GuardedConsumer(pool, name, relevant, handler, settings,
                new GuardedConsumer.ParkListener() {
                    @Override
                    public void committed(GuardedConsumer.Parked parked) {
                        Counter.builder("junheng.consumer.parked").description("records parked by a consumer")
                                .tag("consumer", parked.consumer()).tag("reason", parked.reason().name())
                                .register(metrics).increment();
                    }
                });
        byName.put(name, consumer);
        return consumer;
    }

    public Optional<GuardedConsumer> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }
}
