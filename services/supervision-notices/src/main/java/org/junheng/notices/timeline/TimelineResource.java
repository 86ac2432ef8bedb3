package org.junheng.notices.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.Nullable;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.notices.issuing.NoticeQueries;
import jakarta.ws.rs.BeanParam;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.service.Caller;

/**
 * The whole history of one finding across the services — raised, task opened, assigned, …, verified, resolved, and
 * every notice about it — in causal order with actor and time: replayable history made visible.
 */
@Path("/api/v1/findings/{id}")
public class TimelineResource {

    private final Pool pool;
    private final NoticeQueries notices;

    public TimelineResource(Pool pool, NoticeQueries notices) {
        this.pool = pool;
        this.notices = notices;
    }

    /** One step: which service, what happened, when, who, and what caused it. */
    public record Entry(String source, String eventType, String eventId, Instant occurredAt, @Nullable String actor,
                        @Nullable String causationId, JsonNode event) {
    }

    @GET
    @Path("timeline")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<Entry>> timeline(@PathParam("id") String id, @BeanParam Caller caller) {
        UUID findingId = uuid(id);
        return pool.preparedQuery("""
                        select event_id, source, event_type, occurred_at, actor, causation_id, payload::text as payload
                        from timeline_entries where finding_id = $1""")
                .execute(Tuple.of(findingId))
                .flatMap(rows -> notices.aboutFinding(findingId).map(list -> {
                    List<Entry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        entries.add(new Entry(row.getString("source"), row.getString("event_type"),
                                row.getString("event_id"), row.getOffsetDateTime("occurred_at").toInstant(),
                                row.getString("actor"), row.getString("causation_id"), tree(row.getString("payload"))));
                    }
                    for (NoticeQueries.NoticeView notice : list) {
                        entries.add(new Entry("supervision-notices", "NoticeIssued.v1", notice.noticeId().toString(),
                                notice.issuedAt(), null, null, notice.notice()));
                    }
                    List<Entry> shown = shownTo(entries, caller);
                    if (shown.isEmpty() || !allowed(shown, caller)) {
                        throw Refusal.notFound("finding-not-found", "没有问题" + findingId
                                + "的记录 (nothing is known about this finding)");
                    }
                    return causalOrder(shown);
                }));
    }

    /** The story in Chinese, one row per step (环节, 经办人, 内容), as the printable record shows it. */
    @GET
    @Path("timeline/steps")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<TimelineDocument.Row>> steps(@PathParam("id") String id, @BeanParam Caller caller) {
        return timeline(id, caller).flatMap(entries -> resolvingChanges(entries)
                .map(changes -> TimelineDocument.rows(entries, changes)));
    }

    /** The record a 督学 signs: school and indicator, every step in Chinese with people's names, printable. */
    @GET
    @Path("timeline.html")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> printable(@PathParam("id") String id, @BeanParam Caller caller) {
        return timeline(id, caller).flatMap(entries -> resolvingChanges(entries).map(changes -> Response
                .ok(TimelineDocument.html(entries, changes, Instant.now()), "text/html; charset=utf-8")
                // replaces the API's default-src 'none': the page may use its own stylesheet, nothing else
                .header("Content-Security-Policy", TimelineDocument.CONTENT_SECURITY_POLICY).build()));
    }

    /**
     * For each resolution by data, the change that resolved it: the event it was caused by when that is a change of
     * the finding's school (or the county's), else that school's latest change before the resolution.
     */
    Uni<Map<String, TimelineDocument.DataChange>> resolvingChanges(List<Entry> entries) {
        Uni<Map<String, TimelineDocument.DataChange>> found = Uni.createFrom().item(new HashMap<>());
        for (Entry entry : entries) {
            if (!entry.eventType().startsWith("FindingResolved") || !"DATA".equals(entry.event().path("basis").asText())) {
                continue;
            }
            JsonNode event = entry.event();
            String school = event.path("subject").path("schoolCode").asText(null);
            found = found.flatMap(map -> pool.preparedQuery("""
                            select event_id, event_type, occurred_at, actor, payload::text as payload from data_changes
                            where district_code = $1 and period = $2 and school_code is not distinct from $3
                              and occurred_at <= $4
                            order by (event_id = $5) desc, occurred_at desc limit 1""")
                    .execute(Tuple.from(new Object[] {event.path("districtCode").asText(), event.path("period").asInt(),
                            school, entry.occurredAt().atOffset(java.time.ZoneOffset.UTC),
                            entry.causationId() == null ? "" : entry.causationId()}))
                    .map(rows -> {
                        for (Row row : rows) {
                            map.put(entry.eventId(), new TimelineDocument.DataChange(row.getString("event_id"),
                                    row.getString("event_type"), row.getOffsetDateTime("occurred_at").toInstant(),
                                    row.getString("actor"), tree(row.getString("payload"))));
                        }
                        return map;
                    }));
        }
        return found;
    }

    /** The finding's district: from the pipeline's own events, whatever a notice claims to be about. */
    static String district(List<Entry> entries) {
        return entries.stream().filter(e -> !e.event().has("audience")).findFirst()
                .orElse(entries.get(0)).event().path("districtCode").asText();
    }

    /**
     * The entries a caller may read: notices of another district are never part of a finding's story, and a
     * department or a school sees only the notices addressed to it or to the whole district.
     */
    static List<Entry> shownTo(List<Entry> entries, Caller caller) {
        if (entries.isEmpty()) {
            return entries;
        }
        String district = district(entries);
        return shown(entries, district, caller.department(), caller.school());
    }

    static List<Entry> shown(List<Entry> entries, String district, String department, String school) {
        return entries.stream().filter(entry -> {
            // notices and their acknowledgements carry an audience; the findings' and tasks' own events do not
            if (!entry.event().has("audience")) {
                return true;
            }
            JsonNode audience = entry.event().path("audience");
            String kind = audience.path("kind").asText();
            String code = audience.path("code").asText();
            if (!district.equals(entry.event().path("districtCode").asText())) {
                return false;
            }
            if (department != null) {
                return kind.equals("DISTRICT") || kind.equals("DEPARTMENT") && code.equals(department);
            }
            if (school != null) {
                return kind.equals("DISTRICT") || kind.equals("SCHOOL") && code.equals(school);
            }
            return true;
        }).toList();
    }

    /** The task's departments as they stand: the lead and helpers it opened with, the lead replaced on reassignment. */
    static java.util.Set<String> departmentsOfTheTask(List<Entry> entries) {
        String lead = null;
        java.util.Set<String> helpers = new java.util.TreeSet<>();
        for (Entry entry : entries) {
            if (entry.eventType().startsWith("TaskOpened")) {
                lead = entry.event().path("leadDepartment").path("code").asText();
                helpers.addAll(entry.event().path("coDepartments").findValuesAsText("code"));
            } else if (entry.eventType().startsWith("TaskReassigned")) {
                lead = entry.event().path("toDepartment").path("code").asText();
            }
        }
        java.util.Set<String> departments = new java.util.TreeSet<>(helpers);
        if (lead != null) {
            departments.add(lead);
        }
        return departments;
    }

    /** The finding's district's office, leaders and admins; a department of its task; the school it is about. */
    static boolean allowed(List<Entry> entries, Caller caller) {
        String district = district(entries);
        if (!caller.seesDistrict(district)) {
            return false;
        }
        if (caller.department() != null) {
            return departmentsOfTheTask(entries).contains(caller.department());
        }
        if (caller.school() != null) {
            return entries.stream().anyMatch(e -> caller.school().equals(e.event().path("subject")
                    .path("schoolCode").asText()));
        }
        return true;
    }

    /** By time; an entry never precedes the entry that caused it. */
    static List<Entry> causalOrder(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::occurredAt).thenComparing(Entry::eventId));
        for (int i = 0; i < sorted.size(); i++) {
            Entry entry = sorted.get(i);
            for (int j = i + 1; j < sorted.size(); j++) {
                if (sorted.get(j).eventId().equals(entry.causationId())) {
                    sorted.add(i, sorted.remove(j)); // move the cause before its effect
                    i--;
                    break;
                }
            }
        }
        return sorted;
    }

    private static JsonNode tree(String json) {
        try {
            return PublishedEvents.JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored timeline entry is unreadable", e);
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Refusal.invalidField("id", id, "不是有效的问题编号 (not a finding id)");
        }
    }
}
