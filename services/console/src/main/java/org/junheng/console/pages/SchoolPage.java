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
import org.junheng.console.backend.EvaluationApi;
import org.junheng.console.backend.IntakeApi;
import org.junheng.console.backend.RectificationApi;
import org.junheng.console.backend.ServiceRefused;

/**
 * 本校: a school's yearly statistics form — the intake's own fields with their Chinese headings, each validation
 * message next to its field — and the school's findings and tasks. The console only moves values between the form and
 * the record; the intake validates, the evaluation judges.
 */
@Path("/my-school")
public class SchoolPage {

    private final Pages pages;
    private final IntakeApi intake;
    private final EvaluationApi evaluation;
    private final RectificationApi rectification;
    private final Template school;

    public SchoolPage(Pages pages, @RestClient IntakeApi intake, @RestClient EvaluationApi evaluation,
                      @RestClient RectificationApi rectification, @Location("school.html") Template school) {
        this.pages = pages;
        this.intake = intake;
        this.evaluation = evaluation;
        this.rectification = rectification;
        this.school = school;
    }

    /**
     * One input: its name (the field's path in the form, as the intake's errors name it), heading, value, error;
     * {@code mayStayOpen} when leaving it blank only leaves its items as data not yet reported.
     */
    @io.quarkus.qute.TemplateData
    public record Field(String name, String label, String value, String kind, boolean required, boolean mayStayOpen,
                        String error) {
    }

    /**
     * The school's part in county items (GG13 就近划片入学 is one ratio for the county): per section, its pupils from
     * outside the catchment beside the county's ratio and minimum.
     */
    static List<String> countyShares(JsonNode catchment) {
        List<String> lines = new ArrayList<>();
        if (catchment == null) {
            return lines;
        }
        for (JsonNode ratio : catchment) {
            String section = "P".equals(ratio.path("section").asText()) ? "小学" : "初中";
            if (ratio.path("schools").isEmpty()) {
                continue; // the school is not counted in this section's ratio (rural, private, boarding)
            }
            int outside = 0;
            for (JsonNode own : ratio.path("schools")) {
                outside += own.path("outsideCatchment").asInt();
            }
            java.math.BigDecimal percent = ratio.path("ratio").decimalValue().movePointRight(2)
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            java.math.BigDecimal required = ratio.path("required").decimalValue().movePointRight(2).stripTrailingZeros();
            lines.add("就近划片入学（GG13，全区指标）：本校" + section + "非划片入学 " + outside + " 名；全区" + section
                    + "就近划片入学比例 " + percent.toPlainString() + "%，要求不低于 " + required.toPlainString() + "%"
                    + (ratio.path("met").asBoolean() ? "，已达标。" : "，未达标。"));
        }
        return lines;
    }

    /** A group of inputs: a section (小学部, 初中部) or the school as a whole. */
    @io.quarkus.qute.TemplateData
    public record FieldGroup(String title, List<Field> fields) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("saved") String saved) {
        var answer = intake.statistics(pages.district(), pages.period(), code());
        JsonNode form = answer.getEntity();
        return page(form, answer.getHeaderString("ETag"), groups(form.path("statistics"), intake.columns(), Map.of()),
                saved != null ? "已保存。" : null, null, List.of(), false);
    }

    /** A correction (更正): the form's values over the record, with the reason; If-Match the version shown. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response correct(MultivaluedMap<String, String> input) {
        var current = intake.statistics(pages.district(), pages.period(), code());
        JsonNode columns = intake.columns();
        ObjectNode statistics = (ObjectNode) current.getEntity().path("statistics").deepCopy();
        Map<String, String> badInput = apply(statistics, columns, input);
        ObjectNode submission = Pages.JSON.createObjectNode();
        submission.set("statistics", statistics);
        submission.put("reason", input.getFirst("reason"));
        submission.put("acceptWarnings", "true".equals(input.getFirst("acceptWarnings")));
        try {
            if (!badInput.isEmpty()) {
                throw new ServiceRefused(400, "{\"detail\": \"请改正标红的数值 (correct the marked values)\"}");
            }
            intake.submit(pages.district(), pages.period(), code(), input.getFirst("version"), submission);
        } catch (ServiceRefused refused) {
            Map<String, String> errors = new LinkedHashMap<>(refused.fieldErrors());
            errors.putAll(badInput);
            ObjectNode shown = Pages.JSON.createObjectNode();
            shown.setAll((ObjectNode) current.getEntity());
            shown.set("statistics", statistics);
            return Response.status(refused.pageStatus())
                    .entity(page(shown, input.getFirst("version"), groupsFromInput(statistics, columns, input, errors),
                            null, refused.message(), refused.errorLines(), refused.onlyWarnings())
                            .data("reason", input.getFirst("reason"))).build();
        }
        return Response.seeOther(URI.create("/my-school?saved=1")).build();
    }

    private TemplateInstance page(JsonNode form, String version, List<FieldGroup> groups, String saved,
                                  String refusal, List<String> refusalLines, boolean warningsOnly) {
        String district = pages.district();
        return pages.page(school, "my-school").data("form", Pages.tree(form)).data("version", version)
                .data("groups", groups).data("saved", saved).data("refusal", refusal).data("refusalLines", refusalLines)
                .data("warningsOnly", warningsOnly)
                .data("findings", findings(evaluation.findings(district, "OPEN", code())))
                .data("countyShares", countyShares(OverviewPage.orNull(() -> evaluation.catchment(district,
                        pages.period()))))
                .data("tasks", TaskPages.rows(rectification.tasks(district, null, null, code(), null, null, null)));
    }

    private String code() {
        String code = pages.user().school();
        if (code == null) {
            throw new ServiceRefused(403, "{\"detail\": \"本页面供学校填报员使用 (for a school's data clerk)\"}");
        }
        return code;
    }

    static List<Map<String, Object>> findings(JsonNode findings) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode view : findings) {
            JsonNode f = view.path("latest");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("indicator", Pages.indicator(f.path("indicator").asText()));
            row.put("gap", f.path("gap").asText());
            row.put("section", "P".equals(f.path("subject").path("section").asText()) ? "小学部"
                    : "J".equals(f.path("subject").path("section").asText()) ? "初中部" : "");
            rows.add(row);
        }
        return rows;
    }

    /** The inputs, filled from the record: per section its own fields (and facilities), then the school's. */
    static List<FieldGroup> groups(JsonNode statistics, JsonNode columns, Map<String, String> errors) {
        return build(statistics, columns, name -> text(at(statistics, name)), errors);
    }

    static List<FieldGroup> groupsFromInput(JsonNode statistics, JsonNode columns, MultivaluedMap<String, String> input,
                                            Map<String, String> errors) {
        return build(statistics, columns, name -> input.containsKey(name) ? input.getFirst(name)
                : text(at(statistics, name)), errors);
    }

    private static List<FieldGroup> build(JsonNode statistics, JsonNode columns,
                                          java.util.function.Function<String, String> value,
                                          Map<String, String> errors) {
        List<FieldGroup> groups = new ArrayList<>();
        for (JsonNode section : statistics.path("sections")) {
            String code = section.path("section").asText();
            List<Field> fields = new ArrayList<>();
            for (JsonNode column : columns) {
                String scope = column.path("scope").asText();
                String name = switch (scope) {
                    case "SECTION" -> "sections[" + code + "]." + column.path("path").asText();
                    case "FACILITIES" -> section.path("facilities").isObject()
                            ? "sections[" + code + "].facilities." + column.path("path").asText() : null;
                    case "RETENTION" -> "J".equals(code) && statistics.path("retentionCohort").isObject()
                            ? "retentionCohort." + column.path("path").asText() : null;
                    default -> null;
                };
                if (name != null) {
                    fields.add(field(name, column, value.apply(name), errors));
                }
            }
            groups.add(new FieldGroup("P".equals(code) ? "小学部" : "J".equals(code) ? "初中部" : code, fields));
        }
        List<Field> school = new ArrayList<>();
        for (JsonNode column : columns) {
            String scope = column.path("scope").asText();
            String name = "SCHOOL".equals(scope) ? column.path("path").asText()
                    : "FACILITIES".equals(scope) && statistics.path("wholeSchoolFacilities").isObject()
                    ? "wholeSchoolFacilities." + column.path("path").asText() : null;
            if (name != null) {
                school.add(field(name, column, value.apply(name), errors));
            }
        }
        groups.add(new FieldGroup("全校", school));
        return groups;
    }

    private static Field field(String name, JsonNode column, String value, Map<String, String> errors) {
        return new Field(name, column.path("header").asText(), value == null ? "" : value,
                column.path("kind").asText(), column.path("required").asBoolean(),
                "NOT_REPORTED".equals(column.path("blank").asText()), errors.get(name));
    }

    /** Puts each submitted value at its path; values that are not numbers are returned as errors, by field. */
    static Map<String, String> apply(ObjectNode statistics, JsonNode columns, MultivaluedMap<String, String> input) {
        Map<String, String> kinds = new LinkedHashMap<>();
        columns.forEach(c -> kinds.put(c.path("path").asText(), c.path("kind").asText()));
        Map<String, String> errors = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : input.entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith("sections[") && !name.startsWith("retentionCohort.")
                    && !name.startsWith("wholeSchoolFacilities.") && !kinds.containsKey(name)) {
                continue; // version, reason, acceptWarnings
            }
            String path = name.replaceFirst("^sections\\[[PJ]\\]\\.(facilities\\.)?", "")
                    .replaceFirst("^(retentionCohort|wholeSchoolFacilities)\\.", "");
            String kind = kinds.get(path);
            if (kind == null) {
                continue;
            }
            String raw = entry.getValue().isEmpty() ? "" : entry.getValue().get(0).trim();
            try {
                set(statistics, name, parse(raw, kind));
            } catch (NumberFormatException e) {
                errors.put(name, "请填写数字 (a number, please)");
            }
        }
        return errors;
    }

    private static JsonNode parse(String raw, String kind) {
        if (raw.isEmpty()) {
            return Pages.JSON.nullNode();
        }
        return switch (kind) {
            case "COUNT", "YEAR" -> Pages.JSON.getNodeFactory().numberNode(Long.parseLong(raw));
            case "AREA_LIST" -> {
                ArrayNode list = Pages.JSON.createArrayNode();
                for (String part : raw.split("[;；、,，\\s]+")) {
                    if (!part.isBlank()) {
                        list.add(new BigDecimal(part));
                    }
                }
                yield list;
            }
            default -> Pages.JSON.getNodeFactory().numberNode(new BigDecimal(raw));
        };
    }

    /** The node at a form path ({@code sections[P].teachers.music}); missing when absent. */
    static JsonNode at(JsonNode statistics, String name) {
        JsonNode node = statistics;
        for (String part : steps(name)) {
            node = part.startsWith("[") ? section(node, part.substring(1, 2)) : node.path(part);
        }
        return node;
    }

    private static void set(ObjectNode statistics, String name, JsonNode value) {
        List<String> parts = steps(name);
        JsonNode node = statistics;
        for (int i = 0; i < parts.size() - 1; i++) {
            String part = parts.get(i);
            JsonNode next = part.startsWith("[") ? section(node, part.substring(1, 2)) : node.path(part);
            if (next.isMissingNode() || next.isNull()) {
                if (part.startsWith("[")) {
                    return; // no such section on record: nothing to set
                }
                next = ((ObjectNode) node).putObject(part);
            }
            node = next;
        }
        ((ObjectNode) node).set(parts.get(parts.size() - 1), value);
    }

    /** {@code sections[P].teachers.music} → sections, [P], teachers, music. */
    private static List<String> steps(String name) {
        List<String> steps = new ArrayList<>();
        for (String part : name.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket > 0) {
                steps.add(part.substring(0, bracket));
                steps.add(part.substring(bracket));
            } else {
                steps.add(part);
            }
        }
        return steps;
    }

    private static JsonNode section(JsonNode sections, String code) {
        for (JsonNode section : sections) {
            if (code.equals(section.path("section").asText())) {
                return section;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> parts.add(n.asText()));
            return String.join(";", parts);
        }
        return node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asText();
    }
}
