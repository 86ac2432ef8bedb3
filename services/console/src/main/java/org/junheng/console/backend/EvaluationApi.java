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

    @GET
    @Path("districts/{district}/periods/{period}/ledger")
    JsonNode ledger(@PathParam("district") String district, @PathParam("period") int period,
                    @QueryParam("school") String school, @QueryParam("asOf") String asOf);

    @GET
    @Path("findings")
    JsonNode findings(@QueryParam("district") String district, @QueryParam("status") String status,
                      @QueryParam("school") String school);
}
