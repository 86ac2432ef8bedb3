package org.junheng.notices.issuing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.evaluation.FindingEvent;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.consumer.GuardedConsumer;
import org.junheng.eventsourcing.published.ConsumedEvent;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.notices.rules.TaskFacts;
import org.junheng.notices.bulletins.TaskBoard;
import org.junheng.notices.rules.NoticeRules;
import org.junheng.notices.rules.TaskFact;
import org.junheng.service.consumers.ConsumerGuards;

/**
 * Consumes the evaluation and rectification topics: keeps the task facts and the findings' timeline, and issues the
 * notices the rules ask for — all in the inbox's transaction, so each message counts once.
 */
// created at start, not at the first record: its guard must be known to the parked-records API from the start
@Startup
@ApplicationScoped
public class EventConsumer {

    private static final EventMetadata.Actor ACTOR = EventMetadata.Actor.system("supervision-notices");

    private final GuardedConsumer evaluation;
    private final GuardedConsumer rectification;
    private final NoticeLog log;
    private final TaskBoard board;

    public EventConsumer(ConsumerGuards guards, NoticeLog log, TaskBoard board) {
        this.evaluation = guards.guard("supervision-notices/evaluation", event -> true,
                (tx, consumed) -> apply(tx, consumed, "indicator-evaluation"));
        this.rectification = guards.guard("supervision-notices/rectification", event -> true,
                (tx, consumed) -> apply(tx, consumed, "rectification"));
        this.log = log;
        this.board = board;
    }

    @Incoming("evaluation")
    public Uni<Void> evaluation(ConsumerRecord<String, byte[]> record) {
        return evaluation.consume(record);
    }

    @Incoming("rectification")
    public Uni<Void> rectification(ConsumerRecord<String, byte[]> record) {
        return rectification.consume(record);
    }

    private Uni<Void> apply(SqlConnection tx, ConsumedEvent consumed, String source) {
        Trigger trigger = new Trigger(consumed.id(), source, consumed.storedType(),
                consumed.time() == null ? OffsetDateTime.now() : consumed.time(), consumed.actor(),
                consumed.correlationId(), consumed.causationId());
        return apply(tx, consumed.event(), trigger, consumed.causedBy(ACTOR));
    }

    /** Where and when the consumed event happened, and who caused it. */
    record Trigger(String eventId, String source, String eventType, OffsetDateTime occurredAt, String actor,
                   String correlationId, String causationId) {
    }

    Uni<Void> apply(SqlConnection tx, PublishedEvent event, Trigger trigger, EventMetadata metadata) {
        Uni<Void> timeline = timeline(tx, event, trigger);
        if (!(event instanceof TaskEvent task)) {
            return timeline.flatMap(ignored -> issue(tx, event, trigger, TaskFacts.none(), metadata));
        }
        return timeline.flatMap(ignored -> board.apply(tx, task, trigger.occurredAt()))
                .flatMap(ignored -> loadFact(tx, task.taskId())).flatMap(known -> {
            Optional<TaskFact> updated = known.map(fact -> fact.evolve(task));
            if (task instanceof TaskEvent.TaskOpened opened && known.isEmpty()) {
                updated = Optional.of(TaskFact.from(opened));
            }
            Optional<TaskFact> current = updated;
            TaskFacts facts = taskId -> taskId.equals(task.taskId()) ? current : Optional.empty();
            Uni<Void> save = updated.isEmpty() || updated.equals(known) ? Uni.createFrom().voidItem()
                    : tx.preparedQuery("""
                                    insert into task_facts (task_id, fact) values ($1, $2::text::jsonb)
                                    on conflict (task_id) do update set fact = excluded.fact""")
                            .execute(Tuple.of(task.taskId(), PublishedEvents.write(updated.get()))).replaceWithVoid();
            return save.flatMap(ignored -> issue(tx, event, trigger, facts, metadata));
        });
    }

    private Uni<Void> issue(SqlConnection tx, PublishedEvent event, Trigger trigger, TaskFacts facts,
                            EventMetadata metadata) {
        var notices = new NoticeRules(facts).noticesFor(trigger.eventId(), event);
        return log.issue(tx, notices, metadata).replaceWithVoid();
    }

    private static Uni<Void> timeline(SqlConnection tx, PublishedEvent event, Trigger trigger) {
        UUID findingId = event instanceof FindingEvent finding ? finding.findingId()
                : event instanceof TaskEvent task ? task.findingId() : null;
        if (findingId == null) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        insert into timeline_entries (finding_id, event_id, source, event_type, occurred_at, actor,
                            correlation_id, causation_id, payload)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb) on conflict do nothing""")
                .execute(Tuple.from(new Object[] {findingId, trigger.eventId(), trigger.source(), trigger.eventType(),
                        trigger.occurredAt(), trigger.actor(), trigger.correlationId(), trigger.causationId(),
                        PublishedEvents.write(event)}))
                .replaceWithVoid();
    }

    private static Uni<Optional<TaskFact>> loadFact(SqlConnection tx, UUID taskId) {
        return tx.preparedQuery("select fact::text as fact from task_facts where task_id = $1")
                .execute(Tuple.of(taskId)).map(rows -> rows.rowCount() == 0 ? Optional.empty()
                        : Optional.of(read(rows.iterator().next().getString("fact"))));
    }

    private static TaskFact read(String json) {
        try {
            return PublishedEvents.JSON.readValue(json, TaskFact.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored task fact is unreadable", e);
        }
    }
}
