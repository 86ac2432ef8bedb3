package org.junheng.evaluation.findings;

import org.eclipse.microprofile.openapi.annotations.Operation;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Severity;
import org.junheng.evaluation.EvaluationAccess;
import org.junheng.evaluation.ledger.FindingStatus;
import org.junheng.evaluation.runs.EvaluationRunner;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.service.Caller;
import org.junheng.service.DistrictCode;
import org.junheng.service.QueryValues;

/** The findings (问题清单): list, one finding, and its history from the log. */
@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
public class FindingResource {

    private final Pool pool;
    private final EventStore store;

    public FindingResource(Pool pool, EventStore store) {
        this.pool = pool;
        this.store = store;
    }

    /** A finding as it stands: its status and its latest event (FindingRaised, …Reopened or …Resolved). */
    public record FindingView(UUID findingId, String districtCode, int period, FindingStatus status,
                              String statusLabel, Severity severity, JsonNode latest, Instant raisedAt,
                              @Nullable Instant resolvedAt, long version) {
    }

    /** One step of a finding's history, with who caused it and when. */
    public record HistoryEntry(long version, String type, Instant recordedAt, @Nullable EventMetadata.Actor actor,
                               @Nullable String correlationId, @Nullable String causationId, JsonNode event) {
    }

    @GET
    @Operation(summary = "问题清单 The findings of a district and year",
            description = "按区县、年度、状态、指标、学校筛选评估发现的问题；学校只看到本校的问题。")
    public Uni<List<FindingView>> list(@QueryParam("district") String district, @QueryParam("period") String period,
                                       @QueryParam("status") String status, @QueryParam("school") String school,
                                       @QueryParam("indicator") String indicator,
                                       @QueryParam("severity") String severity,
                                       @BeanParam Caller caller) {
        String d = DistrictCode.require(district);
        caller.require(EvaluationAccess.LIST_FINDINGS, d);
        if (caller.school() != null) {
            school = caller.school();
        }
        Integer y = QueryValues.optionalYear(period);
        FindingStatus s = QueryValues.optionalEnum("status", status, FindingStatus.class);
        IndicatorCode i = QueryValues.optionalIndicator("indicator", indicator);
        Severity v = QueryValues.optionalEnum("severity", severity, Severity.class);
        return pool.preparedQuery("""
                        select * , latest::text as latest_json from findings
                        where district_code = $1 and ($2::int is null or period = $2)
                          and ($3::text is null or status = $3) and ($4::text is null or school_code = $4)
                          and ($5::text is null or indicator = $5) and ($6::text is null or severity = $6)
                        order by period, subject_key, indicator""")
                .execute(Tuple.from(new Object[] {d, y, s == null ? null : s.name(),
                        school == null || school.isBlank() ? null : school, i == null ? null : i.code(),
                        v == null ? null : v.name()}))
                .map(rows -> {
                    List<FindingView> views = new ArrayList<>(rows.rowCount());
                    rows.forEach(row -> views.add(view(row)));
                    return views;
                });
    }

    @GET
    @Path("{id}")
    @Operation(summary = "问题详情 One finding",
            description = "一个问题的指标、对象、测算值与标准、差距和状态。")
    public Uni<FindingView> get(@PathParam("id") String id, @BeanParam Caller caller) {
        caller.requireOrNotFound(EvaluationAccess.READ_FINDING);
        UUID findingId = QueryValues.uuid("id", id);
        return find(findingId, caller).map(FindingResource::view);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "问题历程 Every event of a finding",
            description = "问题的发现、整改、重新打开等每一事件，含时间与来源。")
    public Uni<List<HistoryEntry>> history(@PathParam("id") String id, @BeanParam Caller caller) {
        caller.requireOrNotFound(EvaluationAccess.FINDING_HISTORY);
        UUID findingId = QueryValues.uuid("id", id);
        return find(findingId, caller).flatMap(row -> store.readStream(EvaluationRunner.findingStream(
                        row.getString("district_code"), row.getInteger("period"), findingId)))
                .map(events -> events.stream().map(stored -> new HistoryEntry(stored.version(),
                        stored.eventType(), stored.recordedAt(),
                        stored.metadata() == null ? null : stored.metadata().actor(),
                        stored.metadata() == null ? null : stored.metadata().correlationId(),
                        stored.metadata() == null ? null : stored.metadata().causationId(),
                        PublishedEvents.JSON.valueToTree(PublishedEvents.read(stored)))).toList());
    }

    private Uni<Row> find(UUID findingId, Caller caller) {
        return pool.preparedQuery("select *, latest::text as latest_json from findings where finding_id = $1")
                .execute(Tuple.of(findingId)).map(rows -> {
                    Row row = rows.rowCount() == 0 ? null : rows.iterator().next();
                    if (row == null || !caller.seesDistrict(row.getString("district_code"))
                            || caller.school() != null && !caller.school().equals(row.getString("school_code"))) {
                        throw Refusal.notFound("finding-not-found", "问题" + findingId + "不存在 (no such finding)");
                    }
                    return row;
                });
    }

    private static JsonNode readTree(String json) {
        try {
            return PublishedEvents.JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("finding row is unreadable", e);
        }
    }

    private static FindingView view(Row row) {
        FindingStatus status = FindingStatus.valueOf(row.getString("status"));
        OffsetDateTime resolved = row.getOffsetDateTime("resolved_at");
        return new FindingView(row.getUUID("finding_id"), row.getString("district_code"), row.getInteger("period"),
                status, status.label(), Severity.valueOf(row.getString("severity")),
                readTree(row.getString("latest_json")),
                row.getOffsetDateTime("raised_at").toInstant(), resolved == null ? null : resolved.toInstant(),
                row.getLong("version"));
    }
}
