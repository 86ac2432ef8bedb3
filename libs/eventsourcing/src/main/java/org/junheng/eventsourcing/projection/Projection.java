package org.junheng.eventsourcing.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import org.junheng.eventsourcing.StoredEvent;

/**
 * A read model built only from the log. {@link #apply} must be deterministic (no clocks, no randomness, no reads of
 * other read models), so that dropping the model and replaying the log gives the same content, which
 * {@link #contentQuery()} and {@link ProjectionRunner#checksum} prove.
 */
public interface Projection {

    /** Stable name; the checkpoint is stored under it. */
    String name();

    /** Applies one event inside the runner's transaction. Events it does not care about are ignored. */
    Uni<Void> apply(SqlConnection tx, StoredEvent event);

    /** Deletes every row of the read model (not its tables). */
    Uni<Void> reset(SqlConnection tx);

    /** A {@code select} of the model's whole content; the row order does not matter. */
    String contentQuery();
}
