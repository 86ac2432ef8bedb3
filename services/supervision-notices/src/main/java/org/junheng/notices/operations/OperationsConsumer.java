package org.junheng.notices.operations;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junheng.contracts.operations.OperationsEvent.RecordParked;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.consumer.GuardedConsumer;
import org.junheng.eventsourcing.published.ConsumedEvent;
import org.junheng.notices.issuing.NoticeLog;
import org.junheng.service.consumers.ConsumerGuards;

/**
 * Consumes junheng.operations.v1: a record parked by any service's consumer becomes a 系统运维提醒 to the district's
 * supervision office, as {@link ParkedRecordAlerts} rations them; the alert state changes in the inbox's transaction.
 */
// created at start, not at the first record: its guard must be known to the parked-records API from the start
@Startup
@ApplicationScoped
public class OperationsConsumer {

    private static final EventMetadata.Actor ACTOR = EventMetadata.Actor.system("supervision-notices");

    private final GuardedConsumer guarded;
    private final NoticeLog log;
    private final ParkedRecordAlerts alerts;

    OperationsConsumer(ConsumerGuards guards, NoticeLog log,
                       @ConfigProperty(name = "junheng.notices.parked-alert-interval", defaultValue = "PT1H")
                       Duration interval) {
        this.guarded = guards.guard("supervision-notices/operations", GuardedConsumer.anyOf(RecordParked.class),
                this::apply);
        this.log = log;
        this.alerts = new ParkedRecordAlerts(interval);
    }

    @Incoming("operations")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> polled) {
        return guarded.consumeBatch(polled);
    }

    private Uni<Void> apply(SqlConnection tx, ConsumedEvent consumed) {
        RecordParked parked = (RecordParked) consumed.event();
        OffsetDateTime at = consumed.time() == null ? OffsetDateTime.now() : consumed.time();
        return tx.preparedQuery("select last_alert_at, parked_since from parked_record_alerts"
                        + " where district_code = $1 for update")
                .execute(Tuple.of(parked.districtCode()))
                .map(rows -> rows.rowCount() == 0 ? ParkedRecordAlerts.State.NONE : new ParkedRecordAlerts.State(
                        rows.iterator().next().getOffsetDateTime("last_alert_at"),
                        rows.iterator().next().getInteger("parked_since")))
                .flatMap(state -> {
                    ParkedRecordAlerts.Decision decision = alerts.decide(state, consumed.id(), parked, at);
                    return log.issue(tx, decision.notices(), consumed.causedBy(ACTOR))
                            .flatMap(ignored -> tx.preparedQuery("""
                                            insert into parked_record_alerts (district_code, last_alert_at, parked_since)
                                            values ($1, $2, $3) on conflict (district_code) do update
                                            set last_alert_at = excluded.last_alert_at,
                                                parked_since = excluded.parked_since""")
                                    .execute(Tuple.of(parked.districtCode(), decision.next().lastAlertAt(),
                                            decision.next().parkedSince())));
                })
                .replaceWithVoid();
    }
}
