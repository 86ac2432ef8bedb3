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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.intake.IntakeAccess;
import org.junheng.intake.history.StreamHistory;
import org.junheng.service.Caller;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

@Path("/api/v1/districts/{district}/schools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "学校名录 School register")
public class SchoolResource {

    @Schema(description = "学校登记 (register a school)")
    public record RegisterRequest(
            @Schema(description = "学校标识码 (national school code)，10位数字", example = "2150202506")
            String schoolCode,
            @Schema(description = "学校基本信息 (profile)，必填：学校名称必填、不超过100字，学校类型必填，"
                    + "建校年份如填须在1800至2100年之间")
            SchoolProfile profile) {
    }

    @Schema(description = "学校信息变更 (change a school's profile)")
    public record ProfileChangeRequest(
            @Schema(description = "变更后的学校基本信息 (the new profile)，必填，规则同登记")
            SchoolProfile profile,
            @Schema(description = "变更原因 (reason)，可不填", example = "新建综合楼投入使用，办学规模调整")
            @Nullable String reason) {
    }

    @Schema(description = "学校撤销 (close a school)")
    public record ClosureRequest(
            @Schema(description = "撤销日期 (date closed)，必填", example = "2026-08-31")
            LocalDate closedOn,
            @Schema(description = "撤销原因 (reason)，必填", example = "生源减少，学生并入就近学校就读")
            String reason) {
    }

    @Schema(description = "学校合并 (merge a school into another registered school)")
    public record MergerRequest(
            @Schema(description = "并入学校的学校标识码 (code of the school merged into)，10位数字；"
                    + "须为本区已登记的另一所学校", example = "2150202506")
            String intoSchoolCode,
            @Schema(description = "合并日期 (date merged)，必填", example = "2026-08-31")
            LocalDate mergedOn) {
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
    @APIResponseSchema(value = SchoolView.class, responseCode = "201",
            responseDescription = "已登记的学校；ETag 为其版本 (the school registered; the ETag is its version)")
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
    @APIResponseSchema(value = SchoolView.class, responseCode = "200",
            responseDescription = "学校名录条目；ETag 为其版本 (the register entry; the ETag is its version)")
    public Uni<Response> get(@PathParam("district") String district, @PathParam("code") String code,
                             @BeanParam Caller caller) {
        caller.require(IntakeAccess.READ_SCHOOL, district);
        return registry.require(district, code).map(SchoolResource::ok);
    }

    @PUT
    @Path("{code}")
    @Operation(summary = "学校信息变更 Change a school's profile (If-Match required)")
    @APIResponseSchema(value = SchoolView.class, responseCode = "200",
            responseDescription = "学校名录条目；ETag 为其版本 (the register entry; the ETag is its version)")
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
    @APIResponseSchema(value = SchoolView.class, responseCode = "200",
            responseDescription = "学校名录条目；ETag 为其版本 (the register entry; the ETag is its version)")
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
    @APIResponseSchema(value = SchoolView.class, responseCode = "200",
            responseDescription = "学校名录条目；ETag 为其版本 (the register entry; the ETag is its version)")
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
