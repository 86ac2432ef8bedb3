package org.junheng.eventsourcing.inbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Idempotent consumption: a message's id (the CloudEvents {@code id}) is recorded in the same transaction as the
 * state change it causes, so a redelivered message finds its id and changes nothing. Two deliveries racing each
 * other serialise on the inbox's primary key: the second waits for the first and then sees it done.
 */
public final class Inbox {

    public enum Outcome { APPLIED, DUPLICATE }

    private final Pool pool;
    private final String consumer;

    public Inbox(Pool pool, String consumer) {
        this.pool = pool;
        this.consumer = consumer;
    }

    public Uni<Outcome> process(String messageId, Function<SqlConnection, Uni<?>> apply) {
        return pool.withTransaction(connection -> process(connection, messageId, apply));
    }

    /**
     * Records every id of a batch in one statement, within the caller's transaction; returns those seen for the
     * first time (an id seen before, or twice in the batch, is returned at most once).
     */
    public Uni<Set<String>> claim(SqlConnection transaction, List<String> messageIds) {
        return transaction.preparedQuery("""
                        insert into inbox (consumer, message_id) select $1, unnest($2::text[])
                        on conflict do nothing returning message_id""")
                .execute(Tuple.of(consumer, messageIds.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> fresh = new HashSet<>();
                    rows.forEach(row -> fresh.add(row.getString("message_id")));
                    return fresh;
                });
    }

    /** Within the caller's transaction, which may commit more with it (a parked record's settlement). */
    public Uni<Outcome> process(SqlConnection transaction, String messageId, Function<SqlConnection, Uni<?>> apply) {
        return transaction
                .preparedQuery("insert into inbox (consumer, message_id) values ($1, $2) on conflict do nothing")
                .execute(Tuple.of(consumer, messageId))
                .flatMap(rows -> rows.rowCount() == 0
                        ? Uni.createFrom().item(Outcome.DUPLICATE)
                        : apply.apply(transaction).replaceWith(Outcome.APPLIED));
    }
}
