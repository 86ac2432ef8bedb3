package org.junheng.rectification.tasks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.rectification.ProblemSource;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.rectification.RectificationAccess;
import org.junheng.rectification.documents.OutsideProblemSheet;
import org.junheng.rectification.lifecycle.OutsideProblems;
import org.junheng.rectification.lifecycle.TaskCommand;
import org.junheng.rectification.settings.DistrictSettings;
import org.junheng.service.Caller;
import org.junheng.service.DistrictCode;
import org.junheng.service.QueryValues;
import org.junheng.service.ReportingYear;
import org.junheng.service.Uploads;
import org.junheng.service.documents.ImportProblem;

/**
 * 外部问题清单: the office enters a problem list from outside the evaluation — as JSON, or as the template's
 * spreadsheet — and every item becomes a task in one transaction (all or nothing), through
 * {@link OutsideProblems}. Entering the same list again opens nothing twice. The template:
 * {@link OutsideProblemTemplateResource}.
 */
@Path("/api/v1/districts/{district}/periods/{year}/outside-problems")
public class OutsideProblemResource {

    private final Pool pool;
    private final TaskStore tasks;
    private final DistrictSettings settings;
    private final Clock clock;

    public OutsideProblemResource(Pool pool, TaskStore tasks, DistrictSettings settings, Clock clock) {
        this.pool = pool;
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
    }

    /** The source of a list: who found the problems, the 文号 and the date. */
    @Schema(description = "问题来源 (source of the list)")
    public record SourceInput(
            @Schema(description = "问题来源类别 (kind)，必填：MUNICIPAL_ASSESSMENT（市级督导评估反馈）、"
                    + "NATIONAL_RECOGNITION（国家认定反馈）、INSPECTION（督学检查）、PUBLIC（群众反映）")
            ProblemSource.Kind kind,
            @Schema(description = "文号 (document number)，不超过100字；群众反映以外必填", example = "渝教督〔2025〕12号")
            @Nullable String documentNumber,
            @Schema(description = "来文或收到日期 (date issued or received)，必填，2000年至今", example = "2025-06-30")
            LocalDate issuedOn) {
    }

    /** One item as JSON; {@code number} is the item's 序号 in the source document. */
    @Schema(description = "问题条目 (one problem of the list)")
    public record ItemInput(
            @Schema(description = "序号 (item number in the source document)，必填，从1起，清单内不重复", example = "1")
            Integer number,
            @Schema(description = "指标代码 (indicator code)，必填，如 GG5、RA5、EQ4", example = "GG5")
            String indicator,
            @Schema(description = "学校标识码 (school code)，10位数字；与学校名称同时填写，全区问题两者都不填",
                    example = "2150473309")
            @Nullable String schoolCode,
            @Schema(description = "学校名称 (school name)；与学校标识码同时填写", example = "重庆市大渡口区钢花小学")
            @Nullable String schoolName,
            @Schema(description = "问题描述 (description)，必填，不超过500字", example = "四年级3个班超过45人，最大班额52人")
            String description,
            @Schema(description = "牵头单位 (lead unit)：本区责任分工中的单位代码或名称；不填则按责任分工确定",
                    example = "jw")
            @Nullable String leadDepartment,
            @Schema(description = "整改期限 (due date)：不早于来文日期，不晚于2100年；不填则按创建安排确定",
                    example = "2025-12-31")
            @Nullable LocalDate dueDate) {
    }

    @Schema(description = "外部问题清单 (a problem list from outside the evaluation)")
    public record ListInput(
            @Schema(description = "问题来源 (source)，必填")
            SourceInput source,
            @Schema(description = "问题条目 (items)，1至500条；任一条有误则整张清单都不录入")
            List<ItemInput> items) {
    }

    /** What was opened: one task per item, in the list's order. */
    public record Opened(int item, UUID taskId, String title, String leadDepartment, LocalDate dueDate) {
    }

    public record Entered(ProblemSource.Kind kind, String kindLabel, @Nullable String documentNumber,
                          LocalDate issuedOn, List<Opened> tasks) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "录入外部问题清单 Enter a problem list from outside the evaluation: every item a task, all or none")
    public Uni<Entered> enter(@PathParam("district") String district, @PathParam("year") String year,
                              ListInput list, @BeanParam Caller caller) {
        String code = DistrictCode.require(district);
        int period = ReportingYear.require(year);
        caller.require(RectificationAccess.ENTER_OUTSIDE_PROBLEMS, code);
        if (list == null) {
            throw Refusal.invalidField("source", null, "请提交问题来源和条目 (source and items required)");
        }
        SourceInput source = list.source() == null ? new SourceInput(null, null, null) : list.source();
        List<OutsideProblems.RawItem> raw = new ArrayList<>();
        if (list.items() != null) {
            for (ItemInput item : list.items()) {
                raw.add(item == null ? null : new OutsideProblems.RawItem(
                        item.number() == null ? null : item.number().toString(), item.indicator(), item.schoolCode(),
                        item.schoolName(), item.description(), item.leadDepartment(),
                        item.dueDate() == null ? null : item.dueDate().toString()));
            }
        }
        return open(code, period, source, raw, caller, problems -> Refusal.invalid(
                "问题清单有" + problems.size() + "处错误，未录入任何条目 (" + problems.size()
                        + " problem(s); nothing was entered)",
                problems.stream().map(p -> Violation.error(p.index() < 0
                        ? (p.field().equals("items") ? "items" : "source." + p.field())
                        : "items[" + p.index() + "]" + (p.field().equals("items") ? "" : "." + p.field()),
                        p.value(), p.reason())).toList()));
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "导入外部问题清单 (XLSX or CSV of the template; the source in form fields): problems named by row "
            + "and column, all or none")
    public Uni<Entered> importList(@PathParam("district") String district, @PathParam("year") String year,
                                   @RestForm("file") FileUpload file, @RestForm("kind") String kind,
                                   @RestForm("documentNumber") String documentNumber,
                                   @RestForm("issuedOn") String issuedOn, @BeanParam Caller caller) {
        String code = DistrictCode.require(district);
        int period = ReportingYear.require(year);
        caller.require(RectificationAccess.IMPORT_OUTSIDE_PROBLEMS, code);
        ProblemSource.Kind sourceKind = QueryValues.optionalEnum("kind", kind, ProblemSource.Kind.class);
        LocalDate sourceDate = QueryValues.optionalDate("issuedOn", issuedOn);
        OutsideProblemSheet.Read read = OutsideProblemSheet.read(Uploads.bytes(file), file == null ? null : file.fileName());
        if (!read.problems().isEmpty()) {
            throw ImportProblem.rejected(read.problems());
        }
        SourceInput source = new SourceInput(sourceKind, blankToNull(documentNumber), sourceDate);
        return open(code, period, source, read.items(), caller, problems -> {
            List<Violation> sourceProblems = problems.stream().filter(p -> p.index() < 0 && !p.field().equals("items"))
                    .map(p -> Violation.error(p.field(), p.value(), p.reason())).toList();
            if (!sourceProblems.isEmpty()) {
                return Refusal.invalid("问题来源填写有误 (the source is malformed)", sourceProblems);
            }
            return ImportProblem.rejected(read.cellProblems(problems));
        });
    }

    /** Checks the whole list, then opens every item's task in one transaction; {@code refuse} words the problems. */
    private Uni<Entered> open(String district, int period, SourceInput source, List<OutsideProblems.RawItem> raw,
                              Caller caller,
                              java.util.function.Function<List<OutsideProblems.Problem>, Refusal> refuse) {
        LocalDate today = LocalDate.now(clock);
        return settings.of(district).flatMap(inForce -> {
            List<OutsideProblems.Problem> problems = new ArrayList<>(OutsideProblems.checkSource(source.kind(),
                    source.documentNumber(), source.issuedOn(), today));
            OutsideProblems.Checked checked = OutsideProblems.check(raw, source.issuedOn(), inForce.matrix());
            problems.addAll(checked.problems());
            if (!problems.isEmpty()) {
                throw refuse.apply(problems);
            }
            List<Opened> opened = new ArrayList<>();
            return pool.withTransaction((SqlConnection tx) -> {
                Uni<Void> steps = Uni.createFrom().voidItem();
                for (OutsideProblems.Item item : checked.items()) {
                    ProblemSource itemSource = new ProblemSource(source.kind(), source.documentNumber(),
                            source.issuedOn(), item.number());
                    UUID taskId = TaskStore.taskIdFor(OutsideProblems.findingId(district, period, itemSource));
                    var task = OutsideProblems.opened(district, period, itemSource, item, taskId, inForce.matrix(),
                            inForce.campaign(), today);
                    opened.add(new Opened(item.number(), taskId, task.title(), task.leadDepartment().name(),
                            task.dueDate()));
                    steps = steps.flatMap(ignored -> tasks.on(taskId, caller.metadata())
                            .command(new TaskCommand.Open(task)).run(tx).replaceWithVoid());
                }
                return steps;
            }).map(ignored -> new Entered(source.kind(), source.kind().label(), source.documentNumber(),
                    source.issuedOn(), opened));
        });
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
