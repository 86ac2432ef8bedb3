package org.junheng.evaluation.inputs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.schooldata.AttestationEvent;
import org.junheng.contracts.schooldata.CountyFiguresEvent;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent;
import org.junheng.eventsourcing.consumer.GuardedConsumer;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.service.consumers.ConsumerGuards;

/**
 * Applies every school-data event to the evaluation's input tables, once (the inbox row and the change commit
 * together), and marks the district period for re-evaluation.
 */
// created at start, not at the first record: its guard must be known to the parked-records API from the start
@Startup
@ApplicationScoped
public class SchoolDataConsumer {

    private final GuardedConsumer guarded;

    public SchoolDataConsumer(ConsumerGuards guards) {
        this.guarded = guards.guard("indicator-evaluation/school-data", type -> true,
                (tx, consumed) -> apply(tx, consumed.event(), new Cause(consumed.id(), consumed.correlationId())));
    }

    @Incoming("school-data")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> polled) {
        return guarded.consumeBatch(polled);
    }

    /** The input message that made a district period due, recorded as the cause of the evaluation's events. */
    record Cause(String messageId, String correlationId) {
    }

    static Uni<Void> apply(SqlConnection tx, PublishedEvent event, Cause cause) {
        if (event instanceof SchoolEvent school) {
            return applySchool(tx, school, cause);
        }
        if (event instanceof SchoolStatisticsEvent statistics) {
            return tx.preparedQuery("""
                            insert into input_statistics (district_code, period, school_code, profile, statistics)
                            values ($1, $2, $3, $4::text::jsonb, $5::text::jsonb)
                            on conflict (district_code, period, school_code)
                            do update set profile = excluded.profile, statistics = excluded.statistics""")
                    .execute(Tuple.of(statistics.districtCode(), statistics.period(), statistics.schoolCode(),
                            PublishedEvents.write(profileOf(statistics)), PublishedEvents.write(statistics.statistics())))
                    .flatMap(ignored -> requestEvaluation(tx, statistics.districtCode(), statistics.period(), cause));
        }
        if (event instanceof CountyFiguresEvent figures) {
            return tx.preparedQuery("""
                            insert into input_county_figures (district_code, period, kind, figures)
                            values ($1, $2, $3, $4::text::jsonb)
                            on conflict (district_code, period, kind) do update set figures = excluded.figures""")
                    .execute(Tuple.of(figures.districtCode(), figures.period(), figures.kind().name(),
                            PublishedEvents.write(figures)))
                    .flatMap(ignored -> requestEvaluation(tx, figures.districtCode(), figures.period(), cause));
        }
        AttestationEvent attestation = (AttestationEvent) event;
        return tx.preparedQuery("""
                        insert into input_attestations (district_code, period, indicator, subject_key, attestation)
                        values ($1, $2, $3, $4, $5::text::jsonb)
                        on conflict (district_code, period, indicator, subject_key)
                        do update set attestation = excluded.attestation""")
                .execute(Tuple.of(attestation.districtCode(), attestation.period(), attestation.indicator().code(),
                        attestation.subject().key(), PublishedEvents.write(attestation)))
                .flatMap(ignored -> requestEvaluation(tx, attestation.districtCode(), attestation.period(), cause));
    }

    private static Uni<Void> applySchool(SqlConnection tx, SchoolEvent event, Cause cause) {
        String status;
        String profile;
        if (event instanceof SchoolEvent.SchoolRegistered registered) {
            status = "ACTIVE";
            profile = PublishedEvents.write(registered.profile());
        } else if (event instanceof SchoolEvent.SchoolProfileChanged changed) {
            status = null;
            profile = PublishedEvents.write(changed.profile());
        } else {
            status = event instanceof SchoolEvent.SchoolClosed ? "CLOSED" : "MERGED";
            profile = null;
        }
        // a register change affects every period already reported by the district
        return tx.preparedQuery("""
                        insert into input_schools (district_code, school_code, profile, status)
                        values ($1, $2, coalesce($3::text::jsonb, '{}'::jsonb), coalesce($4, 'ACTIVE'))
                        on conflict (district_code, school_code) do update
                        set profile = coalesce($3::text::jsonb, input_schools.profile),
                            status = coalesce($4, input_schools.status)""")
                .execute(Tuple.of(event.districtCode(), event.schoolCode(), profile, status))
                .flatMap(ignored -> tx.preparedQuery("""
                                insert into evaluation_requests (district_code, period, correlation_id, caused_by,
                                    requested_at)
                                select distinct district_code, period, $2, $3, clock_timestamp() from input_statistics
                                where district_code = $1
                                on conflict (district_code, period) do update set requested_at = excluded.requested_at,
                                    correlation_id = excluded.correlation_id, caused_by = excluded.caused_by""")
                        .execute(Tuple.of(event.districtCode(), cause.correlationId(), cause.messageId())))
                .replaceWithVoid();
    }

    /**
     * The district period is due: asked at the moment the record is handled ({@code clock_timestamp()}, not the
     * transaction's start — a poll's records share one transaction, and the runner's settle time counts from here).
     */
    private static Uni<Void> requestEvaluation(SqlConnection tx, String district, int period, Cause cause) {
        return tx.preparedQuery("""
                        insert into evaluation_requests (district_code, period, correlation_id, caused_by,
                            requested_at)
                        values ($1, $2, $3, $4, clock_timestamp())
                        on conflict (district_code, period) do update set requested_at = excluded.requested_at,
                            correlation_id = excluded.correlation_id, caused_by = excluded.caused_by""")
                .execute(Tuple.of(district, period, cause.correlationId(), cause.messageId())).replaceWithVoid();
    }

    private static Object profileOf(SchoolStatisticsEvent event) {
        return event instanceof SchoolStatisticsEvent.SchoolStatisticsSubmitted submitted ? submitted.profile()
                : ((SchoolStatisticsEvent.SchoolStatisticsCorrected) event).profile();
    }
}
