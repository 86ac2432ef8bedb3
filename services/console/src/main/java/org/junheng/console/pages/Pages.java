package org.junheng.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.console.signin.Session;
import org.junheng.console.signin.SignedIn;
import org.junheng.contracts.IndicatorCode;

/** What every page shares: the signed-in user, the menu, the district and year shown, JSON as template data. */
@ApplicationScoped
public class Pages {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final Session session;
    private final String district;
    private final int period;

    public Pages(Session session, @ConfigProperty(name = "junheng.console.district") String district,
                 @ConfigProperty(name = "junheng.console.period") int period) {
        this.session = session;
        this.district = district;
        this.period = period;
    }

    public SignedIn user() {
        return session.user();
    }

    public String district() {
        return user().district(district);
    }

    public int period() {
        return period;
    }

    /** The page with its layout data; {@code nav} marks the menu entry that is open. */
    public TemplateInstance page(Template template, String nav) {
        return template.instance().data("user", user()).data("nav", nav).data("district", district())
                .data("period", period);
    }

    /** A service's JSON as maps and lists, which templates read by key ({@code task.title}). */
    public static Object tree(JsonNode node) {
        return node == null || node.isMissingNode() ? null : JSON.convertValue(node, Object.class);
    }

    /** An instant as people in the county read it: Beijing time. */
    public static String beijing(String instant) {
        if (instant == null || instant.isBlank()) {
            return "";
        }
        try {
            return BEIJING.format(Instant.parse(instant)) + " (北京时间)";
        } catch (Exception e) {
            return instant;
        }
    }

    /** An indicator's code with its name in words (RA4 生均教学及辅助用房面积). */
    public static String indicator(String code) {
        try {
            return code + " " + IndicatorCode.fromCode(code).chineseName();
        } catch (Exception e) {
            return code == null ? "" : code;
        }
    }

    /** A contract enum's words ({@link org.junheng.contracts.Labelled}) for its name; the name when unknown. */
    public static <E extends Enum<E> & org.junheng.contracts.Labelled> String label(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        try {
            return Enum.valueOf(type, name).label();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    /**
     * A school's name without the county's own name in front (重庆市大渡口区钢花小学 → 钢花小学): tables of one county
     * need not repeat it.
     */
    public static String shortSchool(String name) {
        String county = Globals.districtName();
        return name != null && county != null && name.startsWith(county) && name.length() > county.length()
                ? name.substring(county.length()) : name;
    }

    /**
     * A measured value or standard as people read it: ratios to 4 decimals, per-pupil and per-hundred values to 2,
     * large amounts to whole units; the services keep the exact value.
     */
    public static String number(JsonNode value) {
        if (value == null || !value.isNumber()) {
            return value == null || value.isNull() || value.isMissingNode() ? "" : value.asText();
        }
        java.math.BigDecimal n = value.decimalValue();
        int scale = n.abs().compareTo(java.math.BigDecimal.ONE) < 0 ? 4
                : n.abs().compareTo(java.math.BigDecimal.valueOf(10000)) >= 0 ? 0 : 2;
        return n.setScale(scale, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A file a service answered (evidence, workbook, Word document), passed on with its type and file name. */
    public static jakarta.ws.rs.core.Response relay(jakarta.ws.rs.core.Response file) {
        jakarta.ws.rs.core.Response.ResponseBuilder answer = jakarta.ws.rs.core.Response
                .ok(file.readEntity(byte[].class), file.getMediaType());
        String disposition = file.getHeaderString("Content-Disposition");
        if (disposition != null) {
            answer.header("Content-Disposition", disposition);
        }
        return answer.build();
    }

    /** An uploaded file passed on to a service as the form field {@code file}, as the browser sent it. */
    public static void addFile(org.jboss.resteasy.reactive.client.api.ClientMultipartForm form,
                               org.jboss.resteasy.reactive.multipart.FileUpload file) {
        form.binaryFileUpload("file", file.fileName(), file.uploadedFile().toString(),
                file.contentType() == null ? jakarta.ws.rs.core.MediaType.APPLICATION_OCTET_STREAM : file.contentType());
    }

    /**
     * A refused spreadsheet's problems as the rows of the problems table (template {@code sheet-problems.html}): row,
     * column, heading, value and reason; a problem naming a form field shows {@code fieldNames}' word for it.
     */
    public static java.util.List<java.util.Map<String, Object>> sheetProblems(
            org.junheng.console.backend.ServiceRefused refused, java.util.Map<String, String> fieldNames) {
        java.util.List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
        if (refused == null) {
            return rows;
        }
        for (JsonNode p : refused.errors()) {
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            String field = p.path("field").asText("");
            row.put("row", p.path("row").asText(""));
            row.put("column", p.path("column").asText(""));
            row.put("header", p.path("header").asText(fieldNames.getOrDefault(field, field)));
            row.put("value", p.path("value").asText(""));
            row.put("reason", p.path("reason").asText(""));
            rows.add(row);
        }
        return rows;
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
