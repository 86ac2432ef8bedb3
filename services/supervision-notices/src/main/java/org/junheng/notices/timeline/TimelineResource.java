package org.junheng.notices.timeline;

import org.eclipse.microprofile.openapi.annotations.Operation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.notices.NoticesAccess;
import org.junheng.notices.issuing.NoticeQueries;
import org.junheng.notices.timeline.FindingStory.Entry;
import org.junheng.service.Caller;
import org.junheng.service.QueryValues;

/**
 * The whole history of one finding across the services — raised, task opened, assigned, …, verified, resolved, and
 * every notice about it — in causal order with actor and time: replayable history made visible.
 */
@Path("/api/v1/findings/{id}")
public class TimelineResource {

    private final FindingTimelines timelines;
    private final NoticeQueries notices;

    public TimelineResource(FindingTimelines timelines, NoticeQueries notices) {
        this.timelines = timelines;
        this.notices = notices;
    }

    @GET
    @Path("timeline")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "问题时间线 A finding's story",
            description = "从发现到整改、复核、销号的每一步，含外部来源、复核与约谈。")
    public Uni<List<Entry>> timeline(@PathParam("id") String id, @BeanParam Caller caller) {
        caller.requireOrNotFound(NoticesAccess.TIMELINE);
        return shown(id, caller);
    }

    /** The finding's story as the caller may see it; 404 when none of it is for the caller. */
    private Uni<List<Entry>> shown(String id, Caller caller) {
        UUID findingId = uuid(id);
        return timelines.steps(findingId).flatMap(steps -> notices.aboutFinding(findingId).map(about -> {
            List<Entry> entries = new ArrayList<>(steps);
            for (NoticeQueries.NoticeView notice : about) {
                entries.add(new Entry("supervision-notices", "NoticeIssued.v1", notice.noticeId().toString(),
                        notice.issuedAt(), null, null, notice.notice()));
            }
            List<Entry> told = FindingStory.toldTo(entries, caller::seesDistrict, caller.department(), caller.school());
            if (told.isEmpty()) {
                throw Refusal.notFound("finding-not-found", "没有问题" + findingId
                        + "的记录 (nothing is known about this finding)");
            }
            return told;
        }));
    }

    /** The story in Chinese, one row per step (环节, 经办人, 内容), as the printable record shows it. */
    @GET
    @Path("timeline/steps")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "时间线步骤 The steps of a finding's story",
            description = "时间线的结构化步骤，供其他系统展示。")
    public Uni<List<TimelineDocument.Row>> steps(@PathParam("id") String id, @BeanParam Caller caller) {
        caller.requireOrNotFound(NoticesAccess.TIMELINE_STEPS);
        return shown(id, caller).flatMap(entries -> timelines.resolvingChanges(entries)
                .map(changes -> TimelineDocument.rows(entries, changes)));
    }

    /** The record a 督学 signs: school and indicator, every step in Chinese with people's names, printable. */
    @GET
    @Path("timeline.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "打印版时间线 A finding's story as a printable page",
            description = "可打印的 HTML 页面。")
    public Uni<Response> printable(@PathParam("id") String id, @BeanParam Caller caller) {
        caller.requireOrNotFound(NoticesAccess.PRINTABLE_TIMELINE);
        return shown(id, caller).flatMap(entries -> timelines.resolvingChanges(entries).map(changes -> Response
                .ok(TimelineDocument.html(entries, changes, Instant.now()), "text/html; charset=utf-8")
                // replaces the API's default-src 'none': the page may use its own stylesheet, nothing else
                .header("Content-Security-Policy", TimelineDocument.CONTENT_SECURITY_POLICY).build()));
    }

    static UUID uuid(String id) {
        return QueryValues.uuid("id", id);
    }
}
