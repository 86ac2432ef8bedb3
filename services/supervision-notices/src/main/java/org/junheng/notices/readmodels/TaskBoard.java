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
                    insert into task_board (task_id, district_code, lead_code, lead_name, due_date, status, opened_at)
                    values ($1, $2, $3, $4, $5, 'OPEN', $6) on conflict (task_id) do nothing""";
            parameters = Tuple.from(new Object[] {opened.taskId(), opened.districtCode(),
                    opened.leadDepartment().code(), opened.leadDepartment().name(), opened.dueDate(), at});
        } else if (event instanceof TaskEvent.TaskReassigned reassigned) {
            sql = "update task_board set lead_code = $2, lead_name = $3 where task_id = $1";
            parameters = Tuple.of(event.taskId(), reassigned.toDepartment().code(), reassigned.toDepartment().name());
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

    /** Per lead department; tasks closed as no longer applicable do not count either way. */
    public Uni<List<DepartmentScorecard>> scorecards(String district) {
        return pool.preparedQuery("""
                        select lead_code, min(lead_name) as lead_name,
                               count(*) filter (where status = 'OPEN') as open,
                               count(*) filter (where status = 'OPEN' and overdue) as overdue,
                               count(*) filter (where settled_on_time) as on_time,
                               count(*) filter (where settled_on_time = false) as late,
                               avg(extract(epoch from settled_at - opened_at) / 86400.0)
                                   filter (where settled_at is not null) as avg_days
                        from task_board where district_code = $1
                          and (closure is null or closure <> $2)
                        group by lead_code order by lead_code""")
                .execute(Tuple.of(district, ClosureReason.NO_LONGER_APPLICABLE.name())).map(rows -> {
                    List<DepartmentScorecard> cards = new ArrayList<>();
                    for (Row row : rows) {
                        Object average = row.getValue("avg_days");
                        cards.add(new DepartmentScorecard(new Department(row.getString("lead_code"),
                                row.getString("lead_name")), row.getLong("open").intValue(),
                                row.getLong("overdue").intValue(), row.getLong("on_time").intValue(),
                                row.getLong("late").intValue(), average == null ? OptionalDouble.empty()
                                : OptionalDouble.of(row.getDouble("avg_days"))));
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
