package org.junheng.rectification.tasks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import io.vertx.mutiny.sqlclient.SqlConnection;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.eventsourcing.ConcurrencyConflictException;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.rectification.lifecycle.Task;
import org.junheng.rectification.lifecycle.TaskCommand;
import org.junheng.rectification.lifecycle.TaskRefused;
import org.junheng.rectification.lifecycle.TaskState;
import org.junheng.service.ApiProblem;
import org.junheng.service.Caller;

/**
 * A person's action on a task: checked against the version the caller read ({@code If-Match}), decided by the task,
 * appended at that version. Two actions with the same {@code If-Match}: one wins, the other is 412.
 */
@ApplicationScoped
public class TaskActions {

    private final Pool pool;
    private final TaskStore tasks;

    public TaskActions(Pool pool, TaskStore tasks) {
        this.pool = pool;
        this.tasks = tasks;
    }

    /** The task after the action, and its new version (the ETag). */
    public record Done(TaskState state, long version) {
    }

    /** The caller acts if {@link TaskAccess} lets them (else 404/403), before any version is compared. */
    public Uni<Done> act(UUID taskId, Long ifMatch, TaskCommand command, Caller caller) {
        return act(taskId, ifMatch, List.of(command), caller, tx -> Uni.createFrom().voidItem());
    }

    /**
     * Several commands decided in turn on the task as it evolves, appended together; {@code alongside} writes what
     * must be stored with the events (evidence files) in the same transaction, only once every command is decided.
     */
    public Uni<Done> act(UUID taskId, Long ifMatch, List<TaskCommand> commands, Caller caller,
                         Function<SqlConnection, Uni<Void>> alongside) {
        EventMetadata metadata = caller.metadata();
        return tasks.load(pool, taskId).flatMap(loaded -> {
            if (loaded.state() == null) {
                throw notFound(taskId);
            }
            commands.forEach(command -> TaskAccess.authorize(loaded.state(), command, caller));
            if (ifMatch == null) {
                throw ApiProblem.preconditionRequired();
            }
            if (loaded.version() != ifMatch) {
                throw ApiProblem.preconditionFailed();
            }
            List<TaskEvent> events = new ArrayList<>();
            TaskState after = loaded.state();
            for (TaskCommand command : commands) {
                for (TaskEvent event : decide(after, command)) {
                    events.add(event);
                    after = Task.evolve(after, event);
                }
            }
            TaskState result = after;
            return pool.withTransaction(tx -> alongside.apply(tx).flatMap(stored -> tasks.append(tx, taskId,
                            loaded.version(), events, metadata.withDistrict(loaded.state().districtCode()))))
                    .onFailure(ConcurrencyConflictException.class).transform(e -> ApiProblem.preconditionFailed())
                    .map(version -> new Done(result, version));
        });
    }

    static List<TaskEvent> decide(TaskState state, TaskCommand command) {
        try {
            return Task.decide(state, command);
        } catch (TaskRefused refused) {
            if (refused.kind() == TaskRefused.Kind.CONFLICT) {
                throw ApiProblem.conflict(refused.code(), refused.getMessage());
            }
            throw new ApiProblem(400, refused.code(), "输入有误 (invalid input)", refused.getMessage(), null);
        }
    }

    static ApiProblem notFound(UUID taskId) {
        return ApiProblem.notFound("task-not-found", "整改任务" + taskId + "不存在 (no such task)");
    }
}
