package org.junheng.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junheng.console.backend.EvaluationApi;
import org.junheng.contracts.IndicatorCategory;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Severity;

/**
 * 台账: the met and unmet ledgers as the evaluation keeps them, filtered by school, section, indicator and category, at
 * any past date; the same selection as an XLSX workbook.
 */
@Path("/ledger")
public class LedgerPage {

    private final Pages pages;
    private final EvaluationApi evaluation;
    private final Template ledger;

    public LedgerPage(Pages pages, @RestClient EvaluationApi evaluation, @Location("ledger.html") Template ledger) {
        this.pages = pages;
        this.evaluation = evaluation;
        this.ledger = ledger;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("ledger") String which, @QueryParam("school") String school,
                                @QueryParam("section") String section, @QueryParam("indicator") String indicator,
                                @QueryParam("category") String category, @QueryParam("asOf") String asOf) {
        String chosen = which == null ? "UNMET" : which.isBlank() ? null : which;
        JsonNode all = OverviewPage.orNull(() -> evaluation.ledger(pages.district(), pages.period(), null, null,
                null, null, Pages.blankToNull(asOf)));
        // not evaluated by that date (404): an empty ledger that says so
        JsonNode shown = all == null ? Pages.JSON.createObjectNode() : evaluation.ledger(pages.district(),
                pages.period(), chosen, Pages.blankToNull(school), Pages.blankToNull(section),
                Pages.blankToNull(indicator), Pages.blankToNull(asOf));
        if (all == null) {
            all = Pages.JSON.createObjectNode();
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (JsonNode line : shown.path("lines")) {
            String code = line.path("indicator").asText();
            if (category != null && !category.isBlank() && !category.equals(categoryOf(code))) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("school", line.hasNonNull("schoolName") ? Pages.shortSchool(line.path("schoolName").asText())
                    : "全区（县域）");
            row.put("section", line.hasNonNull("section")
                    ? Pages.label(org.junheng.contracts.Section.class, line.path("section").asText())
                    : line.hasNonNull("schoolCode") ? "全校" : "");
            row.put("indicator", Pages.indicator(code));
            row.put("measured", Pages.number(line.path("measured")));
            row.put("required", Pages.number(line.path("required")));
            row.put("status", line.path("status").asText());
            row.put("statusLabel", line.path("statusLabel").asText());
            row.put("severity", Pages.label(Severity.class, line.path("severity").asText("")));
            row.put("gap", line.path("gap").asText(""));
            lines.add(row);
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("ledger", chosen == null ? "" : chosen);
        filters.put("school", school == null ? "" : school);
        filters.put("section", section == null ? "" : section);
        filters.put("indicator", indicator == null ? "" : indicator);
        filters.put("category", category == null ? "" : category);
        filters.put("asOf", asOf == null ? "" : asOf);
        return pages.page(ledger, "ledger").data("lines", lines).data("filters", filters)
                .data("metLines", all.path("metLines").asInt()).data("unmetLines", all.path("unmetLines").asInt())
                .data("schools", schools(all)).data("indicators", indicators(all)).data("categories", categories())
                .data("query", query(chosen, school, section, indicator, asOf))
                .data("evaluated", all.has("lines"));
    }

    /** The same selection as the evaluation's workbook (the category filter is the page's own). */
    @GET
    @Path("ledger.xlsx")
    public Response workbook(@QueryParam("ledger") String which, @QueryParam("school") String school,
                             @QueryParam("section") String section, @QueryParam("indicator") String indicator,
                             @QueryParam("asOf") String asOf) {
        return Pages.relay(evaluation.ledgerWorkbook(pages.district(), pages.period(), Pages.blankToNull(which),
                Pages.blankToNull(school), Pages.blankToNull(section), Pages.blankToNull(indicator),
                Pages.blankToNull(asOf)));
    }

    static String categoryOf(String code) {
        try {
            return IndicatorCode.fromCode(code).category().name();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static List<TaskPages.Option> schools(JsonNode ledger) {
        Map<String, String> seen = new TreeMap<>();
        ledger.path("lines").forEach(l -> {
            if (l.hasNonNull("schoolCode")) {
                seen.put(l.path("schoolCode").asText(), l.path("schoolName").asText());
            }
        });
        List<TaskPages.Option> options = new ArrayList<>();
        seen.forEach((code, name) -> options.add(new TaskPages.Option(code, name)));
        options.sort(java.util.Comparator.comparing(TaskPages.Option::label));
        return options;
    }

    static List<TaskPages.Option> indicators(JsonNode ledger) {
        Map<IndicatorCode, String> seen = new EnumMap<>(IndicatorCode.class);
        ledger.path("lines").forEach(l -> {
            try {
                IndicatorCode code = IndicatorCode.fromCode(l.path("indicator").asText());
                seen.put(code, Pages.indicator(code.code()));
            } catch (IllegalArgumentException unknown) {
                // a newer standard's indicator: listed by the lines, not offered as a filter
            }
        });
        List<TaskPages.Option> options = new ArrayList<>();
        seen.forEach((code, words) -> options.add(new TaskPages.Option(code.code(), words)));
        return options;
    }

    static List<TaskPages.Option> categories() {
        List<TaskPages.Option> options = new ArrayList<>();
        for (IndicatorCategory category : IndicatorCategory.values()) {
            options.add(new TaskPages.Option(category.name(), category.label()));
        }
        return options;
    }

    private static String query(String which, String school, String section, String indicator, String asOf) {
        StringBuilder q = new StringBuilder();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ledger", which);
        params.put("school", school);
        params.put("section", section);
        params.put("indicator", indicator);
        params.put("asOf", asOf);
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                q.append(q.length() == 0 ? "?" : "&").append(k).append('=')
                        .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }
}
