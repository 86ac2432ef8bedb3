package org.junheng.evaluation.ledger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;
import org.junheng.contracts.SubjectLevel;
import org.junheng.contracts.evaluation.CatchmentRatio;
import org.junheng.contracts.evaluation.EvaluationEvent.EvaluationCompleted;
import org.junheng.contracts.evaluation.ReadinessReason;
import org.junheng.contracts.evaluation.Variation;
import org.junheng.evaluation.runs.EvaluationRunner;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.published.PublishedEvents;

/** Reads the ledgers, readiness and variations: live from the projection, or as of a past time from the log. */
@ApplicationScoped
public class LedgerQueries {

    private final Pool pool;
    private final EventStore store;

    /** Where a finding's rectification stood: the lead unit, the due date and the latest step (任务分派, 核验通过 …). */
    public record TaskStep(String leadName, java.time.LocalDate dueDate, String step) {
    }

    /** The rectification of each finding as it stood at {@code asOf} (null: now); findings without a task are absent. */
    public Uni<java.util.Map<java.util.UUID, TaskStep>> taskSteps(List<java.util.UUID> findingIds, @Nullable Instant asOf) {
        return pool.preparedQuery("""
                        select distinct on (finding_id) finding_id, lead_name, due_date, step from finding_task_steps
                        where finding_id = any($1) and ($2::timestamptz is null or occurred_at <= $2)
                        order by finding_id, occurred_at desc, event_id desc""")
                .execute(Tuple.of(findingIds.toArray(java.util.UUID[]::new),
                        asOf == null ? null : asOf.atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> {
                    java.util.Map<java.util.UUID, TaskStep> steps = new java.util.HashMap<>();
                    for (Row row : rows) {
                        steps.put(row.getUUID("finding_id"), new TaskStep(row.getString("lead_name"),
                                row.getLocalDate("due_date"), row.getString("step")));
                    }
                    return steps;
                });
    }

    public LedgerQueries(Pool pool, EventStore store) {
        this.pool = pool;
        this.store = store;
    }

    /** The ledgers of a district period; empty when it has not been evaluated (by then). */
    public record Ledger(String districtCode, int period, @Nullable String standardVersion, @Nullable Instant asOf,
                         int metLines, int unmetLines, List<LedgerLine> lines) {
    }

    /**
     * Readiness as of the latest evaluation: {@code evaluatedAt} when it completed and {@code eventPosition} its
     * position in the evaluation's event log (数据截至).
     */
    public record ReadinessView(String districtCode, int period, String standardVersion, boolean ready,
                                List<ReadinessReason> reasons, int openFindings, int evaluationRuns,
                                @Nullable EvaluationCompleted lastRun, @Nullable Instant evaluatedAt,
                                @Nullable Long eventPosition, List<String> provisional,
                                @Nullable String recognitionStage) {
    }

    public Uni<Optional<Ledger>> ledger(String district, int period, @Nullable Instant asOf, LedgerFilter filter) {
        Uni<List<LedgerLine>> lines = asOf == null ? live(district, period) : asOf(district, period, asOf);
        return lines.map(all -> {
            if (all.isEmpty()) {
                return Optional.empty();
            }
            List<LedgerLine> shown = filter.apply(all);
            int met = (int) shown.stream().filter(LedgerLine::met).count();
            return Optional.of(new Ledger(district, period, all.get(0).standardVersion(), asOf, met,
                    shown.size() - met, shown));
        });
    }

    private Uni<List<LedgerLine>> live(String district, int period) {
        return pool.preparedQuery("""
                        select l.*, (f.status = 'RESOLVED') as resolved from ledger_items l
                        left join findings f on f.finding_id = l.finding_id
                        where l.district_code = $1 and l.period = $2""")
                .execute(Tuple.of(district, period)).map(rows -> {
                    List<LedgerLine> lines = new ArrayList<>(rows.rowCount());
                    for (Row row : rows) {
                        lines.add(LedgerLine.of(entry(row), Boolean.TRUE.equals(row.getBoolean("resolved"))));
                    }
                    return lines;
                });
    }

    private Uni<List<LedgerLine>> asOf(String district, int period, Instant asOf) {
        return store.readStreams(pool, List.of(EvaluationRunner.evaluationStream(district, period)),
                        List.of(EvaluationRunner.findingStreamPrefix(district, period)))
                .map(events -> LedgerAsOf.fold(events, asOf));
    }

    public Uni<Optional<ReadinessView>> readiness(String district, int period) {
        return pool.preparedQuery("""
                        select r.*, r.reasons::text as reasons_json, r.provisional::text as provisional_json,
                               coalesce(u.runs, 0) as runs,
                               u.last_completed::text as last_completed, u.completed_at, u.completed_position,
                               g.stage_label
                        from ledger_readiness r left join ledger_runs u
                        on u.district_code = r.district_code and u.period = r.period
                        left join district_recognition g on g.district_code = r.district_code
                        where r.district_code = $1 and r.period = $2""")
                .execute(Tuple.of(district, period)).map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    String last = row.getString("last_completed");
                    return Optional.of(new ReadinessView(district, period, row.getString("standard_version"),
                            row.getBoolean("ready"),
                            List.of(read(row.getString("reasons_json"), ReadinessReason[].class)),
                            row.getInteger("open_findings"), row.getInteger("runs"),
                            last == null ? null : read(last, EvaluationCompleted.class),
                            row.getOffsetDateTime("completed_at") == null ? null
                                    : row.getOffsetDateTime("completed_at").toInstant(),
                            row.getLong("completed_position"),
                            List.of(read(row.getString("provisional_json"), String[].class)),
                            row.getString("stage_label")));
                });
    }

    /** GG13 per section, P before J; empty before the first evaluation that computed it. */
    public Uni<List<CatchmentRatio>> catchment(String district, int period) {
        return pool.preparedQuery("""
                        select ratio::text as ratio from ledger_catchment
                        where district_code = $1 and period = $2 order by section desc""")
                .execute(Tuple.of(district, period)).map(rows -> {
                    List<CatchmentRatio> ratios = new ArrayList<>();
                    rows.forEach(row -> ratios.add(read(row.getString("ratio"), CatchmentRatio.class)));
                    return ratios;
                });
    }

    public Uni<List<Variation>> variations(String district, int period) {
        return pool.preparedQuery("""
                        select variation::text as variation from ledger_variations
                        where district_code = $1 and period = $2 order by indicator""")
                .execute(Tuple.of(district, period)).map(rows -> {
                    List<Variation> variations = new ArrayList<>();
                    rows.forEach(row -> variations.add(read(row.getString("variation"), Variation.class)));
                    return variations;
                });
    }

    private static LedgerEntry entry(Row row) {
        SubjectLevel level = SubjectLevel.valueOf(row.getString("subject_level"));
        String section = row.getString("section");
        Subject subject = new Subject(level, row.getString("school_code"), row.getString("school_name"),
                section == null ? null : Section.valueOf(section));
        String severity = row.getString("severity");
        return new LedgerEntry(row.getString("district_code"), row.getInteger("period"), subject,
                IndicatorCode.fromCode(row.getString("indicator")), number(row, "measured"),
                row.getString("measured_exact"), number(row, "required"),
                row.getBoolean("met"), severity == null ? null : Severity.valueOf(severity), row.getString("gap"),
                row.getUUID("finding_id"), row.getString("standard_version"));
    }

    private static BigDecimal number(Row row, String column) {
        Object value = row.getValue(column);
        return value == null ? null : row.getBigDecimal(column);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return PublishedEvents.JSON.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("read model row is unreadable as " + type.getSimpleName(), e);
        }
    }
}
