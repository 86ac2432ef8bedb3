package org.junheng.intake.statistics;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.intake.IntakeAccess;
import org.junheng.intake.history.StreamHistory;
import org.junheng.service.Caller;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;

@Path("/api/v1/districts/{district}/periods/{year}/schools/{code}/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "学校年度统计 School statistics")
public class StatisticsResource {

    /** A submission or, with If-Match, a correction (which needs {@code reason}). */
    @Schema(description = "年度统计报送或更正 (a school's statistics of the year, submitted or corrected)")
    public record Submission(
            @Schema(description = "学校年度统计数据 (the year's statistics)，必填")
            SchoolStatistics statistics,
            @Schema(description = "更正原因 (reason for a correction)：本年度已报送后再更正（带 If-Match）时必填，首次报送可不填",
                    example = "更正小学在校生数：春季转入学生3人漏报")
            @Nullable String reason,
            @Schema(description = "确认存疑数据 (confirm warnings)：数据存疑时须为 true 才予接收，不填即 false；有错误的数据一律拒收",
                    example = "false")
            boolean acceptWarnings) {
    }

    public record FormView(String districtCode, String schoolCode, int period, SchoolProfile profile,
                           SchoolStatistics statistics, long version) {
        static FormView of(StatisticsDesk.Form form) {
            var f = form.form();
            return new FormView(f.districtCode(), f.schoolCode(), f.period(), f.profile(), f.statistics(), form.version());
        }
    }

    private final StatisticsDesk desk;
    private final StreamHistory history;
    private final Submitters submitters;

    public StatisticsResource(StatisticsDesk desk, StreamHistory history, Submitters submitters) {
        this.desk = desk;
        this.history = history;
        this.submitters = submitters;
    }

    @PUT
    @Operation(summary = "报送或更正年度统计 Submit (no If-Match) or correct (If-Match + reason) a school's statistics")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "已更新的报表；ETag 为新版本 (the form updated; the ETag is its new version)",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = FormView.class))),
            @APIResponse(responseCode = "201", description = "首次报送的报表 (the form, first submitted)",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = FormView.class)))})
    public Uni<Response> put(@PathParam("district") String district, @PathParam("year") int year,
                             @PathParam("code") String code, Submission submission,
                             @HeaderParam("If-Match") String ifMatch,
                             @BeanParam Caller caller) {
        caller.require(IntakeAccess.SUBMIT_STATISTICS, district);
        submitters.requireMaySubmit(caller.role().orElseThrow(), caller.actor().department(), code);
        if (submission == null) {
            throw Refusal.invalid("请求体必填 (request body required)",
                    List.of(Violation.error("statistics", null, "必填 (required)")));
        }
        Long version = org.junheng.service.IfMatch.optional(ifMatch);
        return desk.submitOrCorrect(district, year, code, submission.statistics(), submission.reason(),
                        submission.acceptWarnings(), version, caller.metadata())
                .map(form -> Response.status(form.created() ? 201 : 200)
                        .tag(new EntityTag(Long.toString(form.version()))).entity(FormView.of(form)).build());
    }

    @GET
    @Operation(summary = "年度统计 A school's statistics of one year, with its version as ETag")
    @APIResponseSchema(value = FormView.class, responseCode = "200",
            responseDescription = "学校统计报表；ETag 为其版本 (the form; the ETag is its version)")
    public Uni<Response> get(@PathParam("district") String district, @PathParam("year") int year,
                             @PathParam("code") String code, @BeanParam Caller caller) {
        caller.require(IntakeAccess.READ_STATISTICS, district);
        caller.requireOwnSchool(code);
        return desk.find(district, year, code).map(form -> {
            if (!form.form().submitted()) {
                throw Refusal.notFound("statistics-not-found", "该年度统计尚未报送 (no " + year + " statistics of " + code + ")");
            }
            return Response.ok(FormView.of(form)).tag(new EntityTag(Long.toString(form.version()))).build();
        });
    }

    @GET
    @Path("history")
    @Operation(summary = "年度统计历史 Submission and every correction, with reasons and actors")
    public Uni<List<StreamHistory.HistoryEntry>> history(@PathParam("district") String district,
                                                        @PathParam("year") int year, @PathParam("code") String code,
                                                        @BeanParam Caller caller) {
        caller.require(IntakeAccess.STATISTICS_HISTORY, district);
        caller.requireOwnSchool(code);
        return desk.find(district, year, code).flatMap(form -> history.ofStream(
                StatisticsForm.streamId(district, code, year)));
    }
}
