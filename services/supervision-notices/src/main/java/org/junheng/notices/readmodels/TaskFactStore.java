package org.junheng.notices.readmodels;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.notices.rules.TaskFact;
import org.junheng.notices.rules.TaskFacts;

/** What the notice rules know of each task ({@code task_facts}), kept up to date from the rectification topic. */
@ApplicationScoped
public class TaskFactStore {

    /**
     * Applies one consumed task event (in the consumer's transaction) and answers the facts the rules may consult
     * for it: the task as it stands after the event.
     */
    public Uni<TaskFacts> apply(SqlClient tx, TaskEvent task) {
        return load(tx, task.taskId()).flatMap(known -> {
            Optional<TaskFact> updated = TaskFact.after(known, task);
            TaskFacts facts = taskId -> taskId.equals(task.taskId()) ? updated : Optional.empty();
            if (updated.isEmpty() || updated.equals(known)) {
                return Uni.createFrom().item(facts);
            }
            return tx.preparedQuery("""
                            insert into task_facts (task_id, fact) values ($1, $2::text::jsonb)
                            on conflict (task_id) do update set fact = excluded.fact""")
                    .execute(Tuple.of(task.taskId(), PublishedEvents.write(updated.get()))).replaceWith(facts);
        });
    }

    private static Uni<Optional<TaskFact>> load(SqlClient tx, UUID taskId) {
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
