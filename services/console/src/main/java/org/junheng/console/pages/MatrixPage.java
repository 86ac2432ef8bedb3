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
import java.util.TreeMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junheng.console.backend.EvaluationApi;

/**
 * 学校达标矩阵: every school section against RA1–RA7 and the school pass rule, coloured by the ledger's verdict — met,
 * unmet while the section still passes (the standard's 85% allowance), unmet and failing — each row a link to the
 * school's tasks.
 */
@Path("/matrix")
public class MatrixPage {

    static final List<String> RESOURCES = List.of("RA1", "RA2", "RA3", "RA4", "RA5", "RA6", "RA7");

    private final Pages pages;
    private final EvaluationApi evaluation;
    private final Template matrix;

    public MatrixPage(Pages pages, @RestClient EvaluationApi evaluation, @Location("matrix.html") Template matrix) {
        this.pages = pages;
        this.evaluation = evaluation;
        this.matrix = matrix;
    }

    /** One cell: its class (met, allowed, unmet, none) and its words (the measured value against the standard). */
    @io.quarkus.qute.TemplateData
    public record Cell(String kind, String text, String title) {
    }

    @io.quarkus.qute.TemplateData
    public record Row(String schoolCode, String school, String section, List<Cell> cells, Cell pass) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get() {
        JsonNode ledger = OverviewPage.orNull(() -> evaluation.ledger(pages.district(), pages.period(), null, null));
        Map<String, Map<String, JsonNode>> bySection = new TreeMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        if (ledger != null) {
            for (JsonNode line : ledger.path("lines")) {
                String indicator = line.path("indicator").asText();
                if (!line.hasNonNull("schoolCode") || !line.hasNonNull("section")
                        || !(RESOURCES.contains(indicator) || indicator.equals("RA-SCHOOL"))) {
                    continue;
                }
                String key = line.path("schoolName").asText() + "|" + line.path("section").asText();
                bySection.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(indicator, line);
                names.put(key, new String[] {line.path("schoolCode").asText(),
                        Pages.shortSchool(line.path("schoolName").asText()),
                        "P".equals(line.path("section").asText()) ? "小学" : "初中"});
            }
        }
        List<Row> rows = new ArrayList<>();
        int passing = 0;
        for (Map.Entry<String, Map<String, JsonNode>> entry : bySection.entrySet()) {
            List<Cell> cells = new ArrayList<>();
            for (String indicator : RESOURCES) {
                cells.add(cell(entry.getValue().get(indicator)));
            }
            Cell pass = cell(entry.getValue().get("RA-SCHOOL"));
            passing += pass.kind().equals("met") ? 1 : 0;
            String[] n = names.get(entry.getKey());
            rows.add(new Row(n[0], n[1], n[2], cells, pass));
        }
        List<String> headings = new ArrayList<>();
        RESOURCES.forEach(code -> headings.add(Pages.indicator(code)));
        return pages.page(matrix, "matrix").data("rows", rows).data("headings", headings).data("passing", passing);
    }

    static Cell cell(JsonNode line) {
        if (line == null) {
            return new Cell("none", "—", "无法评估或未报送");
        }
        String measured = Pages.number(line.path("measured"));
        String required = Pages.number(line.path("required"));
        String text = measured.isEmpty() ? line.path("statusLabel").asText() : measured;
        String title = line.path("statusLabel").asText() + (required.isEmpty() ? "" : "（标准 " + required + "）");
        if (!"UNMET".equals(line.path("status").asText())) {
            return new Cell("met", text, title);
        }
        return "UNMET_SCHOOL_STILL_PASSES".equals(line.path("severity").asText())
                ? new Cell("allowed", text, title + "，校级仍达标") : new Cell("unmet", text, title);
    }
}
