package org.junheng.notices.webhooks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junheng.eventsourcing.FeedWorker;

/**
 * Delivers notices to webhook subscribers without loss: new notices (by {@code seq}) become delivery rows for every
 * matching active subscription, in one transaction with the dispatcher's cursor; due deliveries are claimed with
 * {@code for update skip locked}, posted with Standard Webhooks signatures, and retried by {@link RetryPolicy} until
 * delivered or dead. {@code webhook-id} is the notice id, so a receiver that saw a retry before can de-duplicate.
 */
public final class WebhookDispatcher extends FeedWorker {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final Pool pool;
    private final RetryPolicy retries;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;

    public WebhookDispatcher(Pool pool, RetryPolicy retries, Clock clock, Duration pollInterval, Duration timeout) {
        super("webhook-dispatcher", pollInterval);
        this.pool = pool;
        this.retries = retries;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    protected int step() {
        int scheduled = schedule().await().indefinitely();
        return scheduled + deliverDue();
    }

    /** Turns the notices after the cursor into deliveries for matching subscriptions. */
    Uni<Integer> schedule() {
        return pool.withTransaction(tx -> tx.query("select last_seq from webhook_cursor where id = 1 for update")
                .execute().flatMap(rows -> {
                    long last = rows.iterator().next().getLong("last_seq");
                    return tx.preparedQuery("""
                                    with batch as (select seq, notice_id, district_code, audience_kind, audience_code, kind
                                                   from notices where seq > $1 order by seq limit 500),
                                    inserted as (
                                        insert into webhook_deliveries (subscription_id, notice_id, notice_seq)
                                        select s.subscription_id, b.notice_id, b.seq from batch b
                                        join webhook_subscriptions s on s.active and s.district_code = b.district_code
                                         and (s.audience_kind is null or s.audience_kind = b.audience_kind)
                                         and (s.audience_code is null or s.audience_code = b.audience_code)
                                         and (s.kinds is null or b.kind = any(s.kinds))
                                        on conflict do nothing returning 1)
                                    select (select max(seq) from batch) as max_seq, (select count(*) from inserted) as n""")
                            .execute(Tuple.of(last)).flatMap(result -> {
                                Row row = result.iterator().next();
                                Long max = row.getLong("max_seq");
                                if (max == null) {
                                    return Uni.createFrom().item(0);
                                }
                                return tx.preparedQuery("update webhook_cursor set last_seq = $1 where id = 1")
                                        .execute(Tuple.of(max)).replaceWith(row.getLong("n").intValue());
                            });
                }));
    }

    private record Due(long deliveryId, UUID noticeId, String url, String secret, int attempts, String body) {
    }

    /** Sends every due delivery once; returns how many were attempted. */
    int deliverDue() {
        List<Due> due = pool.withTransaction(tx -> tx.preparedQuery("""
                        select d.delivery_id, d.notice_id, d.attempts, s.url, s.secret, n.notice::text as body
                        from webhook_deliveries d join webhook_subscriptions s using (subscription_id)
                        join notices n on n.notice_id = d.notice_id
                        where d.status = 'PENDING' and d.next_attempt_at <= $1
                        order by d.next_attempt_at limit 20 for update of d skip locked""")
                .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC)))
                .flatMap(rows -> {
                    List<Due> claimed = new ArrayList<>();
                    rows.forEach(row -> claimed.add(new Due(row.getLong("delivery_id"), row.getUUID("notice_id"),
                            row.getString("url"), row.getString("secret"), row.getInteger("attempts"),
                            row.getString("body"))));
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item(claimed);
                    }
                    // hold them off while this replica sends; a crash makes them due again after the timeout
                    return tx.preparedQuery("""
                                    update webhook_deliveries set next_attempt_at = $2 where delivery_id = any($1)""")
                            .execute(Tuple.of(claimed.stream().map(Due::deliveryId).toArray(Long[]::new),
                                    clock.instant().plus(timeout.multipliedBy(2)).atOffset(ZoneOffset.UTC)))
                            .replaceWith(claimed);
                })).await().indefinitely();
        for (Due delivery : due) {
            send(delivery);
        }
        return due.size();
    }

    private void send(Due delivery) {
        Instant now = clock.instant();
        Integer status = null;
        String error = null;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8));
            WebhookSignature.sign(delivery.secret(), delivery.noticeId().toString(), now, delivery.body())
                    .forEach(request::header);
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } 
        int attempts = delivery.attempts() + 1;
        boolean delivered = status != null && status >= 200 && status < 300;
        String outcome;
        Instant next = null;
        if (delivered) {
            outcome = "DELIVERED";
        } else {
            next = retries.next(attempts, now).orElse(null);
            outcome = next == null ? "DEAD" : "PENDING";
            LOG.debugf("webhook delivery %d failed (%s); %s", delivery.deliveryId(),
                    status != null ? "HTTP " + status : error, outcome);
        }
        pool.preparedQuery("""
                        update webhook_deliveries set status = $2, attempts = $3, last_attempt_at = $4, last_status = $5,
                            last_error = $6, next_attempt_at = coalesce($7, next_attempt_at),
                            delivered_at = case when $2 = 'DELIVERED' then $4 end
                        where delivery_id = $1""")
                .execute(Tuple.from(new Object[] {delivery.deliveryId(), outcome, attempts, now.atOffset(ZoneOffset.UTC),
                        status, error == null && !delivered ? "HTTP " + status : error,
                        next == null ? null : next.atOffset(ZoneOffset.UTC)}))
                .await().indefinitely();
    }
}
