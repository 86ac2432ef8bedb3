package org.junheng.notices.infra;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.junheng.eventsourcing.Upcasters;
import org.junheng.eventsourcing.projection.ProjectionRunner;
import org.junheng.notices.issuing.NoticeProjection;

/** Keeps the notice list (and with it the SSE streams) up to date with the log. */
@Startup
@ApplicationScoped
public class NoticeWorkers {

    private final ProjectionRunner notices;

    NoticeWorkers(Pool pool) {
        this.notices = new ProjectionRunner(pool, new NoticeProjection(), Upcasters.none(), 500, Duration.ofMillis(100));
        notices.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        notices.close();
    }

    public ProjectionRunner notices() {
        return notices;
    }
}
