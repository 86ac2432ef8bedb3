package org.junheng.notices.issuing;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.Nullable;
import org.junheng.eventsourcing.published.PublishedEvents;

/** Notices for lists and streams, filtered by district, audience and kind, in {@code seq} order. */
@ApplicationScoped
public class NoticeQueries {

    private final Pool pool;

    public NoticeQueries(Pool pool) {
        this.pool = pool;
    }

    /** Which notices a subscriber or list wants; every criterion but the district is optional. */
    /** @param withDistrictWide also the notices to the whole district (bulletins), for a department's or school's view */
    public record Scope(String district, @Nullable String audienceKind, @Nullable String audienceCode,
                        @Nullable String kind, @Nullable UUID findingId, boolean withDistrictWide) {

        public Scope(String district, @Nullable String audienceKind, @Nullable String audienceCode,
                     @Nullable String kind, @Nullable UUID findingId) {
            this(district, audienceKind, audienceCode, kind, findingId, false);
        }

        /** Whether the scope takes the notice: {@link #after}'s {@code where} clause, for a batch already read. */
        public boolean admits(Published notice) {
            boolean addressed = (audienceKind == null || audienceKind.equals(notice.audienceKind()))
                    && (audienceCode == null || audienceCode.equals(notice.audienceCode()));
            return district.equals(notice.district())
                    && (addressed || withDistrictWide && "DISTRICT".equals(notice.audienceKind()))
                    && (kind == null || kind.equals(notice.kind()))
                    && (findingId == null || notice.findingIds().contains(findingId));
        }
    }

    /** A notice as the live feed carries it: what is shown, and what a scope is matched on. */
    public record Published(NoticeView view, String district, @Nullable String audienceKind,
                            @Nullable String audienceCode, @Nullable String kind, List<UUID> findingIds) {
    }

    public record NoticeView(long seq, UUID noticeId, JsonNode notice, Instant issuedAt,
                             @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy) {
    }

    public Uni<List<NoticeView>> after(Scope scope, long afterSeq, int limit) {
        return pool.preparedQuery("""
                        select seq, notice_id, notice::text as notice, issued_at, acknowledged_at, acknowledged_by
                        from notices where district_code = $1 and seq > $2
                          and (($3::text is null or audience_kind = $3) and ($4::text is null or audience_code = $4)
                               or ($8 and audience_kind = 'DISTRICT'))
                          and ($5::text is null or kind = $5) and ($6::uuid is null or $6 = any(finding_ids))
                        order by seq limit $7""")
                .execute(Tuple.from(new Object[] {scope.district(), afterSeq, scope.audienceKind(),
                        scope.audienceCode(), scope.kind(), scope.findingId(), limit, scope.withDistrictWide()}))
                .map(rows -> {
                    List<NoticeView> views = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> views.add(view(row)));
                    return views;
                });
    }

    /** Every notice with {@code afterSeq < seq <= upToSeq}, in {@code seq} order, for every scope to filter. */
    public Uni<List<Published>> between(long afterSeq, long upToSeq) {
        return pool.preparedQuery("""
                        select seq, notice_id, notice::text as notice, issued_at, acknowledged_at, acknowledged_by,
                               district_code, audience_kind, audience_code, kind, finding_ids
                        from notices where seq > $1 and seq <= $2 order by seq""")
                .execute(Tuple.of(afterSeq, upToSeq)).map(rows -> {
                    List<Published> notices = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> {
                        UUID[] findings = row.getArrayOfUUIDs("finding_ids");
                        notices.add(new Published(view(row), row.getString("district_code"),
                                row.getString("audience_kind"), row.getString("audience_code"), row.getString("kind"),
                                findings == null ? List.of() : List.of(findings)));
                    });
                    return notices;
                });
    }

    public Uni<List<NoticeView>> aboutFinding(UUID findingId) {
        return pool.preparedQuery("""
                        select seq, notice_id, notice::text as notice, issued_at, acknowledged_at, acknowledged_by
                        from notices where $1 = any(finding_ids) order by seq""")
                .execute(Tuple.of(findingId)).map(rows -> {
                    List<NoticeView> views = new ArrayList<>();
                    rows.forEach(row -> views.add(view(row)));
                    return views;
                });
    }

    static NoticeView view(Row row) {
        OffsetDateTime acknowledged = row.getOffsetDateTime("acknowledged_at");
        try {
            return new NoticeView(row.getLong("seq"), row.getUUID("notice_id"),
                    PublishedEvents.JSON.readTree(row.getString("notice")),
                    row.getOffsetDateTime("issued_at").toInstant(),
                    acknowledged == null ? null : acknowledged.toInstant(), row.getString("acknowledged_by"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored notice is unreadable", e);
        }
    }
}
