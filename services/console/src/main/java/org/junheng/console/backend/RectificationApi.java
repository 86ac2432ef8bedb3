package org.junheng.console.backend;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/** The rectification service (整改): tasks, their actions, the scorecards, the responsibility matrix. */
@RegisterRestClient(configKey = "rectification")
@RegisterClientHeaders(BearerHeaders.class)
@RegisterProvider(RefusalMapper.class)
@Path("/api/v1")
public interface RectificationApi {

    @GET
    @Path("tasks")
    JsonNode tasks(@QueryParam("district") String district, @QueryParam("department") String department,
                   @QueryParam("status") String status, @QueryParam("school") String school,
                   @QueryParam("indicator") String indicator, @QueryParam("overdue") String overdue,
                   @QueryParam("kind") String kind);

    /** The task with what the caller may do now ({@code actions}); its version in the ETag. */
    @GET
    @Path("tasks/{id}")
    RestResponse<JsonNode> task(@PathParam("id") String id);

    @POST
    @Path("tasks/{id}/{operation}")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<JsonNode> act(@PathParam("id") String id, @PathParam("operation") String operation,
                               @HeaderParam("If-Match") String ifMatch, JsonNode body);

    @POST
    @Path("tasks/{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    RestResponse<JsonNode> upload(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                  ClientMultipartForm files);

    @GET
    @Path("tasks/{id}/evidence/{sha256}")
    Response evidence(@PathParam("id") String id, @PathParam("sha256") String sha256,
                      @QueryParam("download") String download);

    /** 整改督办单: the task as a Word document the office sends. */
    @GET
    @Path("tasks/{id}/supervision-notice.docx")
    Response supervisionNotice(@PathParam("id") String id);

    @GET
    @Path("districts/{district}/scorecard")
    JsonNode scorecard(@PathParam("district") String district);

    @GET
    @Path("districts/{district}/responsibilities")
    JsonNode responsibilities(@PathParam("district") String district);

    /** 创建进程: the district's stage, history and risks. */
    @GET
    @Path("districts/{district}/recognition")
    JsonNode recognition(@PathParam("district") String district);

    @POST
    @Path("districts/{district}/recognition/stages")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode recordStage(@PathParam("district") String district, JsonNode stage);

    /** 外部问题清单: the spreadsheet and its source; every item a task, all or none. */
    @POST
    @Path("districts/{district}/periods/{period}/outside-problems/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    JsonNode importOutsideProblems(@PathParam("district") String district, @PathParam("period") int period,
                                   ClientMultipartForm form);

    @GET
    @Path("import-templates/outside-problems.xlsx")
    Response outsideProblemsTemplate();

    /** The tasks of a year, of one kind (RECTIFICATION or DATA_SUBMISSION). */
    @GET
    @Path("tasks")
    JsonNode yearTasks(@QueryParam("district") String district, @QueryParam("period") int period,
                       @QueryParam("kind") String kind);

    /** 整改方案: versions, approval, 整改项目. */
    @GET
    @Path("districts/{district}/periods/{period}/rectification-plan")
    JsonNode plan(@PathParam("district") String district, @PathParam("period") int period);

    @POST
    @Path("districts/{district}/periods/{period}/rectification-plan/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode draftPlan(@PathParam("district") String district, @PathParam("period") int period, JsonNode draft);

    @POST
    @Path("districts/{district}/periods/{period}/rectification-plan/versions/{version}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode approvePlan(@PathParam("district") String district, @PathParam("period") int period,
                         @PathParam("version") String version, JsonNode approval);

    @POST
    @Path("districts/{district}/periods/{period}/rectification-plan/projects")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode defineProject(@PathParam("district") String district, @PathParam("period") int period,
                           JsonNode project);

    @POST
    @Path("districts/{district}/periods/{period}/rectification-plan/projects/{projectId}/milestones")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode reachMilestone(@PathParam("district") String district, @PathParam("period") int period,
                            @PathParam("projectId") String projectId, JsonNode milestone);

    /** 责任单位: 责任领导, 约谈 and 问责 of each unit. */
    @GET
    @Path("districts/{district}/responsible-units")
    JsonNode units(@PathParam("district") String district);

    @jakarta.ws.rs.PUT
    @Path("districts/{district}/responsible-units/{unit}/leader")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode nameLeader(@PathParam("district") String district, @PathParam("unit") String unit, JsonNode leader);

    @POST
    @Path("districts/{district}/responsible-units/{unit}/accountability")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode recordUnitAccountability(@PathParam("district") String district, @PathParam("unit") String unit,
                                      JsonNode record);
}
