package org.junheng.rectification.infra;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.junheng.eventsourcing.Upcasters;
import org.junheng.eventsourcing.projection.ProjectionRunner;
import org.junheng.service.Replayable;
import org.junheng.rectification.tasks.TaskProjection;

/** Keeps the task list projection up to date in the background. */
@Startup
@ApplicationScoped
public class RectificationWorkers implements Replayable {

    private final ProjectionRunner tasks;

    RectificationWorkers(Pool pool) {
        this.tasks = new ProjectionRunner(pool, new TaskProjection(), Upcasters.none(), 500, Duration.ofMillis(100));
        tasks.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        tasks.close();
    }

    public ProjectionRunner tasks() {
        return tasks;
    }

    @Override
    public List<ProjectionRunner> projections() {
        return List.of(tasks);
    }
}
