package org.junheng.eventsourcing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The service's whole log in commit-safe order. Only events of transactions that ended before every transaction
 * still running began are returned ({@code transaction_id < pg_snapshot_xmin(pg_current_snapshot())}), so a reader
 * never moves past an event that a slow transaction has yet to commit.
 */
public final class GlobalFeed {

    static final String READ_AFTER_SQL = "select " + EventRows.COLUMNS + """
             from events
            where (transaction_id, global_position) > ($1::text::xid8, $2)
              and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
            order by transaction_id, global_position
            limit $3
            """;

    static final String READ_UNTIL_SQL = "select " + EventRows.COLUMNS + """
             from events
            where (transaction_id, global_position) > ($1::text::xid8, $2)
              and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
              and recorded_at <= $3
            order by transaction_id, global_position
            limit $4
            """;

    private final Upcasters upcasters;

    public GlobalFeed(Upcasters upcasters) {
        this.upcasters = upcasters == null ? Upcasters.none() : upcasters;
    }

    /** Up to {@code limit} events after {@code position}, upcast. */
    public Uni<List<StoredEvent>> readAfter(SqlClient client, FeedPosition position, int limit) {
        return client.preparedQuery(READ_AFTER_SQL)
                .execute(Tuple.of(Long.toString(position.transactionId()), position.globalPosition(), limit))
                .map(rows -> {
                    List<StoredEvent> events = new java.util.ArrayList<>(rows.rowCount());
                    rows.forEach(row -> events.add(upcasters.upcast(EventRows.toEvent(row))));
                    return events;
                });
    }

    /**
     * Folds the whole feed as it stood at {@code asOf} (events recorded up to then), page by page: the basis of
     * "as of" reads of any read model.
     */
    public <S> Uni<S> foldAsOf(SqlClient client, Instant asOf, S initial, BiFunction<S, StoredEvent, S> evolve) {
        return foldPage(client, asOf, FeedPosition.START, initial, evolve);
    }

    private <S> Uni<S> foldPage(SqlClient client, Instant asOf, FeedPosition after, S state,
                                BiFunction<S, StoredEvent, S> evolve) {
        int pageSize = 1000;
        return client.preparedQuery(READ_UNTIL_SQL)
                .execute(Tuple.of(Long.toString(after.transactionId()), after.globalPosition(),
                        asOf.atOffset(ZoneOffset.UTC), pageSize))
                .flatMap(rows -> {
                    S next = state;
                    FeedPosition last = after;
                    for (var row : rows) {
                        StoredEvent event = upcasters.upcast(EventRows.toEvent(row));
                        next = evolve.apply(next, event);
                        last = event.position();
                    }
                    return rows.rowCount() < pageSize ? Uni.createFrom().item(next)
                            : foldPage(client, asOf, last, next, evolve);
                });
    }
}
