package org.junheng.notices.readmodels;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junheng.contracts.Department;
import org.junheng.contracts.rectification.ClosureReason;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.eventsourcing.published.PublishedEvents;

/** Each task's standing as the rectification topic reports it, and the departments' scorecards drawn from it. */
@ApplicationScoped
public class TaskBoard {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Pool pool;

    public TaskBoard(Pool pool) {
        this.pool = pool;
    }

    /** Applies one consumed task event (in the consumer's transaction). */
    public Uni<Void> apply(SqlClient tx, TaskEvent event, OffsetDateTime at) {
        String sql;
        Tuple parameters;
        if (event instanceof TaskEvent.TaskOpened opened) {
            sql = """
                    insert into task_board (task_id, district_code, lead_code, lead_name, co_departments, due_date,
                        status, opened_at)
                    values ($1, $2, $3, $4, $5::text::jsonb, $6, 'OPEN', $7) on conflict (task_id) do nothing""";
            parameters = Tuple.from(new Object[] {opened.taskId(), opened.districtCode(),
                    opened.leadDepartment().code(), opened.leadDepartment().name(),
                    PublishedEvents.write(opened.coDepartments()), opened.dueDate(), at});
        } else if (event instanceof TaskEvent.TaskReassigned reassigned) {
            // a helper that becomes lead stops helping
            sql = """
                    update task_board set lead_code = $2, lead_name = $3, co_departments = (
                        select coalesce(jsonb_agg(co), '[]'::jsonb) from jsonb_array_elements(co_departments) co
                        where co ->> 'code' <> $2) where task_id = $1""";
            parameters = Tuple.of(event.taskId(), reassigned.toDepartment().code(), reassigned.toDepartment().name());
        } else if (event instanceof TaskEvent.TaskRejected rejected && rejected.onReview()) {
            // a verification not signed off on review: the task is open again
            sql = """
                    update task_board set status = 'OPEN', settled_at = null, settled_on_time = null, closure = null
                    where task_id = $1""";
            parameters = Tuple.of(event.taskId());
        } else if (event instanceof TaskEvent.DeadlineExtended extended) {
            sql = "update task_board set due_date = $2, overdue = false where task_id = $1";
            parameters = Tuple.of(event.taskId(), extended.newDueDate());
        } else if (event instanceof TaskEvent.TaskOverdue) {
            sql = "update task_board set overdue = true where task_id = $1";
            parameters = Tuple.of(event.taskId());
        } else if (event instanceof TaskEvent.TaskVerified || event instanceof TaskEvent.TaskClosed) {
            String closure = event instanceof TaskEvent.TaskClosed closed ? closed.reason().name() : null;
            sql = """
                    update task_board set status = 'SETTLED', settled_at = coalesce(settled_at, $2),
                        settled_on_time = coalesce(settled_on_time, $3 <= due_date), closure = coalesce($4, closure)
                    where task_id = $1""";
            parameters = Tuple.of(event.taskId(), at, at.atZoneSameInstant(CHINA).toLocalDate(), closure);
        } else if (event instanceof TaskEvent.TaskReopened reopened) {
            sql = """
                    update task_board set status = 'OPEN', due_date = $2, overdue = false, settled_at = null,
                        settled_on_time = null, closure = null where task_id = $1""";
            parameters = Tuple.of(event.taskId(), reopened.dueDate());
        } else {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(sql).execute(parameters).replaceWithVoid();
    }

    /**
     * Per department: the tasks it leads, and the open ones it helps with (配合); tasks closed as no longer applicable
     * do not count either way. A department that only helps has a card with nothing led.
     */
    public Uni<List<DepartmentScorecard>> scorecards(String district) {
        return pool.preparedQuery("""
                        with counted as (
                            select * from task_board where district_code = $1 and (closure is null or closure <> $2)),
                        led as (
                            select lead_code as code, min(lead_name) as name,
                                   count(*) filter (where status = 'OPEN') as open,
                                   count(*) filter (where status = 'OPEN' and overdue) as overdue,
                                   count(*) filter (where settled_on_time) as on_time,
                                   count(*) filter (where settled_on_time = false) as late,
                                   avg(extract(epoch from settled_at - opened_at) / 86400.0)
                                       filter (where settled_at is not null) as avg_days
                            from counted group by lead_code),
                        helped as (
                            select co ->> 'code' as code, min(co ->> 'name') as name,
                                   count(*) filter (where status = 'OPEN') as helping,
                                   count(*) filter (where status = 'OPEN' and overdue) as helping_overdue
                            from counted, jsonb_array_elements(co_departments) co group by co ->> 'code')
                        select coalesce(led.code, helped.code) as code, coalesce(led.name, helped.name) as name,
                               coalesce(open, 0) as open, coalesce(overdue, 0) as overdue,
                               coalesce(on_time, 0) as on_time, coalesce(late, 0) as late, avg_days,
                               coalesce(helping, 0) as helping, coalesce(helping_overdue, 0) as helping_overdue
                        from led full join helped on led.code = helped.code order by 1""")
                .execute(Tuple.of(district, ClosureReason.NO_LONGER_APPLICABLE.name())).map(rows -> {
                    List<DepartmentScorecard> cards = new ArrayList<>();
                    for (Row row : rows) {
                        Object average = row.getValue("avg_days");
                        cards.add(new DepartmentScorecard(new Department(row.getString("code"),
                                row.getString("name")), row.getLong("open").intValue(),
                                row.getLong("overdue").intValue(), row.getLong("on_time").intValue(),
                                row.getLong("late").intValue(), average == null ? OptionalDouble.empty()
                                : OptionalDouble.of(row.getDouble("avg_days")), row.getLong("helping").intValue(),
                                row.getLong("helping_overdue").intValue()));
                    }
                    return cards;
                });
    }

    public Uni<List<String>> districts() {
        return pool.query("select distinct district_code from task_board order by district_code").execute()
                .map(rows -> {
                    List<String> districts = new ArrayList<>();
                    rows.forEach(row -> districts.add(row.getString("district_code")));
                    return districts;
                });
    }
}
