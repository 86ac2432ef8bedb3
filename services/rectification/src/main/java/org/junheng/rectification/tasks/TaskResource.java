package org.junheng.rectification.tasks;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.Department;
import org.junheng.contracts.EvidenceReference;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Person;
import org.junheng.contracts.rectification.Milestone;
import org.junheng.contracts.rectification.TaskKind;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.rectification.RectificationAccess;
import org.junheng.rectification.evidence.EvidenceFiles;
import org.junheng.rectification.lifecycle.TaskCommand;
import org.junheng.rectification.lifecycle.TaskState;
import org.junheng.rectification.lifecycle.TaskStatus;
import org.junheng.rectification.settings.DistrictSettings;
import org.junheng.service.Caller;
import org.junheng.service.DistrictCode;
import org.junheng.service.QueryValues;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Rectification tasks (整改任务): list, one task, its history, and the actions of its lifecycle. */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final Pool pool;
    private final TaskStore tasks;
    private final TaskActions actions;
    private final TaskQueries queries;
    private final DistrictSettings settings;
    private final EvidenceFiles evidenceFiles;
    private final DocumentResource documents;
    private final java.time.Clock clock;

    public TaskResource(Pool pool, TaskStore tasks, TaskActions actions, TaskQueries queries,
                        DistrictSettings settings, EvidenceFiles evidenceFiles,
                        DocumentResource documents, java.time.Clock clock) {
        this.clock = clock;
        this.evidenceFiles = evidenceFiles;
        this.documents = documents;
        this.pool = pool;
        this.tasks = tasks;
        this.actions = actions;
        this.queries = queries;
        this.settings = settings;
    }

    /** The task, its status in words, its version (the ETag) and what the caller may do with it now. */
    public record TaskView(TaskState task, String statusLabel, long version, List<ActionView> actions) {
        static TaskView of(TaskState state, long version, Caller caller) {
            return new TaskView(state, state.status().describe(state.verification(), state.closure()), version, TaskAccess.available(state, caller).stream()
                    .map(action -> new ActionView(action.operation(), action.label())).toList());
        }
    }

    /** An action the caller may take: {@code POST /api/v1/tasks/{id}/<operation>}, and its name in words. */
    public record ActionView(String operation, String label) {
    }

    public record HistoryEntry(long version, String type, Instant recordedAt, @Nullable EventMetadata.Actor actor,
                               @Nullable String correlationId, @Nullable String causationId, JsonNode event) {
    }

    @Schema(description = "指定责任人 (name who is responsible)")
    public record AssignRequest(
            @Schema(description = "本单位责任人 (person responsible)，须有 id；不填即调用者本人")
            @Nullable Person responsible) {
    }

    @Schema(description = "整改措施 (measures, milestones and planned completion)")
    public record PlanRequest(
            @Schema(description = "整改措施 (measures)，必填",
                    example = "将2间普通教室改造为网络多媒体教室，寒假完成设备采购和安装调试")
            String measures,
            @Schema(description = "整改节点 (milestones)，可不填")
            @Nullable List<Milestone> milestones,
            @Schema(description = "计划完成日期 (planned completion)，必填", example = "2026-06-30")
            LocalDate plannedCompletion) {
    }

    @Schema(description = "整改进展 (a progress report)")
    public record ProgressRequest(
            @Schema(description = "完成比例 (percent complete)，必填，0至100", example = "60")
            Integer percentComplete,
            @Schema(description = "进展说明 (description)，必填", example = "多媒体设备已完成招标，正在安装调试")
            String description) {
    }

    @Schema(description = "提交核验 (submit for verification)")
    public record SummaryRequest(
            @Schema(description = "整改情况说明 (summary)，必填；提交前须已上传佐证材料",
                    example = "已完成2间网络多媒体教室改造并通过验收，验收报告已上传")
            String summary) {
    }

    @Schema(description = "核验通过 (the office verifies)")
    public record CommentRequest(
            @Schema(description = "核验意见 (comment)，可不填", example = "经现场核查，整改到位")
            @Nullable String comment) {
    }

    @Schema(description = "销号 (the office signs the task off)")
    public record NoteRequest(
            @Schema(description = "销号说明 (note)，可不填", example = "经复核整改到位，同意销号")
            @Nullable String note) {
    }

    @Schema(description = "退回 (send the task back with a reason)")
    public record ReasonRequest(
            @Schema(description = "退回理由 (why it is returned)，必填", example = "佐证材料缺少验收报告，请补充后再提交")
            String reason) {
    }

    @Schema(description = "延期 (extend the due date)")
    public record ExtendRequest(
            @Schema(description = "新的整改期限 (new due date)，必填，须晚于当前整改期限", example = "2026-09-30")
            LocalDate newDueDate,
            @Schema(description = "延期理由 (reason)，必填", example = "音乐教室改造受汛期影响停工，需顺延工期")
            String reason) {
    }

    @Schema(description = "改派 (give the task to another unit)")
    public record ReassignRequest(
            @Schema(description = "改派单位代码 (code of the new lead unit)，必填；须为本区责任分工中的单位，且不是当前牵头单位",
                    example = "cz")
            String to,
            @Schema(description = "改派理由 (reason)，必填", example = "教师培训经费列支由区财政局牵头落实")
            String reason) {
    }

    @GET
    @Operation(summary = "整改任务列表 The tasks, filtered",
            description = "按单位（牵头或配合）、状态、指标、学校（标识码或名称）、逾期、年度、类型筛选；部门只看到本单位参与的任务，学校只看到本校的。")
    public Uni<List<TaskQueries.TaskRow>> list(@QueryParam("district") String district,
                                               @QueryParam("department") String department,
                                               @QueryParam("status") String status,
                                               @QueryParam("indicator") String indicator,
                                               @QueryParam("school") String school,
                                               @QueryParam("overdue") String overdue,
                                               @QueryParam("period") String period,
                                               @QueryParam("involvement") String involvement,
                                               @QueryParam("kind") String kind,
                                               @BeanParam Caller caller) {
        DistrictCode.require(district);
        caller.require(RectificationAccess.LIST_TASKS, district);
        // a department sees the tasks it leads or helps with, a school its own, whatever it asks for
        if (caller.department() != null) {
            department = caller.department();
        }
        if (caller.school() != null) {
            school = caller.school();
        }
        TaskStatus byStatus = QueryValues.optionalEnum("status", status, TaskStatus.class);
        IndicatorCode byIndicator = QueryValues.optionalIndicator("indicator", indicator);
        TaskQueries.Involvement part = QueryValues.optionalEnum("involvement", involvement,
                TaskQueries.Involvement.class);
        if (part != null && blankToNull(department) == null) {
            throw Refusal.invalidField("involvement", involvement,
                    "按牵头/配合筛选须指定单位 department (involvement needs a department)");
        }
        TaskKind taskKind = QueryValues.optionalEnum("kind", kind, TaskKind.class);
        return queries.list(new TaskQueries.Filter(district, blankToNull(department),
                byStatus == null ? null : byStatus.name(), byIndicator == null ? null : byIndicator.code(),
                blankToNull(school), QueryValues.optionalBoolean("overdue", overdue),
                QueryValues.optionalInteger("period", period), part, taskKind));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "整改任务详情 One task, with what the caller may do now",
            description = "任务全貌与 actions（调用者此刻可做的操作）；ETag 供修改时的 If-Match 使用。")
    @APIResponseSchema(value = TaskView.class, responseCode = "200",
            responseDescription = "任务的当前状态与可做的操作；ETag 为其版本 (the task as it stands; the ETag is its version)")
    public Uni<Response> get(@PathParam("id") String id, @BeanParam Caller caller) {
        caller.requireOrNotFound(RectificationAccess.READ_TASK);
        UUID taskId = taskId(id);
        return tasks.load(pool, taskId).map(loaded -> {
            if (loaded.state() == null || !TaskAccess.visible(loaded.state(), caller)) {
                throw TaskActions.notFound(taskId);
            }
            return Response.ok(TaskView.of(loaded.state(), loaded.version(), caller))
                    .header("ETag", org.junheng.service.IfMatch.etag(loaded.version())).build();
        });
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "任务历程 Every event of a task",
            description = "每个事件的操作人、时间、关联与因果标识。")
    public Uni<List<HistoryEntry>> history(@PathParam("id") String id, @BeanParam Caller caller) {
        caller.requireOrNotFound(RectificationAccess.TASK_HISTORY);
        UUID taskId = taskId(id);
        return tasks.load(pool, taskId).map(loaded -> {
            if (loaded.state() == null || !TaskAccess.visible(loaded.state(), caller)) {
                throw TaskActions.notFound(taskId);
            }
            return loaded.events().stream().map(stored -> new HistoryEntry(stored.version(), stored.eventType(),
                    stored.recordedAt(), stored.metadata() == null ? null : stored.metadata().actor(),
                    stored.metadata() == null ? null : stored.metadata().correlationId(),
                    stored.metadata() == null ? null : stored.metadata().causationId(),
                    PublishedEvents.JSON.valueToTree(PublishedEvents.read(stored)))).toList();
        });
    }

    @POST
    @Path("{id}/assign")
    @Operation(summary = "指定责任人 The lead names who is responsible",
            description = "牵头单位指定本单位责任人（须带 If-Match）。")
    @APIResponseSchema(value = TaskView.class, responseCode = "200",
            responseDescription = "任务的当前状态与可做的操作；ETag 为其版本 (the task as it stands; the ETag is its version)")
    public Uni<Response> assign(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                AssignRequest body, @BeanParam Caller caller) {
        Person responsible = body == null || body.responsible() == null ? caller.person() : body.responsible();
        if (responsible.id() == null || responsible.id().isBlank()) {
            throw Refusal.invalidField("responsible.id", null, "请指定责任人 (name the person responsible)");
        }
        return act(id, ifMatch, new TaskCommand.Assign(responsible), caller);
    }

    @POST
    @Path("{id}/plan")
    @Operation(summary = "报送整改措施 The lead submits measures and milestones",
            description = "整改措施、节点与计划完成日期（须带 If-Match）。")
    @APIResponseSchema(value = TaskView.class, responseCode = "200",
            responseDescription = "任务的当前状态与可做的操作；ETag 为其版本 (the task as it stands; the ETag is its version)")
    public Uni<Response> plan(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, PlanRequest body,
                              @BeanParam Caller caller) {
        PlanRequest plan = required(body);
        return act(id, ifMatch, new TaskCommand.SubmitPlan(plan.measures(), plan.milestones(),
                plan.plannedCompletion(), caller.person()), caller);
    }

    @POST
    @Path("{id}/progress")
    @Operation(summary = "报告进展 Report progress",
            description = "完成百分比与进展说明；牵头和配合单位均可（须带 If-Match）。")
    @APIResponseSchema(value = TaskView.class, responseCode = "200",
            responseDescription = "任务的当前状态与可做的操作；ETag 为其版本 (the task as it stands; the ETag is its version)")
    public Uni<Response> progress(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                  ProgressRequest body, @BeanParam Caller caller) {
        ProgressRequest progress = required(body);
        if (progress.percentComplete() == null) {
            throw Refusal.invalidField("percentComplete", null, "请填写完成比例 (percentComplete is required)");
        }
        return act(id, ifMatch, new TaskCommand.ReportProgress(progress.percentComplete(), progress.description(),
                caller.person()), caller);
    }

    /** A reference to a file kept elsewhere (URL or storage key), pinned by its SHA-256 in either case of hex. */
    @POST
    @Path("{id}/evidence")
    @Operation(summary = "登记佐证材料 Record a file kept elsewhere",
            description = "登记存放在别处的文件（名称、SHA-256、位置）（须带 If-Match）。")
    @APIResponseSchema(value = TaskView.class, responseCode = "200",
            responseDescription = "任务的当前状态与可做的操作；ETag 为其版本 (the task as it stands; the ETag is its version)")
    public Uni<Response> evidence(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                  EvidenceReference body, @BeanParam Caller caller) {
        EvidenceReference evidence = required(body);
        if (evidence.name() == null || evidence.name().isBlank()) {
            throw Refusal.invalidField("name", evidence.name(), "请填写文件名 (name is required)");
        }
        if (evidence.sha256() == null || !evidence.sha256().matches("[0-9a-fA-F]{64}")) {
            throw Refusal.invalidField("sha256", evidence.sha256(),
                    "须为64位十六进制SHA-256 (64 hex digits, as Get-FileHash or sha256sum print it)");
        }
        if (evidence.location() == null || evidence.location().isBlank()) {
            throw Refusal.invalidField("location", evidence.location(),
                    "请填写文件地址或存储键 (URL or storage key required)");
        }
        EvidenceReference normalized = new EvidenceReference(evidence.name().strip(),
                evidence.sha256().toLowerCase(java.util.Locale.ROOT), evidence.location().strip());
        return act(id, ifMatch, new TaskCommand.AttachEvidence(normalized, caller.person()), caller);
    }

    /**
     * Files uploaded as evidence (form field {@code file}, one or more): checked by content, hashed by the server,
     * stored with their events; the same content twice is stored once.
     */
    @POST
    @Path("{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @io.smallrye.common.annotation.Blocking
    @Operation(summary = "上传佐证材料 Upload evidence files",
            description = "multipart 上传一个或多个文件（PDF、图片、Word、Excel，按内容识别类型）（须带 If-Match）。")
    @APIResponseSchema(value = TaskView.class, responseCode = "200",
            responseDescription = "任务的当前状态与可做的操作；ETag 为其版本 (the task as it stands; the ETag is its version)")
    public Uni<Response> uploadEvidence(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                        @org.jboss.resteasy.reactive.RestForm("file")
                                        List<org.jboss.resteasy.reactive.multipart.FileUpload> files,
                                        @BeanParam Caller caller) {
        UUID taskId = taskId(id);
        List<EvidenceFiles.Upload> uploads = evidenceFiles.inspectAll(files == null ? null : files.stream()
                .map(f -> f == null ? null : new EvidenceFiles.Received(f.uploadedFile(), f.fileName())).toList());
        List<TaskCommand> commands = uploads.stream().<TaskCommand>map(upload -> new TaskCommand.AttachEvidence(
                new EvidenceReference(upload.name(), upload.sha256(), evidenceLocation(taskId, upload.sha256())),
                caller.person())).toList();
        return actions.act(taskId, org.junheng.service.IfMatch.optional(ifMatch), commands, caller,
                tx -> evidenceFiles.storeAll(tx, uploads)).map(done -> answer(done, caller));
    }

    /** An evidence file of the task, for whoever may see the task: images and PDFs shown inline, others saved. */
    @GET
    @Path("{id}/evidence/{sha256}")
    @Produces(MediaType.WILDCARD)
    @io.smallrye.common.annotation.Blocking
    @Operation(summary = "下载佐证材料 One evidence file",
            description = "按 SHA-256 取回文件，带中文文件名；图片与 PDF 可在浏览器中预览。")
    public Response evidenceFile(@PathParam("id") String id, @PathParam("sha256") String sha256,
                                 @QueryParam("download") String download, @BeanParam Caller caller) {
        caller.requireOrNotFound(RectificationAccess.READ_EVIDENCE);
        UUID taskId = taskId(id);
        String hash = sha256 == null ? "" : sha256.toLowerCase(java.util.Locale.ROOT);
        TaskState task = tasks.load(pool, taskId).await().indefinitely().state();
        if (task == null || !TaskAccess.visible(task, caller)) {
            throw TaskActions.notFound(taskId);
        }
        EvidenceReference reference = task.evidence().stream().filter(e -> e.sha256().equals(hash)).findFirst()
                .orElseThrow(() -> Refusal.notFound("evidence-not-found", "该任务没有这份佐证材料 (no such evidence)"));
        EvidenceFiles.Stored stored = evidenceFiles.find(pool, hash).await().indefinitely()
                .orElseThrow(() -> Refusal.notFound("evidence-kept-elsewhere",
                        "这份材料存于外部: " + reference.location() + " (kept outside this service)"));
        boolean attachment = !stored.kind().previewable || Boolean.TRUE.equals(QueryValues.optionalBoolean("download",
                download));
        String fallback = "evidence-" + hash.substring(0, 12) + "." + stored.kind().extension;
        return Response.ok((jakarta.ws.rs.core.StreamingOutput) out -> evidenceFiles.copy(pool, stored, out),
                        stored.kind().mediaType)
                .header("Content-Length", stored.size())
                .header("Content-Disposition", attachment
                        ? org.junheng.service.ContentDisposition.attachment(reference.name(), fallback)
                        : org.junheng.service.ContentDisposition.inline(reference.name(), fallback))
                .header("ETag", "\"" + hash + "\"")
                .build();
    }

    /** 整改督办单 (Word) of the task as it stood at {@code asOf} (a date or instant; default now). */
    @GET
    @Path("{id}/supervision-notice.docx")
    @Produces(org.junheng.service.documents.WordDocument.MEDIA_TYPE)
    @Operation(summary = "任务督办单 The task's supervision notice as Word",
            description = "一项任务的整改督办单（docx），可指定日期（asOf）。")
    public Uni<Response> supervisionNotice(@PathParam("id") String id, @QueryParam("asOf") String asOf,
                                           @BeanParam Caller caller) {
        caller.requireOrNotFound(RectificationAccess.TASK_NOTICE);
        return documents.forTask(id, asOf, caller);
    }

    static String evidenceLocation(UUID taskId, String sha256) {
        return "/api/v1/tasks/" + taskId + "/evidence/" + sha256;
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "提交核验 The lead submits for verification",
            description = "整改完成后提交督导室核验，须已有佐证材料（须带 If-Match）。")
    @APIResponseSchema(value = TaskView.class, responseCode = "200",
            responseDescription = "任务的当前状态与可做的操作；ETag 为其版本 (the task as it stands; the ETag is its version)")
    public Uni<Response> submit(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                SummaryRequest body, @BeanParam Caller caller) {
        return act(id, ifMatch, new TaskCommand.SubmitForVerification(required(body).summary(), caller.person()),
                caller);
    }

    @POST
    @Path("{id}/verify")
    @Operation(summary = "核验通过 The office verifies",
            description = "督导室核验通过（须带 If-Match）。")
    @APIResponseSchema(value = TaskView.class, responseCode = "200",
            responseDescription = "任务的当前状态与可做的操作；ETag 为其版本 (the task as it stands; the ETag is its version)")
    public Uni<Response> verify(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                CommentRequest body, @BeanParam Caller caller) {
        return act(id, ifMatch, new TaskCommand.Verify(caller.person(), body == null ? null : body.comment()), caller);
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "退回 The office sends it back with a reason",
            description = "核验或复核不通过，退回继续整改（须带 If-Match）。")
    @APIResponseSchema(value = TaskView.class, responseCode = "200",
            responseDescription = "任务的当前状态与可做的操作；ETag 为其版本 (the task as it stands; the ETag is its version)")
    public Uni<Response> reject(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                ReasonRequest body, @BeanParam Caller caller) {
        return act(id, ifMatch, new TaskCommand.Reject(required(body).reason(), caller.person()), caller);
    }

    /** 销号: the office signs a verified task off, with a note (销号说明) if it likes. */
    @POST
    @Path("{id}/close")
    @Operation(summary = "销号 The office signs the task off",
            description = "督导室复核销号，可附销号说明（须带 If-Match）。")
    @APIResponseSchema(value = TaskView.class, responseCode = "200",
            responseDescription = "任务的当前状态与可做的操作；ETag 为其版本 (the task as it stands; the ETag is its version)")
    public Uni<Response> close(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                               NoteRequest body, @BeanParam Caller caller) {
        return act(id, ifMatch, new TaskCommand.Close(body == null ? null : body.note(), caller.person()), caller);
    }

    /** 约谈 or 问责 on a task: who was summoned or held accountable, when, why, and what came of it. */
    @POST
    @Path("{id}/accountability")
    @Operation(summary = "记录约谈问责 Record a 约谈 or 问责 on the task",
            description = "对任务责任单位的约谈或问责：对象、日期、事由、结果（须带 If-Match）。")
    @APIResponseSchema(value = TaskView.class, responseCode = "200",
            responseDescription = "任务的当前状态与可做的操作；ETag 为其版本 (the task as it stands; the ETag is its version)")
    public Uni<Response> accountability(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                        AccountabilityRequest body, @BeanParam Caller caller) {
        AccountabilityRequest request = required(body);
        return act(id, ifMatch, new TaskCommand.RecordAccountability(request.kind(), request.person(),
                request.date(), request.reason(), request.outcome(), caller.person(), LocalDate.now(clock)), caller);
    }

    @POST
    @Path("{id}/extend")
    @Operation(summary = "延期 The office extends the due date",
            description = "新的整改期限与理由（须带 If-Match）。")
    @APIResponseSchema(value = TaskView.class, responseCode = "200",
            responseDescription = "任务的当前状态与可做的操作；ETag 为其版本 (the task as it stands; the ETag is its version)")
    public Uni<Response> extend(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                ExtendRequest body, @BeanParam Caller caller) {
        ExtendRequest extend = required(body);
        if (extend.newDueDate() == null) {
            throw Refusal.invalidField("newDueDate", null, "请填写新的整改期限 (newDueDate is required)");
        }
        return act(id, ifMatch, new TaskCommand.ExtendDeadline(extend.newDueDate(), extend.reason(),
                caller.person()), caller);
    }

    @POST
    @Path("{id}/reassign")
    @Operation(summary = "改派 The office gives the task to another unit",
            description = "改由责任分工中的另一单位牵头，并说明理由（须带 If-Match）。")
    @APIResponseSchema(value = TaskView.class, responseCode = "200",
            responseDescription = "任务的当前状态与可做的操作；ETag 为其版本 (the task as it stands; the ETag is its version)")
    public Uni<Response> reassign(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                  ReassignRequest body, @BeanParam Caller caller) {
        ReassignRequest reassign = required(body);
        UUID taskId = taskId(id);
        return tasks.load(pool, taskId).flatMap(loaded -> {
            if (loaded.state() == null || !TaskAccess.visible(loaded.state(), caller)) {
                throw TaskActions.notFound(taskId);
            }
            return settings.of(loaded.state().districtCode());
        }).flatMap(s -> {
            Department to = s.matrix().department("to", reassign.to());
            return act(id, ifMatch, new TaskCommand.Reassign(to, reassign.reason(), caller.person()), caller);
        });
    }

    private Uni<Response> act(String id, String ifMatch, TaskCommand command, Caller caller) {
        return actions.act(taskId(id), org.junheng.service.IfMatch.optional(ifMatch), command, caller)
                .map(done -> answer(done, caller));
    }

    /** The task after an action, with its new version as ETag. */
    private static Response answer(TaskActions.Done done, Caller caller) {
        return Response.ok(TaskView.of(done.state(), done.version(), caller))
                .header("ETag", org.junheng.service.IfMatch.etag(done.version())).build();
    }

    static UUID taskId(String id) {
        return QueryValues.uuid("id", id);
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw Refusal.invalidField("body", null, "请求体不能为空 (a JSON body is required)");
        }
        return body;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
