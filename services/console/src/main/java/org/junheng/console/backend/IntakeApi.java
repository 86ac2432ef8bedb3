package org.junheng.console.backend;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** The intake service (数据报送): the schools and their yearly statistics. */
@RegisterRestClient(configKey = "intake")
@RegisterClientHeaders(BearerHeaders.class)
@RegisterProvider(RefusalMapper.class)
@Path("/api/v1")
public interface IntakeApi {

    @GET
    @Path("districts/{district}/schools")
    JsonNode schools(@PathParam("district") String district);

    @GET
    @Path("districts/{district}/schools/{code}")
    JsonNode school(@PathParam("district") String district, @PathParam("code") String code);

    /** The school's form as on record; its version in the ETag. */
    @GET
    @Path("districts/{district}/periods/{period}/schools/{code}/statistics")
    RestResponse<JsonNode> statistics(@PathParam("district") String district, @PathParam("period") int period,
                                      @PathParam("code") String code);

    @PUT
    @Path("districts/{district}/periods/{period}/schools/{code}/statistics")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<JsonNode> submit(@PathParam("district") String district, @PathParam("period") int period,
                                  @PathParam("code") String code, @HeaderParam("If-Match") String ifMatch,
                                  JsonNode submission);

    /** A county figure set (县级数据) as on record, its version in the ETag; 404 before the first submission. */
    @GET
    @Path("districts/{district}/periods/{period}/county-figures/{kind}")
    RestResponse<JsonNode> countyFigures(@PathParam("district") String district, @PathParam("period") int period,
                                         @PathParam("kind") String kind);

    @PUT
    @Path("districts/{district}/periods/{period}/county-figures/{kind}")
    @Consumes(MediaType.APPLICATION_JSON)
    RestResponse<JsonNode> submitCountyFigures(@PathParam("district") String district, @PathParam("period") int period,
                                               @PathParam("kind") String kind, @HeaderParam("If-Match") String ifMatch,
                                               JsonNode submission);

    /** The indicators a supervisor attests (督导认定), each with the level it is judged at (COUNTY or SCHOOL). */
    @GET
    @Path("attested-indicators")
    JsonNode attestedIndicators();

    /** An attestation: subject, verdict (MET/UNMET), grade (EQ6), evidence references, supervisor, date, remarks. */
    @jakarta.ws.rs.POST
    @Path("districts/{district}/periods/{period}/attestations/{indicator}")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode attest(@PathParam("district") String district, @PathParam("period") int period,
                    @PathParam("indicator") String indicator, JsonNode judgment);

    @GET
    @Path("districts/{district}/periods/{period}/attestations/{indicator}")
    JsonNode attestations(@PathParam("district") String district, @PathParam("period") int period,
                          @PathParam("indicator") String indicator);

    /** The statistics form's fields: their Chinese headings, where each lands in the form, which are required. */
    @GET
    @Path("import-templates/school-statistics/columns")
    JsonNode columns();

    /** 批量导入: the whole file is checked, and all of it or nothing is stored. */
    @jakarta.ws.rs.POST
    @Path("districts/{district}/periods/{period}/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    JsonNode importFile(@PathParam("district") String district, @PathParam("period") int period,
                        org.jboss.resteasy.reactive.client.api.ClientMultipartForm form);

    @GET
    @Path("import-templates/school-statistics.xlsx")
    jakarta.ws.rs.core.Response template();

    /** 预填模板: the template filled with the year's figures on record that the user may submit. */
    @GET
    @Path("districts/{district}/periods/{period}/import-templates/school-statistics.xlsx")
    jakarta.ws.rs.core.Response filledTemplate(@PathParam("district") String district, @PathParam("period") int period);
}
