package org.junheng.service.documents;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junheng.contracts.EventCatalog;
import org.junheng.eventsourcing.EventMetadata;

/**
 * One line of the audit export per recorded event, in words an auditor reads: when, what (Chinese), who (name, role,
 * unit), why (the reason or comment the person gave) and what it carried (a short summary of the payload).
 */
public final class AuditRows {

    public static final List<String> HEADER = List.of("序号（记录位置）", "时间（北京时间）", "事件", "对象", "操作人",
            "角色", "单位", "理由 / 说明", "内容摘要");

    /** Payload fields a person wrote to explain the action, in the order they are looked for. */
    private static final List<String> REASONS = List.of("reason", "comment", "summary", "remarks", "note");
    private static final int SUMMARY_LENGTH = 240;

    private AuditRows() {
    }

    public static List<String> row(long position, Instant recordedAt, String eventType, String streamId,
                                   EventMetadata.Actor actor, JsonNode payload) {
        List<String> row = new ArrayList<>(HEADER.size());
        row.add(String.valueOf(position));
        row.add(WordDocument.time(recordedAt));
        row.add(EventCatalog.label(eventType));
        row.add(subject(payload, streamId));
        row.add(actor == null ? "" : actor.name() != null ? actor.name() : actor.subject());
        row.add(actor == null ? "" : org.junheng.contracts.Role.labelOf(actor.role()));
        row.add(actor == null || actor.department() == null ? "" : actor.department());
        row.add(REASONS.stream().filter(payload::hasNonNull).findFirst().map(f -> payload.get(f).asText()).orElse(""));
        row.add(summary(payload));
        return row;
    }

    /** What the event is about, as people name it: the task's title, the school's name; else the stream. */
    static String subject(JsonNode payload, String streamId) {
        for (JsonNode name : List.of(payload.path("title"), payload.path("subject").path("schoolName"),
                payload.path("profile").path("name"))) {
            if (name.isTextual() && !name.asText().isBlank()) {
                return name.asText();
            }
        }
        return streamId;
    }

    /**
     * {@code 字段=值; …} of the payload's plain values, nested objects by their name or code, cut at 240 characters;
     * identifiers are left out (the position in the log already points at the event).
     */
    static String summary(JsonNode payload) {
        StringBuilder text = new StringBuilder();
        payload.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            String shown = value.isValueNode() ? value.asText()
                    : value.hasNonNull("name") ? value.get("name").asText()
                    : value.hasNonNull("code") ? value.get("code").asText()
                    : value.isArray() ? value.size() + "项" : null;
            boolean identifier = field.getKey().endsWith("Id") || field.getKey().endsWith("Ids");
            if (shown != null && !value.isNull() && !identifier && !REASONS.contains(field.getKey())) {
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
