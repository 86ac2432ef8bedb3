package org.junheng.notices.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junheng.contracts.EventCatalog;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.eventsourcing.EventMetadata;

/**
 * The printable record of one finding (问题全过程记录) a 督学 signs: which school and indicator, then every step in
 * Chinese — what happened, when, who (by name, or the unit), and what it said — including the data change that
 * resolved it. Pure: the resource gathers the entries, this writes the page.
 */
public final class TimelineDocument {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** The page's own stylesheet, allowed by its hash in the page's Content-Security-Policy (and nothing else). */
    static final String STYLE = "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;color:#222}"
            + "h1{font-size:20px;text-align:center;margin-bottom:4px}.facts{margin:12px 0;font-size:14px}"
            + ".facts td{padding:2px 12px 2px 0;border:none}table.steps{border-collapse:collapse;width:100%}"
            + ".steps td,.steps th{border:1px solid #555;padding:4px 8px;vertical-align:top;font-size:13px}"
            + ".steps th{background:#eee}.data td{background:#f6f9ff}.sign{margin-top:3em;font-size:14px}"
            + "@media print{body{margin:0}th{background:#eee !important;-webkit-print-color-adjust:exact}}";

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; frame-ancestors 'none'";

    private TimelineDocument() {
    }

    /** A data submission or correction, as consumed from junheng.school-data.v1. */
    public record DataChange(String eventId, String eventType, Instant occurredAt, @Nullable String actor,
                             JsonNode payload) {
    }

    /** One row: 时间, 环节, 经办人, 内容 — and whether it is the school's data change that resolved the finding. */
    public record Row(Instant at, String step, String person, String content, boolean dataChange) {
    }

    /**
     * @param entries in causal order (see {@link TimelineResource#causalOrder})
     * @param resolvingChanges the data change that resolved a finding, by the event id of the resolution
     */
    public static String html(List<FindingStory.Entry> entries, Map<String, DataChange> resolvingChanges,
                              Instant printedAt) {
        JsonNode finding = entries.stream().filter(e -> e.eventType().startsWith("FindingRaised")).findFirst()
                .map(FindingStory.Entry::event).orElse(entries.get(0).event());
        List<Row> rows = rows(entries, resolvingChanges);

        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>问题全过程记录</title><style>").append(STYLE).append("</style></head><body>");
        html.append("<h1>义务教育优质均衡发展问题整改全过程记录</h1><table class=\"facts\">");
        fact(html, "学校", subjectName(finding));
        fact(html, "指标", indicatorName(finding.path("indicator").asText()));
        fact(html, "问题", finding.path("gap").asText());
        fact(html, "统计年度", finding.path("period").asText());
        html.append("</table><table class=\"steps\"><tr><th>序号</th><th>时间</th><th>环节</th><th>经办人</th>"
                + "<th>内容</th></tr>");
        int n = 1;
        for (Row row : rows) {
            html.append(row.dataChange() ? "<tr class=\"data\">" : "<tr>").append("<td>").append(n++)
                    .append("</td><td>").append(TIME.format(row.at())).append("</td><td>").append(escape(row.step()))
                    .append("</td><td>").append(escape(row.person())).append("</td><td>")
                    .append(escape(row.content())).append("</td></tr>");
        }
        html.append("</table><p class=\"sign\">打印时间：").append(TIME.format(printedAt))
                .append("　　　　核查督学（签字）：＿＿＿＿＿＿　　　　日期：＿＿＿＿＿＿</p></body></html>");
        return html.toString();
    }

    /**
     * The story in words, one row per step, the resolving data change before the resolution it caused: what the
     * printable page shows and the console's task page reads ({@code GET …/timeline/steps}).
     */
    public static List<Row> rows(List<FindingStory.Entry> entries, Map<String, DataChange> resolvingChanges) {
        Map<String, String> units = unitNames(entries);
        List<Row> rows = new ArrayList<>();
        for (FindingStory.Entry entry : entries) {
            DataChange change = resolvingChanges.get(entry.eventId());
            if (change != null) {
                rows.add(new Row(change.occurredAt(), EventCatalog.label(change.eventType()),
                        person(change.actor(), change.payload(), units), dataContent(change), true));
            }
            rows.add(new Row(entry.occurredAt(), EventCatalog.label(entry.eventType()),
                    person(entry.actor(), entry.event(), units), content(entry.eventType(), entry.event(), units),
                    false));
        }
        return rows;
    }

    /** The names of the units the story mentions: departments from the task's events, the school from the finding. */
    static Map<String, String> unitNames(List<FindingStory.Entry> entries) {
        Map<String, String> names = new LinkedHashMap<>();
        for (FindingStory.Entry entry : entries) {
            // Department values are {code, name} objects, as fields (leadDepartment, toDepartment …) or in lists
            entry.event().forEach(value -> addDepartment(names, value));
            entry.event().path("coDepartments").forEach(value -> addDepartment(names, value));
            JsonNode subject = entry.event().path("subject");
            if (subject.hasNonNull("schoolCode") && subject.hasNonNull("schoolName")) {
                names.put(subject.get("schoolCode").asText(), subject.get("schoolName").asText());
            }
        }
        return names;
    }

    private static void addDepartment(Map<String, String> names, JsonNode value) {
        if (value.isObject() && value.size() == 2 && value.hasNonNull("code") && value.hasNonNull("name")) {
            names.put(value.get("code").asText(), value.get("name").asText());
        }
    }

    /** Who acted: the person the event names, else the token's name, else the unit, else the system. */
    static String person(@Nullable String actorHeader, JsonNode event, Map<String, String> units) {
        for (String field : List.of("submittedBy", "reportedBy", "uploader", "rejectedBy", "verifier", "approver",
                "supervisor", "recordedBy")) {
            if (event.path(field).hasNonNull("name")) {
                return event.path(field).get("name").asText();
            }
        }
        EventMetadata.Actor actor = EventMetadata.Actor.fromHeaderValue(actorHeader);
        if (actor == null || "system".equals(actor.role())) {
            return "系统自动";
        }
        String unit = actor.department() == null ? null : units.getOrDefault(actor.department(), actor.department());
        // an unknown role (a test's, a newer producer's) says nothing to a reader
        String role = org.junheng.contracts.Role.ofClaim(actor.role()).map(org.junheng.contracts.Role::label).orElse("");
        String where = unit != null ? unit : role;
        return actor.name() != null ? actor.name() + (where.isEmpty() ? "" : "（" + where + "）") : where;
    }

    /** {@code 来源：市级督导评估反馈（渝教督〔2025〕12号，2025年6月30日，第3项）；} for a problem from outside; else nothing. */
    private static String source(JsonNode source) {
        if (!source.isObject()) {
            return "";
        }
        try {
            return "来源：" + org.junheng.eventsourcing.published.PublishedEvents.JSON.treeToValue(source,
                    org.junheng.contracts.rectification.ProblemSource.class).describe() + "；";
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return ""; // a source this version cannot read: the step stands without it
        }
    }

    static String content(String eventType, JsonNode e, Map<String, String> units) {
        String type = eventType.contains(".") ? eventType.substring(0, eventType.indexOf('.')) : eventType;
        return switch (type) {
            case "FindingRaised", "FindingReopened" -> e.path("gap").asText(text(e.path("reason")));
            case "TaskOpened" -> source(e.path("source")) + "牵头单位：" + text(e.path("leadDepartment").path("name"))
                    + names("；配合单位：", e.path("coDepartments")) + "；整改期限：" + text(e.path("dueDate"));
            case "TaskAssigned" -> "责任单位：" + text(e.path("department").path("name"))
                    + (e.path("responsible").hasNonNull("name") ? "；责任人：" + e.path("responsible").get("name").asText()
                    : "");
            case "PlanSubmitted" -> "整改措施：" + text(e.path("measures")) + "；计划完成："
                    + text(e.path("plannedCompletion")) + milestones(e.path("milestones"));
            case "ProgressReported" -> "完成" + text(e.path("percentComplete")) + "%：" + text(e.path("description"));
            case "EvidenceAttached" -> "佐证材料：" + text(e.path("evidence").path("name"));
            case "SubmittedForVerification" -> "整改情况：" + text(e.path("summary"));
            case "TaskRejected" -> (e.path("review").asBoolean(false) ? "复核不通过，不予销号；" : "")
                    + "退回原因：" + text(e.path("reason"));
            case "TaskVerified" -> e.path("verifier").isMissingNode() || e.path("verifier").isNull()
                    ? "学校数据复核达标，自动核验" + (e.path("awaitingReview").asBoolean(false) ? "，待督导室复核销号" : "")
                    : "核验意见：" + e.path("comment").asText("同意");
            case "TaskClosed" -> e.hasNonNull("note") ? e.get("note").asText() : "整改完成，予以销号";
            case "DeadlineExtended" -> "整改期限由" + text(e.path("previousDueDate")) + "延至"
                    + text(e.path("newDueDate")) + "；理由：" + text(e.path("reason"));
            case "TaskReassigned" -> "由" + text(e.path("fromDepartment").path("name")) + "改派"
                    + text(e.path("toDepartment").path("name")) + "；理由：" + text(e.path("reason"));
            case "TaskDueSoon" -> "距整改期限" + text(e.path("dueDate")) + "临近，提醒"
                    + text(e.path("department").path("name"));
            case "TaskOverdue" -> text(e.path("department").path("name")) + "未在" + text(e.path("dueDate"))
                    + "前完成整改";
            case "TaskEscalated" -> "督办：" + text(e.path("reason"));
            case "TaskReopened" -> text(e.path("reason")) + "；新的整改期限：" + text(e.path("dueDate"));
            case "AccountabilityRecorded" -> ("ACCOUNTABILITY".equals(e.path("kind").asText()) ? "问责：" : "约谈：")
                    + text(e.path("person")) + "（" + text(e.path("date")) + "）；事由：" + text(e.path("reason"))
                    + (e.hasNonNull("outcome") ? "；结果：" + e.get("outcome").asText() : "");
            case "FindingResolved" -> resolution(e);
            case "NoticeIssued" -> text(e.path("title"));
            case "NoticeAcknowledged" -> "已签收";
            default -> e.path("reason").asText(e.path("summary").asText(""));
        };
    }

    private static String resolution(JsonNode e) {
        String basis = switch (text(e.path("basis"))) {
            case "DATA" -> "依据更正后的数据";
            case "ATTESTATION" -> "依据督导认定";
            default -> "";
        };
        return basis + (e.hasNonNull("measured") && e.hasNonNull("required")
                ? "，测得" + e.get("measured").asText() + "，标准" + e.get("required").asText() + "，已达标" : "，已达标");
    }

    private static String dataContent(DataChange change) {
        JsonNode p = change.payload();
        String type = change.eventType();
        if (type.startsWith("SchoolStatisticsCorrected")) {
            return "更正原因：" + text(p.path("reason"));
        }
        if (type.startsWith("AttestationRecorded")) {
            String verdict = "MET".equals(text(p.path("verdict"))) ? "达标" : "未达标";
            return "认定结论：" + verdict + (p.hasNonNull("remarks") ? "；" + p.get("remarks").asText() : "");
        }
        if (type.startsWith("CountyFiguresSubmitted")) {
            return text(p.path("department").path("name")) + "报送县级数据";
        }
        return "报送年度统计数据";
    }

    private static String names(String prefix, JsonNode departments) {
        List<String> names = new ArrayList<>();
        departments.forEach(d -> names.add(text(d.path("name"))));
        return names.isEmpty() ? "" : prefix + String.join("、", names);
    }

    private static String milestones(JsonNode milestones) {
        List<String> steps = new ArrayList<>();
        milestones.forEach(m -> steps.add(text(m.path("description")) + "（" + text(m.path("dueDate")) + "）"));
        return steps.isEmpty() ? "" : "；节点：" + String.join("，", steps);
    }

    private static String subjectName(JsonNode finding) {
        JsonNode subject = finding.path("subject");
        String section = switch (subject.path("section").asText("")) {
            case "P" -> "（小学部）";
            case "J" -> "（初中部）";
            default -> "";
        };
        return subject.hasNonNull("schoolName") ? subject.get("schoolName").asText() + section : "全区（县域）";
    }

    private static String indicatorName(String code) {
        try {
            return IndicatorCode.fromCode(code).chineseName();
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    private static void fact(StringBuilder html, String label, String value) {
        html.append("<tr><td>").append(label).append("：</td><td>").append(escape(value)).append("</td></tr>");
    }

    /** A value as text; nothing for a missing or null value (never the word "null"). */
    private static String text(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? "" : value.asText();
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String sha256(String text) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
