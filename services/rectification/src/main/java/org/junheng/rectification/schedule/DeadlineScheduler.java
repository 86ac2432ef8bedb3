package org.junheng.rectification.schedule;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.eventsourcing.ConcurrencyConflictException;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.rectification.tasks.TaskQueries;
import org.junheng.rectification.tasks.TaskStore;
import org.junheng.service.Periodic;

/**
 * Runs the {@link DeadlineWatch} over every unsettled task due within the reminder horizon, on a schedule and by the
 * injected clock. Each task decides once per due date, so overlapping runs or replicas emit nothing twice (a
 * concurrent change makes the append fail; the next run picks the task up again).
 */
@Startup
@ApplicationScoped
public class DeadlineScheduler {

    private static final EventMetadata METADATA = new EventMetadata(null, null, null,
            EventMetadata.Actor.system("rectification-deadlines"), null, null, null);

    private final Pool pool;
    private final TaskStore tasks;
    private final TaskQueries queries;
    private final Clock clock;
    private final DeadlineWatch watch = DeadlineWatch.standard();
    private final Periodic schedule;

    DeadlineScheduler(Pool pool, TaskStore tasks, TaskQueries queries, Clock clock,
                      @ConfigProperty(name = "junheng.rectification.deadline-interval") Duration interval) {
        this.pool = pool;
        this.tasks = tasks;
        this.queries = queries;
        this.clock = clock;
        this.schedule = Periodic.every("deadline-watch", interval, () -> runOnce().await().atMost(Duration.ofMinutes(10)));
    }

    void onStop(@Observes ShutdownEvent event) {
        schedule.stop();
    }

    /** Checks every task that could need a reminder, an overdue mark or an escalation today; returns the events. */
    public Uni<List<TaskEvent>> runOnce() {
        LocalDate today = LocalDate.now(clock);
        int horizon = watch.reminderDays().stream().max(Integer::compare).orElse(0);
        List<TaskEvent> emitted = new ArrayList<>();
        return queries.dueBy(today.plusDays(horizon))
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(id -> check(id, today).invoke(emitted::addAll)
                        .onFailure(ConcurrencyConflictException.class).recoverWithItem(List.of()))
                .collect().asList().replaceWith(emitted);
    }

    private Uni<List<TaskEvent>> check(UUID taskId, LocalDate today) {
        return tasks.on(taskId, METADATA)
                .commands(state -> state == null ? List.of() : watch.check(state, today))
                .run(pool).map(handled -> handled.events());
    }
}
