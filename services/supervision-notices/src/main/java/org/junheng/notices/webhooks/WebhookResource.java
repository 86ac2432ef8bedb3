package org.junheng.notices.webhooks;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Role;
import org.junheng.contracts.notices.Audience;
import org.junheng.contracts.notices.NoticeKind;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.notices.NoticesAccess;
import org.junheng.service.Caller;
import org.junheng.service.DistrictCode;
import org.junheng.service.QueryValues;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Webhook subscriptions per department or office, their deliveries (dead letters included) and redelivery on request.
 * The secret is shown once, when the subscription is made.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final Pool pool;
    private final WebhookTargets targets;

    public WebhookResource(Pool pool, WebhookTargets targets) {
        this.pool = pool;
        this.targets = targets;
    }

    /**
     * {@code format}: STANDARD (default; the notice as JSON, signed with the secret answered once), WECOM or DINGTALK
     * (a group robot's URL; {@code robotSecret} the DingTalk robot's 加签 secret, SEC…, if it has one).
     */
    @Schema(description = "推送订阅 (a webhook or group-robot subscription)")
    public record SubscriptionRequest(
            @Schema(description = "区县代码 (district code)，6位行政区划代码", example = "500104")
            String district,
            @Schema(description = "订阅的通报对象 (audience followed)，不填即不限对象；部门只能订阅本部门，"
                    + "须填 DEPARTMENT 和本部门代码")
            @Nullable Audience audience,
            @Schema(description = "订阅的通报类别 (notice kinds followed)，不填或为空即全部类别")
            @Nullable List<NoticeKind> kinds,
            @Schema(description = "接收地址 (receiving URL)，必填，须为公网 http(s) 地址；企业微信群机器人地址须带 key 参数，"
                    + "钉钉群机器人地址须带 access_token 参数",
                    example = "https://oapi.dingtalk.com/robot/send?access_token="
                            + "5d3f9a0c7e2b4c18a6f1d2e3b4c5a6f7e8d9c0b1a2f3e4d5c6b7a8f9e0d1c2b3")
            String url,
            @Schema(description = "推送格式 (format)：STANDARD（默认，签名的 JSON）、WECOM（企业微信群机器人）、"
                    + "DINGTALK（钉钉群机器人）", example = "DINGTALK")
            @Nullable RobotMessages.Format format,
            @Schema(description = "钉钉群机器人的加签密钥 (the DingTalk robot's 加签 secret)，以 SEC 开头；"
                    + "只有 DINGTALK 可填，机器人未开启加签则不填",
                    example = "SEC7f3a9c2e5b8d1f4a6c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f1a3c5e7b9d2f4a6c8")
            @Nullable String robotSecret) {
    }

    public record Subscription(UUID subscriptionId, String district, @Nullable Audience audience,
                               @Nullable List<String> kinds, String url, boolean active,
                               @Nullable String secret, RobotMessages.Format format, String formatLabel) {
    }

    public record Delivery(long deliveryId, UUID subscriptionId, UUID noticeId, String status, int attempts,
                           @Nullable OffsetDateTime nextAttemptAt, @Nullable OffsetDateTime lastAttemptAt,
                           @Nullable Integer lastStatus, @Nullable String lastError,
                           @Nullable OffsetDateTime deliveredAt) {
    }

    @POST
    @Operation(summary = "新增推送订阅 Subscribe another system or a group robot",
            description = "标准 Webhook（签名密钥只返回这一次）、企业微信或钉钉群机器人（format），可限定对象与类别。")
    @APIResponseSchema(value = Subscription.class, responseCode = "201",
            responseDescription = "已建立的订阅 (the subscription made)")
    public Uni<Response> subscribe(SubscriptionRequest body, @BeanParam Caller caller) {
        if (body == null) {
            throw Refusal.invalidField("body", null, "请求体不能为空 (a JSON body is required)");
        }
        DistrictCode.require(body.district());
        caller.require(NoticesAccess.SUBSCRIBE, body.district());
        if (caller.department() != null && (body.audience() == null
                || body.audience().kind() != org.junheng.contracts.notices.AudienceKind.DEPARTMENT
                || !caller.department().equals(body.audience().code()))) {
            throw Refusal.forbidden("部门只能订阅本部门的通报 (a department subscribes to its own notices: "
                    + "audience DEPARTMENT/" + caller.department() + ")");
        }
        URI url = parse(body.url());
        if (url == null) {
            throw Refusal.invalidField("url", body.url(), "须为 http(s) 地址 (an http(s) URL)");
        }
        try {
            targets.resolve(url);
        } catch (WebhookTargets.Refused refused) {
            throw Refusal.invalidField("url", body.url(), refused.getMessage());
        }
        RobotMessages.Format format = body.format() == null ? RobotMessages.Format.STANDARD : body.format();
        String secret = secretFor(format, url, body.robotSecret());
        UUID id = UUID.randomUUID();
        Audience audience = body.audience();
        String[] kinds = body.kinds() == null || body.kinds().isEmpty() ? null
                : body.kinds().stream().map(Enum::name).toArray(String[]::new);
        return pool.preparedQuery("""
                        insert into webhook_subscriptions (subscription_id, district_code, audience_kind, audience_code,
                            kinds, url, secret, created_by, format) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                .execute(Tuple.from(new Object[] {id, body.district(),
                        audience == null ? null : audience.kind().name(), audience == null ? null : audience.code(),
                        kinds, url.toString(), secret, caller.actor().subject(), format.name()}))
                // the signing secret is shown once; a robot's own secret is never shown back
                .map(ignored -> Response.status(201).entity(new Subscription(id, body.district(), audience,
                        kinds == null ? null : List.of(kinds), url.toString(), true,
                        format == RobotMessages.Format.STANDARD ? secret : null, format, format.label())).build());
    }

    @GET
    @Operation(summary = "推送订阅列表 The subscriptions",
            description = "本区（部门只看本部门）的推送订阅，不含密钥。")
    public Uni<List<Subscription>> list(@QueryParam("district") String district, @BeanParam Caller caller) {
        DistrictCode.require(district);
        caller.require(NoticesAccess.LIST_SUBSCRIPTIONS, district);
        return pool.preparedQuery("""
                        select * from webhook_subscriptions where district_code = $1
                        and ($2::text is null or audience_kind = 'DEPARTMENT' and audience_code = $2)
                        order by created_at""")
                .execute(Tuple.of(district, caller.department())).map(rows -> {
                    List<Subscription> list = new ArrayList<>();
                    for (Row row : rows) {
                        String kind = row.getString("audience_kind");
                        String[] kinds = row.getArrayOfStrings("kinds");
                        list.add(new Subscription(row.getUUID("subscription_id"), district, kind == null ? null
                                : new Audience(org.junheng.contracts.notices.AudienceKind.valueOf(kind),
                                row.getString("audience_code")), kinds == null ? null : List.of(kinds),
                                shown(row.getString("url"), row.getString("format")), row.getBoolean("active"), null,
                                RobotMessages.Format.valueOf(row.getString("format")),
                                RobotMessages.Format.valueOf(row.getString("format")).label()));
                    }
                    return list;
                });
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "取消订阅 Stop a subscription",
            description = "停用订阅并取消其待投递的通报。")
    @APIResponses(@APIResponse(responseCode = "204", description = "已取消 (unsubscribed)"))
    public Uni<Response> unsubscribe(@PathParam("id") String id, @BeanParam Caller caller) {
        // its pending retries go with it: nothing is sent to a subscription after its deletion
        return owned(uuid(id), caller, NoticesAccess.UNSUBSCRIBE).flatMap(ignored -> pool.withTransaction(tx -> tx.preparedQuery(
                        "update webhook_subscriptions set active = false where subscription_id = $1")
                .execute(Tuple.of(uuid(id)))
                .flatMap(done -> tx.preparedQuery("update webhook_deliveries set status = 'CANCELLED'"
                                + " where subscription_id = $1 and status = 'PENDING'")
                        .execute(Tuple.of(uuid(id))))))
                .map(rows -> Response.noContent().build());
    }

    /** Deliveries of a subscription; {@code status=DEAD} lists the dead letters. */
    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "投递记录 A subscription's deliveries",
            description = "每次投递的状态、次数、最后结果；status=DEAD 为投递失败的通报。")
    public Uni<List<Delivery>> deliveries(@PathParam("id") String id, @QueryParam("status") String status,
                                          @BeanParam Caller caller) {
        if (status != null && !List.of("PENDING", "DELIVERED", "DEAD", "CANCELLED").contains(status)) {
            throw Refusal.invalidField("status", status, "可选值 (allowed): PENDING, DELIVERED, DEAD, CANCELLED");
        }
        return owned(uuid(id), caller, NoticesAccess.LIST_DELIVERIES).flatMap(ignored -> pool.preparedQuery("""
                        select * from webhook_deliveries where subscription_id = $1 and ($2::text is null or status = $2)
                        order by delivery_id""")
                .execute(Tuple.of(uuid(id), status))).map(rows -> {
                    List<Delivery> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new Delivery(row.getLong("delivery_id"),
                            row.getUUID("subscription_id"), row.getUUID("notice_id"), row.getString("status"),
                            row.getInteger("attempts"), row.getOffsetDateTime("next_attempt_at"),
                            row.getOffsetDateTime("last_attempt_at"), row.getInteger("last_status"),
                            row.getString("last_error"), row.getOffsetDateTime("delivered_at"))));
                    return list;
                });
    }

    /** Sends a delivery again (a dead letter, or one the receiver lost), with a fresh retry budget. */
    @POST
    @Path("deliveries/{deliveryId}/redeliver")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "重新投递 Send a delivery again",
            description = "对失败或接收方丢失的投递重新发送，重试次数清零。")
    @APIResponses(@APIResponse(responseCode = "202", description = "已排入重新投递 (queued for delivery again)"))
    public Uni<Response> redeliver(@PathParam("deliveryId") long deliveryId, @BeanParam Caller caller) {
        // one answer for a delivery that does not exist and one of somebody else's: ids are sequential
        Refusal notFound = Refusal.notFound("delivery-not-found", "投递记录" + deliveryId + "不存在 (no such delivery)");
        return pool.preparedQuery("select subscription_id from webhook_deliveries where delivery_id = $1")
                .execute(Tuple.of(deliveryId)).flatMap(found -> {
                    if (found.rowCount() == 0) {
                        throw notFound;
                    }
                    return owned(found.iterator().next().getUUID("subscription_id"), caller, NoticesAccess.REDELIVER)
                            .onFailure(Refusal.class).transform(refused -> notFound);
                }).flatMap(ignored -> pool.preparedQuery("""
                        update webhook_deliveries set status = 'PENDING', attempts = 0, next_attempt_at = now(),
                            delivered_at = null where delivery_id = $1""")
                .execute(Tuple.of(deliveryId))).map(rows -> Response.accepted().build());
    }

    /** The subscription, if the caller may manage it: the office of its district, or the department it is for. */
    private Uni<Row> owned(UUID subscription, Caller caller, org.junheng.service.AccessRule rule) {
        return pool.preparedQuery("select * from webhook_subscriptions where subscription_id = $1")
                .execute(Tuple.of(subscription)).map(rows -> {
                    Row row = rows.rowCount() == 0 ? null : rows.iterator().next();
                    boolean mine = row != null && caller.seesDistrict(row.getString("district_code"))
                            && caller.allows(rule) && (caller.is(Role.ADMIN, Role.SUPERVISOR) || caller.department() != null
                            && "DEPARTMENT".equals(row.getString("audience_kind"))
                            && caller.department().equals(row.getString("audience_code")));
                    if (!mine) {
                        throw notFound(subscription.toString());
                    }
                    return row;
                });
    }

    /**
     * The secret a subscription keeps: a new signing secret for STANDARD, the DingTalk robot's 加签 secret (or none),
     * none for WeCom. A robot URL must carry its key as the platforms document it.
     */
    private static String secretFor(RobotMessages.Format format, URI url, @Nullable String robotSecret) {
        String query = url.getRawQuery() == null ? "" : url.getRawQuery();
        switch (format) {
            case WECOM -> {
                if (!query.matches("(.*&)?key=[^&]+.*")) {
                    throw Refusal.invalidField("url", url.toString(), "企业微信群机器人地址须带 key 参数，如 "
                            + "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=… (the robot's key is missing)");
                }
                if (robotSecret != null && !robotSecret.isBlank()) {
                    throw Refusal.invalidField("robotSecret", "…", "企业微信群机器人没有加签密钥 (WeCom robots have no secret)");
                }
                return "";
            }
            case DINGTALK -> {
                if (!query.matches("(.*&)?access_token=[^&]+.*")) {
                    throw Refusal.invalidField("url", url.toString(), "钉钉群机器人地址须带 access_token 参数，如 "
                            + "https://oapi.dingtalk.com/robot/send?access_token=… (the robot's token is missing)");
                }
                if (robotSecret == null || robotSecret.isBlank()) {
                    return "";
                }
                if (!robotSecret.strip().matches("SEC[0-9a-zA-Z]{16,128}")) {
                    throw Refusal.invalidField("robotSecret", "…", "钉钉加签密钥为机器人安全设置中以 SEC 开头的字符串 "
                            + "(the 加签 secret starts with SEC)");
                }
                return robotSecret.strip();
            }
            default -> {
                if (robotSecret != null && !robotSecret.isBlank()) {
                    throw Refusal.invalidField("robotSecret", "…", "只有钉钉群机器人填写加签密钥 (only for DINGTALK)");
                }
                return WebhookSignature.newSecret();
            }
        }
    }

    /** A robot's key or token lets anyone post to the group: listed, it is cut to its first four characters. */
    static String shown(String url, String format) {
        if (RobotMessages.Format.STANDARD.name().equals(format)) {
            return url;
        }
        return url.replaceAll("([?&](?:key|access_token)=)([^&]{0,4})[^&]*", "$1$2…");
    }

    private static URI parse(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    static UUID uuid(String id) {
        return QueryValues.uuid("id", id);
    }

    private static Refusal notFound(String id) {
        return Refusal.notFound("webhook-not-found", "订阅" + id + "不存在 (no such subscription)");
    }
}
