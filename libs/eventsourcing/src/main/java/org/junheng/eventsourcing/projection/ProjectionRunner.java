package org.junheng.eventsourcing.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import org.junheng.eventsourcing.FeedPosition;
import org.junheng.eventsourcing.FeedWorker;
import org.junheng.eventsourcing.GlobalFeed;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.Upcasters;

/**
 * Keeps a projection up to date with the feed (each batch and its checkpoint in one transaction, so a crash never
 * applies an event twice), rebuilds it from the start of the log, and fingerprints its content.
 */
public final class ProjectionRunner extends FeedWorker {

    private final Pool pool;
    private final Projection projection;
    private final GlobalFeed feed;
    private final int batchSize;

    public ProjectionRunner(Pool pool, Projection projection, Upcasters upcasters, int batchSize, Duration pollInterval) {
        super("projection-" + projection.name(), pollInterval);
        this.pool = pool;
        this.projection = projection;
        this.feed = new GlobalFeed(upcasters);
        this.batchSize = batchSize;
    }

    public Projection projection() {
        return projection;
    }

    /** Applies everything the feed holds now; returns how many events were applied. */
    public Uni<Long> catchUp() {
        return applyBatch().flatMap(applied -> applied == 0 ? Uni.createFrom().item(0L)
                : catchUp().map(rest -> rest + applied));
    }

    /**
     * Drops the model's content and its checkpoint and replays the whole log, in one transaction: readers see the
     * old content until the rebuilt one commits.
     */
    public Uni<Long> rebuild() {
        return pool.withTransaction(tx -> projection.reset(tx)
                .flatMap(ignored -> tx.preparedQuery("delete from projection_checkpoints where projection_name = $1")
                        .execute(Tuple.of(projection.name())))
                .flatMap(ignored -> replayFrom(tx, FeedPosition.START, 0L)));
    }

    /** md5 over the model's rows in a canonical order, and their count: equal content, equal checksum. */
    public Uni<Checksum> checksum() {
        return checksum(pool, projection);
    }

    public static Uni<Checksum> checksum(Pool pool, Projection projection) {
        String sql = "select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest, count(*) as n"
                + " from (" + projection.contentQuery() + ") t";
        return pool.query(sql).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new Checksum(row.getString("digest"), row.getLong("n"));
        });
    }

    public record Checksum(String md5, long rows) {
    }

    @Override
    protected int step() {
        return applyBatch().await().indefinitely();
    }

    private Uni<Integer> applyBatch() {
        return pool.withTransaction(tx -> lockAndLoad(tx).flatMap(position -> feed.readAfter(tx, position, batchSize)
                .flatMap(events -> applyAll(tx, events, 0).flatMap(ignored -> events.isEmpty()
                        ? Uni.createFrom().item(0)
                        : saveCheckpoint(tx, events.get(events.size() - 1).position()).replaceWith(events.size())))));
    }

    private Uni<Long> replayFrom(SqlConnection tx, FeedPosition position, long applied) {
        return feed.readAfter(tx, position, batchSize).flatMap(events -> {
            if (events.isEmpty()) {
                return saveCheckpoint(tx, position).replaceWith(applied);
            }
            FeedPosition last = events.get(events.size() - 1).position();
            return applyAll(tx, events, 0).flatMap(ignored -> replayFrom(tx, last, applied + events.size()));
        });
    }

    private Uni<Void> applyAll(SqlConnection tx, java.util.List<StoredEvent> events, int index) {
        if (index >= events.size()) {
            return Uni.createFrom().voidItem();
        }
        return projection.apply(tx, events.get(index)).flatMap(ignored -> applyAll(tx, events, index + 1));
    }

    /** Row-locks the checkpoint so two runners of one projection never apply the same batch. */
    private Uni<FeedPosition> lockAndLoad(SqlConnection tx) {
        return tx.preparedQuery("""
                        insert into projection_checkpoints (projection_name, transaction_id, global_position)
                        values ($1, '0'::xid8, 0) on conflict (projection_name) do nothing""")
                .execute(Tuple.of(projection.name()))
                .flatMap(ignored -> tx.preparedQuery("""
                                select transaction_id::text as tx, global_position from projection_checkpoints
                                where projection_name = $1 for update""")
                        .execute(Tuple.of(projection.name())))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new FeedPosition(Long.parseLong(row.getString("tx")), row.getLong("global_position"));
                });
    }

    private Uni<Void> saveCheckpoint(SqlConnection tx, FeedPosition position) {
        return tx.preparedQuery("""
                        insert into projection_checkpoints (projection_name, transaction_id, global_position)
                        values ($1, $2::text::xid8, $3)
                        on conflict (projection_name) do update set transaction_id = excluded.transaction_id,
                            global_position = excluded.global_position, updated_at = now()""")
                .execute(Tuple.of(projection.name(), Long.toString(position.transactionId()), position.globalPosition()))
                .replaceWithVoid();
    }
}
