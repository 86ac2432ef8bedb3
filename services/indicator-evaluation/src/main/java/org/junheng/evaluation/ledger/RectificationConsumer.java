package org.junheng.evaluation.ledger;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junheng.contracts.EventCatalog;
import org.junheng.contracts.rectification.RecognitionEvent.RecognitionStageRecorded;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.eventsourcing.consumer.GuardedConsumer;
import org.junheng.eventsourcing.published.ConsumedEvent;
import org.junheng.service.consumers.ConsumerGuards;

/**
 * Consumes junheng.rectification.v1 for the ledger and the readiness view: after each task event, the finding's lead
 * unit, due date and the step it reached (in words), kept with the event's time so a ledger of any past day shows
 * that day's; and the district's stage on its road to recognition (创建进程), shown beside the readiness verdict.
 */
@Startup
@ApplicationScoped
public class RectificationConsumer {

    private final GuardedConsumer guarded;

    RectificationConsumer(ConsumerGuards guards) {
        this.guarded = guards.guard("indicator-evaluation/rectification",
                GuardedConsumer.anyOf(TaskEvent.class, RecognitionStageRecorded.class), this::apply);
    }

    @Incoming("rectification")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> polled) {
        return guarded.consumeBatch(polled);
    }

    private Uni<Void> apply(SqlConnection tx, ConsumedEvent consumed) {
        OffsetDateTime at = consumed.time() == null ? OffsetDateTime.now() : consumed.time();
        if (consumed.event() instanceof RecognitionStageRecorded stage) {
            // one stream per district, keyed by it: the latest stage stands, an older one redelivered changes nothing
            return tx.preparedQuery("""
                            insert into district_recognition (district_code, stage, stage_label, recorded_at, event_id)
                            values ($1, $2, $3, $4, $5)
                            on conflict (district_code) do update set stage = excluded.stage,
                                stage_label = excluded.stage_label, recorded_at = excluded.recorded_at,
                                event_id = excluded.event_id
                            where district_recognition.recorded_at <= excluded.recorded_at""")
                    .execute(Tuple.from(new Object[] {stage.districtCode(), stage.stage().name(), stage.describe(), at,
                            consumed.id()}))
                    .replaceWithVoid();
        }
        TaskEvent event = (TaskEvent) consumed.event();
        return tx.preparedQuery("""
                        select lead_name, due_date from finding_task_steps where finding_id = $1 and occurred_at <= $2
                        order by occurred_at desc, event_id desc limit 1""")
                .execute(Tuple.of(event.findingId(), at))
                .flatMap(rows -> {
                    String lead = rows.size() == 0 ? null : rows.iterator().next().getString("lead_name");
                    LocalDate due = rows.size() == 0 ? null : rows.iterator().next().getLocalDate("due_date");
                    if (event instanceof TaskEvent.TaskOpened opened) {
                        lead = opened.leadDepartment().name();
                        due = opened.dueDate();
                    } else if (event instanceof TaskEvent.TaskReassigned reassigned) {
                        lead = reassigned.toDepartment().name();
                    } else if (event instanceof TaskEvent.DeadlineExtended extended) {
                        due = extended.newDueDate();
                    } else if (event instanceof TaskEvent.TaskReopened reopened) {
                        due = reopened.dueDate();
                    }
                    if (lead == null || due == null) {
                        return Uni.createFrom().voidItem(); // a step of a task whose opening was never seen
                    }
                    return tx.preparedQuery("""
                                    insert into finding_task_steps (finding_id, event_id, occurred_at, lead_name, due_date,
                                        step) values ($1, $2, $3, $4, $5, $6) on conflict do nothing""")
                            .execute(Tuple.from(new Object[] {event.findingId(), consumed.id(), at, lead, due,
                                    EventCatalog.label(consumed.storedType())}))
                            .replaceWithVoid();
                });
    }
}
