package org.junheng.service.documents;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junheng.contracts.EventCatalog;
import org.junheng.eventsourcing.EventMetadata;

/**
 * One line of the audit export per recorded event, in words an auditor reads: when, what (Chinese), who (name, role,
 * unit), why (the reason or comment the person gave) and what it carried (a short summary of the payload).
 */
public final class AuditRows {

    public static final List<String> HEADER = List.of("序号（记录位置）", "时间（北京时间）", "事件", "对象", "操作人",
            "角色", "单位", "理由 / 说明", "内容摘要");

    private static final Map<String, String> ROLES = Map.of("admin", "管理员", "city-supervisor", "市督导",
            "supervisor", "督导室", "leader", "领导小组", "department", "责任单位", "school", "学校", "system", "系统自动");

    /** Payload fields a person wrote to explain the action, in the order they are looked for. */
    private static final List<String> REASONS = List.of("reason", "comment", "summary", "remarks", "note");
    private static final int SUMMARY_LENGTH = 240;

    private AuditRows() {
    }

    /** The role as people say it (督导室, 责任单位 …); unknown roles as they are. */
    public static String role(String role) {
        return role == null ? "" : ROLES.getOrDefault(role, role);
    }

    public static List<String> row(long position, Instant recordedAt, String eventType, String streamId,
                                   EventMetadata.Actor actor, JsonNode payload) {
        List<String> row = new ArrayList<>(HEADER.size());
        row.add(String.valueOf(position));
        row.add(WordDocument.time(recordedAt));
        row.add(EventCatalog.label(eventType));
        row.add(streamId);
        row.add(actor == null ? "" : actor.name() != null ? actor.name() : actor.subject());
        row.add(actor == null ? "" : role(actor.role()));
        row.add(actor == null || actor.department() == null ? "" : actor.department());
        row.add(REASONS.stream().filter(payload::hasNonNull).findFirst().map(f -> payload.get(f).asText()).orElse(""));
        row.add(summary(payload));
        return row;
    }

    /** {@code 字段=值; …} of the payload's plain values, nested objects by their name or code, cut at 240 characters. */
    static String summary(JsonNode payload) {
        StringBuilder text = new StringBuilder();
        payload.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            String shown = value.isValueNode() ? value.asText()
                    : value.hasNonNull("name") ? value.get("name").asText()
                    : value.hasNonNull("code") ? value.get("code").asText()
                    : value.isArray() ? value.size() + "项" : null;
            if (shown != null && !value.isNull() && !REASONS.contains(field.getKey())) {
                text.append(text.isEmpty() ? "" : "; ").append(field.getKey()).append('=').append(shown);
            }
        });
        return text.length() > SUMMARY_LENGTH ? text.substring(0, SUMMARY_LENGTH) + "…" : text.toString();
    }

    /**
     * A CSV cell: quoted, and a leading {@code = + - @} defused with an apostrophe, so that a spreadsheet never runs
     * what someone typed as a formula.
     */
    public static String csvCell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
