package org.junheng.notices.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junheng.contracts.PublishedEvent;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.notices.timeline.FindingStory.Entry;

/**
 * The read model behind the findings' stories: each finding's and task's event as consumed ({@code timeline_entries})
 * and the schools' data changes that may have resolved a finding ({@code data_changes}).
 */
@ApplicationScoped
public class FindingTimelines {

    private final Pool pool;

    public FindingTimelines(Pool pool) {
        this.pool = pool;
    }

    /** Where and when a consumed event happened, and who caused it. */
    public record Origin(String eventId, String source, String eventType, OffsetDateTime occurredAt, String actor,
                         String correlationId, String causationId) {
    }

    /** Keeps a finding's or task's event as a step of the finding's story (in the consumer's transaction). */
    public Uni<Void> record(SqlClient tx, UUID findingId, PublishedEvent event, Origin origin) {
        return tx.preparedQuery("""
                        insert into timeline_entries (finding_id, event_id, source, event_type, occurred_at, actor,
                            correlation_id, causation_id, payload)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb) on conflict do nothing""")
                .execute(Tuple.from(new Object[] {findingId, origin.eventId(), origin.source(), origin.eventType(),
                        origin.occurredAt(), origin.actor(), origin.correlationId(), origin.causationId(),
                        PublishedEvents.write(event)}))
                .replaceWithVoid();
    }

    /** Keeps a school's or the county's data change (in the consumer's transaction). */
    public Uni<Void> recordDataChange(SqlClient tx, PublishedEvent event, int period, String schoolCode,
                                      Origin origin) {
        return tx.preparedQuery("""
                        insert into data_changes (event_id, district_code, period, school_code, event_type, occurred_at,
                            actor, payload)
                        values ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb) on conflict do nothing""")
                .execute(Tuple.from(new Object[] {origin.eventId(), event.districtCode(), period, schoolCode,
                        origin.eventType(), origin.occurredAt(), origin.actor(), PublishedEvents.write(event)}))
                .replaceWithVoid();
    }

    /** The finding's own steps (raised, task opened, …), unordered. */
    public Uni<List<Entry>> steps(UUID findingId) {
        return pool.preparedQuery("""
                        select event_id, source, event_type, occurred_at, actor, causation_id, payload::text as payload
                        from timeline_entries where finding_id = $1""")
                .execute(Tuple.of(findingId)).map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        entries.add(new Entry(row.getString("source"), row.getString("event_type"),
                                row.getString("event_id"), row.getOffsetDateTime("occurred_at").toInstant(),
                                row.getString("actor"), row.getString("causation_id"), tree(row.getString("payload"))));
                    }
                    return entries;
                });
    }

    /**
     * For each resolution by data, the change that resolved it: the event it was caused by — whichever school's it is,
     * since a county ratio (GG13) is resolved by a school's correction — else the latest change of the finding's school
     * (or the county's) before the resolution.
     */
    public Uni<Map<String, TimelineDocument.DataChange>> resolvingChanges(List<Entry> entries) {
        Uni<Map<String, TimelineDocument.DataChange>> found = Uni.createFrom().item(new HashMap<>());
        for (Entry entry : entries) {
            if (!entry.eventType().startsWith("FindingResolved") || !"DATA".equals(entry.event().path("basis").asText())) {
                continue;
            }
            JsonNode event = entry.event();
            String school = event.path("subject").path("schoolCode").asText(null);
            found = found.flatMap(map -> pool.preparedQuery("""
                            select event_id, event_type, occurred_at, actor, payload::text as payload from data_changes
                            where district_code = $1 and period = $2
                              and (event_id = $5 or school_code is not distinct from $3) and occurred_at <= $4
                            order by (event_id = $5) desc, occurred_at desc limit 1""")
                    .execute(Tuple.from(new Object[] {event.path("districtCode").asText(), event.path("period").asInt(),
                            school, entry.occurredAt().atOffset(ZoneOffset.UTC),
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

    private static JsonNode tree(String json) {
        try {
            return PublishedEvents.JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored timeline entry is unreadable", e);
        }
    }
}
