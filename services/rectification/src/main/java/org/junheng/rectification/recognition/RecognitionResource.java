package org.junheng.rectification.recognition;

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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Person;
import org.junheng.contracts.rectification.RecognitionEvent.Outcome;
import org.junheng.contracts.rectification.RecognitionEvent.RecognitionAtRisk;
import org.junheng.contracts.rectification.RecognitionEvent.RecognitionStageRecorded;
import org.junheng.contracts.rectification.RecognitionEvent.Stage;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.rectification.RectificationAccess;
import org.junheng.service.Caller;
import org.junheng.service.DistrictCode;
import org.junheng.service.IfMatch;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** 创建进程: where a district stands on its road to recognition, and the office recording each stage. */
@Path("/api/v1/districts/{district}/recognition")
@Produces(MediaType.APPLICATION_JSON)
public class RecognitionResource {

    private final Pool pool;
    private final RecognitionStore recognition;
    private final Clock clock;

    public RecognitionResource(Pool pool, RecognitionStore recognition, Clock clock) {
        this.pool = pool;
        this.recognition = recognition;
        this.clock = clock;
    }

    @Schema(description = "创建阶段记录 (a stage on the road to recognition)")
    public record StageRequest(
            @Schema(description = "阶段 (stage)，必填：SELF_ASSESSMENT（自评）、MUNICIPAL_ASSESSMENT（市级督导评估）、"
                    + "NATIONAL_APPLICATION（申报国家认定）、NATIONAL_RECOGNITION（国家认定）、MONITORING（动态监测）",
                    example = "MUNICIPAL_ASSESSMENT")
            Stage stage,
            @Schema(description = "日期 (date)，必填，2000年至今，不早于上一阶段的日期", example = "2025-06-30")
            LocalDate date,
            @Schema(description = "结论 (outcome)：市级督导评估、国家认定和动态监测须填 PASSED（通过）或 NOT_PASSED（未通过），"
                    + "其他阶段不填", example = "PASSED")
            @Nullable Outcome outcome,
            @Schema(description = "监测年度 (monitoring year)：只有动态监测填写且必填，须晚于已记录的监测年度，2000年至今")
            @Nullable Integer monitoringYear,
            @Schema(description = "文号 (document number)：市级督导评估、申报国家认定和国家认定须填",
                    example = "渝教督〔2025〕12号")
            @Nullable String documentNumber,
            @Schema(description = "备注 (remarks)，可不填", example = "反馈问题12项")
            @Nullable String remarks) {
    }

    /** One stage as recorded, in words too. */
    public record StageView(Stage stage, String stageLabel, LocalDate date, @Nullable Outcome outcome,
                            @Nullable String outcomeLabel, @Nullable Integer monitoringYear,
                            @Nullable String documentNumber, @Nullable String remarks, Person recordedBy) {

        static StageView of(RecognitionStageRecorded r) {
            return new StageView(r.stage(), r.stage().label(), r.date(), r.outcome(),
                    r.outcome() == null ? null : r.outcome().label(), r.monitoringYear(), r.documentNumber(),
                    r.remarks(), r.recordedBy());
        }
    }

    /**
     * Where the district stands: the current stage ({@code stageLabel} 未开始 before any), whether recognised, whether
     * at risk (a regression newer than the last monitoring year passed), every stage and every risk.
     */
    public record View(String districtCode, @Nullable Stage stage, String stageLabel, @Nullable Outcome outcome,
                       boolean recognised, boolean atRisk, List<StageView> history, List<RecognitionAtRisk> risks,
                       long version) {

        static View of(Recognition.State state, long version) {
            RecognitionStageRecorded latest = state.latest();
            String label = latest == null ? "未开始" : latest.describe();
            return new View(state.districtCode(), state.stage(), label, latest == null ? null : latest.outcome(),
                    state.recognised(), state.atRisk(), state.history().stream().map(StageView::of).toList(),
                    state.risks(), version);
        }
    }

    @GET
    @Operation(summary = "创建进程 Where the district stands on its road to recognition")
    @APIResponseSchema(value = View.class, responseCode = "200",
            responseDescription = "创建进程当前状态；ETag 为其版本 (the road to recognition; the ETag is its version)")
    public Uni<Response> get(@PathParam("district") String district, @BeanParam Caller caller) {
        String code = DistrictCode.require(district);
        caller.require(RectificationAccess.READ_RECOGNITION, code);
        return recognition.load(pool, code).map(loaded -> Response.ok(View.of(loaded.state(), loaded.version()))
                .header("ETag", IfMatch.etag(loaded.version())).build());
    }

    @POST
    @Path("stages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "记录创建阶段 The office records a stage (自评, 市级督导评估, 申报国家认定, 国家认定, 动态监测)")
    @APIResponseSchema(value = View.class, responseCode = "200",
            responseDescription = "创建进程当前状态；ETag 为其版本 (the road to recognition; the ETag is its version)")
    public Uni<Response> record(@PathParam("district") String district, @HeaderParam("If-Match") String ifMatch,
                                StageRequest request, @BeanParam Caller caller) {
        String code = DistrictCode.require(district);
        caller.require(RectificationAccess.RECORD_STAGE, code);
        if (request == null) {
            throw Refusal.invalidField("stage", null, "请提交阶段记录 (a stage record is required)");
        }
        var command = new Recognition.RecordStage(request.stage(), request.date(), request.outcome(),
                request.monitoringYear(), request.documentNumber(), request.remarks(), caller.person(),
                LocalDate.now(clock));
        return recognition.on(code, caller.metadata()).command(command).ifMatch(IfMatch.optional(ifMatch)).run(pool).map(handled -> Response.ok(View.of(handled.state(), handled.version()))
                .header("ETag", IfMatch.etag(handled.version())).build());
    }
}
