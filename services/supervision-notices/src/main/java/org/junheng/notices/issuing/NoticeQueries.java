package org.junheng.notices.issuing;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junheng.contracts.Nullable;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.service.VertxContexts;

/**
 * Notices for lists and streams, filtered by district, audience and kind, in {@code seq} order: the read model's
 * queries, through Hibernate Reactive ({@link Notice}); each criterion a scope leaves open is left out of the query.
 */
@ApplicationScoped
public class NoticeQueries {

    private final Mutiny.SessionFactory sessions;
    private final Vertx vertx;

    public NoticeQueries(Mutiny.SessionFactory sessions, Vertx vertx) {
        this.sessions = sessions;
        this.vertx = vertx;
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
        StringBuilder where = new StringBuilder("n.district = :district and n.seq > :after");
        Map<String, Object> parameters = new HashMap<>(Map.of("district", scope.district(), "after", afterSeq));
        List<String> addressed = new ArrayList<>();
        if (scope.audienceKind() != null) {
            addressed.add("n.audienceKind = :audienceKind");
            parameters.put("audienceKind", scope.audienceKind());
        }
        if (scope.audienceCode() != null) {
            addressed.add("n.audienceCode = :audienceCode");
            parameters.put("audienceCode", scope.audienceCode());
        }
        if (!addressed.isEmpty()) {
            where.append(" and (").append(String.join(" and ", addressed))
                    .append(scope.withDistrictWide() ? " or n.audienceKind = 'DISTRICT')" : ")");
        }
        if (scope.kind() != null) {
            where.append(" and n.kind = :kind");
            parameters.put("kind", scope.kind());
        }
        if (scope.findingId() != null) {
            // array_contains renders array[?] and PostgreSQL would take the parameter for text; 0 when absent
            where.append(" and array_position(n.findingIds, :finding) > 0");
            parameters.put("finding", scope.findingId());
        }
        return select("where " + where + " order by n.seq", parameters, limit)
                .map(notices -> notices.stream().map(Row::view).toList());
    }

    /** Every notice with {@code afterSeq < seq <= upToSeq}, in {@code seq} order, for every scope to filter. */
    public Uni<List<Published>> between(long afterSeq, long upToSeq) {
        return select("where n.seq > :after and n.seq <= :upTo order by n.seq",
                Map.of("after", afterSeq, "upTo", upToSeq), 0)
                .map(notices -> notices.stream().map(notice -> new Published(notice.view(), notice.district(),
                        notice.audienceKind(), notice.audienceCode(), notice.kind(), List.of(notice.findingIds())))
                        .toList());
    }

    public Uni<List<NoticeView>> aboutFinding(UUID findingId) {
        return select("where array_position(n.findingIds, :finding) > 0 order by n.seq", Map.of("finding", findingId),
                0).map(notices -> notices.stream().map(Row::view).toList());
    }

    /** The highest {@code seq} issued, 0 before the first notice. */
    public Uni<Long> highestSeq() {
        return VertxContexts.onContext(vertx, () -> sessions.withStatelessSession(session -> session
                .createSelectionQuery("select coalesce(max(n.seq), 0) from Notice n", Long.class).getSingleResult()));
    }

    /**
     * The columns a list or a stream shows and a scope is matched on, read in a stateless session (nothing to track:
     * the rows are only shown) into {@link Row}s, on a Vert.x context.
     */
    private Uni<List<Row>> select(String condition, Map<String, Object> parameters, int limit) {
        return VertxContexts.onContext(vertx, () -> sessions.withStatelessSession(session -> {
            Mutiny.SelectionQuery<Row> select = session.createSelectionQuery("""
                    select n.seq, n.noticeId, n.notice, n.issuedAt, n.acknowledgedAt, n.acknowledgedBy, n.district,
                           n.audienceKind, n.audienceCode, n.kind, n.findingIds
                    from Notice n\s""" + condition, Row.class);
            parameters.forEach(select::setParameter);
            if (limit > 0) {
                select.setMaxResults(limit);
            }
            return select.getResultList();
        }));
    }

    private record Row(long seq, UUID noticeId, String notice, OffsetDateTime issuedAt,
                       @Nullable OffsetDateTime acknowledgedAt, @Nullable String acknowledgedBy, String district,
                       String audienceKind, @Nullable String audienceCode, String kind, UUID[] findingIds) {

        NoticeView view() {
            try {
                return new NoticeView(seq, noticeId, PublishedEvents.JSON.readTree(notice), issuedAt.toInstant(),
                        acknowledgedAt == null ? null : acknowledgedAt.toInstant(), acknowledgedBy);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("stored notice is unreadable", e);
            }
        }
    }
}
