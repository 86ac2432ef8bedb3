package org.junheng.evaluation.infra;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.evaluation.ledger.LedgerProjection;
import org.junheng.evaluation.runs.EvaluationRunner;
import org.junheng.evaluation.standard.Standard;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.KafkaSettings;
import org.junheng.eventsourcing.Upcasters;
import org.junheng.eventsourcing.consumer.ConsumerLag;
import org.junheng.eventsourcing.projection.ProjectionRunner;
import org.junheng.service.Replayable;

/** Runs the evaluation of pending district periods and keeps the ledger projection up to date, in the background. */
@Startup
@ApplicationScoped
public class EvaluationWorkers implements Replayable {

    private final Standard standard;
    private final EvaluationRunner runner;
    private final ProjectionRunner ledger;
    private final ConsumerLag inputs;

    EvaluationWorkers(Pool pool, EventStore store, Standard standard,
                      @ConfigProperty(name = "junheng.evaluation.workers.enabled", defaultValue = "true") boolean enabled,
                      @ConfigProperty(name = "junheng.evaluation.poll-interval", defaultValue = "PT0.2S") Duration poll,
                      @ConfigProperty(name = "junheng.evaluation.settle", defaultValue = "PT2S") Duration settle,
                      KafkaSettings kafka,
                      @ConfigProperty(name = "mp.messaging.incoming.school-data.group.id") String group,
                      @ConfigProperty(name = "mp.messaging.incoming.school-data.topic") String topic) {
        this.standard = standard;
        // evaluate only once the school-data consumer has caught up: never half an import after a crash
        this.inputs = new ConsumerLag(kafka, group, topic, Duration.ofSeconds(2), poll);
        this.runner = new EvaluationRunner(pool, store, standard, poll, settle, inputs);
        this.ledger = new ProjectionRunner(pool, new LedgerProjection(), Upcasters.none(), 500, poll);
        if (enabled) {
            runner.start();
            ledger.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        runner.close();
        ledger.close();
        inputs.close();
    }

    public Standard standard() {
        return standard;
    }

    public EvaluationRunner runner() {
        return runner;
    }

    public ProjectionRunner ledger() {
        return ledger;
    }

    @Override
    public List<ProjectionRunner> projections() {
        return List.of(ledger);
    }
}
