package org.junheng.evaluation.settings;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Year;
import java.util.Map;
import org.junheng.contracts.Nullable;
import org.junheng.evaluation.EvaluationAccess;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.service.Caller;
import org.junheng.service.DistrictCode;

/**
 * What the standard leaves to each district: the year it was recognised as 基本均衡 (STANDARD.md §6, a readiness
 * precondition). Changing it re-evaluates every period of the district.
 */
@Path("/api/v1/districts/{district}/evaluation-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DistrictSettingsResource {

    private final Pool pool;

    public DistrictSettingsResource(Pool pool) {
        this.pool = pool;
    }

    /**
     * @param basicBalanceRecognisedIn the year the district was recognised for basic balance (基本均衡)
     * @param unitCosts                what one unit of a resource costs, in 元, per RA code (RA5: per m² of sports
     *                                 ground, RA1: per teacher …), for the cost of 整改建议; absent in a change: kept
     * @param basicBalanceMonitoring   per year since the recognition ({@code "2015"}), whether the yearly 基本均衡
     *                                 monitoring found the county still at a high level; absent in a change: kept
     */
    @Schema(description = "本区评估设置 (the district's evaluation settings)")
    public record DistrictSettings(
            @Schema(description = "基本均衡认定年份 (year recognised for basic balance)，2000年至今；修改时不填即清空",
                    example = "2014")
            @Nullable Integer basicBalanceRecognisedIn,
            @Schema(description = "单位造价 (unit costs)，元，按 RA1 至 RA7 指标代码填写（RA5 为每平方米运动场地，"
                    + "RA1 为每名教师……），用于估算整改建议费用；每项0至10亿元；修改时不填则保留原值",
                    example = "{\"RA5\": 1500, \"RA7\": 80000}")
            @Nullable Map<String, BigDecimal> unitCosts,
            @Schema(description = "基本均衡年度监测 (yearly basic-balance monitoring)：按年份（2000年至今）填 true（保持较高水平）"
                    + "或 false；修改时不填则保留原值",
                    example = "{\"2015\": true, \"2016\": true, \"2017\": true}")
            @Nullable Map<String, Boolean> basicBalanceMonitoring) {
    }

    @GET
    @Operation(summary = "评估设置 The district's evaluation settings",
            description = "基本均衡认定年份与年度监测、单位造价等本区评估设置。")
    public Uni<DistrictSettings> get(@PathParam("district") String district, @BeanParam Caller caller) {
        String d = DistrictCode.require(district);
        caller.require(EvaluationAccess.READ_SETTINGS, d);
        return pool.preparedQuery("""
                        select basic_balance_recognised_in, unit_costs::text as unit_costs,
                               basic_balance_monitoring::text as monitoring
                        from district_settings where district_code = $1""")
                .execute(Tuple.of(d))
                .map(rows -> rows.rowCount() == 0 ? new DistrictSettings(null, Map.of(), Map.of())
                        : settings(rows.iterator().next()));
    }

    /** The unit costs a district set, by RA code; empty when none. */
    public Uni<Map<String, BigDecimal>> unitCosts(String district) {
        return pool.preparedQuery("select unit_costs::text as unit_costs from district_settings where district_code = $1")
                .execute(Tuple.of(district))
                .map(rows -> rows.rowCount() == 0 ? Map.of() : costs(rows.iterator().next().getString(0)));
    }

    @PUT
    @Operation(summary = "修改评估设置 Change the district's evaluation settings",
            description = "督导室修改本区评估设置；下一次评估起按新设置测算。")
    public Uni<DistrictSettings> put(@PathParam("district") String district, DistrictSettings settings,
                                     @BeanParam Caller caller) {
        String d = DistrictCode.require(district);
        caller.require(EvaluationAccess.CHANGE_SETTINGS, d);
        Integer year = settings == null ? null : settings.basicBalanceRecognisedIn();
        if (year != null && (year < 2000 || year > Year.now().getValue())) {
            throw Refusal.invalidField("basicBalanceRecognisedIn", year,
                    "认定年份应在2000年至今之间 (a year between 2000 and now)");
        }
        Map<String, BigDecimal> costs = settings == null ? null : settings.unitCosts();
        if (costs != null) {
            for (Map.Entry<String, BigDecimal> cost : costs.entrySet()) {
                String field = "unitCosts." + cost.getKey();
                if (!cost.getKey().matches("RA[1-7]")) {
                    throw Refusal.invalidField(field, cost.getKey(), "须为 RA1 至 RA7 (one of RA1 to RA7)");
                }
                if (cost.getValue() == null || cost.getValue().signum() < 0
                        || cost.getValue().compareTo(BigDecimal.valueOf(1_000_000_000)) > 0) {
                    throw Refusal.invalidField(field, cost.getValue(),
                            "单价须为0至10亿元之间的金额 (a unit cost between 0 and 1,000,000,000 yuan)");
                }
            }
        }
        String costsJson = costs == null ? null : PublishedEvents.write(new java.util.TreeMap<>(costs));
        Map<String, Boolean> monitoring = settings == null ? null : settings.basicBalanceMonitoring();
        if (monitoring != null) {
            for (Map.Entry<String, Boolean> monitored : monitoring.entrySet()) {
                String field = "basicBalanceMonitoring." + monitored.getKey();
                if (!monitored.getKey().matches("\\d{4}") || Integer.parseInt(monitored.getKey()) < 2000
                        || Integer.parseInt(monitored.getKey()) > Year.now().getValue()) {
                    throw Refusal.invalidField(field, monitored.getKey(),
                            "须为2000年至今的年份 (a year between 2000 and now)");
                }
                if (monitored.getValue() == null) {
                    throw Refusal.invalidField(field, null, "须为 true（保持高位）或 false (true: stayed at a high level)");
                }
            }
        }
        String monitoringJson = monitoring == null ? null : PublishedEvents.write(new java.util.TreeMap<>(monitoring));
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                insert into district_settings (district_code, basic_balance_recognised_in, unit_costs,
                                    basic_balance_monitoring)
                                values ($1, $2, coalesce($3::text::jsonb, '{}'::jsonb), coalesce($4::text::jsonb, '{}'::jsonb))
                                on conflict (district_code) do update
                                set basic_balance_recognised_in = excluded.basic_balance_recognised_in,
                                    unit_costs = coalesce($3::text::jsonb, district_settings.unit_costs),
                                    basic_balance_monitoring = coalesce($4::text::jsonb,
                                        district_settings.basic_balance_monitoring), updated_at = now()
                                returning basic_balance_recognised_in, unit_costs::text as unit_costs,
                                    basic_balance_monitoring::text as monitoring""")
                        .execute(Tuple.of(d, year, costsJson, monitoringJson))
                        .flatMap(saved -> tx.preparedQuery("""
                                        insert into evaluation_requests (district_code, period)
                                        select distinct district_code, period from input_statistics where district_code = $1
                                        on conflict (district_code, period) do update set requested_at = now()""")
                                .execute(Tuple.of(d)).replaceWith(settings(saved.iterator().next()))));
    }

    private static DistrictSettings settings(io.vertx.mutiny.sqlclient.Row row) {
        Map<String, Boolean> monitoring = new java.util.TreeMap<>();
        monitoring(row.getString("monitoring"))
                .forEach((year, high) -> monitoring.put(Integer.toString(year), high));
        return new DistrictSettings(row.getInteger("basic_balance_recognised_in"), costs(row.getString("unit_costs")),
                monitoring);
    }

    private static Map<String, BigDecimal> costs(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, BigDecimal> costs = new java.util.TreeMap<>();
            PublishedEvents.JSON.readTree(json).fields()
                    .forEachRemaining(field -> costs.put(field.getKey(), field.getValue().decimalValue()));
            return costs;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored unit costs are unreadable", e);
        }
    }

    /** {"2015": true, …} as years. */
    public static java.util.Map<Integer, Boolean> monitoring(String json) {
        java.util.Map<Integer, Boolean> years = new java.util.TreeMap<>();
        if (json != null) {
            try {
                PublishedEvents.JSON.readTree(json).fields().forEachRemaining(field ->
                        years.put(Integer.valueOf(field.getKey()), field.getValue().asBoolean()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("stored basic-balance monitoring is unreadable", e);
            }
        }
        return years;
    }
}
