package org.junheng.intake.registry;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.intake.IntakeAccess;
import org.junheng.intake.history.StreamHistory;
import org.junheng.service.Caller;

@Path("/api/v1/districts/{district}/schools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "学校名录 School register")
public class SchoolResource {

    public record RegisterRequest(String schoolCode, SchoolProfile profile) {
    }

    public record ProfileChangeRequest(SchoolProfile profile, String reason) {
    }

    public record ClosureRequest(LocalDate closedOn, String reason) {
    }

    public record MergerRequest(String intoSchoolCode, LocalDate mergedOn) {
    }

    /** A register entry as served: the profile, the status and the version (also the ETag). */
    public record SchoolView(String districtCode, String schoolCode, SchoolProfile profile, School.Status status,
                             long version) {
        static SchoolView of(SchoolRegistry.Entry entry) {
            return new SchoolView(entry.school().districtCode(), entry.school().schoolCode(), entry.school().profile(),
                    entry.school().status(), entry.version());
        }
    }

    private final SchoolRegistry registry;
    private final StreamHistory history;

    public SchoolResource(SchoolRegistry registry, StreamHistory history) {
        this.registry = registry;
        this.history = history;
    }

    @POST
    @Operation(summary = "学校登记 Register a school")
    public Uni<Response> register(@PathParam("district") String district, RegisterRequest request,
                                  @BeanParam Caller caller) {
        caller.require(IntakeAccess.REGISTER_SCHOOL, district);
        if (request == null) {
            throw Refusal.invalid("请求体必填 (request body required)", List.of(Violation.error("body", null, "必填 (required)")));
        }
        return registry.handle(district, request.schoolCode(), new School.Register(request.profile()), null,
                        caller.metadata())
                .map(entry -> Response.status(201)
                        // relative: never built from the request's Host header
                        .header("Location", "/api/v1/districts/" + district + "/schools/" + request.schoolCode())
                        .tag(new EntityTag(Long.toString(entry.version()))).entity(SchoolView.of(entry)).build());
    }

    @GET
    @Operation(summary = "学校名录 The district's schools")
    public Uni<List<SchoolView>> list(@PathParam("district") String district, @BeanParam Caller caller) {
        caller.require(IntakeAccess.LIST_SCHOOLS, district);
        return registry.list(district).map(entries -> entries.stream().map(SchoolView::of).toList());
    }

    @GET
    @Path("{code}")
    @Operation(summary = "学校信息 One school")
    public Uni<Response> get(@PathParam("district") String district, @PathParam("code") String code,
                             @BeanParam Caller caller) {
        caller.require(IntakeAccess.READ_SCHOOL, district);
        return registry.require(district, code).map(SchoolResource::ok);
    }

    @PUT
    @Path("{code}")
    @Operation(summary = "学校信息变更 Change a school's profile (If-Match required)")
    public Uni<Response> changeProfile(@PathParam("district") String district, @PathParam("code") String code,
                                       ProfileChangeRequest request, @HeaderParam("If-Match") String ifMatch,
                                       @BeanParam Caller caller) {
        caller.require(IntakeAccess.CHANGE_SCHOOL, district);
        Long version = org.junheng.service.IfMatch.required(ifMatch);
        ProfileChangeRequest body = request == null ? new ProfileChangeRequest(null, null) : request;
        return registry.handle(district, code, new School.ChangeProfile(body.profile(), body.reason()), version,
                caller.metadata()).map(SchoolResource::ok);
    }

    @POST
    @Path("{code}/closure")
    @Operation(summary = "学校撤销 Close a school (If-Match required)")
    public Uni<Response> close(@PathParam("district") String district, @PathParam("code") String code,
                               ClosureRequest request, @HeaderParam("If-Match") String ifMatch,
                               @BeanParam Caller caller) {
        caller.require(IntakeAccess.CLOSE_SCHOOL, district);
        Long version = org.junheng.service.IfMatch.required(ifMatch);
        ClosureRequest body = request == null ? new ClosureRequest(null, null) : request;
        return registry.handle(district, code, new School.Close(body.closedOn(), body.reason()), version,
                caller.metadata()).map(SchoolResource::ok);
    }

    @POST
    @Path("{code}/merger")
    @Operation(summary = "学校合并 Merge a school into another registered school (If-Match required)")
    public Uni<Response> merge(@PathParam("district") String district, @PathParam("code") String code,
                               MergerRequest request, @HeaderParam("If-Match") String ifMatch,
                               @BeanParam Caller caller) {
        caller.require(IntakeAccess.MERGE_SCHOOL, district);
        Long version = org.junheng.service.IfMatch.required(ifMatch);
        MergerRequest body = request == null ? new MergerRequest(null, null) : request;
        Uni<String> intoName = body.intoSchoolCode() == null || body.intoSchoolCode().equals(code)
                ? Uni.createFrom().item((String) null)
                : registry.require(district, body.intoSchoolCode()).map(into -> into.school().profile().name());
        return intoName.flatMap(name -> registry.handle(district, code,
                        new School.Merge(body.intoSchoolCode(), name, body.mergedOn()), version,
                        caller.metadata()))
                .map(SchoolResource::ok);
    }

    @GET
    @Path("{code}/history")
    @Operation(summary = "学校事件历史 Every event about the school (register and yearly statistics), in order")
    public Uni<List<StreamHistory.HistoryEntry>> history(@PathParam("district") String district,
                                                        @PathParam("code") String code, @BeanParam Caller caller) {
        caller.require(IntakeAccess.SCHOOL_HISTORY, district);
        caller.requireOwnSchool(code);
        return registry.require(district, code).flatMap(entry -> history.ofSchool(district, code));
    }

    static Response ok(SchoolRegistry.Entry entry) {
        return Response.ok(SchoolView.of(entry)).tag(new EntityTag(Long.toString(entry.version()))).build();
    }

}
