package org.junheng.evaluation.runs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junheng.contracts.evaluation.EvaluationEvent;
import org.junheng.contracts.evaluation.FindingEvent;
import org.junheng.evaluation.engine.DistrictEvaluation;
import org.junheng.evaluation.engine.Evaluator;
import org.junheng.evaluation.standard.Standard;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.ExpectedVersion;
import org.junheng.eventsourcing.FeedWorker;
import org.junheng.eventsourcing.NewEvent;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.StreamAppend;
import org.junheng.eventsourcing.published.PublishedEvents;

/**
 * Evaluates the district periods whose inputs changed. Each run claims one request ({@code for update skip locked},
 * so replicas share the work and never evaluate one district period twice at once), folds the period's history from
 * the log, evaluates, and appends what changed — results, readiness, findings — and removes the request, all in one
 * transaction. Input changes arriving meanwhile wait on the request row and mark the period again after the commit.
 */
public final class EvaluationRunner extends FeedWorker {

    public static final String STREAM_TYPE_EVALUATION = "Evaluation";
    public static final String STREAM_TYPE_FINDING = "Finding";
    private static final EventMetadata.Actor ACTOR = EventMetadata.Actor.system("indicator-evaluation");

    private final Pool pool;
    private final EventStore store;
    private final Standard standard;
    private final Duration settle;
    private final BooleanSupplier inputsComplete;

    /** What one run did. */
    public record Outcome(String district, int period, boolean appended, int raised, int reopened, int resolved,
                          int findingsOpen) {
    }

    /**
     * @param settle how long a district period's inputs must have been quiet before it is evaluated, so that an
     *               import arriving as many messages is evaluated once, complete, not school by school
     */
    public EvaluationRunner(Pool pool, EventStore store, Standard standard, Duration pollInterval, Duration settle) {
        this(pool, store, standard, pollInterval, settle, () -> true);
    }

    /**
     * @param inputsComplete whether the inputs consumer has caught up with its topic; the background loop evaluates
     *                       nothing until it has — after a crash or a rebalance the inputs recorded so far may be only
     *                       part of an import, and an evaluation of them would raise findings (and notices, tasks)
     *                       that the rest of the import then withdraws
     */
    public EvaluationRunner(Pool pool, EventStore store, Standard standard, Duration pollInterval, Duration settle,
                            BooleanSupplier inputsComplete) {
        super("evaluation-runner", pollInterval);
        this.pool = pool;
        this.store = store;
        this.standard = standard;
        this.settle = settle;
        this.inputsComplete = inputsComplete;
    }

    public static String evaluationStream(String district, int period) {
        return "evaluation/" + district + "/" + period;
    }

    public static String findingStreamPrefix(String district, int period) {
        return "finding/" + district + "/" + period + "/";
    }

    public static String findingStream(String district, int period, UUID findingId) {
        return findingStreamPrefix(district, period) + findingId;
    }

    @Override
    protected int step() {
        if (!inputsComplete.getAsBoolean()) {
            return 0;
        }
        return runNext().await().indefinitely().isPresent() ? 1 : 0;
    }

    /** Runs every pending request; returns what each run did. */
    public Uni<List<Outcome>> runAllPending() {
        List<Outcome> outcomes = new ArrayList<>();
        return drain(outcomes).replaceWith(outcomes);
    }

    private Uni<Void> drain(List<Outcome> outcomes) {
        return runNext().flatMap(outcome -> {
            if (outcome.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            outcomes.add(outcome.get());
            return drain(outcomes);
        });
    }

    /** Claims and runs one pending request; empty when none is waiting (or all are being run by others). */
    public Uni<Optional<Outcome>> runNext() {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        select district_code, period, correlation_id, caused_by from evaluation_requests
                        where requested_at <= now() - make_interval(secs => $1)
                        order by requested_at limit 1 for update skip locked""")
                .execute(Tuple.of(settle.toMillis() / 1000.0))
                .flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(Optional.<Outcome>empty());
                    }
                    Row request = rows.iterator().next();
                    String district = request.getString("district_code");
                    int period = request.getInteger("period");
                    EventMetadata metadata = new EventMetadata(district, request.getString("correlation_id"),
                            request.getString("caused_by"), ACTOR, null, null, null);
                    return evaluate(tx, district, period, metadata)
                            .call(() -> tx.preparedQuery(
                                            "delete from evaluation_requests where district_code = $1 and period = $2")
                                    .execute(Tuple.of(district, period)))
                            .map(Optional::of);
                }));
    }

    private Uni<Outcome> evaluate(SqlConnection tx, String district, int period, EventMetadata metadata) {
        return InputsLoader.load(tx, district, period).flatMap(inputs -> history(tx, district, period)
                .flatMap(history -> {
                    DistrictEvaluation evaluation = Evaluator.evaluate(standard, inputs);
                    Optional<RunDecision.Append> decision = RunDecision.decide(evaluation, history);
                    int open = evaluation.unmetItems().size();
                    if (decision.isEmpty()) {
                        return Uni.createFrom().item(new Outcome(district, period, false, 0, 0, 0, open));
                    }
                    RunDecision.Append append = decision.get();
                    return store.appendAll(tx, streams(district, period, append, history, metadata))
                            .map(ignored -> new Outcome(district, period, true, append.diff().raised().size(),
                                    append.diff().reopened().size(), append.diff().resolved().size(), open));
                }));
    }

    private static List<StreamAppend> streams(String district, int period, RunDecision.Append append,
                                              PeriodHistory history, EventMetadata metadata) {
        List<StreamAppend> appends = new ArrayList<>();
        List<NewEvent> evaluationEvents = new ArrayList<>();
        for (EvaluationEvent event : append.evaluationEvents()) {
            evaluationEvents.add(PublishedEvents.toNewEvent(event, metadata));
        }
        appends.add(new StreamAppend(evaluationStream(district, period), STREAM_TYPE_EVALUATION,
                ExpectedVersion.exactly(history.evaluationVersion()), evaluationEvents));
        for (FindingEvent finding : append.findingEvents()) {
            PeriodHistory.FindingState before = history.findings().get(finding.findingId());
            appends.add(new StreamAppend(findingStream(district, period, finding.findingId()), STREAM_TYPE_FINDING,
                    before == null ? ExpectedVersion.noStream() : ExpectedVersion.exactly(before.version()),
                    List.of(PublishedEvents.toNewEvent(finding, metadata.withSubject(finding.subject().key())))));
        }
        return appends;
    }

    /**
     * The period's history, read inside the run's transaction, with the previous year's findings for dynamic
     * monitoring (a finding rectified last year and unmet again is a regression).
     */
    private Uni<PeriodHistory> history(SqlConnection tx, String district, int period) {
        return store.readStreams(tx, List.of(evaluationStream(district, period)),
                        List.of(findingStreamPrefix(district, period), findingStreamPrefix(district, period - 1)))
                .map(events -> {
                    PeriodHistory history = PeriodHistory.empty();
                    java.util.Map<UUID, FindingEvent> earlier = new java.util.LinkedHashMap<>();
                    for (StoredEvent stored : events) {
                        var event = PublishedEvents.read(stored);
                        if (event instanceof FindingEvent finding && finding.period() != period) {
                            earlier.put(finding.findingId(), finding);
                        } else if (event instanceof FindingEvent finding) {
                            history.applyFinding(finding, stored.version());
                        } else {
                            history.applyEvaluation(event, stored.version());
                        }
                    }
                    earlier.values().forEach(history::applyEarlierFinding);
                    return history;
                });
    }
}
