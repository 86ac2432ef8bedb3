package org.junheng.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.junheng.console.backend.EvaluationApi;
import org.junheng.console.backend.ServiceRefused;

/**
 * 差异系数: each coefficient of variation against its limit; for the one chosen, every school section's value and share
 * of the variance, above or below the mean; and the what-if simulation — change a figure, see the coefficients and
 * the pass results move (the evaluation computes, nothing is stored).
 */
@Path("/variation")
public class VariationPage {

    /** The changes the page offers: the evaluation's change type and quantity, in words. */
    @io.quarkus.qute.TemplateData
    public record ChangeKind(String value, String label, String type, String field, String quantity) {
    }

    static final List<ChangeKind> CHANGES = List.of(
            new ChangeKind("sports", "增加校内运动场地面积（m²）", "AddFacility", "quantity", "SPORTS_GROUND_AREA"),
            new ChangeKind("gym", "增加体育馆面积（m²）", "AddFacility", "quantity", "GYMNASIUM_AREA"),
            new ChangeKind("teaching", "增加教学及辅助用房面积（m²）", "AddFacility", "quantity",
                    "TEACHING_AND_AUXILIARY_AREA"),
            new ChangeKind("equipment", "增加教学仪器设备值（元）", "AddFacility", "quantity", "EQUIPMENT_BOOK_VALUE"),
            new ChangeKind("multimedia", "增加网络多媒体教室（间）", "AddFacility", "quantity", "MULTIMEDIA_CLASSROOMS"),
            new ChangeKind("key", "增加县级及以上骨干教师（人）", "AddTeachers", "count", "COUNTY_LEVEL_KEY"),
            new ChangeKind("pe", "增加体育专任教师（人）", "AddTeachers", "count", "PHYSICAL_EDUCATION"),
            new ChangeKind("bachelor", "增加本科学历专任教师（人）", "AddTeachers", "count", "BACHELOR"));

    private final Pages pages;
    private final EvaluationApi evaluation;
    private final Template variation;
    private final Template result;

    public VariationPage(Pages pages, @RestClient EvaluationApi evaluation,
                         @Location("variation.html") Template variation,
                         @Location("simulation-result.html") Template result) {
        this.pages = pages;
        this.evaluation = evaluation;
        this.variation = variation;
        this.result = result;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("indicator") String indicator) {
        return page(indicator);
    }

    private TemplateInstance page(String indicator) {
        JsonNode all = OverviewPage.orNull(() -> evaluation.variation(pages.district(), pages.period()));
        List<Map<String, Object>> rows = new ArrayList<>();
        JsonNode chosen = null;
        if (all != null) {
            for (JsonNode v : all) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("code", v.path("indicator").asText());
                row.put("name", Pages.indicator(v.path("indicator").asText()));
                row.put("coefficient", v.path("coefficient").decimalValue().setScale(4, java.math.RoundingMode.HALF_UP)
                        .toPlainString());
                row.put("limit", v.path("limit").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP)
                        .toPlainString());
                row.put("met", v.path("met").asBoolean());
                row.put("sections", v.path("schoolSections").asInt());
                rows.add(row);
                boolean wanted = indicator == null ? chosen == null && !v.path("met").asBoolean()
                        : indicator.equals(v.path("indicator").asText());
                if (wanted) {
                    chosen = v;
                }
            }
            if (chosen == null && all.size() > 0) {
                chosen = all.get(0);
            }
        }
        // 整改建议 rest on every school's figures: for those who read across the district, not for a school
        JsonNode failing = chosen != null && !chosen.path("met").asBoolean() && !pages.user().isSchool() ? chosen
                : null;
        JsonNode remedies = failing == null ? null : OverviewPage.orNull(() -> evaluation.remedies(pages.district(),
                pages.period(), failing.path("indicator").asText()));
        return pages.page(variation, "variation").data("rows", rows)
                .data("chosen", chosen == null ? null : chosen(chosen)).data("changes", CHANGES)
                .data("remedies", remedies == null ? null : remedies(remedies));
    }

    /** 整改建议 as the evaluation computed and checked them: each option in words, with its cost when known. */
    static Map<String, Object> remedies(JsonNode r) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> options = new ArrayList<>();
        for (JsonNode o : r.path("options")) {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("kind", o.path("kindLabel").asText());
            option.put("text", o.path("text").asText());
            options.add(option);
        }
        out.put("options", options);
        out.put("unit", r.path("unit").asText());
        out.put("costed", !r.path("unitCost").isNull() && !r.path("unitCost").isMissingNode());
        return out;
    }

    /** The chosen coefficient with every school section: value, pupils, share of the variance, above the mean or not. */
    static Map<String, Object> chosen(JsonNode v) {
        Map<String, Object> c = new LinkedHashMap<>();
        BigDecimal mean = v.path("mean").decimalValue();
        c.put("code", v.path("indicator").asText());
        c.put("name", Pages.indicator(v.path("indicator").asText()));
        c.put("section", section(v.path("indicator").asText()));
        c.put("coefficient", v.path("coefficient").decimalValue().setScale(4, java.math.RoundingMode.HALF_UP)
                .toPlainString());
        c.put("limit", v.path("limit").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        c.put("met", v.path("met").asBoolean());
        c.put("mean", mean.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        List<Map<String, Object>> shares = new ArrayList<>();
        for (JsonNode s : v.path("shares")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", s.path("schoolCode").asText());
            row.put("school", Pages.shortSchool(s.path("schoolName").asText()));
            row.put("pupils", s.path("pupils").asInt());
            row.put("value", s.path("value").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP)
                    .toPlainString());
            BigDecimal share = s.path("share").decimalValue().multiply(BigDecimal.valueOf(100));
            row.put("share", share.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString());
            row.put("width", Math.min(100, share.intValue()));
            row.put("above", s.path("value").decimalValue().compareTo(mean) > 0);
            shares.add(row);
        }
        c.put("shares", shares);
        return c;
    }

    /** The section set of a CV-RAk-P / CV-RAk-J code (the sections its shares are about). */
    static String section(String code) {
        try {
            return org.junheng.contracts.IndicatorCode.fromCode(code).section().map(Enum::name).orElse("");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** One what-if change for one school, answered by the evaluation's simulation. */
    @POST
    @Path("simulate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response simulate(@RestForm String indicator, @RestForm String school, @RestForm String section,
                             @RestForm String change, @RestForm String amount,
                             @HeaderParam("HX-Request") String htmx) {
        TemplateInstance answer;
        int status = 200;
        try {
            answer = result.data("result", result(evaluation.simulate(pages.district(), pages.period(),
                    request(school, section, change, amount)))).data("refusal", null);
        } catch (ServiceRefused refused) {
            status = refused.pageStatus();
            answer = result.data("result", null).data("refusal", refused.message());
        }
        // htmx swaps the result into the page; without JavaScript the whole page comes back with it
        Object body = htmx != null ? answer : page(indicator).data("simulation", answer.render());
        return Response.status(status).entity(body).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    static JsonNode request(String school, String section, String change, String amount) {
        ChangeKind kind = CHANGES.stream().filter(c -> c.value().equals(change)).findFirst().orElseThrow(() ->
                new ServiceRefused(400, "{\"detail\": \"请选择一项调整 (choose a change)\"}"));
        ObjectNode c = Pages.JSON.createObjectNode().put("type", kind.type()).put("schoolCode", school);
        if (section != null && !section.isBlank()) {
            c.put("section", section);
        }
        c.put(kind.field(), kind.quantity());
        try {
            BigDecimal number = new BigDecimal(amount == null ? "" : amount.trim());
            if (kind.type().equals("AddTeachers")) {
                c.put("number", number.intValueExact());
            } else {
                c.put("amount", number);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ServiceRefused(400, "{\"detail\": \"请填写调整数量（数字；教师为整数）(an amount, please)\"}");
        }
        ObjectNode body = Pages.JSON.createObjectNode();
        body.putArray("changes").add(c);
        return body;
    }

    static Map<String, Object> result(JsonNode r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("readyBefore", r.path("readyBefore").asBoolean());
        out.put("readyAfter", r.path("readyAfter").asBoolean());
        out.put("passingBefore", r.path("schoolSectionsPassingBefore").asInt());
        out.put("passingAfter", r.path("schoolSectionsPassingAfter").asInt());
        out.put("unmetBefore", r.path("unmetBefore").asInt());
        out.put("unmetAfter", r.path("unmetAfter").asInt());
        List<Map<String, Object>> variations = new ArrayList<>();
        for (JsonNode v : r.path("variations")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", Pages.indicator(v.path("indicator").asText()));
            row.put("before", v.path("before").decimalValue().setScale(4, java.math.RoundingMode.HALF_UP)
                    .toPlainString());
            row.put("after", v.path("after").decimalValue().setScale(4, java.math.RoundingMode.HALF_UP)
                    .toPlainString());
            row.put("limit", v.path("limit").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP)
                    .toPlainString());
            row.put("metBefore", v.path("metBefore").asBoolean());
            row.put("metAfter", v.path("metAfter").asBoolean());
            row.put("changed", v.path("before").decimalValue().compareTo(v.path("after").decimalValue()) != 0);
            variations.add(row);
        }
        out.put("variations", variations);
        out.put("nowMet", items(r.path("nowMet")));
        out.put("nowUnmet", items(r.path("nowUnmet")));
        return out;
    }

    private static List<String> items(JsonNode items) {
        List<String> out = new ArrayList<>();
        for (JsonNode i : items) {
            String school = i.path("subject").path("schoolName").asText("全区");
            out.add(school + " · " + Pages.indicator(i.path("indicator").asText()));
        }
        return out;
    }
}
