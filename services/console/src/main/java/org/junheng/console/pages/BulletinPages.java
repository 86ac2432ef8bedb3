package org.junheng.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.junheng.console.backend.NoticesApi;
import org.junheng.console.backend.ServiceRefused;
import org.junheng.contracts.notices.AudienceKind;
import org.junheng.contracts.notices.NoticeKind;

/**
 * 通报简报 and 推送订阅: the office issues a bulletin (the service composes it from the task board; the office gives
 * the issue's name and its 文号) and downloads it as Word; and subscribes other systems to the district's notices
 * (webhooks), seeing each subscription's deliveries.
 */
@Path("/")
public class BulletinPages {

    private final Pages pages;
    private final NoticesApi notices;
    private final Template bulletins;
    private final Template webhooks;

    public BulletinPages(Pages pages, @RestClient NoticesApi notices, @Location("bulletins.html") Template bulletins,
                         @Location("webhooks.html") Template webhooks) {
        this.pages = pages;
        this.notices = notices;
        this.bulletins = bulletins;
        this.webhooks = webhooks;
    }

    @GET
    @Path("bulletins")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("issued") String issued) {
        return bulletinPage(issued != null ? "已发布，数秒内出现在下方列表中。" : null, null);
    }

    @POST
    @Path("bulletins")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response issue(@RestForm String issueLabel, @RestForm String documentNumber) {
        ObjectNode request = Pages.JSON.createObjectNode().put("issueLabel", issueLabel)
                .put("documentNumber", Pages.blankToNull(documentNumber));
        try {
            notices.issueBulletin(pages.district(), request);
        } catch (ServiceRefused refused) {
            return Response.status(refused.pageStatus())
                    .entity(bulletinPage(null, refused)).build();
        }
        return Response.seeOther(URI.create("/bulletins?issued=1")).build();
    }

    @GET
    @Path("bulletins/{id}.docx")
    public Response document(@PathParam("id") String id) {
        return Pages.relay(notices.bulletinDocument(pages.district(), id));
    }

    private TemplateInstance bulletinPage(String done, ServiceRefused refused) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (JsonNode view : notices.bulletins(pages.district())) {
            list.add(NoticePages.view(view));
        }
        // newest first, whatever order the service lists them in
        list.sort(java.util.Comparator.comparingLong((Map<String, Object> b) -> (Long) b.get("seq")).reversed());
        return pages.page(bulletins, "bulletins").data("bulletins", list).data("done", done)
                .data("refusal", refused == null ? null : refused.message());
    }

    // ------------------------------------------------------------------------------------------------ webhooks

    @GET
    @Path("webhooks")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance subscriptions(@QueryParam("deleted") String deleted) {
        return webhookPage(deleted != null ? "已取消订阅。" : null, null, null);
    }

    @POST
    @Path("webhooks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response subscribe(@RestForm String url, @RestForm String audience, @RestForm String audienceCode,
                              @RestForm("kinds") List<String> kinds, @RestForm String format,
                              @RestForm String robotSecret) {
        ObjectNode request = Pages.JSON.createObjectNode().put("district", pages.district()).put("url", url);
        if (format != null && !format.isBlank()) {
            request.put("format", format);
        }
        if (robotSecret != null && !robotSecret.isBlank()) {
            request.put("robotSecret", robotSecret.strip());
        }
        if (audience != null && !audience.isBlank()) {
            request.putObject("audience").put("kind", audience).put("code", Pages.blankToNull(audienceCode));
        }
        if (kinds != null && !kinds.isEmpty()) {
            ArrayNode list = request.putArray("kinds");
            kinds.forEach(list::add);
        }
        try {
            JsonNode created = notices.subscribe(request);
            // the signing secret is shown once, now: the receiving system needs it to check each delivery
            return Response.ok(webhookPage("已订阅。", created.path("secret").asText(null), null)).build();
        } catch (ServiceRefused refused) {
            return Response.status(refused.pageStatus())
                    .entity(webhookPage(null, null, refused)).build();
        }
    }

    @POST
    @Path("webhooks/{id}/delete")
    public Response unsubscribe(@PathParam("id") String id) {
        notices.unsubscribe(id);
        return Response.seeOther(URI.create("/webhooks?deleted=1")).build();
    }

    private TemplateInstance webhookPage(String done, String secret, ServiceRefused refused) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (JsonNode s : notices.webhooks(pages.district())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", s.path("subscriptionId").asText());
            row.put("url", s.path("url").asText());
            row.put("format", s.path("formatLabel").asText(""));
            row.put("active", s.path("active").asBoolean());
            row.put("audience", s.path("audience").isObject()
                    ? Pages.label(AudienceKind.class, s.path("audience").path("kind").asText()) : "全部");
            List<String> kinds = new ArrayList<>();
            s.path("kinds").forEach(k -> kinds.add(Pages.label(NoticeKind.class, k.asText())));
            row.put("kinds", kinds.isEmpty() ? "全部" : String.join("、", kinds));
            int delivered = 0;
            int failed = 0;
            for (JsonNode d : notices.deliveries(s.path("subscriptionId").asText())) {
                delivered += "DELIVERED".equals(d.path("status").asText()) ? 1 : 0;
                failed += "DEAD".equals(d.path("status").asText()) ? 1 : 0;
            }
            row.put("delivered", delivered);
            row.put("failed", failed);
            list.add(row);
        }
        List<TaskPages.Option> audiences = new ArrayList<>();
        for (AudienceKind kind : AudienceKind.values()) {
            audiences.add(new TaskPages.Option(kind.name(), kind.label()));
        }
        List<TaskPages.Option> kinds = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            kinds.add(new TaskPages.Option(kind.name(), kind.label()));
        }
        return pages.page(webhooks, "notices").data("subscriptions", list).data("done", done).data("secret", secret)
                .data("refusal", refused == null ? null : refused.message())
                .data("refusalLines", refused == null ? List.of() : refused.errorLines())
                .data("audiences", audiences).data("kinds", kinds);
    }
}
