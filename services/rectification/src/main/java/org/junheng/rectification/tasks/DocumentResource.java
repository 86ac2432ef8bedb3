package org.junheng.rectification.tasks;

import org.eclipse.microprofile.openapi.annotations.Operation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.Department;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.rectification.RectificationAccess;
import org.junheng.rectification.documents.RectificationReport;
import org.junheng.rectification.plan.PlanStore;
import org.junheng.rectification.plan.RectificationPlan;
import org.junheng.rectification.documents.SupervisionNotices;
import org.junheng.rectification.documents.TaskRecord;
import org.junheng.rectification.settings.DistrictSettings;
import org.junheng.service.Caller;
import org.junheng.service.ContentDisposition;
import org.junheng.service.DistrictCode;
import org.junheng.service.QueryValues;
import org.junheng.service.ServiceClock;
import org.junheng.service.documents.WordDocument;

/**
 * The documents of rectification, computed from the history as recorded up to {@code asOf} (a date: the end of that
 * day, Beijing time; default now): 整改督办单 for a task and for a department.
 */
@Path("/api/v1/districts/{district}")
@jakarta.enterprise.context.ApplicationScoped
public class DocumentResource {

    private final Pool pool;
    private final TaskStore tasks;
    private final PlanStore plans;
    private final DistrictSettings settings;
    private final Clock clock;

    DocumentResource(Pool pool, TaskStore tasks, PlanStore plans, DistrictSettings settings, Clock clock) {
        this.pool = pool;
        this.tasks = tasks;
        this.plans = plans;
        this.settings = settings;
        this.clock = clock;
    }

    /** 整改督办单 of one task (served under the task's path by the task resource). */
    public Uni<Response> forTask(String id, String asOf, Caller caller) {
        UUID taskId = taskId(id);
        Instant at = moment(asOf);
        return tasks.loadAsOf(pool, taskId, at).map(loaded -> {
            if (loaded.state() == null || !TaskAccess.visible(loaded.state(), caller)) {
                throw Refusal.notFound("task-not-found", "该日期时整改任务" + taskId + "尚不存在 (no such task then)");
            }
            byte[] document = SupervisionNotices.forTask(loaded.state(), today(at), stamp(at, loaded.events()));
            return word(document, "整改督办单-" + loaded.state().title() + ".docx", "supervision-notice.docx");
        });
    }

    @GET
    @Path("departments/{code}/supervision-notice.docx")
    @Produces(WordDocument.MEDIA_TYPE)
    @Operation(summary = "部门督办单 A department's supervision notice as Word",
            description = "一个责任单位全部未完成整改任务的督办单（docx），可指定日期（asOf）。")
    public Uni<Response> forDepartment(@PathParam("district") String district, @PathParam("code") String code,
                                       @QueryParam("asOf") String asOf, @BeanParam Caller caller) {
        String d = DistrictCode.require(district);
        caller.requireDistrict(d);
        TaskAccess.authorizeDepartmentNotice(code, caller);
        Instant at = moment(asOf);
        return settings.of(d).flatMap(s -> {
            Department department = s.matrix().department("code", code);
            return tasks.loadDistrictAsOf(pool, d, at).map(loaded -> {
                List<StoredEvent> events = loaded.stream().flatMap(l -> l.events().stream()).toList();
                byte[] document = SupervisionNotices.forDepartment(department,
                        loaded.stream().map(TaskStore.Loaded::state).toList(), today(at), stamp(at, events));
                return word(document, "整改督办单-" + department.name() + ".docx", "supervision-notice-" + code + ".docx");
            });
        });
    }

    /**
     * 整改报告 of a district's reporting year to the municipal office, as it stood at {@code asOf}: for the office,
     * the leaders, the city and admins.
     */
    @GET
    @Path("periods/{year}/rectification-report.docx")
    @Produces(WordDocument.MEDIA_TYPE)
    @Operation(summary = "整改报告 The year's rectification report to the city as Word",
            description = "总体情况、整改方案、指标达成、各单位整改、整改项目与问题明细（docx），可指定日期（asOf）。")
    public Uni<Response> report(@PathParam("district") String district, @PathParam("year") String year,
                                @QueryParam("asOf") String asOf, @BeanParam Caller caller) {
        String d = DistrictCode.require(district);
        caller.require(RectificationAccess.REPORT, d);
        int period = org.junheng.service.ReportingYear.require(year);
        Instant at = moment(asOf);
        Uni<RectificationPlan.State> planAsOf = (at == null ? plans.plan(pool, d, period)
                : plans.plan(pool, d, period, at)).map(loaded -> loaded.state());
        return tasks.loadDistrictAsOf(pool, d, at).flatMap(loaded -> latest(d, period, "READINESS", at)
                .flatMap(readiness -> latest(d, period, "COUNTY", at).flatMap(county -> planAsOf.map(plan -> {
                    List<TaskRecord> records = loaded.stream().filter(l -> l.state().period() == period)
                            .map(l -> TaskRecord.ofStored(l.events())).toList();
                    List<StoredEvent> events = loaded.stream().flatMap(l -> l.events().stream()).toList();
                    byte[] document = RectificationReport.docx(period,
                            readiness == null ? null : read(readiness, org.junheng.contracts.evaluation.EvaluationEvent
                                    .ReadinessChanged.class),
                            county == null ? null : read(county, org.junheng.contracts.evaluation.EvaluationEvent
                                    .CountyEvaluated.class),
                            plan, records, today(at), stamp(at, events));
                    return word(document, "整改报告-" + d + "-" + period + ".docx",
                            "rectification-report-" + d + "-" + period + ".docx");
                }))));
    }

    /** The latest county result or readiness verdict recorded by {@code at} (null: now); null when none. */
    private Uni<String> latest(String district, int period, String kind, Instant at) {
        return pool.preparedQuery("""
                        select payload::text as payload from district_evaluations
                        where district_code = $1 and period = $2 and kind = $3
                          and ($4::timestamptz is null or occurred_at <= $4)
                        order by occurred_at desc limit 1""")
                .execute(io.vertx.mutiny.sqlclient.Tuple.from(new Object[] {district, period, kind,
                        at == null ? null : at.atOffset(java.time.ZoneOffset.UTC)}))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("payload"));
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return org.junheng.eventsourcing.published.PublishedEvents.JSON.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a kept evaluation result is unreadable", e);
        }
    }

    /** The moment asked for; null for everything recorded so far. */
    private static Instant moment(String asOf) {
        return QueryValues.optionalAsOf("asOf", asOf);
    }

    /** The day the document speaks of: the day asked for, else today by the service's clock. */
    private LocalDate today(Instant at) {
        return at == null ? LocalDate.now(clock) : LocalDate.ofInstant(at, ServiceClock.CHINA);
    }

    private SupervisionNotices.Stamp stamp(Instant asked, List<StoredEvent> events) {
        Instant at = asked == null ? clock.instant() : asked;
        String position = events.stream().max(Comparator.comparing(StoredEvent::position))
                .map(e -> String.valueOf(e.position().globalPosition())).orElse(null);
        return new SupervisionNotices.Stamp(at, events.size(), position);
    }

    private static Response word(byte[] document, String name, String fallback) {
        return Response.ok(document, WordDocument.MEDIA_TYPE)
                .header("Content-Disposition", ContentDisposition.attachment(name, fallback)).build();
    }

    private static UUID taskId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Refusal.invalidField("id", id, "不是有效的任务编号 (not a task id)");
        }
    }
}
