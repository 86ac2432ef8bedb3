package org.junheng.intake.common;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.BiFunction;
import org.junheng.contracts.PublishedEvent;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.ExpectedVersion;
import org.junheng.eventsourcing.NewEvent;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.published.PublishedEvents;

/** Loads an aggregate by folding its stream and appends what it decided, at the version it was loaded at. */
public final class AggregateStore {

    private final EventStore store;

    public AggregateStore(EventStore store) {
        this.store = store;
    }

    public record Loaded<S>(S state, long version, List<StoredEvent> events) {
    }

    public <S, E extends PublishedEvent> Uni<Loaded<S>> load(String streamId, S initial, Class<E> eventType,
                                                             BiFunction<S, E, S> evolve) {
        return store.readStream(streamId).map(events -> {
            S state = initial;
            long version = 0;
            for (StoredEvent stored : events) {
                state = evolve.apply(state, eventType.cast(PublishedEvents.read(stored)));
                version = stored.version();
            }
            return new Loaded<>(state, version, events);
        });
    }

    /** @return the stream's version after the append (unchanged when there was nothing to append) */
    public Uni<Long> append(String streamId, String streamType, long expectedVersion,
                            List<? extends PublishedEvent> events, EventMetadata metadata) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(expectedVersion);
        }
        List<NewEvent> newEvents = events.stream().map(e -> PublishedEvents.toNewEvent(e, metadata)).toList();
        return store.append(streamId, streamType, ExpectedVersion.exactly(expectedVersion), newEvents)
                .map(result -> result.lastVersionOf(streamId));
    }

    public EventStore eventStore() {
        return store;
    }
}
