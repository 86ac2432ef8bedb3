package org.junheng.notices.issuing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.ZoneOffset;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.notices.NoticeEvent.NoticeAcknowledged;
import org.junheng.contracts.notices.NoticeEvent.NoticeIssued;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.projection.Projection;
import org.junheng.eventsourcing.published.PublishedEvents;

/**
 * The notices as subscribers read them. {@code seq} is assigned in feed order as notices are applied, so it is the
 * resumable SSE event id; a rebuild assigns the same numbers again (same log, same order, sequence restarted).
 */
public final class NoticeProjection implements Projection {

    public static final String NAME = "notices";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Void> apply(SqlConnection tx, StoredEvent stored) {
        PublishedEvent event = PublishedEvents.readKnown(stored).orElse(null);
        if (event instanceof NoticeIssued notice) {
            return tx.preparedQuery("""
                            insert into notices (notice_id, district_code, audience_kind, audience_code, kind, severity,
                                title, body, finding_ids, task_ids, school_codes, issued_at, notice)
                            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text::jsonb)
                            on conflict (notice_id) do nothing""")
                    .execute(Tuple.from(new Object[] {notice.noticeId(), notice.districtCode(),
                            notice.audience().kind().name(), notice.audience().code(), notice.kind().name(),
                            notice.severity().name(), notice.title(), notice.body(),
                            notice.findingIds().toArray(java.util.UUID[]::new),
                            notice.taskIds().toArray(java.util.UUID[]::new), notice.schoolCodes().toArray(String[]::new),
                            stored.recordedAt().atOffset(ZoneOffset.UTC), stored.payloadJson()}))
                    .replaceWithVoid();
        }
        if (event instanceof NoticeAcknowledged ack) {
            return tx.preparedQuery("""
                            update notices set acknowledged_at = $2, acknowledged_by = $3 where notice_id = $1""")
                    .execute(Tuple.of(ack.noticeId(), stored.recordedAt().atOffset(ZoneOffset.UTC),
                            ack.acknowledgedBy().name()))
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> reset(SqlConnection tx) {
        return tx.query("truncate notices restart identity").execute().replaceWithVoid();
    }

    @Override
    public String contentQuery() {
        return "select seq, notice_id, notice::text, issued_at, acknowledged_at, acknowledged_by from notices";
    }
}
