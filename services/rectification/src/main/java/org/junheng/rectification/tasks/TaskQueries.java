package org.junheng.rectification.tasks;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.rectification.TaskKind;
import org.junheng.rectification.lifecycle.TaskStatus;
import org.junheng.rectification.lifecycle.Urgency;
import org.junheng.service.VertxContexts;

/**
 * The task list and the departments' scorecards (the basis of the office's 通报). The list reads the read model's
 * rows through Hibernate Reactive ({@link Task}), each criterion a filter leaves open left out of the query; the
 * scorecards are an aggregate report over the rows (counts per unit, the helpers unnested from their array) and stay
 * one SQL statement.
 */
@ApplicationScoped
public class TaskQueries {

    /** 未办结: neither verified nor closed. */
    public static final String OPEN = "status not in ('VERIFIED', 'CLOSED')";
    /** 逾期: open and past its due date (the scorecards, the list's counts, the operations gauge). */
    public static final String OVERDUE = OPEN + " and overdue";

    private final Pool pool;
    private final Mutiny.SessionFactory sessions;
    private final Vertx vertx;
    private final Clock clock;

    public TaskQueries(Pool pool, Mutiny.SessionFactory sessions, Vertx vertx, Clock clock) {
        this.pool = pool;
        this.sessions = sessions;
        this.vertx = vertx;
        this.clock = clock;
    }

    public record TaskRow(UUID taskId, String districtCode, UUID findingId, int period, @Nullable String schoolCode,
                          @Nullable String schoolName, @Nullable String section, String indicator, String severity,
                          String title, String gap, String leadDepartment, String leadDepartmentName,
                          List<String> coDepartments, LocalDate dueDate, String status, @Nullable String responsible,
                          int rounds, int rejections, int percentComplete, int evidence, boolean overdue,
                          @Nullable String escalation, @Nullable String verification, @Nullable String closure,
                          long version, String statusLabel, @Nullable Urgency urgency, @Nullable String urgencyLabel,
                          @Nullable String daysLeft, @Nullable Involvement involvement,
                          @Nullable String involvementLabel, TaskKind kind, String kindLabel,
                          @Nullable String measures) {
    }

    /** A department's part in a task: it leads (牵头) or it helps (配合). */
    public enum Involvement implements org.junheng.contracts.Labelled {
        LEAD("牵头"), HELP("配合");

        private final String label;

        Involvement(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** {@code involvement} narrows a department's list to what it leads or what it helps with. */
    public record Filter(String district, @Nullable String department, @Nullable String status,
                         @Nullable String indicator, @Nullable String school, @Nullable Boolean overdue,
                         @Nullable Integer period, @Nullable Involvement involvement, @Nullable TaskKind kind) {
    }

    /**
     * Per department: of the tasks it leads, open, overdue, closed on time or late, and the average days from opening
     * to settling; of the tasks it helps with (配合), those open and overdue. A unit that only helps has a card too.
     */
    public record Scorecard(String department, String departmentName, int open, int overdue, int closedOnTime,
                            int closedLate, @Nullable Double averageDaysToClose, int helping, int helpingOverdue) {
    }

    public Uni<List<TaskRow>> list(Filter filter) {
        StringBuilder where = new StringBuilder("t.district = :district");
        Map<String, Object> parameters = new HashMap<>(Map.of("district", filter.district()));
        if (filter.department() != null) {
            parameters.put("department", filter.department());
            String leads = "t.leadCode = :department";
            // array_contains would compare text[] @> varchar[], which PostgreSQL lacks; array_position is 0 when absent
            String helps = "array_position(t.coCodes, :department) > 0";
            where.append(" and ").append(filter.involvement() == Involvement.LEAD ? leads
                    : filter.involvement() == Involvement.HELP ? helps : "(" + leads + " or " + helps + ")");
        }
        criterion(where, parameters, "t.status", "status", filter.status());
        criterion(where, parameters, "t.indicator", "indicator", filter.indicator());
        if (filter.school() != null) {
            where.append(" and (t.schoolCode = :school or t.schoolName = :school)");
            parameters.put("school", filter.school());
        }
        criterion(where, parameters, "t.overdue", "overdue", filter.overdue());
        criterion(where, parameters, "t.period", "period", filter.period());
        criterion(where, parameters, "t.kind", "kind", filter.kind() == null ? null : filter.kind().name());
        String condition = "where " + where + " order by t.dueDate, t.schoolCode nulls first, t.indicator";
        LocalDate today = LocalDate.now(clock);
        return select(condition, parameters).map(tasks -> {
            List<TaskRow> rows = new ArrayList<>(tasks.size());
            tasks.forEach(task -> rows.add(row(task, today, filter.department())));
            return rows;
        });
    }

    /** {@code and column = :name} when the filter names a value, else nothing. */
    private static void criterion(StringBuilder where, Map<String, Object> parameters, String attribute, String name,
                                  @Nullable Object value) {
        if (value != null) {
            where.append(" and ").append(attribute).append(" = :").append(name);
            parameters.put(name, value);
        }
    }

    /**
     * The columns the board shows, read in a stateless session (nothing to track: the rows are only shown) into
     * {@link BoardRow}s, on a Vert.x context.
     */
    private Uni<List<BoardRow>> select(String condition, Map<String, Object> parameters) {
        return VertxContexts.onContext(vertx, () -> sessions.withStatelessSession(session -> {
            Mutiny.SelectionQuery<BoardRow> select = session.createSelectionQuery("""
                    select t.id, t.district, t.findingId, t.period, t.schoolCode, t.schoolName, t.section, t.indicator,
                           t.severity, t.title, t.gap, t.leadCode, t.leadName, t.coCodes, t.dueDate, t.status,
                           t.responsible, t.rounds, t.rejections, t.percentComplete, t.evidence, t.overdue,
                           t.escalation, t.verification, t.closure, t.version, t.kind, t.measures
                    from Task t\s""" + condition, BoardRow.class);
            parameters.forEach(select::setParameter);
            return select.getResultList();
        }));
    }

    private record BoardRow(UUID id, String district, UUID findingId, int period, @Nullable String schoolCode,
                       @Nullable String schoolName, @Nullable String section, String indicator, String severity,
                       String title, String gap, String leadCode, String leadName, String[] coCodes,
                       LocalDate dueDate, String status, @Nullable String responsible, int rounds, int rejections,
                       int percentComplete, int evidence, boolean overdue, @Nullable String escalation,
                       @Nullable String verification, @Nullable String closure, long version, String kind,
                       @Nullable String measures) {
    }

    public Uni<List<Scorecard>> scorecards(String district) {
        return pool.preparedQuery("""
                        with counted as (
                            select * from tasks where district_code = $1
                              and (closure is null or closure <> 'NO_LONGER_APPLICABLE')),
                        led as (
                            select lead_code as code, min(lead_name) as name,
                                   count(*) filter (where %1$s) as open,
                                   count(*) filter (where %2$s) as overdue,
                                   count(*) filter (where settled_on_time) as on_time,
                                   count(*) filter (where settled_on_time = false) as late,
                                   avg(extract(epoch from settled_at - opened_at) / 86400.0)
                                       filter (where settled_at is not null) as avg_days
                            from counted group by lead_code),
                        helped as (
                            select co.code, min(coalesce(co.name, co.code)) as name,
                                   count(*) filter (where %1$s) as helping,
                                   count(*) filter (where %2$s)
                                       as helping_overdue
                            from counted, unnest(co_codes, co_names) as co(code, name) group by co.code)
                        select coalesce(led.code, helped.code) as code, coalesce(led.name, helped.name) as name,
                               coalesce(open, 0) as open, coalesce(overdue, 0) as overdue,
                               coalesce(on_time, 0) as on_time, coalesce(late, 0) as late, avg_days,
                               coalesce(helping, 0) as helping, coalesce(helping_overdue, 0) as helping_overdue
                        from led full join helped on led.code = helped.code order by 1""".formatted(OPEN, OVERDUE))
                .execute(Tuple.of(district)).map(rows -> {
                    List<Scorecard> cards = new ArrayList<>();
                    for (Row row : rows) {
                        Object average = row.getValue("avg_days");
                        cards.add(new Scorecard(row.getString("code"), row.getString("name"),
                                row.getLong("open").intValue(), row.getLong("overdue").intValue(),
                                row.getLong("on_time").intValue(), row.getLong("late").intValue(),
                                average == null ? null : Math.round(row.getDouble("avg_days") * 10) / 10.0,
                                row.getLong("helping").intValue(), row.getLong("helping_overdue").intValue()));
                    }
                    return cards;
                });
    }

    /** Unsettled tasks due on or before {@code date}. */
    public Uni<List<UUID>> dueBy(LocalDate date) {
        return VertxContexts.onContext(vertx, () -> sessions.withStatelessSession(session -> session
                .createSelectionQuery("select t.id from Task t where t.status not in ('VERIFIED', 'CLOSED')"
                        + " and t.dueDate <= :date order by t.dueDate", UUID.class)
                .setParameter("date", date).getResultList()));
    }

    /**
     * A row of the board, with its 督办等级 colour and days left as of today ({@link Urgency}), and for a department's
     * list whether it leads or helps.
     */
    private static TaskRow row(BoardRow task, LocalDate today, @Nullable String department) {
        TaskStatus status = TaskStatus.valueOf(task.status());
        Urgency urgency = Urgency.of(status, task.dueDate(), today).orElse(null);
        TaskKind kind = TaskKind.valueOf(task.kind());
        Involvement involvement = department == null ? null
                : department.equals(task.leadCode()) ? Involvement.LEAD : Involvement.HELP;
        return new TaskRow(task.id(), task.district(), task.findingId(), task.period(), task.schoolCode(),
                task.schoolName(), task.section(), task.indicator(), task.severity(), task.title(), task.gap(),
                task.leadCode(), task.leadName(), List.of(task.coCodes()), task.dueDate(), task.status(),
                task.responsible(), task.rounds(), task.rejections(), task.percentComplete(), task.evidence(),
                task.overdue(), task.escalation(), task.verification(), task.closure(), task.version(),
                status.describe(task.verification() == null ? null
                        : org.junheng.contracts.rectification.VerificationMethod.valueOf(task.verification()),
                        task.closure() == null ? null
                        : org.junheng.contracts.rectification.ClosureReason.valueOf(task.closure())),
                urgency,
                urgency == null ? null : urgency.colour + "（" + urgency.meaning + "）",
                urgency == null ? null : Urgency.describe(java.time.temporal.ChronoUnit.DAYS.between(today,
                        task.dueDate())),
                involvement, involvement == null ? null : involvement.label(), kind, kind.label(), task.measures());
    }
}
