package org.junheng.evaluation.ledger;

import org.eclipse.microprofile.openapi.annotations.Operation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;
import org.junheng.contracts.evaluation.CatchmentRatio;
import org.junheng.contracts.evaluation.Variation;
import org.junheng.evaluation.EvaluationAccess;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.service.Caller;
import org.junheng.service.DistrictCode;
import org.junheng.service.QueryValues;
import org.junheng.service.ReportingYear;

/** 台账, readiness and variation of one district period. */
@Path("/api/v1/districts/{district}/periods/{year}")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final LedgerQueries queries;
    private final org.junheng.evaluation.standard.Standard standard;

    public LedgerResource(LedgerQueries queries, org.junheng.evaluation.standard.Standard standard) {
        this.standard = standard;
        this.queries = queries;
    }

    /**
     * The met and unmet ledgers (已达标台账 / 未达标台账); {@code ledger=met|unmet} picks one; {@code asOf} (an ISO
     * instant, or a date meaning the end of that day in Beijing time) gives them as they stood then, from the log.
     */
    @GET
    @Path("ledger")
    @Operation(summary = "评估台账 The met and unmet ledgers",
            description = "达标与未达标台账，可按学校、学段、类别、指标筛选，也可查看任一过去时刻（asOf）。")
    public Uni<LedgerQueries.Ledger> ledger(@PathParam("district") String district, @PathParam("year") String year,
                                            @QueryParam("asOf") String asOf, @QueryParam("ledger") String which,
                                            @QueryParam("school") String school,
                                            @QueryParam("indicator") String indicator,
                                            @QueryParam("section") String section,
                                            @QueryParam("severity") String severity,
                                            @QueryParam("status") String status,
                                            @BeanParam Caller caller) {
        String d = DistrictCode.require(district);
        int y = ReportingYear.require(year);
        caller.require(EvaluationAccess.READ_LEDGER, d);
        if (caller.school() != null) {
            school = caller.school(); // a school sees its own lines
        }
        Instant at = QueryValues.optionalAsOf("asOf", asOf);
        LedgerFilter filter = new LedgerFilter(QueryValues.optionalEnum("ledger", which, LedgerFilter.Which.class),
                school == null || school.isBlank() ? null : school,
                QueryValues.optionalIndicator("indicator", indicator), QueryValues.optionalEnum("section", section, Section.class),
                QueryValues.optionalEnum("severity", severity, Severity.class),
                QueryValues.optionalEnum("status", status, LedgerLine.Status.class));
        return queries.ledger(d, y, at, filter).map(found -> found.orElseThrow(() -> notEvaluated(d, y, at)));
    }

    @GET
    @Path("ledger.xlsx")
    @Produces(XLSX)
    @Operation(summary = "台账下载 The ledgers as an Excel workbook",
            description = "与台账查询相同的筛选，输出 XLSX，含数据截至时刻。")
    public Uni<Response> workbook(@PathParam("district") String district, @PathParam("year") String year,
                                  @QueryParam("asOf") String asOf, @QueryParam("ledger") String which,
                                  @QueryParam("school") String school, @QueryParam("indicator") String indicator,
                                  @QueryParam("section") String section, @QueryParam("severity") String severity,
                                  @QueryParam("status") String status, @BeanParam Caller caller) {
        return ledger(district, year, asOf, which, school, indicator, section, severity, status, caller)
                .flatMap(ledger -> queries.taskSteps(ledger.lines().stream().map(LedgerLine::findingId).toList(),
                                ledger.asOf())
                        .map(steps -> Response.ok(LedgerWorkbook.write(ledger,
                                        code -> standard.rule(code) == null ? ""
                                                : standard.rule(code).unit(), steps, java.time.Instant.now()),
                                        XLSX)
                                .header("Content-Disposition", org.junheng.service.ContentDisposition.attachment(
                                        "台账-" + ledger.districtCode() + "-" + ledger.period() + ".xlsx",
                                        "ledger-" + ledger.districtCode() + "-" + ledger.period() + ".xlsx"))
                                .build()));
    }

    /** Whether the county is ready for the municipal check (市级验收), with every reason it is not. */
    @GET
    @Path("readiness")
    @Operation(summary = "验收条件 Ready for the municipal check, and every reason not",
            description = "全区是否具备市级验收条件；不具备时逐条列出原因（未达标、数据未报送、待督导认定、一票否决）。")
    public Uni<LedgerQueries.ReadinessView> readiness(@PathParam("district") String district,
                                                      @PathParam("year") String year,
                                                      @BeanParam Caller caller) {
        String d = DistrictCode.require(district);
        int y = ReportingYear.require(year);
        caller.require(EvaluationAccess.READ_READINESS, d);
        return queries.readiness(d, y).map(found -> found.orElseThrow(() -> notEvaluated(d, y, null)));
    }

    /** The pupil-weighted coefficients of variation (差异系数) per indicator and section, with the schools driving them. */
    @GET
    @Path("variation")
    @Operation(summary = "差异系数 Every coefficient of variation against its limit",
            description = "小学、初中各项校际差异系数的测算值、标准与结论。")
    public Uni<List<Variation>> variation(@PathParam("district") String district, @PathParam("year") String year,
                                          @QueryParam("indicator") String indicator,
                                          @BeanParam Caller caller) {
        String d = DistrictCode.require(district);
        int y = ReportingYear.require(year);
        caller.require(EvaluationAccess.READ_VARIATION, d);
        var only = QueryValues.optionalIndicator("indicator", indicator);
        return queries.variations(d, y).map(variations -> {
            if (variations.isEmpty()) {
                throw notEvaluated(d, y, null);
            }
            String school = caller.school();
            return variations.stream().filter(v -> only == null || v.indicator() == only)
                    // the coefficients are the county's; the schools' own figures behind them are each school's
                    .map(v -> school == null ? v : new Variation(v.indicator(), v.schoolSections(), v.pupils(),
                            v.mean(), v.standardDeviation(), v.coefficient(), v.limit(), v.met(),
                            v.shares().stream().filter(share -> school.equals(share.schoolCode())).toList(),
                            v.meanExact(), v.standardDeviationExact(), v.coefficientExact(), v.complete(),
                            v.missingSchools()))
                    .toList();
        });
    }

    /**
     * 就近划片入学 (GG13) per section: the county's in-catchment ratio against its minimum and each counted school's
     * pupils from outside its catchment. A school sees the county's ratio and its own contribution only.
     */
    @GET
    @Path("catchment")
    @Operation(summary = "就近划片入学 Each school's part in the county ratio",
            description = "GG13 就近划片入学比例中每所学校的划片内人数与学生数；学校只看到本校。")
    public Uni<List<CatchmentRatio>> catchment(@PathParam("district") String district, @PathParam("year") String year,
                                               @BeanParam Caller caller) {
        String d = DistrictCode.require(district);
        int y = ReportingYear.require(year);
        caller.require(EvaluationAccess.READ_CATCHMENT, d);
        return Uni.combine().all().unis(queries.catchment(d, y), queries.readiness(d, y)).asTuple().map(both -> {
            if (both.getItem2().isEmpty()) {
                throw notEvaluated(d, y, null);
            }
            String school = caller.school();
            return both.getItem1().stream().map(r -> school == null ? r : new CatchmentRatio(r.section(), r.pupils(),
                    r.inCatchmentPupils(), r.ratio(), r.ratioExact(), r.required(), r.met(),
                    r.schools().stream().filter(c -> school.equals(c.schoolCode())).toList())).toList();
        });
    }

    static Refusal notEvaluated(String district, int year, Instant asOf) {
        return Refusal.notFound("not-evaluated", "区县" + district + "的" + year + "年度" + (asOf == null ? "尚未测算"
                : "在" + asOf + "时尚未测算") + " (district period not evaluated" + (asOf == null ? "" : " by then")
                + "; the evaluation runs when its school data arrive)");
    }
}
