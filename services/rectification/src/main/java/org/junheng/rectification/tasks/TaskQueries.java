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
import org.junheng.rectification.lifecycle.TaskStatus;
import org.junheng.rectification.lifecycle.Urgency;

/** The task list and the departments' scorecards (the basis of the office's 通报). */
@ApplicationScoped
public class TaskQueries {

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
                          @Nullable String daysLeft) {
    }

    public record Filter(String district, @Nullable String department, @Nullable String status,
                         @Nullable String indicator, @Nullable String school, @Nullable Boolean overdue,
                         @Nullable Integer period) {
    }

    /** Per lead department: open, overdue, closed on time or late, and the average days from opening to settling. */
    public record Scorecard(String department, String departmentName, int open, int overdue, int closedOnTime,
                            int closedLate, @Nullable Double averageDaysToClose) {
    }

    public Uni<List<TaskRow>> list(Filter filter) {
        return pool.preparedQuery("""
                        select * from tasks where district_code = $1
                          and ($2::text is null or lead_code = $2 or $2 = any(co_codes))
                          and ($3::text is null or status = $3) and ($4::text is null or indicator = $4)
                          and ($5::text is null or school_code = $5) and ($6::boolean is null or overdue = $6)
                          and ($7::int is null or period = $7)
                        order by due_date, school_code nulls first, indicator""")
                .execute(Tuple.from(new Object[] {filter.district(), filter.department(), filter.status(),
                        filter.indicator(), filter.school(), filter.overdue(), filter.period()}))
                .map(rows -> {
                    List<TaskRow> list = new ArrayList<>(rows.rowCount());
                    LocalDate today = LocalDate.now(clock);
                    rows.forEach(row -> list.add(row(row, today)));
                    return list;
                });
    }

    public Uni<List<Scorecard>> scorecards(String district) {
        return pool.preparedQuery("""
                        select lead_code, min(lead_name) as lead_name,
                               count(*) filter (where status not in ('VERIFIED', 'CLOSED')) as open,
                               count(*) filter (where status not in ('VERIFIED', 'CLOSED') and overdue) as overdue,
                               count(*) filter (where settled_on_time) as on_time,
                               count(*) filter (where settled_on_time = false) as late,
                               avg(extract(epoch from settled_at - opened_at) / 86400.0)
                                   filter (where settled_at is not null) as avg_days
                        from tasks where district_code = $1 and (closure is null or closure <> 'NO_LONGER_APPLICABLE')
                        group by lead_code order by lead_code""")
                .execute(Tuple.of(district)).map(rows -> {
                    List<Scorecard> cards = new ArrayList<>();
                    for (Row row : rows) {
                        Object average = row.getValue("avg_days");
                        cards.add(new Scorecard(row.getString("lead_code"), row.getString("lead_name"),
                                row.getLong("open").intValue(), row.getLong("overdue").intValue(),
                                row.getLong("on_time").intValue(), row.getLong("late").intValue(),
                                average == null ? null : Math.round(row.getDouble("avg_days") * 10) / 10.0));
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

    /** A row of the board, with its 督办等级 colour and days left as of today ({@link Urgency}). */
    private static TaskRow row(Row row, LocalDate today) {
        TaskStatus status = TaskStatus.valueOf(row.getString("status"));
        LocalDate due = row.getLocalDate("due_date");
        Urgency urgency = Urgency.of(status, due, today).orElse(null);
        return new TaskRow(row.getUUID("task_id"), row.getString("district_code"), row.getUUID("finding_id"),
                row.getInteger("period"), row.getString("school_code"), row.getString("school_name"),
                row.getString("section"), row.getString("indicator"), row.getString("severity"),
                row.getString("title"), row.getString("gap"), row.getString("lead_code"), row.getString("lead_name"),
                List.of(row.getArrayOfStrings("co_codes")), row.getLocalDate("due_date"), row.getString("status"),
                row.getString("responsible"), row.getInteger("rounds"), row.getInteger("rejections"),
                row.getInteger("percent_complete"), row.getInteger("evidence_count"), row.getBoolean("overdue"),
                row.getString("escalation"), row.getString("verification"), row.getString("closure"),
                row.getLong("version"), status.label(), urgency,
                urgency == null ? null : urgency.colour + "（" + urgency.meaning + "）",
                urgency == null ? null : Urgency.describe(java.time.temporal.ChronoUnit.DAYS.between(today, due)));
    }
}
