package org.junheng.intake.attestations;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.junheng.contracts.IndicatorCode;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.ExpectedVersion;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.intake.IntakeAccess;
import org.junheng.intake.history.StreamHistory;
import org.junheng.service.Caller;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

@Path("/api/v1/districts/{district}/periods/{year}/attestations/{indicator}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "督导认定 Attestations")
public class AttestationResource {

    public static final String STREAM_TYPE = "Attestation";

    private final EventStore store;
    private final StreamHistory history;

    public AttestationResource(EventStore store, StreamHistory history) {
        this.store = store;
        this.history = history;
    }

    @POST
    @Operation(summary = "记录督导认定 Record a judgment with its evidence; the latest judgment is in force")
    @APIResponseSchema(value = org.junheng.contracts.schooldata.AttestationEvent.AttestationRecorded.class, responseCode = "201",
            responseDescription = "已记录的认定 (the judgment recorded)")
    public Uni<Response> record(@PathParam("district") String district, @PathParam("year") int year,
                                @PathParam("indicator") String indicatorCode, Attestations.Judgment judgment,
                                @BeanParam Caller caller) {
        caller.require(IntakeAccess.RECORD_ATTESTATION, district);
        org.junheng.service.DistrictCode.require(district);
        org.junheng.service.ReportingYear.require(year);
        IndicatorCode indicator = indicator(indicatorCode);
        if (judgment == null) {
            throw Refusal.invalid("请求体必填 (request body required)", List.of(Violation.error("body", null, "必填 (required)")));
        }
        var event = Attestations.decide(district, year, indicator, judgment);
        String streamId = Attestations.streamId(district, year, indicator, judgment.subject());
        // judgments accumulate; each is a new fact, so any version is fine
        return store.append(streamId, STREAM_TYPE, ExpectedVersion.any(), List.of(PublishedEvents.toNewEvent(event,
                        caller.metadata().withSubject(streamId))))
                .map(result -> Response.status(201).entity(event).build());
    }

    @GET
    @Operation(summary = "认定记录 The judgments recorded for the indicator, in order")
    public Uni<List<StreamHistory.HistoryEntry>> list(@PathParam("district") String district, @PathParam("year") int year,
                                                     @PathParam("indicator") String indicatorCode,
                                                     @BeanParam Caller caller) {
        caller.require(IntakeAccess.READ_ATTESTATION, district);
        org.junheng.service.DistrictCode.require(district);
        org.junheng.service.ReportingYear.require(year);
        IndicatorCode indicator = indicator(indicatorCode);
        return store.readStreamsWithPrefix("attestation/" + district + "/" + year + "/" + indicator.code() + "/")
                .map(events -> events.stream().map(StreamHistory.HistoryEntry::of).toList());
    }

    static IndicatorCode indicator(String code) {
        try {
            return IndicatorCode.fromCode(code);
        } catch (RuntimeException e) {
            throw Refusal.invalid("未知指标代码 (unknown indicator code)",
                    List.of(Violation.error("indicator", code, "如 GG1, EQ6 (e.g. GG1, EQ6)")));
        }
    }
}
