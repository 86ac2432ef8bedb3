package org.junheng.console.backend;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The evaluation service (评估): readiness, the ledgers, the coefficients of variation, the findings. */
@RegisterRestClient(configKey = "evaluation")
@RegisterClientHeaders(BearerHeaders.class)
@RegisterProvider(RefusalMapper.class)
@Path("/api/v1")
public interface EvaluationApi {

    @GET
    @Path("districts/{district}/periods/{period}/readiness")
    JsonNode readiness(@PathParam("district") String district, @PathParam("period") int period);

    @GET
    @Path("districts/{district}/periods/{period}/variation")
    JsonNode variation(@PathParam("district") String district, @PathParam("period") int period);

    /** GG13 per section; a school's token sees its own contribution only. */
    @GET
    @Path("districts/{district}/periods/{period}/catchment")
    JsonNode catchment(@PathParam("district") String district, @PathParam("period") int period);

    @GET
    @Path("districts/{district}/periods/{period}/variation/{indicator}/remedies")
    JsonNode remedies(@PathParam("district") String district, @PathParam("period") int period,
                      @PathParam("indicator") String indicator);

    @GET
    @Path("districts/{district}/periods/{period}/ledger")
    JsonNode ledger(@PathParam("district") String district, @PathParam("period") int period,
                    @QueryParam("school") String school, @QueryParam("asOf") String asOf);

    /** A ledger (已达标 / 未达标) filtered as the office asks, live or as of a past date. */
    @GET
    @Path("districts/{district}/periods/{period}/ledger")
    JsonNode ledger(@PathParam("district") String district, @PathParam("period") int period,
                    @QueryParam("ledger") String ledger, @QueryParam("school") String school,
                    @QueryParam("section") String section, @QueryParam("indicator") String indicator,
                    @QueryParam("asOf") String asOf);

    @GET
    @Path("districts/{district}/periods/{period}/ledger.xlsx")
    jakarta.ws.rs.core.Response ledgerWorkbook(@PathParam("district") String district, @PathParam("period") int period,
                                               @QueryParam("ledger") String ledger, @QueryParam("school") String school,
                                               @QueryParam("section") String section,
                                               @QueryParam("indicator") String indicator,
                                               @QueryParam("asOf") String asOf);

    /** What if: the evaluation of the district with the given changes ({@code {"changes": [...]}}), stored nowhere. */
    @jakarta.ws.rs.POST
    @Path("districts/{district}/periods/{period}/simulate")
    @jakarta.ws.rs.Consumes(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    JsonNode simulate(@PathParam("district") String district, @PathParam("period") int period, JsonNode changes);

    /** The district's evaluation settings: the year it passed 基本均衡 (a precondition of the check). */
    @GET
    @Path("districts/{district}/evaluation-settings")
    JsonNode settings(@PathParam("district") String district);

    @jakarta.ws.rs.PUT
    @Path("districts/{district}/evaluation-settings")
    @jakarta.ws.rs.Consumes(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    JsonNode saveSettings(@PathParam("district") String district, JsonNode settings);

    @GET
    @Path("findings")
    JsonNode findings(@QueryParam("district") String district, @QueryParam("status") String status,
                      @QueryParam("school") String school);
}
