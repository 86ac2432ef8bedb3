package org.junheng.console.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

/** The notices service (通报): notices, their live stream, acknowledgements, a finding's story in words. */
@RegisterRestClient(configKey = "notices")
@RegisterClientHeaders(BearerHeaders.class)
@RegisterProvider(RefusalMapper.class)
@Path("/api/v1")
public interface NoticesApi {

    @GET
    @Path("notices")
    JsonNode notices(@QueryParam("district") String district, @QueryParam("audience") String audience,
                     @QueryParam("limit") int limit);

    @GET
    @Path("notices/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> stream(@QueryParam("district") String district, @QueryParam("audience") String audience,
                                   @QueryParam("lastEventId") String lastEventId);

    @POST
    @Path("notices/{id}/ack")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode acknowledge(@PathParam("id") String id, JsonNode body);

    /** The finding's story, one row per step in Chinese (时间, 环节, 经办人, 内容). */
    @GET
    @Path("findings/{id}/timeline/steps")
    JsonNode steps(@PathParam("id") String findingId);
}
