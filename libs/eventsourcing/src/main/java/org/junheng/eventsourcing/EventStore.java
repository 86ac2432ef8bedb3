package org.junheng.eventsourcing;

import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Appends events to streams with optimistic concurrency and reads them back, upcast to their current version.
 *
 * <p>Any number of events for any number of streams go in one {@code INSERT ... SELECT FROM unnest(...)} statement:
 * one round trip, all or nothing; a single event to a single stream takes a leaner statement with the same check
 * ({@link #APPEND_ONE_SQL}). The statement itself checks every stream's expected version, and the unique
 * {@code (stream_id, version)} constraint stops two writers that checked at the same moment.
 */
public final class EventStore {

    static final String APPEND_SQL = """
            with input as (
                select * from unnest($1::text[], $2::text[], $3::bigint[], $4::uuid[], $5::text[], $6::text[], $7::text[])
                    with ordinality as t(stream_id, stream_type, expected_version, event_id, event_type, payload, metadata, ord)
            ), streams as (
                select i.stream_id, min(i.expected_version) as expected_version,
                       coalesce((select max(e.version) from events e where e.stream_id = i.stream_id), 0) as current_version
                from input i group by i.stream_id
            ), verdict as (
                select coalesce(bool_and(expected_version = -1 or expected_version = current_version), true) as ok from streams
            )
            insert into events (stream_id, stream_type, version, event_id, event_type, payload, metadata)
            select i.stream_id, i.stream_type,
                   s.current_version + row_number() over (partition by i.stream_id order by i.ord),
                   i.event_id, i.event_type, i.payload::jsonb, i.metadata::jsonb
            from input i join streams s on s.stream_id = i.stream_id
            where (select ok from verdict)
            order by i.ord
            returning %s
            """;
    /**
     * One event to one stream — every REST command — without the arrays, grouping and numbering the general statement
     * needs: the same version check and the same unique constraint behind it, at half the fixed cost.
     */
    static final String APPEND_ONE_SQL = """
            insert into events (stream_id, stream_type, version, event_id, event_type, payload, metadata)
            select $1::text, $2::text, s.current_version + 1, $4::uuid, $5::text, $6::text::jsonb, $7::text::jsonb
            from (select coalesce(max(version), 0) as current_version from events where stream_id = $1::text) s
            where $3::bigint = -1 or $3::bigint = s.current_version
            returning %s
            """;
    private static final String APPEND_RETURNING_EVENTS = APPEND_SQL.formatted(EventRows.COLUMNS);
    private static final String APPEND_ONE_RETURNING_EVENTS = APPEND_ONE_SQL.formatted(EventRows.COLUMNS);
    private static final String APPEND_ONE_RETURNING_COUNT = APPEND_ONE_SQL.formatted("global_position");
    /** For writers that do not need the stored events back: no payload travels back over the wire. */
    private static final String APPEND_RETURNING_COUNT = APPEND_SQL.formatted("global_position");

    private final Pool pool;
    private final Upcasters upcasters;
    private final Tracing tracing;

    public EventStore(Pool pool, Upcasters upcasters) {
        this(pool, upcasters, Tracing.none());
    }

    /** With a span for every append ({@link Tracing#startAppend}). */
    public EventStore(Pool pool, Upcasters upcasters, Tracing tracing) {
        this.pool = Objects.requireNonNull(pool);
        this.upcasters = upcasters == null ? Upcasters.none() : upcasters;
        this.tracing = Objects.requireNonNull(tracing);
    }

    public EventStore(Pool pool) {
        this(pool, Upcasters.none());
    }

    public Pool pool() {
        return pool;
    }

    /** Appends to one stream in its own transaction. */
    public Uni<AppendResult> append(String streamId, String streamType, ExpectedVersion expected, List<NewEvent> events) {
        return append(pool, List.of(new StreamAppend(streamId, streamType, expected, events)));
    }

    /**
     * Appends to several streams at once through {@code client}; pass a transaction's connection to commit the events
     * together with other state. Fails with {@link ConcurrencyConflictException} if any stream is not at its expected
     * version; then nothing is stored.
     */
    public Uni<AppendResult> append(SqlClient client, List<StreamAppend> appends) {
        return append(client, appends, true).map(rows -> {
            List<StoredEvent> stored = new ArrayList<>(rows.rowCount());
            rows.forEach(row -> stored.add(EventRows.toEvent(row)));
            return new AppendResult(stored);
        });
    }

    /**
     * Like {@link #append(SqlClient, List)} for bulk writers that need no echo of what they stored; returns how many
     * events were appended.
     */
    public Uni<Integer> appendAll(SqlClient client, List<StreamAppend> appends) {
        return append(client, appends, false).map(RowSet::rowCount);
    }

    private Uni<RowSet<Row>> append(SqlClient client, List<StreamAppend> appends, boolean echo) {
        int size = appends.stream().mapToInt(a -> a.events().size()).sum();
        if (size == 0) {
            return client.query("select 1 where false").execute();
        }
        String[] streamIds = new String[size];
        String[] streamTypes = new String[size];
        Long[] expected = new Long[size];
        UUID[] eventIds = new UUID[size];
        String[] types = new String[size];
        String[] payloads = new String[size];
        String[] metadata = new String[size];
        int i = 0;
        for (StreamAppend append : appends) {
            for (NewEvent event : append.events()) {
                streamIds[i] = append.streamId();
                streamTypes[i] = append.streamType();
                expected[i] = append.expected().value();
                eventIds[i] = event.eventId();
                types[i] = event.eventType();
                payloads[i] = event.payloadJson();
                metadata[i] = EventRows.writeMetadata(event.metadata());
                i++;
            }
        }
        List<String> touched = appends.stream().map(StreamAppend::streamId).distinct().toList();
        Uni<RowSet<Row>> insert;
        if (size == 1) {
            insert = client.preparedQuery(echo ? APPEND_ONE_RETURNING_EVENTS : APPEND_ONE_RETURNING_COUNT)
                    .execute(Tuple.tuple().addString(streamIds[0]).addString(streamTypes[0]).addLong(expected[0])
                            .addUUID(eventIds[0]).addString(types[0]).addString(payloads[0]).addString(metadata[0]));
        } else {
            insert = client.preparedQuery(echo ? APPEND_RETURNING_EVENTS : APPEND_RETURNING_COUNT)
                    .execute(Tuple.tuple().addArrayOfString(streamIds).addArrayOfString(streamTypes)
                            .addArrayOfLong(expected).addArrayOfUUID(eventIds).addArrayOfString(types)
                            .addArrayOfString(payloads).addArrayOfString(metadata));
        }
        Uni<RowSet<Row>> checked = insert
                .onFailure(EventStore::isUniqueViolationOnVersion)
                .transform(e -> new ConcurrencyConflictException(touched, "another writer took the same version"))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new ConcurrencyConflictException(touched, "a stream is not at its expected version");
                    }
                    return rows;
                });
        // the span covers each run of the statement, however it ends (an item, a failure, a cancellation)
        return Uni.createFrom().deferred(() -> {
            Span span = tracing.startAppend(touched, size);
            return checked.onTermination().invoke((rows, failure, cancelled) -> Tracing.end(span, failure));
        });
    }

    /** The stream's events in version order, upcast. */
    public Uni<List<StoredEvent>> readStream(String streamId) {
        return pool.preparedQuery("select " + EventRows.COLUMNS + " from events where stream_id = $1 order by version")
                .execute(Tuple.of(streamId)).map(this::toEvents);
    }

    /** The stream as it stood at {@code asOf}: the events recorded up to then. */
    public Uni<List<StoredEvent>> readStream(String streamId, Instant asOf) {
        return pool.preparedQuery("select " + EventRows.COLUMNS
                        + " from events where stream_id = $1 and recorded_at <= $2 order by version")
                .execute(Tuple.of(streamId, asOf.atOffset(ZoneOffset.UTC))).map(this::toEvents);
    }

    /**
     * Every event of the streams whose id starts with {@code streamIdPrefix} (e.g. all schools of a district), in
     * feed order. For small sets and histories; large read models are projections.
     */
    public Uni<List<StoredEvent>> readStreamsWithPrefix(String streamIdPrefix) {
        return readStreams(pool, List.of(), List.of(streamIdPrefix));
    }

    /**
     * Every event of the named streams and of the streams starting with any of the prefixes, in feed order, read
     * through {@code client} (a transaction's connection reads what that transaction sees). A prefix is read as the
     * byte-order range [prefix, prefix with its last character incremented), which the {@code events_stream_id_bytes}
     * index serves.
     */
    public Uni<List<StoredEvent>> readStreams(SqlClient client, List<String> streamIds, List<String> prefixes) {
        StringBuilder where = new StringBuilder("stream_id = any($1)");
        Tuple parameters = Tuple.tuple().addArrayOfString(streamIds.toArray(String[]::new));
        for (String prefix : prefixes) {
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException("an empty prefix would read the whole log");
            }
            int from = parameters.size() + 1;
            where.append(" or (stream_id collate \"C\" >= $").append(from)
                    .append(" and stream_id collate \"C\" < $").append(from + 1).append(')');
            parameters.addString(prefix).addString(prefixEnd(prefix));
        }
        return client.preparedQuery("select " + EventRows.COLUMNS + " from events where " + where
                        + " order by transaction_id, global_position")
                .execute(parameters).map(this::toEvents);
    }

    /** The smallest string greater than every string starting with {@code prefix}, in byte (code point) order. */
    static String prefixEnd(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
    }

    public Uni<Long> currentVersion(String streamId) {
        return pool.preparedQuery("select coalesce(max(version), 0) as v from events where stream_id = $1")
                .execute(Tuple.of(streamId)).map(rows -> rows.iterator().next().getLong("v"));
    }

    /** Rebuilds an aggregate's state by folding its events ({@code evolve}), optionally as of a past time. */
    public <S> Uni<S> fold(String streamId, Instant asOf, S initial, BiFunction<S, StoredEvent, S> evolve) {
        Uni<List<StoredEvent>> events = asOf == null ? readStream(streamId) : readStream(streamId, asOf);
        return events.map(list -> {
            S state = initial;
            for (StoredEvent event : list) {
                state = evolve.apply(state, event);
            }
            return state;
        });
    }

    List<StoredEvent> toEvents(RowSet<Row> rows) {
        List<StoredEvent> events = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> events.add(upcasters.upcast(EventRows.toEvent(row))));
        return events;
    }

    private static boolean isUniqueViolationOnVersion(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
                && pg.getConstraint() != null && pg.getConstraint().contains("stream_id_version");
    }
}
