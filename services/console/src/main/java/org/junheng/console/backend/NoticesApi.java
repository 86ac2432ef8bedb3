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

    /** 通报简报: composed by the service from the task board; the office gives the issue and its 文号. */
    @POST
    @Path("districts/{district}/bulletins")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode issueBulletin(@PathParam("district") String district, JsonNode request);

    @GET
    @Path("districts/{district}/bulletins")
    JsonNode bulletins(@PathParam("district") String district);

    @GET
    @Path("districts/{district}/bulletins/{id}.docx")
    jakarta.ws.rs.core.Response bulletinDocument(@PathParam("district") String district, @PathParam("id") String id);

    @GET
    @Path("webhooks")
    JsonNode webhooks(@QueryParam("district") String district);

    @POST
    @Path("webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode subscribe(JsonNode request);

    @jakarta.ws.rs.DELETE
    @Path("webhooks/{id}")
    jakarta.ws.rs.core.Response unsubscribe(@PathParam("id") String id);

    @GET
    @Path("webhooks/{id}/deliveries")
    JsonNode deliveries(@PathParam("id") String id);

    /** The finding's story, one row per step in Chinese (时间, 环节, 经办人, 内容). */
    @GET
    @Path("findings/{id}/timeline/steps")
    JsonNode steps(@PathParam("id") String findingId);
}
