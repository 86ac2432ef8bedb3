package org.junheng.eventsourcing.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;
import org.junheng.contracts.CloudEventHeaders;
import org.junheng.contracts.EventCatalog;
import org.junheng.contracts.PublishedEvent;
import org.junheng.eventsourcing.Tracing;
import org.junheng.eventsourcing.inbox.Inbox;
import org.junheng.eventsourcing.published.ConsumedEvent;
import org.junheng.eventsourcing.relay.CloudEventRecords;

/**
 * A Kafka consumer that one record cannot stop. Each record is read as a catalogue event (CloudEvent, known type,
 * payload valid against its schema, within the size limit) and handled once through the inbox. What cannot be
 * handled is parked in {@code dead_letters} and consumption goes on with the next record:
 * <ul>
 *   <li>a poison record (see {@link PoisonRecordException.Reason}) is parked at once;</li>
 *   <li>handling that fails the same way {@link Settings#attempts()} times is parked as {@code HANDLING_FAILED};</li>
 *   <li>an outage ({@link Failures#isTransient}) is retried with back-off until it passes and never parks.</li>
 * </ul>
 * Records come one at a time ({@link #consume}) or as a polled batch ({@link #consumeBatch}, the services' way: one
 * transaction per poll, falling back to one at a time when the batch cannot commit as a whole).
 * The returned {@code Uni} never fails, so the messaging channel stays healthy and its offset moves past the record
 * only once the record is handled or parked. A redelivered record finds its inbox row or its dead letter and changes
 * nothing.
 */
public final class GuardedConsumer {

    private static final Logger LOG = Logger.getLogger(GuardedConsumer.class);

    /** What the service does with one relevant event, in the inbox's transaction. */
    @FunctionalInterface
    public interface Handler {
        Uni<?> apply(SqlConnection transaction, ConsumedEvent event);
    }

    /** Told of every record parked: in the parking transaction (to record more with it), then after the commit. */
    public interface ParkListener {
        default Uni<Void> inTransaction(SqlConnection transaction, Parked parked) {
            return Uni.createFrom().voidItem();
        }

        default void committed(Parked parked) {
        }

        ParkListener NONE = new ParkListener() { };
    }

    /** A record just parked. {@code district} is the record's (header or key), null when it names none. */
    public record Parked(long id, String consumer, String topic, int partition, long offset,
                         PoisonRecordException.Reason reason, String error, String district) {
    }

    /**
     * @param maxRecordBytes larger values are parked unread
     * @param attempts       how often handling may fail the same way before the record is parked
     * @param firstBackoff   the wait after the first failure; it doubles up to {@code maxBackoff}
     */
    public record Settings(int maxRecordBytes, int attempts, Duration firstBackoff, Duration maxBackoff) {
        public static final Settings DEFAULT = new Settings(1024 * 1024, 3, Duration.ofMillis(200),
                Duration.ofSeconds(10));
    }

    private final Pool pool;
    private final String name;
    /** The event classes this consumer handles, asked of a record's CloudEvents type before its payload is read. */
    private final Predicate<Class<? extends PublishedEvent>> relevant;
    private final Handler handler;
    private final Settings settings;
    private final ParkListener listener;
    private final Inbox inbox;
    private final DeadLetters deadLetters;

    public GuardedConsumer(Pool pool, String name, Predicate<Class<? extends PublishedEvent>> relevant, Handler handler,
                           Settings settings, ParkListener listener) {
        this.pool = pool;
        this.name = name;
        this.relevant = relevant;
        this.handler = handler;
        this.settings = settings;
        this.listener = listener;
        this.inbox = new Inbox(pool, name);
        this.deadLetters = new DeadLetters(pool);
    }

    /** The consumer's name: its inbox's and its dead letters' {@code consumer} column. */
    public String name() {
        return name;
    }

    /** Handles or parks the record, under its trace; never fails. */
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return Tracing.under(CloudEventRecords.header(record, CloudEventHeaders.TRACEPARENT).orElse(null),
                () -> attempt(record, 1, 0));
    }

    /**
     * Handles a polled batch as one unit of work: the inbox rows of all its records in one statement, and their
     * effects, in one transaction — one commit where there were as many as records. When the batch cannot commit as
     * a whole (a poison record in it, a handler failing, an outage), nothing of it is kept and its records go the
     * one-at-a-time way ({@link #consume}), each handled, waited for or parked on its own — so a bad record costs its
     * batch a second pass, never an effect lost or doubled. Never fails.
     */
    public Uni<Void> consumeBatch(ConsumerRecords<String, byte[]> polled) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
        polled.forEach(records::add); // partition by partition, each in offset order
        return consumeBatch(records);
    }

    /** {@link #consumeBatch(ConsumerRecords)} of records in the order given. */
    public Uni<Void> consumeBatch(List<ConsumerRecord<String, byte[]>> records) {
        if (records.size() <= 1) {
            return records.isEmpty() ? Uni.createFrom().voidItem() : consume(records.get(0));
        }
        return Uni.createFrom().item(() -> {
                    List<ConsumedEvent> relevant = new ArrayList<>(records.size());
                    records.forEach(record -> read(record).ifPresent(relevant::add));
                    return relevant;
                })
                .flatMap(relevant -> relevant.isEmpty() ? Uni.createFrom().voidItem()
                        : pool.withTransaction(tx -> inbox.claim(tx, relevant.stream().map(ConsumedEvent::id).toList())
                        .flatMap(fresh -> {
                            Uni<Void> steps = Uni.createFrom().voidItem();
                            for (ConsumedEvent event : relevant) {
                                // in the batch's order; an id twice in the batch is applied once
                                if (fresh.remove(event.id())) {
                                    steps = steps.flatMap(ignored -> Tracing.under(event.traceparent(),
                                            () -> handler.apply(tx, event).replaceWithVoid()));
                                }
                            }
                            return steps;
                        })))
                .onFailure().recoverWithUni(failure -> {
                    LOG.infof("%s: a batch of %d from %s-%d@%d did not commit as a whole (%s); one at a time", name,
                            records.size(), records.get(0).topic(), records.get(0).partition(),
                            records.get(0).offset(), describe(failure));
                    return oneAtATime(records);
                });
    }

    private Uni<Void> oneAtATime(List<ConsumerRecord<String, byte[]>> records) {
        Uni<Void> steps = Uni.createFrom().voidItem();
        for (ConsumerRecord<String, byte[]> record : records) {
            steps = steps.flatMap(ignored -> consume(record));
        }
        return steps;
    }

    /**
     * One more try of a parked record (after a fix), in one transaction with its settlement: either the record's
     * effect and {@code RETRIED} commit together, or nothing changes and the failure is returned.
     */
    public Uni<Void> retry(DeadLetter letter, String actor) {
        ConsumerRecord<String, byte[]> record = DeadLetters.record(letter);
        return Uni.createFrom().item(() -> read(record)).flatMap(consumed -> pool.withTransaction(tx ->
                        (consumed.isPresent() ? inbox.process(tx, consumed.get().id(),
                                t -> handler.apply(t, consumed.get())) : Uni.createFrom().item(Inbox.Outcome.DUPLICATE))
                                .flatMap(outcome -> deadLetters.settle(tx, letter.id(), DeadLetter.Status.RETRIED,
                                        actor, outcome == Inbox.Outcome.APPLIED ? "重新处理成功 (handled)"
                                                : "已处理过或无需处理 (already handled or not for this consumer)"))
                                .replaceWithVoid()))
                .onFailure(failure -> !Failures.isTransient(failure)).call(failure -> deadLetters.failedAgain(
                        letter.id(), failure instanceof PoisonRecordException poison ? poison.reason()
                                : PoisonRecordException.Reason.HANDLING_FAILED, describe(failure)));
    }

    private Uni<Void> attempt(ConsumerRecord<String, byte[]> record, int attempt, int outages) {
        return Uni.createFrom().item(() -> read(record))
                .flatMap(consumed -> consumed.isEmpty() ? Uni.createFrom().voidItem()
                        : inbox.process(consumed.get().id(), tx -> handler.apply(tx, consumed.get())).replaceWithVoid())
                .onFailure().recoverWithUni(failure -> {
                    if (failure instanceof PoisonRecordException poison) {
                        return park(record, poison.reason(), poison.getMessage(), attempt);
                    }
                    if (Failures.isTransient(failure)) {
                        Duration wait = backoff(outages);
                        LOG.warnf("%s: %s-%d@%d waits for an outage to pass (%s); retrying in %d ms", name,
                                record.topic(), record.partition(), record.offset(), describe(failure),
                                wait.toMillis());
                        return pause(wait).flatMap(ignored -> attempt(record, attempt, outages + 1));
                    }
                    if (attempt >= settings.attempts()) {
                        return park(record, PoisonRecordException.Reason.HANDLING_FAILED, describe(failure), attempt);
                    }
                    LOG.warnf(failure, "%s: handling %s-%d@%d failed (attempt %d of %d)", name, record.topic(),
                            record.partition(), record.offset(), attempt, settings.attempts());
                    return pause(backoff(attempt - 1)).flatMap(ignored -> attempt(record, attempt + 1, outages));
                });
    }

    /** The record as a relevant event; empty when it is one this consumer has nothing to do with. */
    private Optional<ConsumedEvent> read(ConsumerRecord<String, byte[]> record) {
        if (record.value() != null && record.value().length > settings.maxRecordBytes()) {
            throw new PoisonRecordException(PoisonRecordException.Reason.TOO_LARGE, "记录过大 (record too large): "
                    + record.value().length + " bytes > " + settings.maxRecordBytes());
        }
        // a type this consumer has no use for is passed over unread: parsing and checking it against its schema is the
        // work of the consumers that use it (rectification has no use for two in three evaluation records)
        Optional<Class<? extends PublishedEvent>> type = CloudEventRecords.header(record, CloudEventRecords.TYPE_HEADER)
                .flatMap(EventCatalog::findByCeType).map(EventCatalog.Entry::eventClass);
        if (type.isPresent() && !relevant.test(type.get())) {
            return Optional.empty();
        }
        return Optional.of(ConsumedEvent.read(record));
    }

    /** Relevance for a consumer of the events of these classes (and their subtypes). */
    @SafeVarargs
    public static Predicate<Class<? extends PublishedEvent>> anyOf(Class<? extends PublishedEvent>... types) {
        List<Class<? extends PublishedEvent>> accepted = List.of(types);
        return type -> accepted.stream().anyMatch(supertype -> supertype.isAssignableFrom(type));
    }

    private Uni<Void> park(ConsumerRecord<String, byte[]> record, PoisonRecordException.Reason reason, String error,
                           int attempts) {
        return parkOnce(record, reason, error, attempts)
                .onFailure(failure -> !Failures.isTransient(failure)).recoverWithUni(failure -> {
                    // what cannot be stored as it came (a value the database refuses): park where it was, and why
                    LOG.errorf(failure, "%s: parking %s-%d@%d as it came failed; parking it without its value", name,
                            record.topic(), record.partition(), record.offset());
                    return parkOnce(stripped(record), reason, error + " — 原记录无法存储 (value not storable: "
                            + describe(failure) + ")", attempts);
                })
                // the database may be down too: parking waits for it like any outage (never skip unparked)
                .onFailure().invoke(failure -> LOG.warnf("%s: parking %s-%d@%d failed (%s); retrying", name,
                        record.topic(), record.partition(), record.offset(), describe(failure)))
                .onFailure().retry().withBackOff(settings.firstBackoff(), settings.maxBackoff()).indefinitely()
                .invoke(parked -> parked.ifPresent(p -> {
                    LOG.warnf("%s: parked %s-%d@%d as %s: %s", name, record.topic(), record.partition(),
                            record.offset(), reason, error);
                    listener.committed(p);
                }))
                .replaceWithVoid();
    }

    private Uni<Optional<Parked>> parkOnce(ConsumerRecord<String, byte[]> record, PoisonRecordException.Reason reason,
                                          String error, int attempts) {
        String district = districtOf(record);
        return pool.withTransaction(tx -> deadLetters.park(tx, name, record, reason, error, attempts)
                .flatMap(id -> {
                    if (id.isEmpty()) {
                        return Uni.createFrom().item(Optional.<Parked>empty());
                    }
                    Parked parked = new Parked(id.get(), name, record.topic(), record.partition(),
                            record.offset(), reason, error, district);
                    return listener.inTransaction(tx, parked).replaceWith(Optional.of(parked));
                }));
    }

    /** The record's district: its {@code junheng_district} header, else the district its key starts with. */
    static String districtOf(ConsumerRecord<String, byte[]> record) {
        Optional<String> header = CloudEventRecords.header(record, CloudEventHeaders.DISTRICT)
                .filter(d -> d.matches("[0-9]{6}"));
        if (header.isPresent()) {
            return header.get();
        }
        String key = record.key();
        return key != null && key.matches("[0-9]{6}(/.*)?") ? key.substring(0, 6) : null;
    }

    private static ConsumerRecord<String, byte[]> stripped(ConsumerRecord<String, byte[]> record) {
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(), null);
    }

    private Duration backoff(int failuresBefore) {
        long millis = settings.firstBackoff().toMillis() << Math.min(failuresBefore, 16);
        return Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
    }

    private static Uni<Void> pause(Duration wait) {
        return Uni.createFrom().voidItem().onItem().delayIt().by(wait);
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
