package org.junheng.service.consumers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.operations.OperationsEvent.RecordParked;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.ExpectedVersion;
import org.junheng.eventsourcing.StreamAppend;
import org.junheng.eventsourcing.consumer.DeadLetters;
import org.junheng.eventsourcing.consumer.GuardedConsumer;
import org.junheng.eventsourcing.consumer.PoisonRecordException;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.service.EventLogLifecycle;

/**
 * Makes the service's Kafka consumers {@link GuardedConsumer}s with one set of limits, counts what they park
 * ({@code junheng_consumer_parked_total}), records each parked record of a district as a {@link RecordParked} event in
 * the service's log in the parking transaction (the relay publishes it on {@code junheng.operations.v1}, and the
 * supervision office is told), and knows the consumers by name, for the parked-record admin API.
 */
@ApplicationScoped
public class ConsumerGuards {

    private final Pool pool;
    private final EventStore store;
    private final String service;
    private final MeterRegistry metrics;
    private final GuardedConsumer.Settings settings;
    private final DeadLetters deadLetters;
    private final Map<String, GuardedConsumer> byName = new ConcurrentHashMap<>();
    private static final EventMetadata.Actor ACTOR = EventMetadata.Actor.system("consumer-guard");

    ConsumerGuards(Pool pool, EventStore store, EventLogLifecycle eventLog, MeterRegistry metrics,
                   @ConfigProperty(name = "junheng.consumer.max-record-bytes", defaultValue = "1048576") int maxBytes,
                   @ConfigProperty(name = "junheng.consumer.attempts", defaultValue = "3") int attempts,
                   @ConfigProperty(name = "junheng.consumer.first-backoff", defaultValue = "PT0.2S") Duration first,
                   @ConfigProperty(name = "junheng.consumer.max-backoff", defaultValue = "PT10S") Duration max) {
        this.pool = pool;
        this.store = store;
        this.service = eventLog.serviceName();
        this.metrics = metrics;
        this.settings = new GuardedConsumer.Settings(maxBytes, attempts, first, max);
        this.deadLetters = new DeadLetters(pool);
    }

    /** The guarded consumer {@code name}, handling the events {@code relevant} selects with {@code handler}. */
    public GuardedConsumer guard(String name, Predicate<Class<? extends PublishedEvent>> relevant,
                                 GuardedConsumer.Handler handler) {
        GuardedConsumer consumer = new GuardedConsumer(pool, name, relevant, handler, settings,
                new GuardedConsumer.ParkListener() {
                    @Override
                    public Uni<Void> inTransaction(SqlConnection transaction, GuardedConsumer.Parked parked) {
                        if (parked.district() == null) {
                            return Uni.createFrom().voidItem(); // no district to tell: health and metric show it
                        }
                        RecordParked event = new RecordParked(parked.district(), service, parked.consumer(),
                                parked.id(), parked.topic(), parked.partition(), parked.offset(),
                                parked.reason().name());
                        return store.append(transaction, List.of(new StreamAppend("parked-record/" + parked.id(),
                                "ParkedRecord", ExpectedVersion.noStream(), List.of(PublishedEvents.toNewEvent(event,
                                new EventMetadata(parked.district(), null, null, ACTOR, null, null, null))))))
                                .replaceWithVoid();
                    }

                    @Override
                    public void committed(GuardedConsumer.Parked parked) {
                        parkedCounter(parked.consumer(), parked.reason().name()).increment();
                    }
                });
        // every reason's series exists from the start at 0, so rates and increases over them are defined
        for (PoisonRecordException.Reason reason : PoisonRecordException.Reason.values()) {
            parkedCounter(name, reason.name());
        }
        byName.put(name, consumer);
        return consumer;
    }

    private Counter parkedCounter(String consumer, String reason) {
        return Counter.builder("junheng.consumer.parked").description("records parked by a consumer")
                .tag("consumer", consumer).tag("reason", reason).register(metrics);
    }

    public Optional<GuardedConsumer> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }
}
