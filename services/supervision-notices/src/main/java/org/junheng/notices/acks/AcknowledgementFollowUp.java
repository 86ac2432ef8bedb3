package org.junheng.notices.acks;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.contracts.notices.NoticeEvent.NoticeIssued;
import org.junheng.contracts.notices.NoticeSeverity;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.notices.issuing.NoticeLog;
import org.junheng.service.Periodic;

/**
 * Follows up important notices nobody acknowledged (签收): a reminder to the same audience (【请签收】), then an
 * escalation to the supervision office, as {@link AcknowledgementPolicy} times them. Follow-ups have ids derived
 * from the original, so a second run or replica issues nothing twice.
 */
@Startup
@ApplicationScoped
public class AcknowledgementFollowUp {

    private static final EventMetadata METADATA = new EventMetadata(null, null, null,
            EventMetadata.Actor.system("supervision-notices-acknowledgements"), null, null, null);

    private final Pool pool;
    private final NoticeLog log;
    private final Clock clock;
    private final AcknowledgementPolicy policy;
    private final Periodic schedule;

    AcknowledgementFollowUp(Pool pool, NoticeLog log, Clock clock,
                            @ConfigProperty(name = "junheng.notices.ack.resend-after", defaultValue = "PT24H")
                            Duration resendAfter,
                            @ConfigProperty(name = "junheng.notices.ack.escalate-after", defaultValue = "PT24H")
                            Duration escalateAfter,
                            @ConfigProperty(name = "junheng.notices.ack.check", defaultValue = "PT5M") Duration every) {
        this.pool = pool;
        this.log = log;
        this.clock = clock;
        this.policy = new AcknowledgementPolicy(resendAfter, escalateAfter, 1,
                EnumSet.of(NoticeSeverity.WARNING, NoticeSeverity.CRITICAL));
        this.schedule = Periodic.every("acknowledgement-follow-up", every, this::runOnce);
    }

    void onStop(@Observes ShutdownEvent event) {
        schedule.stop();
    }

    /** Issues the reminders and escalations due now; returns them. */
    public List<NoticeIssued> runOnce() {
        Instant now = clock.instant();
        List<NoticeIssued> issued = new ArrayList<>();
        var rows = pool.query("""
                        select n.notice::text as notice, n.issued_at, coalesce(f.resends, 0) as resends,
                               coalesce(f.escalated, false) as escalated
                        from notices n left join ack_followups f using (notice_id)
                        where n.acknowledged_at is null and n.severity in ('WARNING', 'CRITICAL')
                          and n.issued_at > now() - interval '90 days'
                          and not exists (select 1 from ack_followups g where g.notice_id = n.notice_id and g.escalated)
                        order by n.seq limit 1000""")
                .execute().await().atMost(Duration.ofMinutes(1));
        for (Row row : rows) {
            NoticeIssued notice = PublishedEvents.read(row.getString("notice"), NoticeIssued.class);
            if (notice.title().startsWith("【请签收】") || notice.title().startsWith("【逾期未签收】")) {
                continue; // follow-ups are not followed up
            }
            Instant issuedAt = row.getOffsetDateTime("issued_at").toInstant();
            int resends = row.getInteger("resends");
            var state = new AcknowledgementPolicy.NoticeAckState(notice.severity(), notice.audience(), issuedAt,
                    null, resends, row.getBoolean("escalated"));
            AcknowledgementPolicy.Action action = policy.decide(state, now);
            NoticeIssued followUp;
            String update;
            if (action == AcknowledgementPolicy.Action.RESEND) {
                followUp = reminder(notice, resends + 1);
                update = "resends = ack_followups.resends + 1";
            } else if (action == AcknowledgementPolicy.Action.ESCALATE) {
                followUp = policy.escalationNotice(notice, issuedAt);
                update = "escalated = true";
            } else {
                continue;
            }
            pool.withTransaction(tx -> log.issue(tx, List.of(followUp), METADATA.withDistrict(notice.districtCode()))
                            .flatMap(ignored -> tx.preparedQuery("insert into ack_followups (notice_id, resends, escalated)"
                                            + " values ($1, $2, $3) on conflict (notice_id) do update set " + update)
                                    .execute(Tuple.of(notice.noticeId(), action == AcknowledgementPolicy.Action.RESEND
                                            ? 1 : 0, action == AcknowledgementPolicy.Action.ESCALATE))))
                    .await().atMost(Duration.ofMinutes(1));
            issued.add(followUp);
        }
        return issued;
    }

    /** The same notice again, to the same audience, asking for acknowledgement. */
    static NoticeIssued reminder(NoticeIssued original, int number) {
        UUID id = UUID.nameUUIDFromBytes(("resend|" + original.noticeId() + "|" + number)
                .getBytes(StandardCharsets.UTF_8));
        return new NoticeIssued(id, original.districtCode(), original.audience(), original.kind(),
                original.severity(), "【请签收】" + original.title(), original.body(), original.documentNumber(),
                original.findingIds(), original.taskIds(), original.schoolCodes(), original.issuedBy());
    }
}
