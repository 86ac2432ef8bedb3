package org.junheng.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.junheng.console.backend.IntakeApi;
import org.junheng.console.backend.ServiceRefused;

/**
 * 督导认定: the supervision office records its judgment on the indicators decided by inspection (GG1, GG2, GG10,
 * GG15-CARE, EQ3, EQ5–EQ8, EQ10) — for the county, or for one school or every school at once — with its verdict, date, remarks and
 * the evidence it rests on. The evidence file is identified by its SHA-256 and where the office keeps it (档案号 or
 * address); the intake records the reference, as its API does.
 */
@Path("/attestations")
public class AttestationPage {

    private final Pages pages;
    private final IntakeApi intake;
    private final org.junheng.console.backend.EvaluationApi evaluation;
    private final Template attestations;

    public AttestationPage(Pages pages, @RestClient IntakeApi intake,
                           @RestClient org.junheng.console.backend.EvaluationApi evaluation,
                           @Location("attestations.html") Template attestations) {
        this.pages = pages;
        this.intake = intake;
        this.evaluation = evaluation;
        this.attestations = attestations;
    }

    /** 验收前提: the year the district passed 基本均衡 (basic balance), which the check requires years before. */
    @POST
    @Path("basic-balance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response basicBalance(@RestForm String year, @RestForm String highYears, @RestForm String lowYears) {
        try {
            Integer recognised;
            try {
                recognised = Integer.valueOf(year == null ? "" : year.trim());
            } catch (NumberFormatException e) {
                throw new ServiceRefused(400, "{\"detail\": \"请填写年份，如2014 (a year, e.g. 2014)\"}");
            }
            ObjectNode settings = Pages.JSON.createObjectNode().put("basicBalanceRecognisedIn", recognised);
            ObjectNode monitoring = settings.putObject("basicBalanceMonitoring");
            years(highYears).forEach(y -> monitoring.put(Integer.toString(y), true));
            years(lowYears).forEach(y -> monitoring.put(Integer.toString(y), false));
            evaluation.saveSettings(pages.district(), settings);
        } catch (ServiceRefused refused) {
            return Response.status(refused.pageStatus())
                    .entity(page(null, refused)).build();
        }
        return Response.seeOther(URI.create("/attestations?recognised=1")).build();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("saved") String saved, @QueryParam("recognised") String recognised) {
        return page(saved != null ? "已记录 " + saved + " 项认定。系统将重新评估。"
                : recognised != null ? "已登记基本均衡认定年份。系统将重新评估。" : null, null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response record(@RestForm String indicator, @RestForm String school, @RestForm String verdict,
                           @RestForm String grade, @RestForm String assessedOn, @RestForm String remarks,
                           @RestForm String location, @RestForm("file") FileUpload file) {
        int recorded = 0;
        try {
            String level = levelOf(indicator);
            List<String> schools = new ArrayList<>();
            if ("SCHOOL".equals(level)) {
                if ("ALL".equals(school)) {
                    intake.schools(pages.district()).forEach(s -> schools.add(s.path("schoolCode").asText()));
                } else {
                    schools.add(school);
                }
            }
            ObjectNode judgment = Pages.JSON.createObjectNode().put("verdict", Pages.blankToNull(verdict))
                    .put("grade", Pages.blankToNull(grade)).put("assessedOn", Pages.blankToNull(assessedOn))
                    .put("remarks", Pages.blankToNull(remarks));
            judgment.putObject("supervisor").put("id", pages.user().subject()).put("name", pages.user().name());
            if (file != null && file.size() > 0) {
                judgment.putArray("evidence").addObject().put("name", file.fileName()).put("sha256", sha256(file))
                        .put("location", Pages.blankToNull(location));
            }
            for (String code : "SCHOOL".equals(level) ? schools : List.of("")) {
                ObjectNode subject = judgment.putObject("subject").put("level", level);
                if (!code.isEmpty()) {
                    subject.put("schoolCode", code);
                }
                intake.attest(pages.district(), pages.period(), indicator, judgment);
                recorded++;
            }
        } catch (ServiceRefused refused) {
            return Response.status(refused.pageStatus())
                    .entity(page(recorded > 0 ? "已记录 " + recorded + " 项，其余未记录。" : null, refused)).build();
        }
        return Response.seeOther(URI.create("/attestations?saved=" + recorded)).build();
    }

    private TemplateInstance page(String done, ServiceRefused refused) {
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (JsonNode i : intake.attestedIndicators()) {
            Map<String, Object> row = new LinkedHashMap<>();
            String code = i.path("indicator").asText();
            row.put("code", code);
            row.put("name", Pages.indicator(code));
            row.put("level", i.path("level").asText());
            boolean declaration = i.path("verdicts").size() == 1
                    && "NOT_APPLICABLE".equals(i.path("verdicts").get(0).asText());
            row.put("levelLabel", declaration ? "基数为0时认定不适用"
                    : "SCHOOL".equals(i.path("level").asText()) ? "逐校认定" : "全区认定");
            JsonNode history = intake.attestations(pages.district(), pages.period(), code);
            java.util.Set<String> subjects = new java.util.TreeSet<>();
            String latest = "";
            for (JsonNode entry : history) {
                JsonNode payload = entry.path("payload");
                subjects.add(payload.path("subject").path("schoolCode").asText("county"));
                latest = verdictLabel(payload.path("verdict").asText()) + "（"
                        + payload.path("assessedOn").asText() + "，" + payload.path("supervisor").path("name").asText()
                        + "）";
            }
            row.put("recorded", history.size() == 0 ? "尚未认定" : "SCHOOL".equals(i.path("level").asText())
                    ? "已认定 " + subjects.size() + " 所学校" : "最近一次：" + latest);
            indicators.add(row);
        }
        List<TaskPages.Option> schools = new ArrayList<>();
        for (JsonNode s : intake.schools(pages.district())) {
            schools.add(new TaskPages.Option(s.path("schoolCode").asText(), s.path("profile").path("name").asText()));
        }
        JsonNode settings = OverviewPage.orNull(() -> evaluation.settings(pages.district()));
        return pages.page(attestations, "attestations").data("indicators", indicators).data("schools", schools)
                .data("today", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString())
                .data("recognisedIn", settings == null ? "" : settings.path("basicBalanceRecognisedIn").asText(""))
                .data("highYears", monitored(settings, true)).data("lowYears", monitored(settings, false))
                .data("done", done).data("refusal", refused == null ? null : refused.message())
                .data("refusalLines", refused == null ? List.of() : refused.errorLines());
    }

    private String levelOf(String indicator) {
        for (JsonNode i : intake.attestedIndicators()) {
            if (i.path("indicator").asText().equals(indicator)) {
                return i.path("level").asText();
            }
        }
        throw new ServiceRefused(400, "{\"detail\": \"请选择认定类指标 (choose an attested indicator)\"}");
    }

    private static String sha256(FileUpload file) {
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read the uploaded file", e);
        }
    }

    /** A verdict as people read it. */
    static String verdictLabel(String verdict) {
        return switch (verdict) {
            case "MET" -> "达标";
            case "NOT_APPLICABLE" -> "不适用";
            default -> "未达标";
        };
    }

    /** Years as people write them: {@code 2015-2023}, {@code 2015、2016}, {@code 2015,2017}; blank: none. */
    static java.util.List<Integer> years(String text) {
        java.util.List<Integer> years = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return years;
        }
        for (String part : text.trim().split("\\s*[,，、;；\\s]\\s*")) {
            java.util.regex.Matcher range = java.util.regex.Pattern.compile("(\\d{4})\\s*[-–—至到~]\\s*(\\d{4})")
                    .matcher(part);
            if (range.matches() && Integer.parseInt(range.group(1)) <= Integer.parseInt(range.group(2))
                    && Integer.parseInt(range.group(2)) - Integer.parseInt(range.group(1)) < 100) {
                for (int y = Integer.parseInt(range.group(1)); y <= Integer.parseInt(range.group(2)); y++) {
                    years.add(y);
                }
            } else if (part.matches("\\d{4}")) {
                years.add(Integer.parseInt(part));
            } else {
                throw new ServiceRefused(400, "{\"detail\": \"年份请写作 2015-2023 或 2015、2016 (years like 2015-2023 or"
                        + " 2015, 2016)\"}");
            }
        }
        return years;
    }

    /** The years recorded as high (or not), as the form shows them: 2015–2023 written as a list, 2015、2016、…. */
    static String monitored(JsonNode settings, boolean high) {
        List<String> years = new ArrayList<>();
        if (settings != null) {
            settings.path("basicBalanceMonitoring").fields().forEachRemaining(year -> {
                if (year.getValue().asBoolean() == high) {
                    years.add(year.getKey());
                }
            });
        }
        return String.join("、", years);
    }
}
