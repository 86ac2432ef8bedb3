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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.junheng.contracts.Department;
import org.junheng.contracts.schooldata.CountyFigureSetKind;
import org.junheng.contracts.schooldata.FigureValue;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.intake.IntakeAccess;
import org.junheng.service.Caller;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/api/v1/districts/{district}/periods/{year}/county-figures/{kind}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "县级数据 County figures")
public class CountyFiguresResource {

    @Schema(description = "县级数据报送 (a county figure set submitted by a department)")
    public record Submission(
            @Schema(description = "报送单位 (submitting unit)，代码和名称必填；部门只能以本单位名义报送")
            Department department,
            @Schema(description = "数据项 (values)：一般须含该类县级数据的全部数据项（各类不同，见导入模板），键不重复，"
                    + "数值不能为负；比例不超过1，是否类填0或1，等级填1至4；质量监测须注明学科 (qualifier)")
            List<FigureValue> values) {
    }

    public record FiguresView(String districtCode, int period, CountyFigureSetKind kind, String kindLabel,
                              Department department, List<FigureValue> values, long version) {
    }

    private final CountyFiguresDesk desk;

    public CountyFiguresResource(CountyFiguresDesk desk) {
        this.desk = desk;
    }

    @PUT
    @Operation(summary = "报送县级数据 Submit a county figure set (If-Match required to replace an earlier one)")
    @APIResponses({
            @APIResponse(responseCode = "200", description = "已更新的县级数据；ETag 为新版本 (the figures updated; the ETag is their new version)",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = FiguresView.class))),
            @APIResponse(responseCode = "201", description = "首次报送的县级数据 (the figures, first submitted)",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = FiguresView.class)))})
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "TEACHER_PAY",
            summary = "教师与公务员平均工资收入 (GG8)，由区人力社保局报送",
            value = "{\"department\": {\"code\": \"rs\", \"name\": \"区人力社保局\"}, \"values\": ["
                    + "{\"key\": \"teacherAveragePay\", \"value\": 126500}, "
                    + "{\"key\": \"civilServantAveragePay\", \"value\": 124800}]}")))
    public Uni<Response> submit(@PathParam("district") String district, @PathParam("year") int year,
                                @PathParam("kind") String kindName, Submission submission,
                                @HeaderParam("If-Match") String ifMatch,
                                @BeanParam Caller caller) {
        caller.require(IntakeAccess.SUBMIT_COUNTY_FIGURES, district);
        CountyFigureSetKind kind = kind(kindName);
        org.junheng.service.DistrictCode.require(district);
        org.junheng.service.ReportingYear.require(year);
        Submission body = submission == null ? new Submission(null, null) : submission;
        return desk.submit(district, year, kind, new CountyFigures.Submit(body.department(), body.values()),
                        org.junheng.service.IfMatch.optional(ifMatch), caller.department(), caller.metadata())
                .map(figures -> Response.status(figures.created() ? 201 : 200)
                        .tag(new EntityTag(Long.toString(figures.version())))
                        .entity(view(figures.state(), figures.version())).build());
    }

    @GET
    @Operation(summary = "县级数据 The county figure set in force")
    @APIResponseSchema(value = FiguresView.class, responseCode = "200",
            responseDescription = "县级数据；ETag 为其版本 (the figures; the ETag is their version)")
    public Uni<Response> get(@PathParam("district") String district, @PathParam("year") int year,
                             @PathParam("kind") String kindName, @BeanParam Caller caller) {
        caller.require(IntakeAccess.READ_COUNTY_FIGURES, district);
        CountyFigureSetKind kind = kind(kindName);
        org.junheng.service.DistrictCode.require(district);
        org.junheng.service.ReportingYear.require(year);
        return desk.find(district, year, kind).map(figures -> Response.ok(view(figures.state(), figures.version()))
                .tag(new EntityTag(Long.toString(figures.version()))).build());
    }

    private static FiguresView view(CountyFigures.State state, long version) {
        return new FiguresView(state.districtCode(), state.period(), state.kind(), state.kind().label(),
                state.department(), state.values(), version);
    }

    static CountyFigureSetKind kind(String name) {
        return Arrays.stream(CountyFigureSetKind.values())
                .filter(k -> k.name().equalsIgnoreCase(name) || k.name().replace('_', '-').equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> Refusal.invalid("未知的县级数据类别 (unknown figure set kind)",
                        List.of(Violation.error("kind", name, "可用 (one of): " + Arrays.toString(CountyFigureSetKind.values())))));
    }
}
