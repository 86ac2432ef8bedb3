package org.junheng.eventsourcing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventStoreTest {

    static TestDatabase db;
    static EventStore store;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.freshSchema(12);
        store = new EventStore(db.pool(), new Upcasters()
                .register("Renamed.v1", "Renamed.v2", node -> {
                    node.set("title", node.remove("text"));
                    return node;
                }));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void appendsAndReadsAStreamInVersionOrderWithItsMetadata() {
        store.append("school-1", "School", ExpectedVersion.noStream(),
                List.of(Events.named("SchoolRegistered.v1", "重庆市大渡口区实验小学"), Events.named("SchoolProfileChanged.v1", "城区")))
                .await().indefinitely();
        List<StoredEvent> events = store.readStream("school-1").await().indefinitely();
        assertEquals(List.of(1L, 2L), events.stream().map(StoredEvent::version).toList());
        assertEquals("SchoolRegistered.v1", events.get(0).eventType());
        assertTrue(events.get(0).payloadJson().contains("重庆市大渡口区实验小学"));
        assertEquals(Events.METADATA, events.get(1).metadata());
        assertEquals(2L, store.currentVersion("school-1").await().indefinitely());
    }

    @Test
    void aStaleOrFutureExpectedVersionIsAConflictAndStoresNothing() {
        store.append("school-2", "School", ExpectedVersion.noStream(), Events.many("Created.v1", 2))
                .await().indefinitely();
        var stale = assertThrows(ConcurrencyConflictException.class, () -> store.append("school-2", "School",
                ExpectedVersion.exactly(1), Events.many("Changed.v1", 1)).await().indefinitely());
        assertEquals(List.of("school-2"), stale.streamIds());
        assertThrows(ConcurrencyConflictException.class, () -> store.append("school-2", "School",
                ExpectedVersion.exactly(5), Events.many("Changed.v1", 1)).await().indefinitely());
        assertThrows(ConcurrencyConflictException.class, () -> store.append("school-2", "School",
                ExpectedVersion.noStream(), Events.many("Changed.v1", 1)).await().indefinitely());
        assertEquals(2L, store.currentVersion("school-2").await().indefinitely());
    }

    @Test
    void concurrentAppendersOnOneStreamExactlyOneWinsPerVersion() {
        int writers = 8;
        int rounds = 15;
        for (int round = 0; round < rounds; round++) {
            long expected = round;
            List<Uni<Boolean>> attempts = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                attempts.add(store.append("contended", "Task", ExpectedVersion.exactly(expected),
                                List.of(Events.named("ProgressReported.v1", "writer " + w)))
                        .map(r -> true)
                        .onFailure(ConcurrencyConflictException.class).recoverWithItem(false));
            }
            List<Boolean> outcomes = Uni.join().all(attempts).andFailFast().await().indefinitely();
            assertEquals(1, outcomes.stream().filter(won -> won).count(), "winners in round " + round);
        }
        List<StoredEvent> stream = store.readStream("contended").await().indefinitely();
        assertEquals(LongStream.rangeClosed(1, rounds).boxed().toList(),
                stream.stream().map(StoredEvent::version).toList());
    }

    @Test
    void aBatchOfAHundredEventsIsOneStatementWithConsecutiveVersions() {
        AppendResult result = store.append("batch", "Import", ExpectedVersion.any(), Events.many("RowImported.v1", 100))
                .await().indefinitely();
        assertEquals(LongStream.rangeClosed(1, 100).boxed().toList(),
                result.events().stream().map(StoredEvent::version).toList());
        List<Long> positions = result.events().stream().map(e -> e.position().globalPosition()).toList();
        assertEquals(positions.stream().sorted().toList(), positions, "global positions follow the batch order");
        assertEquals(1, result.events().stream().map(e -> e.position().transactionId()).distinct().count());
    }

    @Test
    void aMultiStreamBatchIsAllOrNothing() {
        store.append("multi-b", "School", ExpectedVersion.noStream(), Events.many("Created.v1", 1)).await().indefinitely();
        List<StreamAppend> appends = List.of(
                new StreamAppend("multi-a", "School", ExpectedVersion.noStream(), Events.many("Created.v1", 3)),
                new StreamAppend("multi-b", "School", ExpectedVersion.noStream(), Events.many("Created.v1", 1)));
        var conflict = assertThrows(ConcurrencyConflictException.class,
                () -> store.append(db.pool(), appends).await().indefinitely());
        assertEquals(List.of("multi-a", "multi-b"), conflict.streamIds());
        assertEquals(0L, store.currentVersion("multi-a").await().indefinitely());

        AppendResult ok = store.append(db.pool(), List.of(
                new StreamAppend("multi-a", "School", ExpectedVersion.noStream(), Events.many("Created.v1", 3)),
                new StreamAppend("multi-b", "School", ExpectedVersion.exactly(1), Events.many("Changed.v1", 2))))
                .await().indefinitely();
        assertEquals(3L, ok.lastVersionOf("multi-a"));
        assertEquals(3L, ok.lastVersionOf("multi-b"));
    }

    @Test
    void aPrefixReadTakesExactlyTheStreamsUnderThePrefixInFeedOrder() {
        for (String stream : List.of("finding/500104/2024/a", "finding/500104/2024/b", "finding/500104/20240/x",
                "finding/500104/2023/c", "finding/500104/2024", "evaluation/500104/2024")) {
            store.append(stream, "Finding", ExpectedVersion.noStream(), Events.many("FindingRaised.v1", 1))
                    .await().indefinitely();
        }

        List<String> read = store.readStreams(db.pool(), List.of("evaluation/500104/2024"),
                List.of("finding/500104/2024/")).await().indefinitely().stream().map(StoredEvent::streamId).toList();

        assertEquals(List.of("finding/500104/2024/a", "finding/500104/2024/b", "evaluation/500104/2024"), read);
        assertEquals(List.of("finding/500104/2024/a", "finding/500104/2024/b"), store.readStreamsWithPrefix(
                "finding/500104/2024/").await().indefinitely().stream().map(StoredEvent::streamId).toList());
        assertEquals("finding0", EventStore.prefixEnd("finding/"));
        assertEquals("学校/2024/", EventStore.prefixEnd("学校/2024."));
    }

    @Test
    void readsAStreamAsOfAPastTime() {
        store.append("asof", "Task", ExpectedVersion.noStream(), Events.many("TaskOpened.v1", 1)).await().indefinitely();
        Instant between = db.pool().query("select clock_timestamp() as t").execute().await().indefinitely()
                .iterator().next().getOffsetDateTime("t").toInstant();
        store.append("asof", "Task", ExpectedVersion.exactly(1), Events.many("TaskAssigned.v1", 2)).await().indefinitely();

        assertEquals(1, store.readStream("asof", between).await().indefinitely().size());
        assertEquals(3, store.readStream("asof").await().indefinitely().size());
        long typesThen = store.fold("asof", between, 0L, (n, e) -> n + 1).await().indefinitely();
        assertEquals(1L, typesThen);
        int feedCountThen = new GlobalFeed(null).foldAsOf(db.pool(), between, 0,
                (n, e) -> e.streamId().equals("asof") ? n + 1 : n).await().indefinitely();
        assertEquals(1, feedCountThen);
    }

    @Test
    void oldEventVersionsAreUpcastOnRead() {
        store.append("upcast", "Thing", ExpectedVersion.noStream(), List.of(Events.named("Renamed.v1", "旧标题")))
                .await().indefinitely();
        StoredEvent event = store.readStream("upcast").await().indefinitely().get(0);
        assertEquals("Renamed.v2", event.eventType());
        assertTrue(event.payloadJson().contains("\"title\":\"旧标题\""), event.payloadJson());
    }

    @Test
    void theFeedNeverPassesAnEventOfATransactionStillRunning() {
        GlobalFeed feed = new GlobalFeed(null);
        FeedPosition end = lastPosition(feed);
        SqlConnection slow = db.pool().getConnection().await().indefinitely();
        try {
            var transaction = slow.begin().await().indefinitely();
            store.append(slow, List.of(new StreamAppend("slow", "T", ExpectedVersion.noStream(),
                    Events.many("Slow.v1", 1)))).await().indefinitely();
            store.append("fast", "T", ExpectedVersion.noStream(), Events.many("Fast.v1", 1)).await().indefinitely();

            assertEquals(List.of(), feed.readAfter(db.pool(), end, 100).await().indefinitely(),
                    "the committed 'fast' event waits behind the running 'slow' transaction");

            transaction.commit().await().indefinitely();
            List<String> streams = feed.readAfter(db.pool(), end, 100).await().indefinitely()
                    .stream().map(StoredEvent::streamId).toList();
            assertEquals(List.of("slow", "fast"), streams);
        } finally {
            slow.closeAndAwait();
        }
    }

    @Test
    void theFeedOrdersTransactionsNumericallyNotAsText() {
        // explicit small transaction ids: as text, '10' < '100' < '9'
        db.pool().query("""
                insert into events (transaction_id, stream_id, stream_type, version, event_id, event_type, payload)
                values ('100'::xid8, 'xid-order', 'T', 1, gen_random_uuid(), 'A.v1', '{}'),
                       ('9'::xid8, 'xid-order', 'T', 2, gen_random_uuid(), 'A.v1', '{}'),
                       ('10'::xid8, 'xid-order', 'T', 3, gen_random_uuid(), 'A.v1', '{}')""").execute().await().indefinitely();
        List<Long> transactions = new GlobalFeed(null).readAfter(db.pool(), FeedPosition.START, 3).await().indefinitely()
                .stream().map(e -> e.position().transactionId()).toList();
        assertEquals(List.of(9L, 10L, 100L), transactions);
    }

    private static FeedPosition lastPosition(GlobalFeed feed) {
        FeedPosition position = FeedPosition.START;
        while (true) {
            List<StoredEvent> page = feed.readAfter(db.pool(), position, 1000).await().indefinitely();
            if (page.isEmpty()) {
                return position;
            }
            position = page.get(page.size() - 1).position();
        }
    }
}
