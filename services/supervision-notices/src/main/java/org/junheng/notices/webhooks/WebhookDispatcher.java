package org.junheng.notices.webhooks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>Sends are asynchronous, one at a time per subscription (its notices arrive in order) and concurrent across
 * subscriptions, so a slow or dead receiver never delays anyone else's deliveries. Each target is checked by
 * {@link WebhookTargets} right before the connection, and the connection goes to exactly the address checked.
 */
public final class WebhookDispatcher extends FeedWorker {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final Pool pool;
    private final RetryPolicy retries;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;
    private final WebhookTargets targets;
    /** Subscriptions with a send in flight from this replica: their next delivery waits for it. */
    private final Set<UUID> sending = ConcurrentHashMap.newKeySet();

    public WebhookDispatcher(Pool pool, RetryPolicy retries, Clock clock, Duration pollInterval, Duration timeout,
                             Vertx vertx, WebhookTargets targets) {
        super("webhook-dispatcher", pollInterval);
        this.pool = pool;
        this.retries = retries;
        this.clock = clock;
        this.timeout = timeout;
        this.targets = targets;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeout.toMillis())
                .setForceSni(true).setVerifyHost(true).setMaxPoolSize(4).setKeepAlive(false));
    }

    /** True while no send is in flight (tests). */
    public boolean idle() {
        return sending.isEmpty();
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

    private record Due(long deliveryId, UUID subscriptionId, UUID noticeId, String url, String secret, int attempts,
                       String body, RobotMessages.Format format) {
    }

    /** Starts every due delivery of a subscription with nothing in flight; returns how many were started. */
    int deliverDue() {
        List<Due> due = pool.withTransaction(tx -> tx.preparedQuery("""
                        select d.delivery_id, d.subscription_id, d.notice_id, d.attempts, s.url, s.secret, s.format,
                               n.notice::text as body
                        from webhook_deliveries d join webhook_subscriptions s using (subscription_id)
                        join notices n on n.notice_id = d.notice_id
                        where d.delivery_id in (
                            select distinct on (subscription_id) delivery_id from webhook_deliveries
                            where status = 'PENDING' and next_attempt_at <= $1 and subscription_id <> all($2)
                            order by subscription_id, next_attempt_at, delivery_id)
                          and s.active
                        limit 50 for update of d skip locked""")
                .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC), sending.toArray(UUID[]::new)))
                .flatMap(rows -> {
                    List<Due> claimed = new ArrayList<>();
                    rows.forEach(row -> claimed.add(new Due(row.getLong("delivery_id"), row.getUUID("subscription_id"),
                            row.getUUID("notice_id"), row.getString("url"), row.getString("secret"),
                            row.getInteger("attempts"), row.getString("body"),
                            RobotMessages.Format.valueOf(row.getString("format")))));
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
            if (sending.add(delivery.subscriptionId())) {
                send(delivery);
            }
        }
        return due.size();
    }

    private void send(Due delivery) {
        Instant now = clock.instant();
        URI url;
        InetAddress address;
        try {
            url = URI.create(delivery.url());
            address = targets.resolve(url);
        } catch (WebhookTargets.Refused refused) {
            record(delivery, now, null, "拒绝推送 (refused): " + refused.getMessage());
            return;
        } catch (IllegalArgumentException malformed) {
            record(delivery, now, null, "地址无效 (invalid URL)");
            return;
        }
        int port = WebhookTargets.port(url);
        RobotMessages.Format format = delivery.format();
        // a robot gets its own message format; a signed DingTalk robot its timestamp and sign on the same URL
        URI target = format == RobotMessages.Format.DINGTALK
                ? URI.create(RobotMessages.dingTalkUrl(delivery.url(), delivery.secret(), now.toEpochMilli())) : url;
        String body = format == RobotMessages.Format.STANDARD ? delivery.body()
                : RobotMessages.message(format, delivery.body());
        String path = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(url.getHost())
                .setPort(port).setSsl("https".equalsIgnoreCase(url.getScheme())).setURI(path)
                // exactly the address just checked: a second lookup could answer differently (DNS rebinding)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json; charset=utf-8");
        if (format == RobotMessages.Format.STANDARD) {
            WebhookSignature.sign(delivery.secret(), delivery.noticeId().toString(), now, body)
                    .forEach(options::putHeader);
        }
        http.request(options)
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(answer -> new Answer(response.statusCode(),
                        format == RobotMessages.Format.STANDARD ? null
                                : RobotMessages.refusal(format, response.statusCode(), answer.toString()))))
                .onComplete(result -> record(delivery, now, result.succeeded() ? result.result().status() : null,
                        result.succeeded() ? result.result().refusal() : unreachable(result.cause())));
    }

    /** The receiver's HTTP status, and a robot's refusal despite a 200 (its errcode). */
    private record Answer(int status, String refusal) {
    }

    /** What a subscriber is told of a failed connection: never an exception name or an internal detail. */
    private static String unreachable(Throwable failure) {
        String name = failure.getClass().getSimpleName();
        return name.contains("Timeout") ? "超时 (timed out)" : "无法连接 (refused or unreachable)";
    }

    private void record(Due delivery, Instant sentAt, Integer status, String error) {
        int attempts = delivery.attempts() + 1;
        boolean delivered = status != null && status >= 200 && status < 300 && error == null;
        String outcome;
        Instant next = null;
        if (delivered) {
            outcome = "DELIVERED";
        } else {
            next = retries.next(attempts, sentAt).orElse(null);
            outcome = next == null ? "DEAD" : "PENDING";
            LOG.debugf("webhook delivery %d failed (%s); %s", delivery.deliveryId(),
                    status == null ? error : "HTTP " + status + (error == null ? "" : ", " + error), outcome);
        }
        Instant retryAt = next;
        pool.preparedQuery("""
                        update webhook_deliveries set status = $2, attempts = $3, last_attempt_at = $4, last_status = $5,
                            last_error = $6, next_attempt_at = coalesce($7, next_attempt_at),
                            delivered_at = case when $2 = 'DELIVERED' then $4 end
                        where delivery_id = $1 and status = 'PENDING'""")
                .execute(Tuple.from(new Object[] {delivery.deliveryId(), outcome, attempts,
                        sentAt.atOffset(ZoneOffset.UTC), status, error == null && !delivered ? "HTTP " + status : error,
                        retryAt == null ? null : retryAt.atOffset(ZoneOffset.UTC)}))
                .subscribe().with(ignored -> sending.remove(delivery.subscriptionId()), failure -> {
                    // the row stays PENDING and due again after the hold-off: delivered at least once
                    LOG.warnf(failure, "recording webhook delivery %d failed", delivery.deliveryId());
                    sending.remove(delivery.subscriptionId());
                });
    }

    @Override
    public void close() {
        super.close();
        http.close();
    }
}
