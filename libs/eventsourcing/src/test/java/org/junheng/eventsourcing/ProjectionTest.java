package org.junheng.eventsourcing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import org.junheng.eventsourcing.projection.Projection;
import org.junheng.eventsourcing.projection.ProjectionRunner;
import org.junit.jupiter.api.Test;

class ProjectionTest {

    /** Events per stream and the last event type: a small model of what the services' ledgers do. */
    static final class StreamSummary implements Projection {
        @Override
        public String name() {
            return "stream-summary";
        }

        @Override
        public Uni<Void> apply(SqlConnection tx, StoredEvent event) {
            return tx.preparedQuery("""
                            insert into stream_summary (stream_id, events, last_type) values ($1, 1, $2)
                            on conflict (stream_id) do update set events = stream_summary.events + 1,
                                last_type = excluded.last_type""")
                    .execute(Tuple.of(event.streamId(), event.eventType())).replaceWithVoid();
        }

        @Override
        public Uni<Void> reset(SqlConnection tx) {
            return tx.query("delete from stream_summary").execute().replaceWithVoid();
        }

        @Override
        public String contentQuery() {
            return "select stream_id, events, last_type from stream_summary";
        }
    }

    @Test
    void aRebuiltProjectionHasTheSameChecksumAsTheLiveOne() {
        try (TestDatabase db = TestDatabase.freshSchema(6)) {
            db.pool().query("create table stream_summary (stream_id text primary key, events int not null, last_type text not null)")
                    .execute().await().indefinitely();
            EventStore store = new EventStore(db.pool());
            try (ProjectionRunner live = new ProjectionRunner(db.pool(), new StreamSummary(), null, 50, Duration.ofMillis(20))) {
                live.start();
                for (int s = 0; s < 20; s++) {
                    store.append("school-" + s, "School", ExpectedVersion.noStream(), Events.many("Registered.v1", 1 + s % 4))
                            .await().indefinitely();
                    store.append("school-" + s, "School", ExpectedVersion.any(), Events.many("Changed.v1", s % 3))
                            .await().indefinitely();
                }
                long expectedEvents = db.pool().query("select count(*) as n from events").execute().await().indefinitely()
                        .iterator().next().getLong("n");
                await().atMost(Duration.ofSeconds(30)).until(() -> db.pool()
                        .query("select coalesce(sum(events), 0) as n from stream_summary").execute().await().indefinitely()
                        .iterator().next().getLong("n") == expectedEvents);
            }
            ProjectionRunner runner = new ProjectionRunner(db.pool(), new StreamSummary(), null, 50, Duration.ofMillis(20));
            ProjectionRunner.Checksum liveChecksum = runner.checksum().await().indefinitely();
            assertEquals(20, liveChecksum.rows());

            assertEquals(0L, runner.catchUp().await().indefinitely(), "the live runner left nothing behind");
            runner.rebuild().await().indefinitely();
            assertEquals(liveChecksum, runner.checksum().await().indefinitely());

            // a damaged model is detected by the checksum and repaired by a rebuild
            db.pool().query("update stream_summary set events = events + 1 where stream_id = 'school-3'")
                    .execute().await().indefinitely();
            assertNotEquals(liveChecksum, runner.checksum().await().indefinitely());
            long replayed = runner.rebuild().await().indefinitely();
            assertEquals(liveChecksum, runner.checksum().await().indefinitely());
            assertEquals(db.pool().query("select count(*) as n from events").execute().await().indefinitely()
                    .iterator().next().getLong("n"), replayed);
        }
    }
}
