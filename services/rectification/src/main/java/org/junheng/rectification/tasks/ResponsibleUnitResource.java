package org.junheng.rectification.tasks;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junheng.contracts.Department;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.rectification.UnitEvent.ResponsibleLeaderNamed;
import org.junheng.contracts.rectification.UnitEvent.UnitAccountabilityRecorded;
import org.junheng.rectification.RectificationAccess;
import org.junheng.rectification.plan.PlanStore;
import org.junheng.rectification.plan.ResponsibleUnits;
import org.junheng.rectification.responsibility.ResponsibilityMatrix;
import org.junheng.rectification.settings.DistrictSettings;
import org.junheng.service.Caller;
import org.junheng.service.DistrictCode;
import org.junheng.service.IfMatch;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * 责任单位: each unit of the district with its 责任领导 (who signed the 责任状) and the 约谈 and 问责 of the unit as a
 * whole. The office records; the leading group, the city and the departments read.
 */
@Path("/api/v1/districts/{district}/responsible-units")
@Produces(MediaType.APPLICATION_JSON)
public class ResponsibleUnitResource {

    private final Pool pool;
    private final PlanStore plans;
    private final DistrictSettings settings;
    private final Clock clock;

    public ResponsibleUnitResource(Pool pool, PlanStore plans, DistrictSettings settings, Clock clock) {
        this.pool = pool;
        this.plans = plans;
        this.settings = settings;
        this.clock = clock;
    }

    @Schema(description = "责任领导及责任状 (a unit's responsible leader and the pledge signed)")
    public record LeaderRequest(
            @Schema(description = "责任领导姓名 (leader's name)，必填，不超过50字", example = "李建国")
            String leader,
            @Schema(description = "职务 (post)，必填，不超过100字", example = "区财政局局长")
            String post,
            @Schema(description = "责任状签订日期 (date the pledge was signed)，必填，2000年至今", example = "2026-03-01")
            LocalDate pledgeSignedOn,
            @Schema(description = "责任状文号 (document number of the pledge)，可不填", example = "大渡口教督〔2024〕3号")
            @Nullable String pledgeDocument) {
    }

    /** A unit: its current 责任领导 (none yet: null), earlier ones, and its 约谈/问责 records, newest last. */
    public record UnitView(Department department, @Nullable ResponsibleLeaderNamed leader,
                           List<ResponsibleLeaderNamed> earlierLeaders, List<UnitAccountabilityRecorded> records) {
    }

    public record View(String districtCode, List<UnitView> units, long version) {
    }

    @GET
    @Operation(summary = "责任单位 The units of the district: 责任领导, 责任状, 约谈 and 问责")
    @APIResponseSchema(value = View.class, responseCode = "200",
            responseDescription = "各责任单位；ETag 为其版本 (the units; the ETag is their version)")
    public Uni<Response> list(@PathParam("district") String district, @BeanParam Caller caller) {
        String code = DistrictCode.require(district);
        caller.require(RectificationAccess.READ_UNITS, code);
        return settings.of(code).flatMap(inForce -> plans.units(pool, code)
                .map(loaded -> view(loaded.state(), loaded.version(), inForce.matrix())));
    }

    @PUT
    @Path("{unit}/leader")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "记录责任领导 Name a unit's 责任领导 and the 责任状 signed (again when the post changes hands)")
    @APIResponseSchema(value = View.class, responseCode = "200",
            responseDescription = "各责任单位；ETag 为其版本 (the units; the ETag is their version)")
    public Uni<Response> nameLeader(@PathParam("district") String district, @PathParam("unit") String unit,
                                    @HeaderParam("If-Match") String ifMatch, LeaderRequest request,
                                    @BeanParam Caller caller) {
        String code = DistrictCode.require(district);
        caller.require(RectificationAccess.NAME_LEADER, code);
        LeaderRequest body = request == null ? new LeaderRequest(null, null, null, null) : request;
        return settings.of(code).flatMap(inForce -> run(code, ifMatch, caller, inForce.matrix(),
                new ResponsibleUnits.NameLeader(unit(inForce.matrix(), unit), body.leader(), body.post(),
                        body.pledgeSignedOn(), body.pledgeDocument(), caller.person(), LocalDate.now(clock))));
    }

    @POST
    @Path("{unit}/accountability")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "记录单位约谈或问责 Record that a unit's head was summoned (约谈) or the unit held accountable (问责)")
    @APIResponseSchema(value = View.class, responseCode = "200",
            responseDescription = "各责任单位；ETag 为其版本 (the units; the ETag is their version)")
    public Uni<Response> recordAccountability(@PathParam("district") String district, @PathParam("unit") String unit,
                                              @HeaderParam("If-Match") String ifMatch,
                                              AccountabilityRequest request, @BeanParam Caller caller) {
        String code = DistrictCode.require(district);
        caller.require(RectificationAccess.RECORD_UNIT_ACCOUNTABILITY, code);
        AccountabilityRequest body = request == null ? new AccountabilityRequest(null, null, null, null, null)
                : request;
        return settings.of(code).flatMap(inForce -> run(code, ifMatch, caller, inForce.matrix(),
                new ResponsibleUnits.RecordAccountability(unit(inForce.matrix(), unit), body.kind(), body.person(),
                        body.date(), body.reason(), body.outcome(), caller.person(), LocalDate.now(clock))));
    }

    private Uni<Response> run(String district, String ifMatch, Caller caller, ResponsibilityMatrix matrix,
                              ResponsibleUnits.Command command) {
        return plans.onUnits(district, caller.metadata()).command(command).ifMatch(IfMatch.optional(ifMatch))
                .run(pool).map(handled -> view(handled.state(), handled.version(), matrix));
    }

    private static @Nullable Department unit(ResponsibilityMatrix matrix, String codeOrName) {
        return matrix.answerableUnit(codeOrName).orElse(null);
    }

    private static Response view(ResponsibleUnits.State state, long version, ResponsibilityMatrix matrix) {
        List<Department> units = new ArrayList<>(matrix.answerableUnits());
        // a unit recorded before the matrix dropped it keeps its record
        state.leaders().forEach(l -> addIfMissing(units, l.department()));
        state.records().forEach(r -> addIfMissing(units, r.department()));
        var current = state.currentLeaders();
        List<UnitView> views = units.stream().map(unit -> {
            List<ResponsibleLeaderNamed> named = state.leaders().stream()
                    .filter(l -> l.department().code().equals(unit.code())).toList();
            List<ResponsibleLeaderNamed> earlier = named.isEmpty() ? List.of() : named.subList(0, named.size() - 1);
            return new UnitView(unit, current.get(unit.code()), earlier, state.recordsOf(unit.code()));
        }).toList();
        return Response.ok(new View(state.districtCode(), views, version)).header("ETag", IfMatch.etag(version))
                .build();
    }

    private static void addIfMissing(List<Department> units, Department department) {
        if (units.stream().noneMatch(d -> d.code().equals(department.code()))) {
            units.add(department);
        }
    }
}
