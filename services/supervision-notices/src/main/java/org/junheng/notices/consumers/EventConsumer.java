package org.junheng.notices.consumers;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.evaluation.FindingEvent;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.consumer.GuardedConsumer;
import org.junheng.eventsourcing.published.ConsumedEvent;
import org.junheng.notices.issuing.NoticeLog;
import org.junheng.notices.readmodels.TaskBoard;
import org.junheng.notices.readmodels.TaskFactStore;
import org.junheng.notices.rules.NoticeRules;
import org.junheng.notices.rules.TaskFacts;
import org.junheng.notices.timeline.FindingTimelines;
import org.junheng.service.consumers.ConsumerGuards;

/**
 * Consumes the evaluation and rectification topics: each event becomes a step of its finding's story, a task event
 * updates the task board and the facts the rules know, and the notices the rules ask for are issued — all in the
 * inbox's transaction, so each message counts once.
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
    private final TaskFactStore facts;
    private final FindingTimelines timelines;

    public EventConsumer(ConsumerGuards guards, NoticeLog log, TaskBoard board, TaskFactStore facts,
                         FindingTimelines timelines) {
        this.evaluation = guards.guard("supervision-notices/evaluation", type -> true,
                (tx, consumed) -> apply(tx, consumed, "indicator-evaluation"));
        this.rectification = guards.guard("supervision-notices/rectification", type -> true,
                (tx, consumed) -> apply(tx, consumed, "rectification"));
        this.log = log;
        this.board = board;
        this.facts = facts;
        this.timelines = timelines;
    }

    @Incoming("evaluation")
    public Uni<Void> evaluation(ConsumerRecords<String, byte[]> polled) {
        return evaluation.consumeBatch(polled);
    }

    @Incoming("rectification")
    public Uni<Void> rectification(ConsumerRecords<String, byte[]> polled) {
        return rectification.consumeBatch(polled);
    }

    private Uni<Void> apply(SqlConnection tx, ConsumedEvent consumed, String source) {
        PublishedEvent event = consumed.event();
        FindingTimelines.Origin origin = new FindingTimelines.Origin(consumed.id(), source, consumed.storedType(),
                consumed.time() == null ? OffsetDateTime.now() : consumed.time(), consumed.actor(),
                consumed.correlationId(), consumed.causationId());
        UUID findingId = event instanceof FindingEvent finding ? finding.findingId()
                : event instanceof TaskEvent task ? task.findingId() : null;
        Uni<Void> story = findingId == null ? Uni.createFrom().voidItem()
                : timelines.record(tx, findingId, event, origin);
        Uni<TaskFacts> known = !(event instanceof TaskEvent task) ? story.replaceWith(TaskFacts.none())
                : story.flatMap(ignored -> board.apply(tx, task, origin.occurredAt()))
                        .flatMap(ignored -> facts.apply(tx, task));
        return known.flatMap(taskFacts -> log.issue(tx, new NoticeRules(taskFacts).noticesFor(consumed.id(), event),
                consumed.causedBy(ACTOR)).replaceWithVoid());
    }
}
