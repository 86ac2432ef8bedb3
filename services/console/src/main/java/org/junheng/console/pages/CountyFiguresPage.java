package org.junheng.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junheng.console.backend.IntakeApi;
import org.junheng.console.backend.RectificationApi;
import org.junheng.console.backend.ServiceRefused;
import org.junheng.contracts.schooldata.CountyFigureSetKind;

/**
 * 县级数据报送: the county figure sets (teacher pay, rotation, quality monitoring …) a department submits in its own
 * name, each a form with the set's values in words; a set submitted by another department is shown, not editable
 * (the intake decides who may correct it). The office's readiness names what is still missing.
 */
@Path("/figures")
public class CountyFiguresPage {

    /** Rows offered for a set whose values repeat by qualifier (subjects, respondent groups). */
    static final int QUALIFIED_ROWS = 4;

    private final Pages pages;
    private final IntakeApi intake;
    private final RectificationApi rectification;
    private final Template figures;

    public CountyFiguresPage(Pages pages, @RestClient IntakeApi intake, @RestClient RectificationApi rectification,
                             @Location("figures.html") Template figures) {
        this.pages = pages;
        this.intake = intake;
        this.rectification = rectification;
        this.figures = figures;
    }

    @io.quarkus.qute.TemplateData
    public record Input(String name, String label, String value) {
    }

    @io.quarkus.qute.TemplateData
    public record Set(String kind, String label, String indicators, boolean submitted, String owner, boolean mine,
                      String version, boolean qualified, List<List<Input>> rows, String refusal, boolean surveyed,
                      String source) {
    }

    /** The sets decided by the national survey and monitoring, whose values say where they come from. */
    static final java.util.Set<CountyFigureSetKind> SURVEYS = java.util.EnumSet.of(
            CountyFigureSetKind.SATISFACTION_SURVEY, CountyFigureSetKind.NATIONAL_QUALITY_MONITORING);

    /** The sources as the form offers them: the contracts' words. */
    public static List<TaskPages.Option> sources() {
        return java.util.Arrays.stream(org.junheng.contracts.schooldata.FigureSource.values())
                .map(s -> new TaskPages.Option(s.name(), s.label())).toList();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("saved") String saved) {
        return page(saved, null, null);
    }

    /** One set, in the department's name; If-Match the version shown when it replaces an earlier submission. */
    @POST
    @Path("{kind}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@PathParam("kind") String kindName, MultivaluedMap<String, String> form) {
        CountyFigureSetKind kind;
        try {
            kind = CountyFigureSetKind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
            throw new ServiceRefused(404, "{\"detail\": \"没有这类县级数据 (no such figure set)\"}");
        }
        try {
            ObjectNode submission = Pages.JSON.createObjectNode();
            String code = pages.user().department();
            submission.putObject("department").put("code", code).put("name", departmentName(code));
            ArrayNode values = submission.putArray("values");
            String source = SURVEYS.contains(kind) ? Pages.blankToNull(form.getFirst("source")) : null;
            int rows = kind.qualified() ? QUALIFIED_ROWS : 1;
            for (int row = 0; row < rows; row++) {
                String qualifier = kind.qualified() ? Pages.blankToNull(form.getFirst("q" + row)) : null;
                if (kind.qualified() && qualifier == null) {
                    continue;
                }
                for (String key : kind.valueKeys()) {
                    String raw = Pages.blankToNull(form.getFirst(key + "." + row));
                    if (raw == null) {
                        continue;
                    }
                    try {
                        values.addObject().put("key", key).put("qualifier", qualifier).put("value", new BigDecimal(raw))
                                .put("source", source);
                    } catch (NumberFormatException e) {
                        throw new ServiceRefused(400, "{\"detail\": \"" + kind.keyLabel(key)
                                + "：请填写数字 (a number, please)\"}");
                    }
                }
            }
            intake.submitCountyFigures(pages.district(), pages.period(), kind.name(),
                    Pages.blankToNull(form.getFirst("version")), submission);
        } catch (ServiceRefused refused) {
            return Response.status(refused.pageStatus())
                    .entity(page(null, kind, refused)).build();
        }
        return Response.seeOther(URI.create("/figures?saved=" + kind.name() + "#" + kind.name())).build();
    }

    private TemplateInstance page(String saved, CountyFigureSetKind failed, ServiceRefused refused) {
        String me = pages.user().department();
        List<Set> sets = new ArrayList<>();
        for (CountyFigureSetKind kind : CountyFigureSetKind.values()) {
            JsonNode record = null;
            String version = "";
            try {
                var answer = intake.countyFigures(pages.district(), pages.period(), kind.name());
                record = answer.getEntity();
                version = answer.getHeaderString("ETag");
            } catch (ServiceRefused none) {
                if (none.status() != 404) {
                    throw none;
                }
            }
            Map<String, String> current = new LinkedHashMap<>();
            List<String> qualifiers = new ArrayList<>();
            if (record != null) {
                for (JsonNode v : record.path("values")) {
                    String q = v.path("qualifier").asText("");
                    if (!q.isEmpty() && !qualifiers.contains(q)) {
                        qualifiers.add(q);
                    }
                    int row = q.isEmpty() ? 0 : qualifiers.indexOf(q);
                    current.put(v.path("key").asText() + "." + row, v.path("value").decimalValue()
                            .stripTrailingZeros().toPlainString());
                }
            }
            List<List<Input>> rows = new ArrayList<>();
            for (int row = 0; row < (kind.qualified() ? QUALIFIED_ROWS : 1); row++) {
                List<Input> inputs = new ArrayList<>();
                if (kind.qualified()) {
                    inputs.add(new Input("q" + row, kind == CountyFigureSetKind.NATIONAL_QUALITY_MONITORING
                            ? "学科" : "调查对象", row < qualifiers.size() ? qualifiers.get(row) : ""));
                }
                for (String key : kind.valueKeys()) {
                    inputs.add(new Input(key + "." + row, kind.keyLabel(key), current.getOrDefault(key + "." + row,
                            "")));
                }
                rows.add(inputs);
            }
            String ownerCode = record == null ? null : record.path("department").path("code").asText(null);
            List<String> indicators = new ArrayList<>();
            kind.indicators().forEach(i -> indicators.add(Pages.indicator(i.code())));
            sets.add(new Set(kind.name(), kind.label(), String.join("；", indicators), record != null,
                    record == null ? "" : record.path("department").path("name").asText(),
                    me != null && (ownerCode == null || ownerCode.equals(me)), version, kind.qualified(), rows,
                    kind == failed && refused != null ? refused.message() : null, SURVEYS.contains(kind),
                    record == null ? "" : record.path("values").path(0).path("source").asText("")));
        }
        return pages.page(figures, "figures").data("sets", sets).data("saved", saved).data("sources", sources());
    }

    private String departmentName(String code) {
        for (TaskPages.Option option : TaskPages.departments(rectification.responsibilities(pages.district()), "")) {
            if (option.value().equals(code)) {
                return option.label();
            }
        }
        return code;
    }
}
