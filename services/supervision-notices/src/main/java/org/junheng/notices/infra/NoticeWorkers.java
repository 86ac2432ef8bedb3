package org.junheng.notices.infra;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.notices.webhooks.RetryPolicy;
import org.junheng.notices.webhooks.WebhookDispatcher;
import org.junheng.eventsourcing.Upcasters;
import org.junheng.eventsourcing.projection.ProjectionRunner;
import org.junheng.service.Replayable;
import org.junheng.notices.issuing.NoticeProjection;

/** Keeps the notice list (and with it the SSE streams) up to date with the log, and delivers webhooks. */
@Startup
@ApplicationScoped
public class NoticeWorkers implements Replayable {

    private final ProjectionRunner notices;
    private final WebhookDispatcher webhooks;

    NoticeWorkers(Pool pool, Clock clock,
                  @ConfigProperty(name = "junheng.webhooks.retry-delays") List<Duration> retryDelays,
                  @ConfigProperty(name = "junheng.webhooks.max-attempts") int maxAttempts,
                  @ConfigProperty(name = "junheng.webhooks.timeout", defaultValue = "PT10S") Duration timeout,
                  io.vertx.core.Vertx vertx, org.junheng.notices.webhooks.WebhookTargets targets) {
        this.notices = new ProjectionRunner(pool, new NoticeProjection(), Upcasters.none(), 500, Duration.ofMillis(100));
        this.webhooks = new WebhookDispatcher(pool, new RetryPolicy(retryDelays, maxAttempts), clock,
                Duration.ofMillis(200), timeout, vertx, targets);
        notices.start();
        webhooks.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        webhooks.close();
        notices.close();
    }

    public ProjectionRunner notices() {
        return notices;
    }

    @Override
    public List<ProjectionRunner> projections() {
        return List.of(notices);
    }
}
