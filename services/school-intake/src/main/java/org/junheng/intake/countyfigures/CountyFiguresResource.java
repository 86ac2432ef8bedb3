package org.junheng.intake.countyfigures;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.junheng.contracts.Department;
import org.junheng.contracts.schooldata.CountyFigureSetKind;
import org.junheng.contracts.schooldata.CountyFiguresEvent;
import org.junheng.contracts.schooldata.FigureValue;
import org.junheng.eventsourcing.ConcurrencyConflictException;
import org.junheng.eventsourcing.EventStore;
import org.junheng.intake.common.AggregateStore;
import org.junheng.intake.common.Codes;
import org.junheng.intake.common.PreconditionFailed;
import org.junheng.intake.common.Rejection;
import org.junheng.service.Caller;
import org.junheng.intake.statistics.Violation;

@Path("/api/v1/districts/{district}/periods/{year}/county-figures/{kind}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "县级数据 County figures")
public class CountyFiguresResource {

    public static final String STREAM_TYPE = "CountyFigures";

    public record Submission(Department department, List<FigureValue> values) {
    }

    public record FiguresView(String districtCode, int period, CountyFigureSetKind kind, String kindLabel,
                              Department department, List<FigureValue> values, long version) {
    }

    private final AggregateStore aggregates;

    public CountyFiguresResource(EventStore store) {
        this.aggregates = new AggregateStore(store);
    }

    @PUT
    @Operation(summary = "报送县级数据 Submit a county figure set (If-Match required to replace an earlier one)")
    public Uni<Response> submit(@PathParam("district") String district, @PathParam("year") int year,
                                @PathParam("kind") String kindName, Submission submission,
                                @HeaderParam("If-Match") String ifMatch,
                                @BeanParam Caller caller) {
        caller.requireDistrict(district);
        caller.requireRole("department", "supervisor");
        CountyFigureSetKind kind = kind(kindName);
        org.junheng.service.DistrictCode.require(district);
        org.junheng.service.ReportingYear.require(year);
        Long expected = org.junheng.service.IfMatch.optional(ifMatch);
        Submission body = submission == null ? new Submission(null, null) : submission;
        String streamId = CountyFigures.streamId(district, year, kind);
        // the content is checked first: every mistake is reported whatever the version
        CountyFigures.validate(kind, body.department(), body.values());
        return load(district, year, kind).flatMap(loaded -> {
            // who may submit is decided before any version is compared
            CountyFigures.requireMaySubmit(caller.department(), body.department(), loaded.state());
            if (loaded.state().submitted() && expected == null) {
                throw org.junheng.service.ApiProblem.preconditionRequired();
            }
            if (expected != null && expected != loaded.version()) {
                throw new PreconditionFailed(loaded.version());
            }
            List<CountyFiguresEvent> events = CountyFigures.decide(body.department(), body.values(), loaded.state());
            return aggregates.append(streamId, STREAM_TYPE, loaded.version(), events,
                            caller.metadata().withSubject(district + "/county"))
                    .onFailure(ConcurrencyConflictException.class)
                    .transform(conflict -> expected != null ? new PreconditionFailed(-1) : conflict)
                    .map(version -> {
                        CountyFigures.State state = events.isEmpty() ? loaded.state()
                                : CountyFigures.evolve(loaded.state(), events.get(0));
                        return Response.status(loaded.version() == 0 ? 201 : 200)
                                .tag(new EntityTag(Long.toString(version))).entity(view(state, version)).build();
                    });
        });
    }

    @GET
    @Operation(summary = "县级数据 The county figure set in force")
    public Uni<Response> get(@PathParam("district") String district, @PathParam("year") int year,
                             @PathParam("kind") String kindName, @BeanParam Caller caller) {
        caller.requireDistrict(district);
        caller.requireRole("supervisor", "leader", "city-supervisor", "department");
        CountyFigureSetKind kind = kind(kindName);
        org.junheng.service.DistrictCode.require(district);
        org.junheng.service.ReportingYear.require(year);
        return load(district, year, kind).map(loaded -> {
            if (!loaded.state().submitted()) {
                throw Rejection.notFound("county-figures-not-found", "尚未报送 (not submitted yet)");
            }
            return Response.ok(view(loaded.state(), loaded.version()))
                    .tag(new EntityTag(Long.toString(loaded.version()))).build();
        });
    }

    private Uni<AggregateStore.Loaded<CountyFigures.State>> load(String district, int year, CountyFigureSetKind kind) {
        return aggregates.load(CountyFigures.streamId(district, year, kind),
                new CountyFigures.State(district, year, kind, null, null), CountyFiguresEvent.class, CountyFigures::evolve);
    }

    private static FiguresView view(CountyFigures.State state, long version) {
        return new FiguresView(state.districtCode(), state.period(), state.kind(), state.kind().label(),
                state.department(), state.values(), version);
    }

    static CountyFigureSetKind kind(String name) {
        return Arrays.stream(CountyFigureSetKind.values())
                .filter(k -> k.name().equalsIgnoreCase(name) || k.name().replace('_', '-').equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> Rejection.invalid("未知的县级数据类别 (unknown figure set kind)",
                        List.of(Violation.error("kind", name, "可用 (one of): " + Arrays.toString(CountyFigureSetKind.values())))));
    }
}
