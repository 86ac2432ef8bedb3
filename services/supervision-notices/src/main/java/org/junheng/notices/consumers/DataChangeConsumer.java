package org.junheng.notices.consumers;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.schooldata.AttestationEvent.AttestationRecorded;
import org.junheng.contracts.schooldata.CountyFiguresEvent.CountyFiguresSubmitted;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent.SchoolStatisticsCorrected;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent.SchoolStatisticsSubmitted;
import org.junheng.eventsourcing.consumer.GuardedConsumer;
import org.junheng.eventsourcing.published.ConsumedEvent;
import org.junheng.notices.timeline.FindingTimelines;
import org.junheng.service.consumers.ConsumerGuards;

/**
 * Consumes junheng.school-data.v1 for the timeline: every submission and correction of a school's or the county's
 * figures and every attestation, kept so that a finding resolved by data shows the change and who made it.
 */
@Startup
@ApplicationScoped
public class DataChangeConsumer {

    private final GuardedConsumer guarded;

    private final FindingTimelines timelines;

    DataChangeConsumer(ConsumerGuards guards, FindingTimelines timelines) {
        this.timelines = timelines;
        this.guarded = guards.guard("supervision-notices/school-data", DATA_CHANGES, this::apply);
    }

    static final java.util.function.Predicate<Class<? extends PublishedEvent>> DATA_CHANGES = GuardedConsumer.anyOf(
            SchoolStatisticsSubmitted.class, SchoolStatisticsCorrected.class, CountyFiguresSubmitted.class,
            AttestationRecorded.class);

    @Incoming("school-data")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> polled) {
        return guarded.consumeBatch(polled);
    }

    private Uni<Void> apply(SqlConnection tx, ConsumedEvent consumed) {
        PublishedEvent event = consumed.event();
        String school = null;
        int period;
        if (event instanceof SchoolStatisticsSubmitted submitted) {
            school = submitted.schoolCode();
            period = submitted.period();
        } else if (event instanceof SchoolStatisticsCorrected corrected) {
            school = corrected.schoolCode();
            period = corrected.period();
        } else if (event instanceof AttestationRecorded attestation) {
            school = attestation.subject().schoolCode();
            period = attestation.period();
        } else {
            period = ((CountyFiguresSubmitted) event).period();
        }
        return timelines.recordDataChange(tx, event, period, school, new FindingTimelines.Origin(consumed.id(),
                "school-intake", consumed.storedType(), consumed.time() == null ? OffsetDateTime.now()
                : consumed.time(), consumed.actor(), consumed.correlationId(), consumed.causationId()));
    }
}
