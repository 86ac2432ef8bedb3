package org.junheng.rectification.tasks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.rectification.lifecycle.TaskCommand;
import org.junheng.rectification.lifecycle.TaskState;
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
        return act(taskId, ifMatch, List.of(command), caller, null);
    }

    /**
     * Several commands decided in turn on the task as it evolves, appended together; {@code alongside} writes what
     * must be stored with the events (evidence files) in the same transaction, only once every command is decided.
     */
    public Uni<Done> act(UUID taskId, Long ifMatch, List<TaskCommand> commands, Caller caller,
                         Function<SqlClient, Uni<Void>> alongside) {
        var request = tasks.on(taskId, caller.metadata())
                .check((state, version) -> {
                    if (state == null) {
                        throw notFound(taskId);
                    }
                    commands.forEach(command -> TaskAccess.authorize(state, command, caller));
                })
                .requireIfMatch().ifMatch(ifMatch)
                .commands(commands);
        return (alongside == null ? request : request.alongside(alongside)).run(pool)
                .map(handled -> new Done(handled.state(), handled.version()));
    }

    static Refusal notFound(UUID taskId) {
        return Refusal.notFound("task-not-found", "整改任务" + taskId + "不存在 (no such task)");
    }
}
