package org.junheng.rectification.tasks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.rectification.TaskKind;
import org.junheng.rectification.lifecycle.TaskStatus;
import org.junheng.rectification.lifecycle.Urgency;

/** The task list and the departments' scorecards (the basis of the office's 通报). */
@ApplicationScoped
public class TaskQueries {

    /** 未办结: neither verified nor closed. */
    public static final String OPEN = "status not in ('VERIFIED', 'CLOSED')";
    /** 逾期: open and past its due date (the scorecards, the list's counts, the operations gauge). */
    public static final String OVERDUE = OPEN + " and overdue";

    private final Pool pool;
    private final Clock clock;

    public TaskQueries(Pool pool, Clock clock) {
        this.pool = pool;
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
        return pool.preparedQuery("""
                        select * from tasks where district_code = $1
                          and ($2::text is null or ($8::text is distinct from 'HELP' and lead_code = $2)
                               or ($8::text is distinct from 'LEAD' and $2 = any(co_codes)))
                          and ($3::text is null or status = $3) and ($4::text is null or indicator = $4)
                          and ($5::text is null or school_code = $5 or school_name = $5) and ($6::boolean is null or overdue = $6)
                          and ($7::int is null or period = $7) and ($9::text is null or kind = $9)
                        order by due_date, school_code nulls first, indicator""")
                .execute(Tuple.from(new Object[] {filter.district(), filter.department(), filter.status(),
                        filter.indicator(), filter.school(), filter.overdue(), filter.period(),
                        filter.involvement() == null ? null : filter.involvement().name(),
                        filter.kind() == null ? null : filter.kind().name()}))
                .map(rows -> {
                    List<TaskRow> list = new ArrayList<>(rows.rowCount());
                    LocalDate today = LocalDate.now(clock);
                    rows.forEach(row -> list.add(row(row, today, filter.department())));
                    return list;
                });
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
        return pool.preparedQuery("""
                        select task_id from tasks where status not in ('VERIFIED', 'CLOSED') and due_date <= $1
                        order by due_date""")
                .execute(Tuple.of(date)).map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID("task_id")));
                    return ids;
                });
    }

    /**
     * A row of the board, with its 督办等级 colour and days left as of today ({@link Urgency}), and for a department's
     * list whether it leads or helps.
     */
    private static TaskRow row(Row row, LocalDate today, @Nullable String department) {
        TaskStatus status = TaskStatus.valueOf(row.getString("status"));
        LocalDate due = row.getLocalDate("due_date");
        Urgency urgency = Urgency.of(status, due, today).orElse(null);
        TaskKind kind = TaskKind.valueOf(row.getString("kind"));
        Involvement involvement = department == null ? null
                : department.equals(row.getString("lead_code")) ? Involvement.LEAD : Involvement.HELP;
        return new TaskRow(row.getUUID("task_id"), row.getString("district_code"), row.getUUID("finding_id"),
                row.getInteger("period"), row.getString("school_code"), row.getString("school_name"),
                row.getString("section"), row.getString("indicator"), row.getString("severity"),
                row.getString("title"), row.getString("gap"), row.getString("lead_code"), row.getString("lead_name"),
                List.of(row.getArrayOfStrings("co_codes")), row.getLocalDate("due_date"), row.getString("status"),
                row.getString("responsible"), row.getInteger("rounds"), row.getInteger("rejections"),
                row.getInteger("percent_complete"), row.getInteger("evidence_count"), row.getBoolean("overdue"),
                row.getString("escalation"), row.getString("verification"), row.getString("closure"),
                row.getLong("version"), status.describe(row.getString("verification") == null ? null
                        : org.junheng.contracts.rectification.VerificationMethod.valueOf(row.getString("verification")),
                        row.getString("closure") == null ? null
                        : org.junheng.contracts.rectification.ClosureReason.valueOf(row.getString("closure"))),
                urgency,
                urgency == null ? null : urgency.colour + "（" + urgency.meaning + "）",
                urgency == null ? null : Urgency.describe(java.time.temporal.ChronoUnit.DAYS.between(today, due)),
                involvement, involvement == null ? null : involvement.label(), kind, kind.label(),
                row.getString("measures"));
    }
}
