package org.junheng.eventsourcing.consumer;

import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junheng.eventsourcing.ConcurrencyConflictException;

/**
 * Tells an outage (database or broker unreachable, a connection dropped, a lock or serialisation conflict) from a
 * failure of the record itself. Outages are retried until they pass and never park a record.
 */
public final class Failures {

    /** SQLSTATE classes and codes that say "try again later", not "this input is wrong". */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57", "58");
    private static final Set<String> TRANSIENT_CODES = Set.of("40001", "40P01", "55P03");

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PgException pg && pg.getSqlState() != null) {
                String state = pg.getSqlState();
                return TRANSIENT_CODES.contains(state) || state.length() >= 2
                        && TRANSIENT_CLASSES.contains(state.substring(0, 2));
            }
            if (cause instanceof ConcurrencyConflictException || cause instanceof IOException
                    || cause instanceof TimeoutException || cause instanceof io.vertx.core.VertxException
                    || cause instanceof io.netty.channel.ChannelException
                    || cause instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
            String name = cause.getClass().getName();
            // the pool's "connection closed" and "pool closed" failures carry no SQLSTATE
            if (name.startsWith("io.vertx.sqlclient.") || name.equals("io.vertx.core.impl.NoStackTraceThrowable")
                    || name.equals("io.vertx.core.impl.NoStackTraceException")) {
                return true;
            }
        }
        return false;
    }
}
