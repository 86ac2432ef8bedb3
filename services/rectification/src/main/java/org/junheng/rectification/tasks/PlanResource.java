package org.junheng.rectification.tasks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junheng.contracts.Department;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Person;
import org.junheng.contracts.rectification.ClosureReason;
import org.junheng.contracts.rectification.Milestone;
import org.junheng.contracts.rectification.PlanEvent.PlanApproved;
import org.junheng.contracts.rectification.PlanEvent.PlanItem;
import org.junheng.contracts.rectification.PlanEvent.PlanVersionDrafted;
import org.junheng.contracts.rectification.TaskKind;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.rectification.RectificationAccess;
import org.junheng.rectification.plan.PlanStore;
import org.junheng.rectification.plan.RectificationPlan;
import org.junheng.rectification.responsibility.ResponsibilityMatrix;
import org.junheng.rectification.settings.DistrictSettings;
import org.junheng.service.Caller;
import org.junheng.service.DistrictCode;
import org.junheng.service.IfMatch;
import org.junheng.service.QueryValues;
import org.junheng.service.ReportingYear;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * 整改方案: the year's plan — its versions, the leading group's approval, the 整改项目 with budget and milestones. The
 * office draws up and records; the leading group, the city and the departments read.
 */
@Path("/api/v1/districts/{district}/periods/{year}/rectification-plan")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    private final Pool pool;
    private final PlanStore plans;
    private final TaskQueries tasks;
    private final DistrictSettings settings;
    private final Clock clock;

    public PlanResource(Pool pool, PlanStore plans, TaskQueries tasks, DistrictSettings settings, Clock clock) {
        this.pool = pool;
        this.plans = plans;
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
    }

    @Schema(description = "起草整改方案新版本 (draw up the next version of the rectification plan)")
    public record DraftRequest(
            @Schema(description = "方案名称 (title)，必填，不超过200字", example = "大渡口区义务教育优质均衡发展整改方案")
            String title,
            @Schema(description = "起草说明 (remarks)，可不填", example = "根据市级督导评估反馈意见修订")
            @Nullable String remarks) {
    }

    @Schema(description = "领导小组审定记录 (the leading group's approval of a version)")
    public record ApprovalRequest(
            @Schema(description = "审定日期 (date approved)，必填；不晚于今天，不早于该版本的起草日期",
                    example = "2026-03-31")
            LocalDate approvedOn,
            @Schema(description = "审定会议或机构 (meeting or body that approved)，必填，不超过200字",
                    example = "区义务教育优质均衡发展领导小组第3次会议")
            String approvedBy,
            @Schema(description = "审定文号 (document number)，可不填", example = "大渡口府办〔2026〕18号")
            @Nullable String documentNumber) {
    }

    @Schema(description = "整改项目 (a project that settles several tasks)；同名再次提交即修订该项目")
    public record ProjectRequest(
            @Schema(description = "项目名称 (name)，必填，不超过100字；本区同一年度同名即同一项目",
                    example = "新建重庆市大渡口区实验小学音乐教室")
            String name,
            @Schema(description = "牵头单位 (lead unit)，必填：本区责任分工中的单位、督导室（dd）或领导小组办公室（ldb），"
                    + "填代码或名称", example = "jw")
            String leadDepartment,
            @Schema(description = "项目解决的整改任务编号 (ids of the tasks it settles)，至少一项；须为本区本年度的任务，"
                    + "且未列入其他项目",
                    example = "[\"06c8321f-db53-33da-ae26-9eedf0e62fef\", \"af5e9c51-dd1c-358e-ab15-5c617d38017d\"]")
            List<UUID> taskIds,
            @Schema(description = "预算 (budget)，单位万元，必填，无预算填0；0至1000万万元，至多两位小数",
                    example = "380.5")
            BigDecimal budget,
            @Schema(description = "资金来源 (funding source)，可不填", example = "区级财政预算")
            @Nullable String fundingSource,
            @Schema(description = "项目节点 (milestones)，1至20个；每个节点内容1至100字、不重复，"
                    + "时限必填，在2000年至2100年之间")
            List<Milestone> milestones) {
    }

    @Schema(description = "项目节点完成记录 (a project's milestone reached)")
    public record MilestoneRequest(
            @Schema(description = "节点内容 (milestone)，须与项目中某一节点的内容一致，且该节点尚未完成",
                    example = "完成设计")
            String milestone,
            @Schema(description = "完成日期 (date reached)，必填，2000年至今", example = "2026-03-31")
            LocalDate reachedOn,
            @Schema(description = "说明 (note)，可不填", example = "设计方案已通过专家评审")
            @Nullable String note) {
    }

    /** A version: when drawn up and by whom, whether approved (审定) and whether in force or superseded. */
    public record VersionView(int version, String title, LocalDate draftedOn, Person draftedBy,
                              @Nullable String remarks, int tasks, @Nullable PlanApproved approval,
                              String statusLabel, List<PlanItem> items) {
    }

    public record MilestoneView(String description, LocalDate dueDate, @Nullable LocalDate reachedOn,
                                @Nullable String note, String statusLabel) {
    }

    public record ProjectTask(UUID taskId, String title, String status) {
    }

    public record ProjectView(UUID projectId, String name, Department lead, BigDecimal budget,
                              @Nullable String fundingSource, List<ProjectTask> tasks,
                              List<MilestoneView> milestones, int reached, int overdue, String progressLabel) {
    }

    /**
     * The plan: {@code statusLabel} in words (未起草 / 第2版待领导小组审定 / 第2版已审定), the version in force, every
     * version (latest first, each with its items), every project.
     */
    public record View(String districtCode, int period, String statusLabel, @Nullable Integer versionInForce,
                       List<VersionView> versions, List<ProjectView> projects, long version) {
    }

    @GET
    @Operation(summary = "整改方案 The year's rectification plan: versions, approval, 整改项目")
    @APIResponseSchema(value = View.class, responseCode = "200",
            responseDescription = "整改方案当前状态；ETag 为其版本 (the plan as it stands; the ETag is its version)")
    public Uni<Response> get(@PathParam("district") String district, @PathParam("year") String year,
                             @BeanParam Caller caller) {
        String code = DistrictCode.require(district);
        int period = ReportingYear.require(year);
        caller.require(RectificationAccess.READ_PLAN, code);
        return plans.plan(pool, code, period).flatMap(loaded -> view(loaded.state(), loaded.version()));
    }

    @POST
    @Path("versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "起草整改方案新版本 The office draws up the next version from the year's tasks and their measures")
    @APIResponseSchema(value = View.class, responseCode = "200",
            responseDescription = "整改方案当前状态；ETag 为其版本 (the plan as it stands; the ETag is its version)")
    public Uni<Response> draft(@PathParam("district") String district, @PathParam("year") String year,
                               @HeaderParam("If-Match") String ifMatch, DraftRequest request,
                               @BeanParam Caller caller) {
        String code = DistrictCode.require(district);
        int period = ReportingYear.require(year);
        caller.require(RectificationAccess.DRAFT_PLAN, code);
        if (request == null) {
            throw Refusal.invalidField("title", null, "请填写方案名称 (title is required)");
        }
        return settings.of(code).flatMap(inForce -> tasks.list(new TaskQueries.Filter(code, null, null, null, null,
                        null, period, null, TaskKind.RECTIFICATION))
                .map(rows -> rows.stream()
                        .filter(row -> !ClosureReason.NO_LONGER_APPLICABLE.name().equals(row.closure()))
                        .map(row -> item(row, inForce.matrix())).toList()))
                .flatMap(items -> run(code, period, ifMatch, caller, new RectificationPlan.DraftVersion(
                        request.title(), request.remarks(), items, caller.person(), LocalDate.now(clock))));
    }

    @POST
    @Path("versions/{version}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "记录领导小组审定 The office records that the leading group approved a version")
    @APIResponseSchema(value = View.class, responseCode = "200",
            responseDescription = "整改方案当前状态；ETag 为其版本 (the plan as it stands; the ETag is its version)")
    public Uni<Response> approve(@PathParam("district") String district, @PathParam("year") String year,
                                 @PathParam("version") String version, @HeaderParam("If-Match") String ifMatch,
                                 ApprovalRequest request, @BeanParam Caller caller) {
        String code = DistrictCode.require(district);
        int period = ReportingYear.require(year);
        caller.require(RectificationAccess.APPROVE_PLAN, code);
        Integer number = QueryValues.optionalInteger("version", version);
        ApprovalRequest body = request == null ? new ApprovalRequest(null, null, null) : request;
        return run(code, period, ifMatch, caller, new RectificationPlan.Approve(number, body.approvedOn(),
                body.approvedBy(), body.documentNumber(), caller.person(), LocalDate.now(clock)));
    }

    @POST
    @Path("projects")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "设立或修订整改项目 Define (or, under the same name, revise) a project that settles several tasks")
    @APIResponseSchema(value = View.class, responseCode = "200",
            responseDescription = "整改方案当前状态；ETag 为其版本 (the plan as it stands; the ETag is its version)")
    public Uni<Response> defineProject(@PathParam("district") String district, @PathParam("year") String year,
                                       @HeaderParam("If-Match") String ifMatch, ProjectRequest request,
                                       @BeanParam Caller caller) {
        String code = DistrictCode.require(district);
        int period = ReportingYear.require(year);
        caller.require(RectificationAccess.DEFINE_PROJECT, code);
        ProjectRequest body = request == null ? new ProjectRequest(null, null, null, null, null, null) : request;
        return settings.of(code).flatMap(inForce -> yearTasks(code, period).flatMap(known -> {
            Department lead = body.leadDepartment() == null ? null
                    : inForce.matrix().answerableUnit(body.leadDepartment()).orElse(null);
            return run(code, period, ifMatch, caller, new RectificationPlan.DefineProject(body.name(), lead,
                    body.taskIds(), known, body.budget(), body.fundingSource(), body.milestones(), caller.person()));
        }));
    }

    @POST
    @Path("projects/{projectId}/milestones")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "记录项目节点完成 The office records that a project's milestone was reached")
    @APIResponseSchema(value = View.class, responseCode = "200",
            responseDescription = "整改方案当前状态；ETag 为其版本 (the plan as it stands; the ETag is its version)")
    public Uni<Response> reachMilestone(@PathParam("district") String district, @PathParam("year") String year,
                                        @PathParam("projectId") String projectId,
                                        @HeaderParam("If-Match") String ifMatch, MilestoneRequest request,
                                        @BeanParam Caller caller) {
        String code = DistrictCode.require(district);
        int period = ReportingYear.require(year);
        caller.require(RectificationAccess.REACH_MILESTONE, code);
        UUID project = QueryValues.uuid("projectId", projectId);
        MilestoneRequest body = request == null ? new MilestoneRequest(null, null, null) : request;
        return run(code, period, ifMatch, caller, new RectificationPlan.ReachMilestone(project, body.milestone(),
                body.reachedOn(), body.note(), caller.person(), LocalDate.now(clock)));
    }

    private Uni<Response> run(String district, int period, String ifMatch, Caller caller,
                              RectificationPlan.Command command) {
        return plans.onPlan(district, period, caller.metadata()).command(command).ifMatch(IfMatch.optional(ifMatch))
                .run(pool).flatMap(handled -> view(handled.state(), handled.version()));
    }

    private Uni<Set<UUID>> yearTasks(String district, int period) {
        return tasks.list(new TaskQueries.Filter(district, null, null, null, null, null, period, null, null))
                .map(rows -> rows.stream().map(TaskQueries.TaskRow::taskId).collect(Collectors.toSet()));
    }

    private static PlanItem item(TaskQueries.TaskRow row, ResponsibilityMatrix matrix) {
        List<Department> helpers = row.coDepartments().stream()
                .map(helper -> matrix.unitNamed(helper).orElse(new Department(helper, helper))).toList();
        return new PlanItem(row.taskId(), row.indicator(), row.title(),
                new Department(row.leadDepartment(), row.leadDepartmentName()), helpers, row.dueDate(),
                row.measures(), null);
    }

    private Uni<Response> view(RectificationPlan.State state, long version) {
        return tasks.list(new TaskQueries.Filter(state.districtCode(), null, null, null, null, null, state.period(),
                        null, null))
                .map(rows -> {
                    Map<UUID, TaskQueries.TaskRow> byId = rows.stream()
                            .collect(Collectors.toMap(TaskQueries.TaskRow::taskId, Function.identity()));
                    LocalDate today = LocalDate.now(clock);
                    View view = new View(state.districtCode(), state.period(), state.statusLabel(),
                            state.inForce().map(PlanVersionDrafted::version).orElse(null),
                            versions(state), state.projects().values().stream()
                            .map(project -> project(project, byId, today)).toList(), version);
                    return Response.ok(view).header("ETag", IfMatch.etag(version)).build();
                });
    }

    private static List<VersionView> versions(RectificationPlan.State state) {
        List<PlanVersionDrafted> newestFirst = new java.util.ArrayList<>(state.versions());
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream().map(v -> new VersionView(v.version(), v.title(), v.draftedOn(), v.draftedBy(),
                v.remarks(), v.items().size(), state.approval(v.version()).orElse(null),
                state.versionLabel(v.version()), v.items())).toList();
    }

    private static ProjectView project(RectificationPlan.Project project, Map<UUID, TaskQueries.TaskRow> tasks,
                                       LocalDate today) {
        var definition = project.definition();
        List<MilestoneView> milestones = definition.milestones().stream().map(m -> {
            var reached = project.reached(m).orElse(null);
            return new MilestoneView(m.description(), m.dueDate(), reached == null ? null : reached.reachedOn(),
                    reached == null ? null : reached.note(), project.statusLabel(m, today));
        }).toList();
        List<ProjectTask> projectTasks = definition.taskIds().stream().map(id -> {
            TaskQueries.TaskRow row = tasks.get(id);
            return row == null ? new ProjectTask(id, "（任务不在本年度）", "") : new ProjectTask(id, row.title(),
                    row.statusLabel());
        }).toList();
        return new ProjectView(definition.projectId(), definition.name(), definition.lead(), definition.budget(),
                definition.fundingSource(), projectTasks, milestones, project.reached().size(),
                (int) definition.milestones().stream().filter(m -> project.overdue(m, today)).count(),
                project.progressLabel(today));
    }
}
