package org.junheng.rectification.settings;

import org.eclipse.microprofile.openapi.annotations.Operation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.rectification.RectificationAccess;
import org.junheng.rectification.responsibility.Campaign;
import org.junheng.rectification.responsibility.ResponsibilityMatrix;
import org.junheng.service.Caller;
import org.junheng.service.DistrictCode;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * A district's responsibility matrix (责任分工) and campaign (创建工作安排), changed with {@code If-Match}; new tasks
 * follow them, open tasks keep their departments and due dates (reassign or extend those). */
@Path("/api/v1/districts/{district}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DistrictSettingsResource {

    private final DistrictSettings settings;

    public DistrictSettingsResource(DistrictSettings settings) {
        this.settings = settings;
    }

    @GET
    @Path("responsibilities")
    @Operation(summary = "责任分工 The responsibility matrix",
            description = "每项指标的牵头单位与配合单位；未设置时为标准默认分工。")
    @APIResponseSchema(value = org.junheng.rectification.responsibility.ResponsibilityMatrix.class, responseCode = "200",
            responseDescription = "责任分工；ETag 为其版本 (the matrix; the ETag is its version)")
    public Uni<Response> matrix(@PathParam("district") String district, @BeanParam Caller caller) {
        caller.require(RectificationAccess.READ_MATRIX, district(district));
        return settings.of(district(district)).map(s -> Response.ok(s.matrix())
                .header("ETag", org.junheng.service.IfMatch.etag(s.version())).build());
    }

    @PUT
    @Path("responsibilities")
    @Operation(summary = "修改责任分工 Change the responsibility matrix",
            description = "督导室修改本区责任分工（须带 If-Match）；此后新开的任务按新分工。")
    @APIResponseSchema(value = org.junheng.rectification.responsibility.ResponsibilityMatrix.class, responseCode = "200",
            responseDescription = "保存后的责任分工；ETag 为新版本 (the matrix saved; the ETag is its new version)")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "教师待遇",
            summary = "GG8、GG9 由区人力社保局牵头、区财政局配合，其余由区教委牵头",
            value = "{\"rules\": [{\"indicators\": [\"GG8\", \"GG9\"], \"lead\": {\"code\": \"rs\", "
                    + "\"name\": \"区人力社保局\"}, \"coDepartments\": [{\"code\": \"cz\", \"name\": \"区财政局\"}]}], "
                    + "\"defaultLead\": {\"code\": \"jw\", \"name\": \"区教委\"}}")))
    public Uni<Response> putMatrix(@PathParam("district") String district, @HeaderParam("If-Match") String ifMatch,
                                   ResponsibilityMatrix matrix, @BeanParam Caller caller) {
        caller.require(RectificationAccess.CHANGE_MATRIX, district(district));
        if (matrix == null || matrix.rules() == null || matrix.defaultLead() == null) {
            throw Refusal.invalidField("rules", null, "请给出分工规则和默认牵头单位 (rules and defaultLead required)");
        }
        return save(district(district), ifMatch, matrix, null).flatMap(ignored -> matrix(district, caller));
    }

    @GET
    @Path("campaign")
    @Operation(summary = "创建安排 The campaign's stages and due dates",
            description = "扎实创建、深化巩固等阶段的截止日期与先硬件后软件的整改期限。")
    @APIResponseSchema(value = org.junheng.rectification.responsibility.Campaign.class, responseCode = "200",
            responseDescription = "创建安排；ETag 为其版本 (the campaign; the ETag is its version)")
    public Uni<Response> campaign(@PathParam("district") String district, @BeanParam Caller caller) {
        caller.require(RectificationAccess.READ_CAMPAIGN, district(district));
        return settings.of(district(district)).map(s -> Response.ok(s.campaign())
                .header("ETag", org.junheng.service.IfMatch.etag(s.version())).build());
    }

    @PUT
    @Path("campaign")
    @Operation(summary = "修改创建安排 Change the campaign",
            description = "督导室修改本区创建安排（须带 If-Match），含是否需复核后销号。")
    @APIResponseSchema(value = org.junheng.rectification.responsibility.Campaign.class, responseCode = "200",
            responseDescription = "保存后的创建安排；ETag 为新版本 (the campaign saved; the ETag is its new version)")
    public Uni<Response> putCampaign(@PathParam("district") String district, @HeaderParam("If-Match") String ifMatch,
                                     Campaign campaign, @BeanParam Caller caller) {
        caller.require(RectificationAccess.CHANGE_CAMPAIGN, district(district));
        if (campaign == null || campaign.hardwareDue() == null || campaign.softwareDue() == null) {
            throw Refusal.invalidField("hardwareDue", null, "请给出硬件和软件项目的完成期限 (due dates required)");
        }
        return save(district(district), ifMatch, null, campaign).flatMap(ignored -> campaign(district, caller));
    }

    private Uni<Boolean> save(String district, String ifMatch, ResponsibilityMatrix matrix, Campaign campaign) {
        long version = org.junheng.service.IfMatch.required(ifMatch);
        return settings.save(district, matrix, campaign, version).map(saved -> {
            if (!saved) {
                throw Refusal.stale();
            }
            return true;
        });
    }

    private static String district(String value) {
        return DistrictCode.require(value);
    }
}
