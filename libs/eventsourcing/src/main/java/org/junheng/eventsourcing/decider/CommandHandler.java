package org.junheng.eventsourcing.decider;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junheng.contracts.PublishedEvent;
import org.junheng.eventsourcing.ConcurrencyConflictException;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.ExpectedVersion;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.StreamAppend;
import org.junheng.eventsourcing.published.PublishedEvents;

/**
 * The one command loop of every aggregate: load the stream and fold it, check the caller may act, compare the
 * version the caller read ({@code If-Match}: stale → {@link Refusal#stale()}, required but absent →
 * {@link Refusal#versionRequired()}), decide, and append the events at the version loaded. A concurrent writer that
 * took that version first makes the append fail: stale for a caller who named a version, else the
 * {@link ConcurrencyConflictException} (409 at the edge, a retry in a consumer).
 */
public final class CommandHandler<S, C, E extends PublishedEvent> {

    private final EventStore store;
    private final String streamType;
    private final Class<E> eventType;
    private final Decider<S, C, E> decider;

    public CommandHandler(EventStore store, String streamType, Class<E> eventType, Decider<S, C, E> decider) {
        this.store = Objects.requireNonNull(store);
        this.streamType = Objects.requireNonNull(streamType);
        this.eventType = Objects.requireNonNull(eventType);
        this.decider = Objects.requireNonNull(decider);
    }

    /** A stream's state and version (0: no stream yet, the state is the initial one), and the events folded. */
    public record Loaded<S>(S state, long version, List<StoredEvent> events) {
    }

    /** What a command did: the state and version after it, the version before, the events appended (maybe none). */
    public record Handled<S, E>(S state, long version, long previousVersion, List<E> events) {
        /** The command started the stream. */
        public boolean created() {
            return previousVersion == 0 && !events.isEmpty();
        }
    }

    public Decider<S, C, E> decider() {
        return decider;
    }

    public Uni<Loaded<S>> load(SqlClient client, String streamId, S initial) {
        return load(client, streamId, initial, null);
    }

    /** The stream as it stood at {@code asOf} (its events recorded by then); null for now. */
    public Uni<Loaded<S>> load(SqlClient client, String streamId, S initial, Instant asOf) {
        return store.readStreams(client, List.of(streamId), List.of()).map(events -> fold(events, initial, asOf));
    }

    /** Folds one stream's stored events, those recorded by {@code asOf} (null: all). */
    public Loaded<S> fold(List<StoredEvent> events, S initial, Instant asOf) {
        S state = initial;
        long version = 0;
        List<StoredEvent> applied = new ArrayList<>(events.size());
        for (StoredEvent stored : events) {
            if (asOf != null && stored.recordedAt().isAfter(asOf)) {
                break;
            }
            state = decider.evolve(state, eventType.cast(PublishedEvents.read(stored)));
            version = stored.version();
            applied.add(stored);
        }
        return new Loaded<>(state, version, applied);
    }

    /** A command on one stream, configured step by step, then {@link Request#run run}. */
    public Request on(String streamId, S initial) {
        return new Request(streamId, initial);
    }

    public final class Request {
        private final String streamId;
        private final S initial;
        private Long ifMatch;
        private boolean ifMatchRequired;
        private BiConsumer<S, Long> check = (state, version) -> { };
        private Function<S, List<? extends C>> commands = state -> List.of();
        private EventMetadata metadata = EventMetadata.NONE;
        private Function<SqlClient, Uni<Void>> alongside;

        private Request(String streamId, S initial) {
            this.streamId = streamId;
            this.initial = initial;
        }

        /** The version the caller read; null when it sent none (then the command applies to the latest). */
        public Request ifMatch(Long version) {
            this.ifMatch = version;
            return this;
        }

        /** A caller must name the version it read. */
        public Request requireIfMatch() {
            this.ifMatchRequired = true;
            return this;
        }

        /** Refusals that come before any version is compared: existence, who may act. */
        public Request check(BiConsumer<S, Long> check) {
            this.check = check;
            return this;
        }

        public Request command(C command) {
            return commands(state -> List.of(command));
        }

        public Request commands(List<? extends C> commands) {
            return commands(state -> commands);
        }

        /** Commands chosen on the loaded state (e.g. submit or correct, open or reopen), decided in turn. */
        public Request commands(Function<S, List<? extends C>> fromState) {
            this.commands = fromState;
            return this;
        }

        public Request metadata(EventMetadata metadata) {
            this.metadata = metadata;
            return this;
        }

        /** Writes what must be stored with the events (evidence files), through the same client, once decided. */
        public Request alongside(Function<SqlClient, Uni<Void>> write) {
            this.alongside = write;
            return this;
        }

        /** In one transaction of the pool. */
        public Uni<Handled<S, E>> run(Pool pool) {
            return pool.withTransaction(this::run);
        }

        /** Through {@code client}: a consumer's transaction, so the effect commits with its inbox row. */
        public Uni<Handled<S, E>> run(SqlClient client) {
            return load(client, streamId, initial).flatMap(loaded -> {
                check.accept(loaded.state(), loaded.version());
                if (ifMatch == null && ifMatchRequired) {
                    throw Refusal.versionRequired();
                }
                if (ifMatch != null && ifMatch != loaded.version()) {
                    throw Refusal.stale();
                }
                Decider.Decision<S, E> decision = decider.decideAll(loaded.state(), commands.apply(loaded.state()));
                if (decision.events().isEmpty()) {
                    return Uni.createFrom().item(new Handled<S, E>(loaded.state(), loaded.version(), loaded.version(),
                            List.of()));
                }
                Uni<Void> before = alongside == null ? Uni.createFrom().voidItem() : alongside.apply(client);
                StreamAppend append = new StreamAppend(streamId, streamType, ExpectedVersion.exactly(loaded.version()),
                        decision.events().stream().map(event -> PublishedEvents.toNewEvent(event, metadata)).toList());
                return before.flatMap(ignored -> store.appendAll(client, List.of(append)))
                        .onFailure(ConcurrencyConflictException.class)
                        .transform(conflict -> ifMatch != null ? Refusal.stale() : conflict)
                        .map(count -> new Handled<S, E>(decision.state(), loaded.version() + count, loaded.version(),
                                decision.events()));
            });
        }
    }
}
