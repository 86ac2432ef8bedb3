package org.junheng.notices.issuing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junheng.contracts.notices.NoticeEvent.NoticeIssued;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.ExpectedVersion;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.StreamAppend;
import org.junheng.eventsourcing.published.PublishedEvents;

/**
 * Appends issued notices to the log, one stream per notice; the relay publishes them on junheng.notices.v1. A notice
 * whose (derived) id is already in the log is skipped, so a replayed trigger issues nothing twice.
 */
@ApplicationScoped
public class NoticeLog {

    public static final String STREAM_TYPE = "Notice";

    private final EventStore store;

    public NoticeLog(EventStore store) {
        this.store = store;
    }

    public static String stream(java.util.UUID noticeId) {
        return "notice/" + noticeId;
    }

    /** @return the notices appended (those not issued before) */
    public Uni<List<NoticeIssued>> issue(SqlClient client, List<NoticeIssued> notices, EventMetadata metadata) {
        if (notices.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> streams = notices.stream().map(n -> stream(n.noticeId())).toList();
        return store.readStreams(client, streams, List.of()).flatMap(existing -> {
            Set<String> issued = existing.stream().map(StoredEvent::streamId).collect(Collectors.toSet());
            List<NoticeIssued> fresh = notices.stream().filter(n -> !issued.contains(stream(n.noticeId()))).toList();
            List<StreamAppend> appends = fresh.stream().map(notice -> new StreamAppend(stream(notice.noticeId()),
                    STREAM_TYPE, ExpectedVersion.noStream(), List.of(PublishedEvents.toNewEvent(notice,
                    metadata.withSubject(notice.audience().key()))))).toList();
            return store.appendAll(client, appends).replaceWith(fresh);
        });
    }
}
