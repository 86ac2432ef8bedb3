package org.junheng.evaluation.simulation;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Subject;
import org.junheng.contracts.evaluation.ReadinessReason;
import org.junheng.evaluation.EvaluationAccess;
import org.junheng.evaluation.engine.CountyVariation;
import org.junheng.evaluation.engine.DistrictEvaluation;
import org.junheng.evaluation.engine.HypotheticalChange;
import org.junheng.evaluation.engine.ItemResult;
import org.junheng.evaluation.engine.ResourceValue;
import org.junheng.evaluation.engine.Simulation;
import org.junheng.evaluation.engine.SimulationResult;
import org.junheng.evaluation.runs.InputsLoader;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.service.Caller;
import org.junheng.service.DistrictCode;
import org.junheng.service.ReportingYear;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** What-if (整改模拟): the district period evaluated with hypothetical changes; nothing is stored. */
@Path("/api/v1/districts/{district}/periods/{year}/simulate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SimulationResource {

    private final Pool pool;
    private final org.junheng.evaluation.standard.Standard standard;

    public SimulationResource(Pool pool, org.junheng.evaluation.standard.Standard standard) {
        this.pool = pool;
        this.standard = standard;
    }

    /** The changes to try; see {@link HypotheticalChange} for the kinds ({@code "type": "AddFacility"}, …). */
    @Schema(description = "模拟测算 (the what-if changes to try)")
    public record SimulationRequest(
            @Schema(description = "模拟变化 (changes)，至少一项；每项以 type 区分：AddFacility、AddRoom、AddTeachers、"
                    + "ChangePupils、SetLargestClassSize、AddFunds、SetCountyFigure、Attest",
                    type = SchemaType.ARRAY, implementation = ChangeJson.ChangeTypes.class)
            List<HypotheticalChange> changes) {
    }

    /** An item whose outcome the changes flip; {@code measuredExact} is the value exactly (a fraction or digits). */
    public record ItemChange(Subject subject, IndicatorCode indicator, @Nullable BigDecimal measured,
                             @Nullable BigDecimal required, @Nullable String measuredExact) {
        static ItemChange of(ItemResult item) {
            return new ItemChange(item.subject(), item.indicator(), item.measured(), item.required(),
                    item.measuredExact());
        }
    }

    /** A coefficient before and after, rounded to 4 decimals, each beside its exact value (34 significant digits). */
    public record VariationChange(IndicatorCode indicator, BigDecimal before, BigDecimal after, BigDecimal limit,
                                  boolean metBefore, boolean metAfter, @Nullable String beforeExact,
                                  String afterExact) {
    }

    public record SimulationResponse(@Schema(description = "所试的变化 (the changes tried)", type = SchemaType.ARRAY,
                                             implementation = ChangeJson.ChangeTypes.class)
                                     List<HypotheticalChange> changes, boolean readyBefore, boolean readyAfter,
                                     List<ReadinessReason> reasonsAfter, int schoolSectionsPassingBefore,
                                     int schoolSectionsPassingAfter, int unmetBefore, int unmetAfter,
                                     List<ItemChange> nowMet, List<ItemChange> nowUnmet,
                                     List<VariationChange> variations) {
    }

    @POST
    @Operation(summary = "模拟测算 What-if: a school's change and the coefficients before and after",
            description = "对某校增加教师、面积、设备等，测算各差异系数与达标结论的变化；不保存任何数据。"
                    + "changes 中每项以 type 区分：AddFacility（增加设施设备：schoolCode, section, quantity, amount）、"
                    + "AddRoom（增加专用教室面积：schoolCode, section, room, area）、AddTeachers（增加教师：schoolCode, "
                    + "section, count, number）、ChangePupils（学生数增减：schoolCode, section, delta）、"
                    + "SetLargestClassSize（最大班额：schoolCode, section, size）、AddFunds（增加经费：schoolCode, fund, "
                    + "yuan）、SetCountyFigure（县级数据：kind, key, qualifier, value）、Attest（督导认定：indicator, "
                    + "subject, verdict, …）。例：{\"changes\": [{\"type\": \"AddTeachers\", \"schoolCode\": "
                    + "\"2150473309\", \"section\": \"P\", \"count\": \"MUSIC\", \"number\": 2}]}")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "AddTeachers",
            summary = "为学校 2150473309 的小学部增加2名音乐教师 (two more music teachers)",
            value = "{\"changes\": [{\"type\": \"AddTeachers\", \"schoolCode\": \"2150473309\", "
                    + "\"section\": \"P\", \"count\": \"MUSIC\", \"number\": 2}]}")))
    public Uni<SimulationResponse> simulate(@PathParam("district") String district, @PathParam("year") String year,
                                            SimulationRequest request, @BeanParam Caller caller) {
        String d = DistrictCode.require(district);
        int y = ReportingYear.require(year);
        caller.require(EvaluationAccess.SIMULATE, d);
        if (request == null || request.changes() == null || request.changes().isEmpty()) {
            throw Refusal.invalidField("changes", null, "至少给出一项模拟变化 (give at least one change)");
        }
        for (int i = 0; i < request.changes().size(); i++) {
            if (request.changes().get(i) == null) {
                throw Refusal.invalidField("changes[" + i + "]", null, "变化不能为空 (a change is required)");
            }
        }
        return InputsLoader.load(pool, d, y).map(inputs -> {
            if (inputs.schools().stream().allMatch(school -> school.statistics() == null)) {
                throw Refusal.notFound("not-evaluated", "区县" + d + "的" + y
                        + "年度尚无学校数据 (no school data for this district period)");
            }
            SimulationResult result;
            try {
                result = Simulation.run(standard, inputs, request.changes());
            } catch (IllegalArgumentException refused) {
                throw Refusal.invalidField("changes", null, refused.getMessage());
            }
            return response(result);
        });
    }

    private static SimulationResponse response(SimulationResult result) {
        DistrictEvaluation before = result.baseline();
        DistrictEvaluation after = result.simulated();
        Map<IndicatorCode, CountyVariation> beforeByCode = new java.util.EnumMap<>(IndicatorCode.class);
        before.variations().forEach(v -> beforeByCode.put(v.indicator(), v));
        List<VariationChange> variations = new ArrayList<>();
        for (CountyVariation v : after.variations()) {
            CountyVariation was = beforeByCode.get(v.indicator());
            variations.add(new VariationChange(v.indicator(),
                    was == null ? null : round(was.variation().coefficient()), round(v.variation().coefficient()),
                    v.limit(), was != null && was.met(), v.met(),
                    was == null ? null : was.variation().coefficient().toPlainString(),
                    v.variation().coefficient().toPlainString()));
        }
        return new SimulationResponse(result.changes(), result.readyBefore(), result.readyAfter(),
                after.readiness().reasons(),
                (int) before.sections().stream().filter(s -> s.passesSchoolRule()).count(),
                (int) after.sections().stream().filter(s -> s.passesSchoolRule()).count(),
                before.unmetItems().size(), after.unmetItems().size(),
                result.nowMet().stream().map(ItemChange::of).toList(),
                result.nowUnmet().stream().map(ItemChange::of).toList(), variations);
    }

    private static BigDecimal round(BigDecimal coefficient) {
        return coefficient.setScale(ResourceValue.SCALE, java.math.RoundingMode.HALF_UP);
    }
}
