package org.junheng.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junheng.console.backend.NoticesApi;
import org.junheng.console.backend.ServiceRefused;
import org.junheng.contracts.notices.AudienceKind;
import org.junheng.contracts.notices.NoticeKind;
import org.junheng.contracts.notices.NoticeSeverity;

/**
 * 通报: the notices the user's unit receives, newest first, with 签收; new ones arrive live — the console relays the
 * notices service's stream (which wants the user's token, something a browser's EventSource cannot send) as
 * ready-made HTML fragments for htmx's SSE extension.
 */
@Path("/notices")
public class NoticePages {

    /** How many notices the page lists; older ones stay in the service. */
    static final int SHOWN = 200;

    private final Pages pages;
    private final NoticesApi notices;
    private final Template list;
    private final Template item;

    public NoticePages(Pages pages, @RestClient NoticesApi notices, @Location("notices.html") Template list,
                       @Location("notice-item.html") Template item) {
        this.pages = pages;
        this.notices = notices;
        this.list = list;
        this.item = item;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("acknowledged") String acknowledged) {
        JsonNode all = notices.notices(pages.district(), null, 1000);
        List<Map<String, Object>> shown = new ArrayList<>();
        long last = 0;
        for (JsonNode view : all) {
            last = Math.max(last, view.path("seq").asLong());
            shown.add(0, view(view));
        }
        return pages.page(list, "notices").data("notices", shown.size() > SHOWN ? shown.subList(0, SHOWN) : shown)
                .data("total", all.size()).data("lastSeq", last).data("acknowledged", acknowledged != null);
    }

    /** New notices after {@code after} as they are issued: each an {@code event: notice} whose data is its list item. */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@QueryParam("after") String after, @Context Sse sse) {
        String from = after == null || !after.matches("\\d{1,18}") ? null : after;
        return notices.stream(pages.district(), null, from)
                .filter(event -> event.data() != null && !event.data().isBlank())
                .map(event -> {
                    try {
                        String html = item.data("n", view(Pages.JSON.readTree(event.data()))).render()
                                .replace("\n", " ");
                        return sse.newEventBuilder().id(event.id()).name("notice").data(html).build();
                    } catch (Exception e) {
                        return sse.newEventBuilder().comment("unreadable notice skipped").build();
                    }
                });
    }

    @POST
    @Path("{id}/ack")
    public Response acknowledge(@PathParam("id") String id) {
        try {
            notices.acknowledge(id, Pages.JSON.createObjectNode());
        } catch (ServiceRefused refused) {
            if (refused.status() != 409) { // acknowledged already: the same outcome
                throw refused;
            }
        }
        return Response.seeOther(URI.create("/notices?acknowledged=1#n-" + id)).build();
    }

    static Map<String, Object> view(JsonNode view) {
        JsonNode n = view.path("notice");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", view.path("noticeId").asText());
        item.put("seq", view.path("seq").asLong());
        item.put("title", n.path("title").asText());
        item.put("body", n.path("body").asText());
        item.put("kind", Pages.label(NoticeKind.class, n.path("kind").asText()));
        item.put("severity", n.path("severity").asText());
        item.put("severityLabel", Pages.label(NoticeSeverity.class, n.path("severity").asText()));
        item.put("audience", Pages.label(AudienceKind.class, n.path("audience").path("kind").asText()));
        item.put("documentNumber", n.path("documentNumber").asText(""));
        item.put("issuedAt", Pages.beijing(view.path("issuedAt").asText()));
        item.put("acknowledged", view.hasNonNull("acknowledgedAt"));
        item.put("acknowledgedAt", Pages.beijing(view.path("acknowledgedAt").asText("")));
        return item;
    }
}
