package org.junheng.rectification.tasks;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junheng.contracts.evaluation.EvaluationEvent.CountyEvaluated;
import org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged;
import org.junheng.contracts.evaluation.FindingEvent;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.consumer.GuardedConsumer;
import org.junheng.rectification.lifecycle.DataGapFollowUp;
import org.junheng.rectification.lifecycle.FindingFollowUp;
import org.junheng.rectification.recognition.Recognition;
import org.junheng.rectification.recognition.RecognitionStore;
import org.junheng.rectification.settings.DistrictSettings;
import org.junheng.service.consumers.ConsumerGuards;

/**
 * Findings become tasks: raised → opened (departments from the district's matrix, due date from its campaign),
 * resolved → verified by data for the office's review, reopened → reopened (or opened, for a regression of an earlier
 * year); the data a readiness verdict lacks become 报送 tasks, closed when the data arrive. Each
 * message is applied once (inbox), and a task's id is derived from its finding's, so replays open nothing twice.
 */
// created at start, not at the first record: its guard must be known to the parked-records API from the start
@Startup
@ApplicationScoped
public class FindingConsumer {

    private static final EventMetadata.Actor ACTOR = EventMetadata.Actor.system("rectification");

    private final GuardedConsumer guarded;
    private final TaskStore tasks;
    private final DistrictSettings settings;
    private final Clock clock;
    private final RecognitionStore recognition;

    public FindingConsumer(ConsumerGuards guards, TaskStore tasks, DistrictSettings settings, Clock clock,
                           RecognitionStore recognition) {
        // findings become tasks; the county results and readiness are kept for the rectification report
        this.guarded = guards.guard("rectification/evaluation",
                GuardedConsumer.anyOf(FindingEvent.class, CountyEvaluated.class, ReadinessChanged.class),
                (tx, consumed) -> {
                    if (consumed.event() instanceof FindingEvent finding) {
                        return apply(tx, finding, consumed.causedBy(ACTOR)).replaceWithVoid();
                    }
                    if (consumed.event() instanceof ReadinessChanged readiness) {
                        return followGaps(tx, readiness, consumed.id(), consumed.causedBy(ACTOR))
                                .flatMap(ignored -> keep(tx, consumed));
                    }
                    return keep(tx, consumed);
                });
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
        this.recognition = recognition;
    }

    @Incoming("evaluation")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> polled) {
        return guarded.consumeBatch(polled);
    }

    Uni<Long> apply(SqlConnection tx, FindingEvent finding, EventMetadata metadata) {
        var taskId = TaskStore.taskIdFor(finding.findingId());
        LocalDate today = LocalDate.now(clock);
        Uni<Long> task = settings.of(tx, finding.districtCode()).flatMap(district -> tasks.on(taskId, metadata)
                .commands(state -> FindingFollowUp.commandsFor(finding, state, taskId, district.matrix(),
                        district.campaign(), today))
                .run(tx).map(handled -> handled.version()));
        if (!(finding instanceof FindingEvent.FindingReopened reopened) || !reopened.regression()) {
            return task;
        }
        // after recognition, a regression of the yearly monitoring puts the recognition at risk
        return task.flatMap(version -> recognition.on(finding.districtCode(), metadata)
                .command(new Recognition.Regression(reopened.period(), reopened.findingId(), reopened.indicator(),
                        reopened.reason())).run(tx).replaceWith(version));
    }

    /**
     * 报送 tasks from a readiness verdict ({@link DataGapFollowUp}): each gap it names opened (or reopened), each gap an
     * earlier verdict of the period named and this one does not closed — its data arrived.
     */
    Uni<Void> followGaps(SqlConnection tx, ReadinessChanged readiness, String eventId, EventMetadata metadata) {
        List<DataGapFollowUp.Gap> missing = DataGapFollowUp.gaps(readiness);
        Set<java.util.UUID> stillMissing = new HashSet<>();
        missing.forEach(gap -> stillMissing.add(gap.gapId()));
        LocalDate today = LocalDate.now(clock);
        return earlierGaps(tx, readiness, eventId).flatMap(earlier -> settings.of(tx, readiness.districtCode())
                .flatMap(district -> {
                    Uni<Void> steps = Uni.createFrom().voidItem();
                    for (DataGapFollowUp.Gap gap : missing) {
                        var taskId = TaskStore.taskIdFor(gap.gapId());
                        steps = steps.flatMap(ignored -> tasks.on(taskId, metadata)
                                .commands(task -> DataGapFollowUp.stillMissing(gap, task, taskId, district.matrix(),
                                        district.campaign(), today))
                                .run(tx).replaceWithVoid());
                    }
                    for (java.util.UUID gapId : earlier) {
                        if (!stillMissing.contains(gapId)) {
                            steps = steps.flatMap(ignored -> tasks.on(TaskStore.taskIdFor(gapId), metadata)
                                    .commands(DataGapFollowUp::arrived).run(tx).replaceWithVoid());
                        }
                    }
                    return steps;
                }));
    }

    /** The gaps the period's earlier readiness verdicts named (kept by {@link #keep}). */
    private static Uni<Set<java.util.UUID>> earlierGaps(SqlConnection tx, ReadinessChanged readiness,
                                                        String eventId) {
        return tx.preparedQuery("""
                        select payload::text as payload from district_evaluations
                        where district_code = $1 and period = $2 and kind = 'READINESS' and event_id <> $3""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(readiness.districtCode(), readiness.period(), eventId))
                .map(rows -> {
                    Set<java.util.UUID> gaps = new java.util.LinkedHashSet<>();
                    rows.forEach(row -> DataGapFollowUp.gaps(org.junheng.eventsourcing.published.PublishedEvents
                                    .read(row.getString("payload"), ReadinessChanged.class))
                            .forEach(gap -> gaps.add(gap.gapId())));
                    return gaps;
                });
    }

    /** A county result or readiness verdict, with its time, for the report of any day. */
    private static Uni<Void> keep(SqlConnection tx, org.junheng.eventsourcing.published.ConsumedEvent consumed) {
        boolean county = consumed.event() instanceof CountyEvaluated;
        int period = county ? ((CountyEvaluated) consumed.event()).period()
                : ((ReadinessChanged) consumed.event()).period();
        return tx.preparedQuery("""
                        insert into district_evaluations (event_id, district_code, period, kind, occurred_at, payload)
                        values ($1, $2, $3, $4, $5, $6::text::jsonb) on conflict do nothing""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.from(new Object[] {consumed.id(),
                        consumed.event().districtCode(), period, county ? "COUNTY" : "READINESS",
                        consumed.time() == null ? java.time.OffsetDateTime.now() : consumed.time(),
                        org.junheng.eventsourcing.published.PublishedEvents.write(consumed.event())}))
                .replaceWithVoid();
    }
}
