package org.junheng.evaluation.simulation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Section;
import org.junheng.evaluation.EvaluationAccess;
import org.junheng.evaluation.engine.CountyVariation;
import org.junheng.evaluation.engine.DistrictEvaluation;
import org.junheng.evaluation.engine.Evaluator;
import org.junheng.evaluation.engine.HypotheticalChange;
import org.junheng.evaluation.engine.Remedies;
import org.junheng.evaluation.engine.SectionResult;
import org.junheng.evaluation.engine.Simulation;
import org.junheng.evaluation.runs.InputsLoader;
import org.junheng.evaluation.settings.DistrictSettingsResource;
import org.junheng.evaluation.standard.Standard;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.service.Caller;
import org.junheng.service.DistrictCode;
import org.junheng.service.QueryValues;
import org.junheng.service.ReportingYear;

/**
 * 整改建议: what would bring a failing coefficient of variation within its limit — the least addition at one school
 * for the schools where one addition can do it, and a spread plan over the schools furthest below the mean — each
 * checked by evaluating the district with it ({@link Simulation}), with its cost where the district set a unit cost.
 */
@Path("/api/v1/districts/{district}/periods/{year}/variation/{indicator}/remedies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "差异系数 Variation")
public class RemedyResource {

    private final Pool pool;
    private final Standard standard;
    private final DistrictSettingsResource settings;

    public RemedyResource(Pool pool, Standard standard, DistrictSettingsResource settings) {
        this.pool = pool;
        this.standard = standard;
        this.settings = settings;
    }

    /** An addition at one school section. */
    public record AdditionView(String schoolCode, String schoolName, Section section, BigDecimal amount,
                               HypotheticalChange change) {
    }

    /**
     * One way to meet the limit, checked: the coefficient it gives (rounded, and exactly to 34 significant digits),
     * its cost, and the plan in words.
     */
    public record Option(Remedies.Kind kind, String kindLabel, List<AdditionView> additions, BigDecimal total,
                         BigDecimal coefficientAfter, String coefficientAfterExact, @Nullable BigDecimal cost,
                         String text) {
    }

    /** The coefficient, its limit, what is added and in which unit, and the ways to meet the limit. */
    public record RemediesView(IndicatorCode indicator, String indicatorName, BigDecimal coefficient,
                               String coefficientExact, BigDecimal limit, boolean met, String unit, String unitEnglish,
                               @Nullable BigDecimal unitCost, List<Option> options) {
    }

    @GET
    @Operation(summary = "整改建议 The least additions that bring a failing coefficient of variation within its limit",
            description = "单校方案：在一所学校增加多少即可使差异系数达标（至多3所，按所需数量从少到多）；分散方案：把低于"
                    + "均值最多的学校提到同一水平所需的总量。每个方案都经模拟重算核实；设置了单价的给出估算费用。"
                    + " (One-school options: the least amount at one school, up to three, smallest first; the spread "
                    + "plan: lifting the schools furthest below the mean to a common level. Each is checked by "
                    + "re-evaluating the district with it; the cost is given where a unit cost is set.)")
    public Uni<RemediesView> remedies(@PathParam("district") String district, @PathParam("year") String year,
                                      @PathParam("indicator") String indicator, @BeanParam Caller caller) {
        String d = DistrictCode.require(district);
        int y = ReportingYear.require(year);
        caller.require(EvaluationAccess.REMEDIES, d);
        IndicatorCode code = QueryValues.optionalIndicator("indicator", indicator);
        if (code == null || code.variedIndicator().isEmpty()) {
            throw Refusal.invalidField("indicator", indicator,
                    "须为差异系数代码，如 CV-RA5-P (a coefficient of variation code, e.g. CV-RA5-P)");
        }
        return InputsLoader.load(pool, d, y).flatMap(inputs -> settings.unitCosts(d).map(costs -> {
            DistrictEvaluation evaluation = Evaluator.evaluate(standard, inputs);
            CountyVariation variation = evaluation.variations().stream().filter(v -> v.indicator() == code)
                    .findFirst().orElseThrow(() -> Refusal.notFound("not-evaluated", "区县" + d + "的" + y
                            + "年度尚无可计算的" + code.code() + " (no coefficient to improve for this period)"));
            Remedies.Lever lever = Remedies.Lever.of(code.variedIndicator().orElseThrow());
            BigDecimal unitCost = costs.get(code.variedIndicator().orElseThrow().code());
            Map<String, SectionResult> sections = evaluation.sections().stream()
                    .filter(s -> s.section() == variation.section())
                    .collect(Collectors.toMap(SectionResult::schoolCode, Function.identity()));
            List<Option> options = new ArrayList<>();
            for (Remedies.Remedy remedy : Remedies.of(variation, sections)) {
                List<AdditionView> additions = remedy.additions().stream()
                        .map(a -> new AdditionView(a.schoolCode(), a.schoolName(), a.section(), a.amount(),
                                lever.change(a.schoolCode(), a.section(), a.amount())))
                        .toList();
                // checked by the engine itself: the district evaluated with the additions
                DistrictEvaluation after = Simulation.run(standard, inputs,
                        additions.stream().map(AdditionView::change).toList()).simulated();
                CountyVariation checked = after.variations().stream().filter(v -> v.indicator() == code)
                        .findFirst().orElseThrow();
                if (!checked.met()) {
                    continue;
                }
                BigDecimal coefficientAfter = checked.variation().coefficient().setScale(4, RoundingMode.HALF_UP);
                BigDecimal cost = unitCost == null ? null : unitCost.multiply(remedy.total());
                options.add(new Option(remedy.kind(), remedy.kind() == Remedies.Kind.ONE_SCHOOL ? "单校方案" : "分散方案",
                        additions, remedy.total(), coefficientAfter,
                        checked.variation().coefficient().toPlainString(), cost,
                        Remedies.describe(remedy, lever, coefficientAfter, cost)));
            }
            return new RemediesView(code, code.chineseName(), variation.variation().coefficient()
                    .setScale(4, RoundingMode.HALF_UP), variation.variation().coefficient().toPlainString(),
                    variation.limit(), variation.met(), lever.unit(),
                    lever.unitEnglish(), unitCost, options);
        }));
    }
}
