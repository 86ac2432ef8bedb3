package org.junheng.rectification.tasks;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junheng.contracts.evaluation.EvaluationEvent.CountyEvaluated;
import org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged;
import org.junheng.contracts.evaluation.FindingEvent;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.consumer.GuardedConsumer;
import org.junheng.rectification.lifecycle.FindingFollowUp;
import org.junheng.rectification.settings.DistrictSettings;
import org.junheng.service.consumers.ConsumerGuards;

/**
 * Findings become tasks: raised → opened (departments from the district's matrix, due date from its campaign),
 * resolved → verified by data and closed, reopened → reopened (or opened, for a regression of an earlier year). Each
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

    public FindingConsumer(ConsumerGuards guards, TaskStore tasks, DistrictSettings settings, Clock clock) {
        // findings become tasks; the county results and readiness are kept for the rectification report
        this.guarded = guards.guard("rectification/evaluation", event -> event instanceof FindingEvent
                        || event instanceof CountyEvaluated || event instanceof ReadinessChanged,
                (tx, consumed) -> consumed.event() instanceof FindingEvent finding
                        ? apply(tx, finding, consumed.causedBy(ACTOR)).replaceWithVoid()
                        : keep(tx, consumed));
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
    }

    @Incoming("evaluation")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return guarded.consume(record);
    }

    Uni<Long> apply(SqlConnection tx, FindingEvent finding, EventMetadata metadata) {
        var taskId = TaskStore.taskIdFor(finding.findingId());
        LocalDate today = LocalDate.now(clock);
        return settings.of(tx, finding.districtCode()).flatMap(district -> tasks.on(taskId, metadata)
                .commands(task -> FindingFollowUp.commandsFor(finding, task, taskId, district.matrix(),
                        district.campaign(), today))
                .run(tx).map(handled -> handled.version()));
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
