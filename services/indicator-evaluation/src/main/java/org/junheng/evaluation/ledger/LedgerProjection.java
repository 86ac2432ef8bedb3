package org.junheng.evaluation.ledger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.List;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.evaluation.EvaluationEvent.CountyEvaluated;
import org.junheng.contracts.evaluation.EvaluationEvent.EvaluationCompleted;
import org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged;
import org.junheng.contracts.evaluation.EvaluationEvent;
import org.junheng.contracts.evaluation.FindingEvent.FindingRaised;
import org.junheng.contracts.evaluation.FindingEvent.FindingReopened;
import org.junheng.contracts.evaluation.FindingEvent.FindingResolved;
import org.junheng.contracts.evaluation.FindingEvent;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.projection.Projection;
import org.junheng.eventsourcing.published.PublishedEvents;

/**
 * The ledgers (台账), variations, readiness and finding list, built from the evaluation's own log. A run's result
 * lines are upserted with the run's transaction id; its {@link EvaluationCompleted} removes the lines an earlier run
 * stated and this one did not (a school closed, an item no longer applies).
 */
public final class LedgerProjection implements Projection {

    public static final String NAME = "ledger";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Void> apply(SqlConnection tx, StoredEvent stored) {
        PublishedEvent event = PublishedEvents.readKnown(stored).orElse(null);
        if (event == null) {
            return Uni.createFrom().voidItem();
        }
        String run = Long.toString(stored.position().transactionId());
        if (event instanceof FindingEvent finding) {
            return applyFinding(tx, finding, stored);
        }
        if (event instanceof EvaluationCompleted completed) {
            return completed(tx, completed, run, stored);
        }
        if (event instanceof ReadinessChanged readiness) {
            return tx.preparedQuery("""
                            insert into ledger_readiness (district_code, period, standard_version, ready, reasons,
                                                          open_findings, provisional)
                            values ($1, $2, $3, $4, $5::text::jsonb, $6, $7::text::jsonb)
                            on conflict (district_code, period) do update set standard_version = excluded.standard_version,
                                ready = excluded.ready, reasons = excluded.reasons,
                                open_findings = excluded.open_findings, provisional = excluded.provisional""")
                    .execute(Tuple.from(List.of(readiness.districtCode(), readiness.period(),
                            readiness.standardVersion(), readiness.ready(), PublishedEvents.write(readiness.reasons()),
                            readiness.openFindings(), PublishedEvents.write(readiness.provisional() == null
                                    ? List.of() : readiness.provisional()))))
                    .replaceWithVoid();
        }
        if (!(event instanceof EvaluationEvent result)) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> variations = Uni.createFrom().voidItem();
        if (result instanceof CountyEvaluated county && !county.variations().isEmpty()) {
            variations = tx.preparedQuery("""
                            insert into ledger_variations (district_code, period, indicator, variation, run_transaction)
                            values ($1, $2, $3, $4::text::jsonb, $5::text::xid8)
                            on conflict (district_code, period, indicator) do update
                            set variation = excluded.variation, run_transaction = excluded.run_transaction""")
                    .executeBatch(county.variations().stream().map(variation -> Tuple.of(county.districtCode(),
                            county.period(), variation.indicator().code(), PublishedEvents.write(variation), run))
                            .toList())
                    .replaceWithVoid();
        }
        if (result instanceof CountyEvaluated county && county.catchment() != null && !county.catchment().isEmpty()) {
            variations = variations.flatMap(ignored -> tx.preparedQuery("""
                            insert into ledger_catchment (district_code, period, section, ratio, run_transaction)
                            values ($1, $2, $3, $4::text::jsonb, $5::text::xid8)
                            on conflict (district_code, period, section) do update
                            set ratio = excluded.ratio, run_transaction = excluded.run_transaction""")
                    .executeBatch(county.catchment().stream().map(ratio -> Tuple.of(county.districtCode(),
                            county.period(), ratio.section().name(), PublishedEvents.write(ratio), run)).toList())
                    .replaceWithVoid());
        }
        List<LedgerEntry> entries = LedgerEntry.of(result);
        if (entries.isEmpty()) {
            return variations;
        }
        return variations.flatMap(ignored -> tx.preparedQuery("""
                        insert into ledger_items (district_code, period, subject_key, indicator, subject_level,
                            school_code, school_name, section, measured, required, met, severity, gap, finding_id,
                            standard_version, run_transaction, measured_exact)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::text::xid8, $17)
                        on conflict (district_code, period, subject_key, indicator) do update
                        set subject_level = excluded.subject_level, school_code = excluded.school_code,
                            school_name = excluded.school_name, section = excluded.section,
                            measured = excluded.measured, required = excluded.required, met = excluded.met,
                            severity = excluded.severity, gap = excluded.gap, finding_id = excluded.finding_id,
                            standard_version = excluded.standard_version, run_transaction = excluded.run_transaction,
                            measured_exact = excluded.measured_exact""")
                .executeBatch(entries.stream().map(entry -> Tuple.from(new Object[] {entry.districtCode(),
                        entry.period(), entry.subject().key(), entry.indicator().code(), entry.subject().level().name(),
                        entry.schoolCode(), entry.subject().schoolName(),
                        entry.section() == null ? null : entry.section().name(), entry.measured(), entry.required(),
                        entry.met(), entry.severity() == null ? null : entry.severity().name(), entry.gap(),
                        entry.findingId(), entry.standardVersion(), run, entry.measuredExact()})).toList())
                .replaceWithVoid());
    }

    private static Uni<Void> completed(SqlConnection tx, EvaluationCompleted completed, String run,
                                       StoredEvent stored) {
        Tuple key = Tuple.of(completed.districtCode(), completed.period(), run);
        return tx.preparedQuery("""
                        delete from ledger_items where district_code = $1 and period = $2
                        and run_transaction <> $3::text::xid8""").execute(key)
                .flatMap(ignored -> tx.preparedQuery("""
                        delete from ledger_variations where district_code = $1 and period = $2
                        and run_transaction <> $3::text::xid8""").execute(key))
                .flatMap(ignored -> tx.preparedQuery("""
                        delete from ledger_catchment where district_code = $1 and period = $2
                        and run_transaction <> $3::text::xid8""").execute(key))
                .flatMap(ignored -> tx.preparedQuery("""
                        update ledger_readiness set open_findings = $3 where district_code = $1 and period = $2""")
                        .execute(Tuple.of(completed.districtCode(), completed.period(), completed.openFindings())))
                .flatMap(ignored -> tx.preparedQuery("""
                        insert into ledger_runs (district_code, period, runs, last_completed, completed_at,
                                                 completed_position)
                        values ($1, $2, 1, $3::text::jsonb, $4, $5)
                        on conflict (district_code, period) do update
                        set runs = ledger_runs.runs + 1, last_completed = excluded.last_completed,
                            completed_at = excluded.completed_at, completed_position = excluded.completed_position""")
                        .execute(Tuple.of(completed.districtCode(), completed.period(),
                                PublishedEvents.write(completed),
                                stored.recordedAt().atOffset(java.time.ZoneOffset.UTC),
                                stored.position().globalPosition())))
                .replaceWithVoid();
    }

    private static Uni<Void> applyFinding(SqlConnection tx, FindingEvent finding, StoredEvent stored) {
        String status;
        String severity = null;
        if (finding instanceof FindingRaised raised) {
            status = FindingStatus.OPEN.name();
            severity = raised.severity().name();
        } else if (finding instanceof FindingReopened reopened) {
            status = FindingStatus.REOPENED.name();
            severity = reopened.severity().name();
        } else {
            status = FindingStatus.RESOLVED.name();
        }
        boolean resolved = finding instanceof FindingResolved;
        var at = stored.recordedAt().atOffset(ZoneOffset.UTC);
        return tx.preparedQuery("""
                        insert into findings (finding_id, district_code, period, subject_key, indicator, school_code,
                            status, severity, latest, raised_at, resolved_at, version)
                        values ($1, $2, $3, $4, $5, $6, $7, coalesce($8, 'UNMET_SCHOOL_STILL_PASSES'),
                            $9::text::jsonb, $10, $11, $12)
                        on conflict (finding_id) do update set status = excluded.status,
                            severity = coalesce($8, findings.severity), latest = excluded.latest,
                            resolved_at = excluded.resolved_at, version = excluded.version""")
                .execute(Tuple.from(new Object[] {finding.findingId(), finding.districtCode(), finding.period(),
                        finding.subject().key(), finding.indicator().code(), finding.subject().schoolCode(), status,
                        severity, PublishedEvents.write(finding), at, resolved ? at : null, stored.version()}))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlConnection tx) {
        return tx.query("truncate ledger_items, ledger_variations, ledger_catchment, ledger_readiness, ledger_runs, "
                        + "findings")
                .execute().replaceWithVoid();
    }

    @Override
    public String contentQuery() {
        // run transaction ids differ between a live build and a rebuild only in name, never in content
        return """
                select 'item' as kind, district_code, period, subject_key || '|' || indicator as key,
                       concat_ws('|', school_name, section, measured::text, required::text, met::text, severity, gap,
                                 finding_id::text, standard_version) as content
                from ledger_items
                union all select 'variation', district_code, period, indicator, variation::text from ledger_variations
                union all select 'readiness', district_code, period, standard_version,
                       concat_ws('|', ready::text, reasons::text, open_findings::text) from ledger_readiness
                union all select 'runs', district_code, period, runs::text, last_completed::text from ledger_runs
                union all select 'finding', district_code, period, finding_id::text,
                       concat_ws('|', status, severity, latest::text, raised_at::text, resolved_at::text,
                                 version::text) from findings""";
    }
}
