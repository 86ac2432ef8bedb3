package org.junheng.notices.bulletins;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.notices.NoticeEvent.NoticeIssued;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.notices.NoticesAccess;
import org.junheng.notices.issuing.NoticeLog;
import org.junheng.notices.issuing.NoticeQueries;
import org.junheng.notices.readmodels.TaskBoard;
import org.junheng.service.Caller;
import org.junheng.service.DistrictCode;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * Bulletins (通报): each department's tasks, ranked, issued to the whole district — by a supervisor on request, and
 * once a month by the schedule. An issue label names one bulletin; issuing it again
 * changes nothing.
 */
@Path("/api/v1/districts/{district}/bulletins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BulletinResource {

    private final Pool pool;
    private final TaskBoard board;
    private final NoticeLog log;
    private final NoticeQueries queries;
    private final Clock clock;

    public BulletinResource(Pool pool, TaskBoard board, NoticeLog log, NoticeQueries queries, Clock clock) {
        this.pool = pool;
        this.board = board;
        this.log = log;
        this.queries = queries;
        this.clock = clock;
    }

    @Schema(description = "发布通报简报 (issue a bulletin)")
    public record BulletinRequest(
            @Schema(description = "期号 (issue label)，必填；期号标识本区的一期简报，同一期再次发布不会重复生成",
                    example = "2025年第1期")
            String issueLabel,
            @Schema(description = "文号 (document number)，可不填", example = "大渡口教督〔2025〕2号")
            @Nullable String documentNumber) {
    }

    @POST
    @Operation(summary = "发布通报简报 The office issues a bulletin",
            description = "按期次（及文号）从任务看板生成通报简报，各单位按逾期、未完成、用时排序。")
    @APIResponseSchema(value = NoticeIssued.class, responseCode = "201",
            responseDescription = "已发布的通报 (the notice issued)")
    public Uni<Response> issue(@PathParam("district") String district, BulletinRequest body,
                               @BeanParam Caller caller) {
        district(district);
        caller.require(NoticesAccess.ISSUE_BULLETIN, district);
        if (body == null || body.issueLabel() == null || body.issueLabel().isBlank()) {
            throw Refusal.invalidField("issueLabel", null, "请填写期号，如 2025年第1期 (issueLabel is required)");
        }
        return compose(district, body.issueLabel().trim(), body.documentNumber(), caller.person(), caller.metadata())
                .map(notice -> Response.status(201).entity(notice).build());
    }

    @GET
    @Operation(summary = "通报简报列表 The bulletins issued",
            description = "本区已发布的通报简报。")
    public Uni<List<NoticeQueries.NoticeView>> list(@PathParam("district") String district,
                                                    @BeanParam Caller caller) {
        district(district);
        caller.require(NoticesAccess.LIST_BULLETINS, district);
        return queries.after(new NoticeQueries.Scope(district, null, null, "BULLETIN", null), 0, 1000);
    }

    /**
     * The bulletin as a 公文 (Word), for everyone of the district who may read bulletins; the issuing office is
     * {@code junheng.notices.office."<district>"} (default 区人民政府教育督导室).
     */
    @GET
    @Path("{id}.docx")
    @Produces(org.junheng.service.documents.WordDocument.MEDIA_TYPE)
    @Operation(summary = "下载通报简报 A bulletin as Word",
            description = "通报简报的 Word 文档。")
    public Uni<Response> document(@PathParam("district") String district, @PathParam("id") String id,
                                  @BeanParam Caller caller) {
        district(district);
        caller.require(NoticesAccess.BULLETIN_DOCUMENT, district);
        java.util.UUID noticeId;
        try {
            noticeId = java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalidField("id", id, "不是有效的通报编号 (not a bulletin id)");
        }
        return queries.after(new NoticeQueries.Scope(district, null, null, "BULLETIN", null), 0, 1000).map(all -> {
            NoticeQueries.NoticeView bulletin = all.stream().filter(view -> view.noticeId().equals(noticeId))
                    .findFirst().orElseThrow(() -> Refusal.notFound("bulletin-not-found",
                            "本区没有这期通报 (no such bulletin in this district)"));
            String office = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("junheng.notices.office.\"" + district + "\"", String.class)
                    .orElse("区人民政府教育督导室");
            byte[] docx = BulletinDocument.docx(office, bulletin.notice(), bulletin.issuedAt(), bulletin.seq());
            String label = bulletin.notice().path("title").asText("通报");
            return Response.ok(docx, org.junheng.service.documents.WordDocument.MEDIA_TYPE)
                    .header("Content-Disposition", org.junheng.service.ContentDisposition.attachment(label + ".docx",
                            "bulletin-" + bulletin.seq() + ".docx")).build();
        });
    }

    Uni<NoticeIssued> compose(String district, String label, String documentNumber,
                              org.junheng.contracts.Person issuedBy, EventMetadata metadata) {
        return board.scorecards(district).flatMap(cards -> {
            NoticeIssued bulletin = BulletinComposer.compose(district, label, LocalDate.now(clock), cards,
                    documentNumber, issuedBy);
            return log.issue(pool, List.of(bulletin), metadata).replaceWith(bulletin);
        });
    }

    private static void district(String district) {
        DistrictCode.require(district);
    }
}
