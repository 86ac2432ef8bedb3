package org.junheng.eventsourcing.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junheng.contracts.LocationClass;
import org.junheng.contracts.Ownership;
import org.junheng.contracts.SchoolType;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.FeedPosition;
import org.junheng.eventsourcing.NewEvent;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.TestDatabase;
import org.junheng.eventsourcing.published.CatalogRouter;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.eventsourcing.relay.CloudEventRecords;
import org.junit.jupiter.api.Test;

/** The guarded consumer against the real database: what parks, what waits, what a retry does. */
class GuardedConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final GuardedConsumer.Settings FAST = new GuardedConsumer.Settings(4096, 3, Duration.ofMillis(5),
            Duration.ofMillis(40));

    @Test
    void everyKindOfPoisonIsParkedOnceAndTheNextRecordIsStillHandled() {
        try (TestDatabase db = TestDatabase.freshSchema(4)) {
            List<String> handled = new ArrayList<>();
            List<GuardedConsumer.Parked> parked = new ArrayList<>();
            GuardedConsumer consumer = consumer(db, (tx, event) -> {
                handled.add(((SchoolEvent.SchoolRegistered) event.event()).schoolCode());
                return Uni.createFrom().voidItem();
            }, parked);

            ConsumerRecord<String, byte[]> valid = valid("5001040001", 0);
            List<ConsumerRecord<String, byte[]>> poison = List.of(
                    raw(1, "this is not a cloud event".getBytes(StandardCharsets.UTF_8), new RecordHeaders()),
                    withType(valid, 2, "org.junheng.school-data.SchoolTeleported.v1"),
                    withValue(valid, 3, "{\"districtCode\": \"500104\", ".getBytes(StandardCharsets.UTF_8)),
                    withValue(valid, 4, "{\"districtCode\": 42}".getBytes(StandardCharsets.UTF_8)),
                    withValue(valid, 5, new byte[5000]));
            for (ConsumerRecord<String, byte[]> record : poison) {
                consumer.consume(record).await().atMost(WAIT);
                consumer.consume(record).await().atMost(WAIT); // redelivered after a restart: parked once
            }
            consumer.consume(valid("5001040002", 6)).await().atMost(WAIT);

            assertEquals(List.of("5001040002"), handled);
            List<DeadLetter> letters = new DeadLetters(db.pool()).list(DeadLetter.Status.PARKED, null, 100)
                    .await().atMost(WAIT);
            assertEquals(List.of(PoisonRecordException.Reason.NOT_A_CLOUDEVENT,
                    PoisonRecordException.Reason.UNKNOWN_TYPE, PoisonRecordException.Reason.INVALID_PAYLOAD,
                    PoisonRecordException.Reason.INVALID_PAYLOAD, PoisonRecordException.Reason.TOO_LARGE),
                    letters.stream().sorted(java.util.Comparator.comparingLong(DeadLetter::offset))
                            .map(DeadLetter::reason).toList());
            assertEquals(5, parked.size(), "the listener hears of each parked record once");
            DeadLetter schema = letters.stream().filter(l -> l.offset() == 4).findFirst().orElseThrow();
            assertTrue(schema.error().contains("JSON Schema"), schema.error());
            assertEquals("500104/5001040001", schema.key());
            assertEquals("{\"districtCode\": 42}", DeadLetter.text(schema.value()));
            assertTrue(schema.headers().stream().anyMatch(h -> h.key().equals("ce_type")));
            DeadLetter notCloudEvent = letters.stream().filter(l -> l.offset() == 1).findFirst().orElseThrow();
            assertEquals("this is not a cloud event", DeadLetter.text(notCloudEvent.value()));
            assertEquals(java.util.Map.of("test", 5L), new DeadLetters(db.pool()).parkedCounts().await().atMost(WAIT));
        }
    }

    @Test
    void handlingThatFailsTheSameWayIsParkedAfterItsAttemptsAndARetryAfterTheFixAppliesItOnce() {
        try (TestDatabase db = TestDatabase.freshSchema(4)) {
            AtomicBoolean fixed = new AtomicBoolean(false);
            AtomicInteger calls = new AtomicInteger();
            db.pool().query("create table effects (school text primary key)").execute().await().atMost(WAIT);
            GuardedConsumer consumer = consumer(db, (tx, event) -> {
                calls.incrementAndGet();
                String school = ((SchoolEvent.SchoolRegistered) event.event()).schoolCode();
                if (!fixed.get() && school.endsWith("1")) {
                    return Uni.createFrom().failure(new IllegalStateException("no campaign for this district"));
                }
                return tx.preparedQuery("insert into effects values ($1)").execute(Tuple.of(school));
            }, new ArrayList<>());

            ConsumerRecord<String, byte[]> broken = valid("5001040001", 10);
            consumer.consume(broken).await().atMost(WAIT);
            assertEquals(3, calls.get(), "three attempts before parking");
            consumer.consume(valid("5001040002", 11)).await().atMost(WAIT);
            assertEquals(List.of("5001040002"), effects(db));

            DeadLetters deadLetters = new DeadLetters(db.pool());
            DeadLetter letter = deadLetters.list(DeadLetter.Status.PARKED, "test", 10).await().atMost(WAIT).get(0);
            assertEquals(PoisonRecordException.Reason.HANDLING_FAILED, letter.reason());
            assertEquals(3, letter.attempts());
            assertTrue(letter.error().contains("no campaign"), letter.error());

            // still broken: the retry fails, nothing changes but the count of attempts
            assertThrows(IllegalStateException.class, () -> consumer.retry(letter, "u-admin;admin;").await()
                    .atMost(WAIT));
            DeadLetter again = deadLetters.find(letter.id()).await().atMost(WAIT).orElseThrow();
            assertEquals(DeadLetter.Status.PARKED, again.status());
            assertEquals(4, again.attempts());
            assertEquals(List.of("5001040002"), effects(db));

            fixed.set(true);
            consumer.retry(again, "u-admin;admin;").await().atMost(WAIT);
            DeadLetter retried = deadLetters.find(letter.id()).await().atMost(WAIT).orElseThrow();
            assertEquals(DeadLetter.Status.RETRIED, retried.status());
            assertEquals("u-admin;admin;", retried.resolvedBy());
            assertEquals(List.of("5001040001", "5001040002"), effects(db));

            // the same record redelivered (say the offset commit was lost) finds its inbox row: not handled again
            int before = calls.get();
            consumer.consume(broken).await().atMost(WAIT);
            assertEquals(before, calls.get());
            assertEquals(List.of("5001040001", "5001040002"), effects(db));
            assertEquals(java.util.Map.of(), deadLetters.parkedCounts().await().atMost(WAIT));
        }
    }

    @Test
    void anOutageIsWaitedOutAndNeverParks() {
        try (TestDatabase db = TestDatabase.freshSchema(4)) {
            AtomicInteger calls = new AtomicInteger();
            GuardedConsumer consumer = consumer(db, (tx, event) -> calls.incrementAndGet() <= 6
                    ? Uni.createFrom().failure(new PgException("terminating connection due to administrator command",
                    "FATAL", "57P01", null))
                    : Uni.createFrom().voidItem(), new ArrayList<>());

            consumer.consume(valid("5001040001", 20)).await().atMost(WAIT);

            assertEquals(7, calls.get(), "six outages outlast the three attempts a poison record gets");
            assertEquals(java.util.Map.of(), new DeadLetters(db.pool()).parkedCounts().await().atMost(WAIT));
            assertEquals(1L, db.pool().query("select count(*) as n from inbox").execute().await().atMost(WAIT)
                    .iterator().next().getLong("n"));
        }
    }

    @Test
    void anEventTheConsumerHasNoUseForIsPassedOverUnreadWithoutAnInboxRow() {
        try (TestDatabase db = TestDatabase.freshSchema(2)) {
            List<GuardedConsumer.Parked> parked = new ArrayList<>();
            GuardedConsumer consumer = new GuardedConsumer(db.pool(), "test",
                    GuardedConsumer.anyOf(SchoolEvent.SchoolClosed.class),
                    (tx, event) -> Uni.createFrom().failure(new AssertionError("not for this consumer")), FAST,
                    new GuardedConsumer.ParkListener() {
                        @Override
                        public void committed(GuardedConsumer.Parked p) {
                            parked.add(p);
                        }
                    });
            ConsumerRecord<String, byte[]> registered = valid("5001040001", 30);
            consumer.consume(registered).await().atMost(WAIT);
            // its type says it is nothing for this consumer: its payload is not even read, so a broken one is no poison
            consumer.consumeBatch(List.of(withValue(registered, 31, "{\"districtCode\": 42}".getBytes(
                    StandardCharsets.UTF_8)))).await().atMost(WAIT);
            assertEquals(0L, db.pool().query("select count(*) as n from inbox").execute().await().atMost(WAIT)
                    .iterator().next().getLong("n"));
            assertEquals(List.of(), parked);

            // what the type cannot vouch for is still poison: no CloudEvent, an unknown type, a record too large
            consumer.consume(raw(32, "this is not a cloud event".getBytes(StandardCharsets.UTF_8),
                    new RecordHeaders())).await().atMost(WAIT);
            consumer.consume(withType(registered, 33, "org.junheng.school-data.SchoolTeleported.v1"))
                    .await().atMost(WAIT);
            consumer.consume(withValue(registered, 34, new byte[5000])).await().atMost(WAIT);
            assertEquals(List.of(PoisonRecordException.Reason.NOT_A_CLOUDEVENT,
                    PoisonRecordException.Reason.UNKNOWN_TYPE, PoisonRecordException.Reason.TOO_LARGE),
                    parked.stream().map(GuardedConsumer.Parked::reason).toList());
        }
    }

    @Test
    void relevanceByATypeCoversItsSubtypes() {
        var relevant = GuardedConsumer.anyOf(SchoolEvent.class);
        assertTrue(relevant.test(SchoolEvent.SchoolRegistered.class));
        assertTrue(!GuardedConsumer.anyOf(SchoolEvent.SchoolClosed.class).test(SchoolEvent.SchoolRegistered.class));
    }

    @Test
    void aBatchCommitsAsOneTransactionAndRedeliveredChangesNothing() {
        try (TestDatabase db = TestDatabase.freshSchema(4)) {
            AtomicInteger calls = new AtomicInteger();
            db.pool().query("create table effects (school text primary key)").execute().await().atMost(WAIT);
            GuardedConsumer consumer = consumer(db, (tx, event) -> {
                calls.incrementAndGet();
                return tx.preparedQuery("insert into effects values ($1)")
                        .execute(Tuple.of(((SchoolEvent.SchoolRegistered) event.event()).schoolCode()));
            }, new ArrayList<>());
            // a poll as the connector hands it over: two partitions, the same message twice (applied once)
            List<ConsumerRecord<String, byte[]>> first = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                first.add(valid("500104000" + i, 40 + i));
            }
            first.add(first.get(2));
            List<ConsumerRecord<String, byte[]>> second = List.of(onPartition(valid("5001040004", 7), 1),
                    onPartition(valid("5001040005", 8), 1));
            var tp = new org.apache.kafka.common.TopicPartition(first.get(0).topic(), 0);
            var polled = new org.apache.kafka.clients.consumer.ConsumerRecords<>(java.util.Map.of(tp, first,
                    new org.apache.kafka.common.TopicPartition(first.get(0).topic(), 1), second));
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(first);
            batch.addAll(second);

            consumer.consumeBatch(polled).await().atMost(WAIT);

            assertEquals(List.of("5001040001", "5001040002", "5001040003", "5001040004", "5001040005"), effects(db));
            assertEquals(5, calls.get());
            // the five inbox rows and five effects were written by one transaction
            assertEquals(1L, db.pool().query("select count(distinct xmin::text) as n from (select xmin from inbox "
                    + "union all select xmin from effects) rows").execute().await().atMost(WAIT).iterator().next()
                    .getLong("n"));

            consumer.consumeBatch(batch).await().atMost(WAIT); // redelivered (the offset commit was lost)
            assertEquals(5, calls.get(), "a redelivered batch finds its inbox rows");
            assertEquals(5, effects(db).size());
        }
    }

    @Test
    void aBatchThatCannotCommitKeepsNothingAndEachRecordGoesOnItsOwn() {
        try (TestDatabase db = TestDatabase.freshSchema(4)) {
            db.pool().query("create table effects (school text primary key)").execute().await().atMost(WAIT);
            List<GuardedConsumer.Parked> parked = new ArrayList<>();
            java.util.Map<String, Integer> calls = new java.util.concurrent.ConcurrentHashMap<>();
            AtomicInteger outages = new AtomicInteger();
            GuardedConsumer consumer = consumer(db, (tx, event) -> {
                String school = ((SchoolEvent.SchoolRegistered) event.event()).schoolCode();
                calls.merge(school, 1, Integer::sum);
                if (school.equals("5001040005") && outages.incrementAndGet() <= 2) {
                    return Uni.createFrom().failure(new PgException("terminating connection due to administrator "
                            + "command", "FATAL", "57P01", null));
                }
                if (school.equals("5001040007")) {
                    return Uni.createFrom().failure(new IllegalStateException("no campaign for this district"));
                }
                // a second effect of the same record would break the primary key, and the record would park
                return tx.preparedQuery("insert into effects values ($1)").execute(Tuple.of(school));
            }, parked);
            ConsumerRecord<String, byte[]> poison = withValue(valid("5001040009", 0), 52,
                    "{\"districtCode\": 42}".getBytes(StandardCharsets.UTF_8));

            // a poison record: the poll is read again one at a time, the poison parked, the others applied
            consumer.consumeBatch(List.of(valid("5001040001", 51), poison, valid("5001040003", 53)))
                    .await().atMost(WAIT);
            // an outage after a record already applied in the batch: all of it rolls back; on their own, the outage
            // is waited out, the record applied before it applied again exactly once, the failing one parked after
            // its attempts, the rest applied once
            consumer.consumeBatch(List.of(valid("5001040004", 54), valid("5001040005", 55), valid("5001040006", 56),
                    valid("5001040007", 57))).await().atMost(WAIT);

            assertEquals(2, calls.get("5001040004"), "applied in the batch, rolled back, applied on its own");
            assertEquals(1, calls.get("5001040001"), "a poll with a poison record is not tried as a batch");
            assertEquals(List.of("5001040001", "5001040003", "5001040004", "5001040005", "5001040006"), effects(db));
            assertEquals(List.of(52L, 57L), parked.stream().map(GuardedConsumer.Parked::offset).sorted().toList());
            assertEquals(List.of(PoisonRecordException.Reason.INVALID_PAYLOAD,
                    PoisonRecordException.Reason.HANDLING_FAILED), parked.stream()
                    .sorted(java.util.Comparator.comparingLong(GuardedConsumer.Parked::offset))
                    .map(GuardedConsumer.Parked::reason).toList());
            assertEquals(5L, db.pool().query("select count(*) as n from inbox").execute().await().atMost(WAIT)
                    .iterator().next().getLong("n"), "an inbox row for each record applied, none for the parked");
        }
    }

    @Test
    void workUnderARecordsTraceLeavesTheCurrentContextAsItWas() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        io.opentelemetry.context.Context before = io.opentelemetry.context.Context.current();
        // off a Vert.x context (a test's thread) the work runs as it is
        assertEquals("done", org.junheng.eventsourcing.Tracing.under(traceparent,
                () -> Uni.createFrom().item("done")).await().atMost(WAIT));
        assertThrows(IllegalStateException.class, () -> org.junheng.eventsourcing.Tracing.<String>under(traceparent,
                () -> {
                    throw new IllegalStateException("thrown while building the work");
                }).await().atMost(WAIT));
        assertEquals(before, io.opentelemetry.context.Context.current());
        // on a Vert.x context the record's span is current while the work runs, and gone after it ends
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            java.util.concurrent.CompletableFuture<String> seen = new java.util.concurrent.CompletableFuture<>();
            vertx.runOnContext(ignored -> org.junheng.eventsourcing.Tracing.under(traceparent, () -> Uni.createFrom()
                            .item(() -> io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId()))
                    .subscribe().with(traceId -> seen.complete(traceId + " then " + io.opentelemetry.api.trace.Span
                            .current().getSpanContext().isValid()), seen::completeExceptionally));
            assertEquals("4bf92f3577b34da6a3ce929d0e0e4736 then false", seen.get(30, java.util.concurrent.TimeUnit
                    .SECONDS));
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            vertx.close();
        }
    }

    @Test
    void outagesAreToldFromBadRecords() {
        assertTrue(Failures.isTransient(new PgException("connection failure", "FATAL", "08006", null)));
        assertTrue(Failures.isTransient(new PgException("deadlock detected", "ERROR", "40P01", null)));
        assertTrue(Failures.isTransient(new RuntimeException(new java.net.ConnectException("Connection refused"))));
        assertTrue(Failures.isTransient(new org.apache.kafka.common.errors.TimeoutException("metadata")));
        assertTrue(!Failures.isTransient(new PgException("invalid byte sequence", "ERROR", "22021", null)));
        assertTrue(!Failures.isTransient(new PgException("duplicate key", "ERROR", "23505", null)));
        assertTrue(!Failures.isTransient(new IllegalStateException("no campaign")));
        assertTrue(!Failures.isTransient(new NullPointerException()));
    }

    private static List<String> effects(TestDatabase db) {
        List<String> schools = new ArrayList<>();
        db.pool().query("select school from effects order by school").execute().await().atMost(WAIT)
                .forEach(row -> schools.add(row.getString("school")));
        return schools;
    }

    private static GuardedConsumer consumer(TestDatabase db, GuardedConsumer.Handler handler,
                                            List<GuardedConsumer.Parked> parked) {
        return new GuardedConsumer(db.pool(), "test", type -> true, handler, FAST, new GuardedConsumer.ParkListener() {
            @Override
            public void committed(GuardedConsumer.Parked p) {
                parked.add(p);
            }
        });
    }

    /** A SchoolRegistered record as the relay writes it, at {@code offset}. */
    static ConsumerRecord<String, byte[]> valid(String school, long offset) {
        var registered = new SchoolEvent.SchoolRegistered("500104", school, new SchoolProfile("重庆市大渡口区实验小学",
                SchoolType.PRIMARY, LocationClass.URBAN, Ownership.PUBLIC, false, 1956, List.of()));
        NewEvent event = PublishedEvents.toNewEvent(registered, EventMetadata.NONE);
        StoredEvent stored = new StoredEvent(new FeedPosition(1, offset), "school/500104/" + school, "School", 1,
                event.eventId(), event.eventType(), event.payloadJson(), event.metadata(), Instant.now());
        ProducerRecord<String, byte[]> produced = CloudEventRecords.toRecord(stored,
                new CatalogRouter().route(stored), URI.create("/junheng/test"));
        RecordHeaders headers = new RecordHeaders(produced.headers().toArray());
        return new ConsumerRecord<>(produced.topic(), 0, offset, -1L, TimestampType.NO_TIMESTAMP_TYPE, -1,
                produced.value().length, produced.key(), produced.value(), headers, java.util.Optional.empty());
    }

    private static ConsumerRecord<String, byte[]> raw(long offset, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>("junheng.school-data.v1", 0, offset, -1L, TimestampType.NO_TIMESTAMP_TYPE, -1,
                value.length, null, value, headers, java.util.Optional.empty());
    }

    private static ConsumerRecord<String, byte[]> onPartition(ConsumerRecord<String, byte[]> record, int partition) {
        return new ConsumerRecord<>(record.topic(), partition, record.offset(), -1L, TimestampType.NO_TIMESTAMP_TYPE,
                -1, record.value().length, record.key(), record.value(), new RecordHeaders(record.headers().toArray()),
                java.util.Optional.empty());
    }

    private static ConsumerRecord<String, byte[]> withValue(ConsumerRecord<String, byte[]> record, long offset,
                                                            byte[] value) {
        return new ConsumerRecord<>(record.topic(), 0, offset, -1L, TimestampType.NO_TIMESTAMP_TYPE, -1,
                value.length, record.key(), value, new RecordHeaders(record.headers().toArray()),
                java.util.Optional.empty());
    }

    private static ConsumerRecord<String, byte[]> withType(ConsumerRecord<String, byte[]> record, long offset,
                                                           String type) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove("ce_type");
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        // a fresh id, or the inbox would take it for the valid record already seen
        headers.remove("ce_id");
        headers.add("ce_id", java.util.UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(record.topic(), 0, offset, -1L, TimestampType.NO_TIMESTAMP_TYPE, -1,
                record.value().length, record.key(), record.value(), headers, java.util.Optional.empty());
    }
}
