package org.junheng.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.EnumMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junheng.console.backend.EvaluationApi;
import org.junheng.console.backend.RectificationApi;
import org.junheng.console.backend.ServiceRefused;
import org.junheng.contracts.IndicatorCategory;
import org.junheng.contracts.IndicatorCode;

/**
 * 总览: is the district ready for the municipal check, and if not, every reason the evaluation gives; the coefficients
 * of variation against their limits; the unmet items by category; the tasks by status and by department.
 */
@Path("/overview")
public class OverviewPage {

    private final Pages pages;
    private final EvaluationApi evaluation;
    private final RectificationApi rectification;
    private final Template overview;

    public OverviewPage(Pages pages, @RestClient EvaluationApi evaluation, @RestClient RectificationApi rectification,
                        @Location("overview.html") Template overview) {
        this.pages = pages;
        this.evaluation = evaluation;
        this.rectification = rectification;
        this.overview = overview;
    }

    /** A group of readiness reasons: the preconditions and data, or one category of indicators. */
    @io.quarkus.qute.TemplateData
    public record ReasonGroup(String title, List<Reason> reasons) {
    }

    @io.quarkus.qute.TemplateData
    public record Reason(String category, String text) {
    }

    /** Tasks of one department (or status): how many, how many overdue, how many escalated. */
    @io.quarkus.qute.TemplateData
    public record Count(String key, String label, int total, int overdue, int escalated) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get() {
        String district = pages.district();
        int period = pages.period();
        JsonNode readiness = orNull(() -> evaluation.readiness(district, period));
        JsonNode variation = orNull(() -> evaluation.variation(district, period));
        JsonNode ledger = orNull(() -> evaluation.ledger(district, period, null, null));
        JsonNode tasks = rectification.tasks(district, null, null, null, null, null, "RECTIFICATION");
        JsonNode dataTasks = rectification.tasks(district, null, null, null, null, null, "DATA_SUBMISSION");
        return pages.page(overview, "overview")
                .data("readiness", Pages.tree(readiness))
                .data("evaluatedAt", readiness == null || readiness.path("evaluatedAt").isNull() ? null
                        : Pages.beijing(readiness.path("evaluatedAt").asText(null)))
                .data("groups", readiness == null ? List.of() : groups(readiness.path("reasons")))
                .data("cvChart", variation == null ? "[]" : cvChart(variation))
                .data("unmetByCategory", ledger == null ? Map.of() : unmetByCategory(ledger))
                .data("byStatus", counts(tasks, "status", "statusLabel"))
                .data("byDepartment", counts(tasks, "leadDepartment", "leadDepartmentName"))
                .data("road", Pages.tree(orNull(() -> rectification.recognition(district))))
                .data("plan", Pages.tree(orNull(() -> rectification.plan(district, pages.period()))))
                .data("taskCount", tasks.size())
                .data("dataTasks", dataTasks.size())
                .data("dataTasksOpen", countOpen(dataTasks));
    }

    /** The tasks not closed yet. */
    static int countOpen(JsonNode tasks) {
        int open = 0;
        for (JsonNode task : tasks) {
            open += "CLOSED".equals(task.path("status").asText()) ? 0 : 1;
        }
        return open;
    }

    /**
     * The reasons as the evaluation gives them, grouped by their kind — unmet, awaiting a supervisor's judgment, data
     * not submitted — each with its category of the standard; reasons of no stated kind (older evaluations) by category.
     */
    static List<ReasonGroup> groups(JsonNode reasons) {
        Map<String, List<Reason>> byGroup = new LinkedHashMap<>();
        for (String kind : List.of("UNMET", "AWAITING_ATTESTATION", "DATA_MISSING")) {
            byGroup.put(Pages.label(org.junheng.contracts.evaluation.ReadinessReason.Kind.class, kind),
                    new ArrayList<>());
        }
        for (JsonNode reason : reasons) {
            String code = reason.path("indicator").asText(null);
            String kind = reason.path("kind").asText("");
            String group = kind.isEmpty() ? (code == null ? "验收前提与数据报送" : category(code))
                    : Pages.label(org.junheng.contracts.evaluation.ReadinessReason.Kind.class, kind);
            byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(new Reason(code == null ? "验收前提"
                    : category(code), reason.path("text").asText()));
        }
        List<ReasonGroup> groups = new ArrayList<>();
        byGroup.forEach((title, list) -> {
            if (!list.isEmpty()) {
                groups.add(new ReasonGroup(title, list));
            }
        });
        return groups;
    }

    private static String category(String code) {
        try {
            return IndicatorCode.fromCode(code).category().label();
        } catch (IllegalArgumentException e) {
            return "其他";
        }
    }

    /** The chart's data: each CV with its limit and whether it is met, in the order the evaluation lists them. */
    static String cvChart(JsonNode variation) {
        List<Map<String, Object>> bars = new ArrayList<>();
        for (JsonNode v : variation) {
            String code = v.path("indicator").asText();
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("code", code);
            bar.put("name", Pages.indicator(code));
            bar.put("value", v.path("coefficient").asDouble());
            bar.put("limit", v.path("limit").asDouble());
            bar.put("met", v.path("met").asBoolean());
            bars.add(bar);
        }
        try {
            return Pages.JSON.writeValueAsString(bars);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unmet ledger lines per category, in the standard's order of categories. */
    static Map<String, Integer> unmetByCategory(JsonNode ledger) {
        Map<IndicatorCategory, Integer> counts = new EnumMap<>(IndicatorCategory.class);
        for (JsonNode line : ledger.path("lines")) {
            if ("UNMET".equals(line.path("status").asText())) {
                try {
                    counts.merge(IndicatorCode.fromCode(line.path("indicator").asText()).category(), 1, Integer::sum);
                } catch (IllegalArgumentException unknown) {
                    // a newer standard's indicator: counted in the ledger page, not here
                }
            }
        }
        Map<String, Integer> byLabel = new LinkedHashMap<>();
        counts.forEach((category, n) -> byLabel.put(category.label(), n));
        return byLabel;
    }

    static List<Count> counts(JsonNode tasks, String key, String label) {
        Map<String, Count> counts = new LinkedHashMap<>();
        for (JsonNode task : tasks) {
            String k = task.path(key).asText();
            Count c = counts.getOrDefault(k, new Count(k, task.path(label).asText(k), 0, 0, 0));
            counts.put(k, new Count(k, c.label(), c.total() + 1, c.overdue() + (task.path("overdue").asBoolean()
                    ? 1 : 0), c.escalated() + (task.hasNonNull("escalation") ? 1 : 0)));
        }
        return new ArrayList<>(counts.values());
    }

    interface Call {
        JsonNode get();
    }

    /** Not evaluated yet (404): nothing to show rather than an error page. */
    static JsonNode orNull(Call call) {
        try {
            return call.get();
        } catch (ServiceRefused refused) {
            if (refused.status() == 404) {
                return null;
            }
            throw refused;
        }
    }
}
