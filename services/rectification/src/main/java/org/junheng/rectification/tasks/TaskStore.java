package org.junheng.rectification.tasks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.ExpectedVersion;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.StreamAppend;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.rectification.lifecycle.Task;
import org.junheng.rectification.lifecycle.TaskState;

/** Loads a task by folding its stream and appends what it decided, at the version it was loaded at. */
@ApplicationScoped
public class TaskStore {

    public static final String STREAM_TYPE = "Task";

    private final EventStore store;

    public TaskStore(EventStore store) {
        this.store = store;
    }

    /** One task per finding, with an id anyone can derive from the finding's. */
    public static UUID taskIdFor(UUID findingId) {
        return UUID.nameUUIDFromBytes(("task|" + findingId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
    public Uni<Loaded> loadAsOf(SqlClient client, UUID taskId, @Nullable java.time.Instant asOf) {
        return store.readStreams(client, List.of(stream(taskId)), List.of()).map(events -> replay(events, asOf));
    }

    /** Every task of a district as it stood at {@code asOf}, in one read; tasks opened later are left out. */
    public Uni<List<Loaded>> loadDistrictAsOf(SqlClient client, String district, @Nullable java.time.Instant asOf) {
        return client.preparedQuery("select task_id from tasks where district_code = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(district))
                .flatMap(rows -> {
                    List<String> streams = new java.util.ArrayList<>();
                    rows.forEach(row -> streams.add(stream(row.getUUID("task_id"))));
                    return store.readStreams(client, streams, List.of());
                })
                .map(events -> {
                    java.util.Map<String, List<StoredEvent>> byStream = new java.util.LinkedHashMap<>();
                    events.forEach(event -> byStream.computeIfAbsent(event.streamId(), k -> new java.util.ArrayList<>())
                            .add(event));
                    return byStream.values().stream().map(stream -> replay(stream, asOf))
                            .filter(loaded -> loaded.state() != null).toList();
                });
    }

    private static Loaded replay(List<StoredEvent> events, @Nullable java.time.Instant asOf) {
        TaskState state = null;
        long version = 0;
        List<StoredEvent> applied = new java.util.ArrayList<>();
        for (StoredEvent stored : events) {
            if (asOf != null && stored.recordedAt().isAfter(asOf)) {
                break;
            }
            state = Task.evolve(state, (TaskEvent) PublishedEvents.read(stored));
            version = stored.version();
            applied.add(stored);
        }
        return new Loaded(state, version, applied);
    }

    /** @return the stream version after the append */
    public Uni<Long> append(SqlClient client, UUID taskId, long expectedVersion, List<TaskEvent> events,
                            EventMetadata metadata) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(expectedVersion);
        }
        EventMetadata withSubject = metadata.withSubject(taskId.toString());
        return store.appendAll(client, List.of(new StreamAppend(stream(taskId), STREAM_TYPE,
                        expectedVersion == 0 ? ExpectedVersion.noStream() : ExpectedVersion.exactly(expectedVersion),
                        events.stream().map(event -> PublishedEvents.toNewEvent(event, withSubject)).toList())))
                .map(count -> expectedVersion + count);
    }

}
