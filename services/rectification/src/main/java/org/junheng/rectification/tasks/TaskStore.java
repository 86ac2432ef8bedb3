package org.junheng.rectification.tasks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.decider.CommandHandler;
import org.junheng.rectification.lifecycle.Task;
import org.junheng.rectification.lifecycle.TaskCommand;
import org.junheng.rectification.lifecycle.TaskState;

/** The task streams: one per finding, loaded by folding (now or as of a day) and changed through {@link Task}. */
@ApplicationScoped
public class TaskStore {

    public static final String STREAM_TYPE = "Task";

    private final EventStore store;
    private final CommandHandler<TaskState, TaskCommand, TaskEvent> handler;

    public TaskStore(EventStore store) {
        this.store = store;
        this.handler = new CommandHandler<>(store, STREAM_TYPE, TaskEvent.class, Task.DECIDER);
    }

    /** One task per finding, with an id anyone can derive from the finding's. */
    public static UUID taskIdFor(UUID findingId) {
        return UUID.nameUUIDFromBytes(("task|" + findingId).getBytes(StandardCharsets.UTF_8));
    }

    public static String stream(UUID taskId) {
        return "task/" + taskId;
    }

    /** A task as its stream left it; {@code state} null and version 0 when there is none. */
    public record Loaded(@Nullable TaskState state, long version, List<StoredEvent> events) {
    }

    public Uni<Loaded> load(SqlClient client, UUID taskId) {
        return loadAsOf(client, taskId, null);
    }

    /** The task as it stood at {@code asOf} (its events recorded by then); null for now. */
    public Uni<Loaded> loadAsOf(SqlClient client, UUID taskId, @Nullable Instant asOf) {
        return handler.load(client, stream(taskId), null, asOf).map(loaded -> new Loaded(loaded.state(),
                loaded.version(), loaded.events()));
    }

    /** Every task of a district as it stood at {@code asOf}, in one read; tasks opened later are left out. */
    public Uni<List<Loaded>> loadDistrictAsOf(SqlClient client, String district, @Nullable Instant asOf) {
        return client.preparedQuery("select task_id from tasks where district_code = $1")
                .execute(Tuple.of(district))
                .flatMap(rows -> {
                    List<String> streams = new ArrayList<>();
                    rows.forEach(row -> streams.add(stream(row.getUUID("task_id"))));
                    return store.readStreams(client, streams, List.of());
                })
                .map(events -> {
                    Map<String, List<StoredEvent>> byStream = new LinkedHashMap<>();
                    events.forEach(event -> byStream.computeIfAbsent(event.streamId(), k -> new ArrayList<>())
                            .add(event));
                    return byStream.values().stream().map(stream -> handler.fold(stream, null, asOf))
                            .filter(loaded -> loaded.state() != null)
                            .map(loaded -> new Loaded(loaded.state(), loaded.version(), loaded.events())).toList();
                });
    }

    /** A command on the task's stream, to configure and run; the events name the task as their subject. */
    public CommandHandler<TaskState, TaskCommand, TaskEvent>.Request on(UUID taskId, EventMetadata metadata) {
        return handler.on(stream(taskId), null).metadata(metadata.withSubject(taskId.toString()));
    }
}
