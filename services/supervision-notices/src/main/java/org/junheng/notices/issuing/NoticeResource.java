package org.junheng.notices.issuing;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Role;
import org.junheng.contracts.notices.Audience;
import org.junheng.contracts.notices.AudienceKind;
import org.junheng.contracts.notices.NoticeEvent.NoticeAcknowledged;
import org.junheng.contracts.notices.NoticeEvent.NoticeIssued;
import org.junheng.contracts.notices.NoticeKind;
import org.junheng.contracts.notices.NoticeSeverity;
import org.junheng.eventsourcing.ConcurrencyConflictException;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.ExpectedVersion;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.notices.NoticesAccess;
import org.junheng.service.Caller;
import org.junheng.service.DistrictCode;
import org.junheng.service.QueryValues;

/** Notices (通报): list, stream (SSE, resumable), acknowledge, and issue by hand. */
@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoticeResource {

    private final Pool pool;
    private final EventStore store;
    private final NoticeLog log;
    private final NoticeQueries queries;
    private final NoticeSignals signals;
    private final Duration heartbeat;

    public NoticeResource(Pool pool, EventStore store, NoticeLog log, NoticeQueries queries, NoticeSignals signals,
                          @ConfigProperty(name = "junheng.notices.stream.heartbeat", defaultValue = "PT15S")
                          Duration heartbeat) {
        this.pool = pool;
        this.store = store;
        this.log = log;
        this.queries = queries;
        this.signals = signals;
        this.heartbeat = heartbeat;
    }

    @Schema(description = "签收通报 (acknowledge a notice)")
    public record AckRequest(
            @Schema(description = "签收说明 (comment with the acknowledgement)，可不填",
                    example = "已收到，将于3月31日前报送教师培训经费整改方案")
            @Nullable String comment) {
    }

    @Schema(description = "督导室发布的通报 (a notice the supervision office issues by hand)")
    public record ManualNotice(
            @Schema(description = "区县代码 (district code)，6位行政区划代码", example = "500104")
            String district,
            @Schema(description = "通报对象 (audience)，必填；DEPARTMENT 须带单位代码，SCHOOL 须带学校标识码")
            Audience audience,
            @Schema(description = "通报类别 (notice kind)，必填；通报简报 BULLETIN 不在此发布，请用 bulletins 接口",
                    example = "SUPERVISION_ORDER")
            NoticeKind kind,
            @Schema(description = "紧急程度 (severity)，必填", example = "WARNING")
            NoticeSeverity severity,
            @Schema(description = "标题 (title)，必填", example = "关于区财政局教师培训经费整改进度的督办通知")
            String title,
            @Schema(description = "正文 (body text)，必填",
                    example = "请于5日内报送教师培训经费整改方案，说明培训经费占公用经费预算5%的列支安排。")
            String body,
            @Schema(description = "文号 (document number)，可不填", example = "大渡口教督〔2024〕3号")
            @Nullable String documentNumber,
            @Schema(description = "相关问题编号 (ids of the findings concerned)，可不填",
                    example = "[\"a51c031b-3914-3be7-a42e-3c31f65503ff\"]")
            @Nullable List<UUID> findingIds,
            @Schema(description = "相关整改任务编号 (ids of the rectification tasks concerned)，可不填",
                    example = "[\"4b8ed5cb-ace9-37ad-aa56-dfe5849798cc\"]")
            @Nullable List<UUID> taskIds,
            @Schema(description = "相关学校的学校标识码 (codes of the schools concerned)，可不填",
                    example = "[\"2150202506\", \"2150473309\"]")
            @Nullable List<String> schoolCodes) {
    }

    @GET
    @Operation(summary = "通报列表 The notices for the caller",
            description = "本单位（或督导室、领导小组、学校）的通报，最新在前，可按对象和类别筛选。")
    public Uni<List<NoticeQueries.NoticeView>> list(@QueryParam("district") String district,
                                                    @QueryParam("audience") String audience,
                                                    @QueryParam("kind") String kind,
                                                    @QueryParam("after") String afterText,
                                                    @QueryParam("limit") String limitText,
                                                    @BeanParam Caller caller) {
        Long after = QueryValues.optionalLong("after", afterText);
        Integer limit = QueryValues.optionalInteger("limit", limitText);
        return queries.after(scope(district, audience, kind, caller, NoticesAccess.LIST_NOTICES), after == null ? 0 : after,
                limit == null ? 500 : Math.min(Math.max(limit, 1), 1000));
    }

    /**
     * Server-sent events: every notice in scope, each with {@code id:} its sequence number; a client that reconnects
     * with {@code Last-Event-ID} gets exactly what it missed. A comment line every heartbeat keeps proxies open.
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "通报推送流 New notices as they are issued (SSE)",
            description = "Server-Sent Events；Last-Event-ID 续传，不丢不重。")
    public Multi<OutboundSseEvent> stream(@QueryParam("district") String district,
                                          @QueryParam("audience") String audience, @QueryParam("kind") String kind,
                                          @HeaderParam("Last-Event-ID") String lastEventId,
                                          @QueryParam("lastEventId") String lastEventIdParam, @Context Sse sse,
                                          @BeanParam Caller caller) {
        NoticeQueries.Scope scope = scope(district, audience, kind, caller, NoticesAccess.STREAM_NOTICES);
        AtomicLong cursor = new AtomicLong(lastEventId(lastEventId != null ? lastEventId : lastEventIdParam));
        Multi<NoticeSignals.Batch> batches = Multi.createBy().merging().streams(
                Multi.createFrom().item(NoticeSignals.Batch.CATCH_UP), signals.batches());
        Multi<OutboundSseEvent> notices = batches.onOverflow().dropPreviousItems()
                .onItem().transformToUniAndConcatenate(batch -> newFor(scope, cursor, batch))
                .onItem().transformToIterable(views -> views)
                .map(view -> {
                    return sse.newEventBuilder().id(Long.toString(view.seq()))
                            .name(view.notice().path("kind").asText("notice")).mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(view).build();
                });
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        // a first comment opens the stream at once, with the reconnection delay clients should use
        OutboundSseEvent opened = sse.newEventBuilder().comment("connected").reconnectDelay(2000).build();
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(opened),
                Multi.createBy().merging().streams(notices, heartbeats));
    }

    /**
     * What is new for one stream, the cursor moved past it: the shared batch, filtered by the stream's scope, when the
     * batch carries on from where the stream stands; otherwise (the stream just opened, or was too slow and skipped a
     * batch, or the batch was too large to share) read from the database after the cursor.
     */
    private Uni<List<NoticeQueries.NoticeView>> newFor(NoticeQueries.Scope scope, AtomicLong cursor,
                                                       NoticeSignals.Batch batch) {
        long at = cursor.get();
        if (batch.notices() != null && at >= batch.from()) {
            List<NoticeQueries.NoticeView> fresh = batch.notices().stream()
                    .filter(notice -> notice.view().seq() > at && scope.admits(notice))
                    .map(NoticeQueries.Published::view).toList();
            cursor.set(Math.max(at, batch.to()));
            return Uni.createFrom().item(fresh);
        }
        // everything up to what the poller has seen is committed and in this read: the next batch carries on from it
        long seen = signals.highest();
        return everythingAfter(scope, at).invoke(page -> cursor.set(Math.max(Math.max(batch.to(), seen),
                page.stream().mapToLong(NoticeQueries.NoticeView::seq).max().orElse(at))));
    }

    /** Every notice in scope after {@code seq}, page by page. */
    private Uni<List<NoticeQueries.NoticeView>> everythingAfter(NoticeQueries.Scope scope, long seq) {
        return queries.after(scope, seq, 500).flatMap(page -> page.size() < 500 ? Uni.createFrom().item(page)
                : everythingAfter(scope, page.get(page.size() - 1).seq()).map(rest -> {
                    List<NoticeQueries.NoticeView> all = new java.util.ArrayList<>(page);
                    all.addAll(rest);
                    return all;
                }));
    }

    @POST
    @Operation(summary = "发布通报 The office issues a notice",
            description = "督导室向某一对象发布通报：类别、等级、标题、正文、文号。")
    public Uni<NoticeQueries.NoticeView> issue(ManualNotice body, @BeanParam Caller caller) {
        if (body == null) {
            throw Refusal.invalidField("body", null, "请求体不能为空 (a JSON body is required)");
        }
        district(body.district());
        caller.require(NoticesAccess.ISSUE_NOTICE, body.district());
        if (body.audience() == null) {
            throw Refusal.invalidField("audience", null, "请指定通报对象 (audience is required)");
        }
        if (body.kind() == null || body.severity() == null) {
            throw Refusal.invalidField(body.kind() == null ? "kind" : "severity", null, "必填 (required)");
        }
        if (body.kind() == NoticeKind.BULLETIN) {
            // bulletins go to the whole district and are composed from the task board (POST …/bulletins)
            throw Refusal.invalidField("kind", body.kind(), "通报简报请用 /districts/{district}/bulletins 发布"
                    + " (bulletins are issued through the bulletins endpoint)");
        }
        if (body.title() == null || body.title().isBlank() || body.body() == null || body.body().isBlank()) {
            throw Refusal.invalidField(body.title() == null || body.title().isBlank() ? "title" : "body", null,
                    "标题和正文不能为空 (title and body are required)");
        }
        NoticeIssued notice = new NoticeIssued(UUID.randomUUID(), body.district(), body.audience(), body.kind(),
                body.severity(), body.title().trim(), body.body().trim(), body.documentNumber(),
                body.findingIds() == null ? List.of() : body.findingIds(),
                body.taskIds() == null ? List.of() : body.taskIds(),
                body.schoolCodes() == null ? List.of() : body.schoolCodes(), caller.person());
        return log.issue(pool, List.of(notice), caller.metadata())
                .map(ignored -> new NoticeQueries.NoticeView(0, notice.noticeId(),
                        PublishedEvents.JSON.valueToTree(notice), java.time.Instant.now(), null, null));
    }

    /** 签收: the audience confirms it read the notice; once only. */
    @POST
    @Path("{id}/ack")
    @Operation(summary = "签收 Acknowledge a notice",
            description = "通报对象签收，可附说明；只可签收一次。")
    public Uni<NoticeAcknowledged> acknowledge(@PathParam("id") String id, AckRequest body,
                                               @BeanParam Caller caller) {
        caller.requireOrNotFound(NoticesAccess.ACKNOWLEDGE);
        UUID noticeId = uuid(id);
        return store.readStreams(pool, List.of(NoticeLog.stream(noticeId)), List.of()).flatMap(events -> {
            if (events.isEmpty()) {
                throw Refusal.notFound("notice-not-found", "通报" + noticeId + "不存在 (no such notice)");
            }
            // whether it is the caller's comes first: to anyone else it does not exist, acknowledged or not
            NoticeIssued notice = (NoticeIssued) PublishedEvents.read(events.get(0));
            if (!addressedTo(notice.districtCode(), notice.audience(), caller)) {
                throw Refusal.notFound("notice-not-found", "通报" + noticeId + "不存在 (no such notice)");
            }
            if (events.size() > 1) {
                throw Refusal.conflict("already-acknowledged", "该通报已签收 (the notice was acknowledged already)");
            }
            NoticeAcknowledged ack = new NoticeAcknowledged(noticeId, notice.districtCode(), notice.audience(),
                    caller.person(), body == null ? null : body.comment());
            return store.append(NoticeLog.stream(noticeId), NoticeLog.STREAM_TYPE, ExpectedVersion.exactly(1),
                            List.of(PublishedEvents.toNewEvent(ack, caller.metadata())))
                    .onFailure(ConcurrencyConflictException.class).transform(e -> Refusal.conflict(
                            "already-acknowledged", "该通报已签收 (the notice was acknowledged already)"))
                    .replaceWith(ack);
        });
    }

    /** Whether the caller is (in) the audience: the department, the school, the office, the leading group. */
    static boolean addressedTo(String district, Audience audience, Caller caller) {
        if (caller.is(Role.ADMIN)) {
            return true;
        }
        if (!caller.seesDistrict(district)) {
            return false;
        }
        return switch (audience.kind()) {
            case DEPARTMENT -> audience.code().equals(caller.department());
            case SCHOOL -> audience.code().equals(caller.school());
            case SUPERVISION_OFFICE -> caller.is(Role.SUPERVISOR);
            case LEADING_GROUP -> caller.is(Role.LEADER, Role.SUPERVISOR);
            // one signature closes a district-wide notice for everyone: the office's or a leader's, not any member's
            case DISTRICT -> caller.is(Role.SUPERVISOR, Role.LEADER);
        };
    }

    /** The caller's scope: a department or school sees what is addressed to it and to the whole district. */
    static NoticeQueries.Scope scope(String district, String audience, String kind, Caller caller,
                                     org.junheng.service.AccessRule rule) {
        NoticeQueries.Scope asked = scope(district, audience, kind);
        caller.require(rule, district);
        if (caller.department() != null) {
            return new NoticeQueries.Scope(district, "DEPARTMENT", caller.department(), asked.kind(), null, true);
        }
        if (caller.school() != null) {
            return new NoticeQueries.Scope(district, "SCHOOL", caller.school(), asked.kind(), null, true);
        }
        return asked;
    }

    static NoticeQueries.Scope scope(String district, String audience, String kind) {
        district(district);
        String audienceKind = null;
        String audienceCode = null;
        if (audience != null && !audience.isBlank()) {
            String[] parts = audience.trim().split("/", 2);
            try {
                AudienceKind parsed = AudienceKind.valueOf(parts[0]);
                audienceKind = parsed.name();
                audienceCode = parts.length > 1 ? parts[1] : null;
                new Audience(parsed, audienceCode);
            } catch (IllegalArgumentException e) {
                throw Refusal.invalidField("audience", audience,
                        "如 SUPERVISION_OFFICE 或 DEPARTMENT/jw (e.g. SUPERVISION_OFFICE or DEPARTMENT/jw)");
            }
        }
        if (kind != null && !kind.isBlank()) {
            try {
                NoticeKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw Refusal.invalidField("kind", kind, "可选值 (allowed): " + List.of(NoticeKind.values()));
            }
        }
        return new NoticeQueries.Scope(district, audienceKind, audienceCode,
                kind == null || kind.isBlank() ? null : kind, null);
    }

    static void district(String district) {
        DistrictCode.require(district);
    }

    static long lastEventId(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw Refusal.invalidField("Last-Event-ID", value, "须为此前收到的事件编号 (an id this stream sent)");
        }
    }

    static UUID uuid(String id) {
        return QueryValues.uuid("id", id);
    }
}
