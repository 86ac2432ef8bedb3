package org.junheng.rectification.tasks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junheng.contracts.rectification.TaskEvent;
import org.junheng.contracts.rectification.TaskEvent.DeadlineExtended;
import org.junheng.contracts.rectification.TaskEvent.EvidenceAttached;
import org.junheng.contracts.rectification.TaskEvent.PlanSubmitted;
import org.junheng.contracts.rectification.TaskEvent.ProgressReported;
import org.junheng.contracts.rectification.TaskEvent.SubmittedForVerification;
import org.junheng.contracts.rectification.TaskEvent.TaskAssigned;
import org.junheng.contracts.rectification.TaskEvent.TaskClosed;
import org.junheng.contracts.rectification.TaskEvent.TaskEscalated;
import org.junheng.contracts.rectification.TaskEvent.TaskOpened;
import org.junheng.contracts.rectification.TaskEvent.TaskOverdue;
import org.junheng.contracts.rectification.TaskEvent.TaskReassigned;
import org.junheng.contracts.rectification.TaskEvent.TaskRejected;
import org.junheng.contracts.rectification.TaskEvent.TaskReopened;
import org.junheng.contracts.rectification.TaskEvent.TaskVerified;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.projection.Projection;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.service.ServiceClock;

/** The task list and the departments' scorecards, from the log only (times are the events' recorded times). */
public final class TaskProjection implements Projection {

    public static final String NAME = "tasks";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Void> apply(SqlConnection tx, StoredEvent stored) {
        if (!(PublishedEvents.readKnown(stored).orElse(null) instanceof TaskEvent event)) {
            return Uni.createFrom().voidItem();
        }
        UUID id = event.taskId();
        long version = stored.version();
        OffsetDateTime at = stored.recordedAt().atOffset(ZoneOffset.UTC);
        if (event instanceof TaskOpened opened) {
            var subject = opened.subject();
            return tx.preparedQuery("""
                            insert into tasks (task_id, district_code, finding_id, period, subject_key, school_code,
                                school_name, section, indicator, severity, title, gap, lead_code, lead_name, co_codes,
                                co_names, due_date, status, opened_at, version, kind)
                            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 'OPEN',
                                $18, $19, $20)
                            on conflict (task_id) do nothing""")
                    .execute(Tuple.from(new Object[] {id, opened.districtCode(), opened.findingId(), opened.period(),
                            subject.key(), subject.schoolCode(), subject.schoolName(),
                            subject.section() == null ? null : subject.section().name(), opened.indicator().code(),
                            opened.severity().name(), opened.title(), opened.gap(), opened.leadDepartment().code(),
                            opened.leadDepartment().name(),
                            opened.coDepartments().stream().map(d -> d.code()).toArray(String[]::new),
                            opened.coDepartments().stream().map(d -> d.name()).toArray(String[]::new),
                            opened.dueDate(), at, version, opened.kindOrDefault().name()}))
                    .replaceWithVoid();
        }
        String set;
        Object[] values;
        if (event instanceof TaskAssigned assigned) {
            set = "status = 'ASSIGNED', responsible = $3";
            values = new Object[] {assigned.responsible().name()};
        } else if (event instanceof PlanSubmitted plan) {
            set = "status = 'PLANNED', measures = $3";
            values = new Object[] {plan.measures()};
        } else if (event instanceof ProgressReported progress) {
            set = "status = 'IN_PROGRESS', percent_complete = $3";
            values = new Object[] {progress.percentComplete()};
        } else if (event instanceof EvidenceAttached) {
            set = "evidence_count = evidence_count + 1";
            values = new Object[0];
        } else if (event instanceof SubmittedForVerification submitted) {
            set = "status = 'SUBMITTED', rounds = $3";
            values = new Object[] {submitted.round()};
        } else if (event instanceof TaskRejected) {
            set = "status = 'IN_PROGRESS', rejections = rejections + 1, verification = null, settled_at = null,"
                    + " settled_on_time = null";
            values = new Object[0];
        } else if (event instanceof TaskVerified verified) {
            set = "status = 'VERIFIED', verification = $3, settled_at = coalesce(settled_at, $4),"
                    + " settled_on_time = coalesce(settled_on_time, $5 <= due_date)";
            values = new Object[] {verified.method().name(), at, localDate(stored)};
        } else if (event instanceof TaskClosed closed) {
            set = "status = 'CLOSED', closure = $3, settled_at = coalesce(settled_at, $4),"
                    + " settled_on_time = coalesce(settled_on_time, $5 <= due_date)";
            values = new Object[] {closed.reason().name(), at, localDate(stored)};
        } else if (event instanceof DeadlineExtended extended) {
            set = "due_date = $3, overdue = false, escalation = null";
            values = new Object[] {extended.newDueDate()};
        } else if (event instanceof TaskReassigned reassigned) {
            set = "lead_code = $3, lead_name = $4, co_codes = array_remove(co_codes, $3),"
                    + " co_names = array_remove(co_names, $4)";
            values = new Object[] {reassigned.toDepartment().code(), reassigned.toDepartment().name()};
        } else if (event instanceof TaskOverdue) {
            set = "overdue = true";
            values = new Object[0];
        } else if (event instanceof TaskEscalated escalated) {
            set = "escalation = $3";
            values = new Object[] {escalated.level().name()};
        } else if (event instanceof TaskReopened reopened) {
            set = "status = 'IN_PROGRESS', due_date = $3, overdue = false, escalation = null, verification = null,"
                    + " closure = null, settled_at = null, settled_on_time = null";
            values = new Object[] {reopened.dueDate()};
        } else {
            set = null; // TaskDueSoon: a reminder, the list does not change
            values = new Object[0];
        }
        Object[] parameters = new Object[values.length + 2];
        parameters[0] = id;
        parameters[1] = version;
        System.arraycopy(values, 0, parameters, 2, values.length);
        return tx.preparedQuery("update tasks set " + (set == null ? "" : set + ", ") + "version = $2"
                        + " where task_id = $1")
                .execute(Tuple.from(parameters)).replaceWithVoid();
    }

    private static java.time.LocalDate localDate(StoredEvent stored) {
        return stored.recordedAt().atZone(ServiceClock.CHINA).toLocalDate();
    }

    @Override
    public Uni<Void> reset(SqlConnection tx) {
        return tx.query("truncate tasks").execute().replaceWithVoid();
    }

    @Override
    public String contentQuery() {
        return "select * from tasks";
    }
}
