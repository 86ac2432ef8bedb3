package org.junheng.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.junheng.console.backend.RectificationApi;
import org.junheng.console.backend.ServiceRefused;
import org.junheng.contracts.rectification.Accountability;

/**
 * 责任单位: each unit with its 责任领导 (who signed the 责任状) and the 约谈 and 问责 of the unit as a whole; for the office,
 * the forms that record them. Rectification checks; the console stores nothing.
 */
@Path("/units")
public class UnitsPage {

    private final Pages pages;
    private final RectificationApi rectification;
    private final Template units;

    public UnitsPage(Pages pages, @RestClient RectificationApi rectification, @Location("units.html") Template units) {
        this.pages = pages;
        this.rectification = rectification;
        this.units = units;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("saved") String saved) {
        return page(saved == null ? null : "leader".equals(saved) ? "已记录责任领导。" : "已记录约谈问责。", null);
    }

    @POST
    @Path("leader")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response nameLeader(@RestForm String unit, @RestForm String leader, @RestForm String post,
                               @RestForm String pledgeSignedOn, @RestForm String pledgeDocument) {
        ObjectNode body = Pages.JSON.createObjectNode();
        PlanPage.put(body, "leader", leader);
        PlanPage.put(body, "post", post);
        PlanPage.put(body, "pledgeSignedOn", pledgeSignedOn);
        PlanPage.put(body, "pledgeDocument", pledgeDocument);
        try {
            rectification.nameLeader(pages.district(), unit == null ? "" : unit, body);
        } catch (ServiceRefused refused) {
            return refused(refused);
        }
        return Response.seeOther(URI.create("/units?saved=leader")).build();
    }

    @POST
    @Path("accountability")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response recordAccountability(@RestForm String unit, @RestForm String kind, @RestForm String person,
                                         @RestForm String date, @RestForm String reason, @RestForm String outcome) {
        ObjectNode body = Pages.JSON.createObjectNode();
        PlanPage.put(body, "kind", kind);
        PlanPage.put(body, "person", person);
        PlanPage.put(body, "date", date);
        PlanPage.put(body, "reason", reason);
        PlanPage.put(body, "outcome", outcome);
        try {
            rectification.recordUnitAccountability(pages.district(), unit == null ? "" : unit, body);
        } catch (ServiceRefused refused) {
            return refused(refused);
        }
        return Response.seeOther(URI.create("/units?saved=accountability")).build();
    }

    private Response refused(ServiceRefused refused) {
        return Response.status(refused.pageStatus()).entity(page(null, refused))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private TemplateInstance page(String done, ServiceRefused refused) {
        JsonNode view = rectification.units(pages.district());
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> records = new ArrayList<>();
        for (JsonNode unit : view.path("units")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", unit.path("department").path("code").asText());
            row.put("name", unit.path("department").path("name").asText());
            JsonNode leader = unit.path("leader");
            row.put("leader", leader.isObject() ? leader.path("leader").asText() : "");
            row.put("post", leader.isObject() ? leader.path("post").asText() : "");
            row.put("signed", leader.isObject() ? leader.path("pledgeSignedOn").asText() : "");
            row.put("document", leader.isObject() ? leader.path("pledgeDocument").asText("") : "");
            List<String> earlier = new ArrayList<>();
            unit.path("earlierLeaders").forEach(e -> earlier.add(e.path("leader").asText() + "（" + e.path("post")
                    .asText() + "，" + e.path("pledgeSignedOn").asText() + "签订）"));
            row.put("earlier", String.join("；", earlier));
            row.put("records", unit.path("records").size());
            rows.add(row);
            for (JsonNode record : unit.path("records")) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("unit", unit.path("department").path("name").asText());
                line.put("kind", Pages.label(Accountability.class, record.path("kind").asText()));
                line.put("person", record.path("person").asText());
                line.put("date", record.path("date").asText());
                line.put("reason", record.path("reason").asText());
                line.put("outcome", record.path("outcome").asText(""));
                line.put("recordedBy", record.path("recordedBy").path("name").asText());
                records.add(line);
            }
        }
        records.sort((a, b) -> ((String) b.get("date")).compareTo((String) a.get("date")));
        List<Map<String, String>> kinds = new ArrayList<>();
        for (Accountability kind : Accountability.values()) {
            kinds.add(Map.of("value", kind.name(), "label", kind.label()));
        }
        return pages.page(units, "units").data("units", rows).data("records", records).data("kinds", kinds)
                .data("today", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString())
                .data("done", done).data("refusal", refused == null ? null : refused.message())
                .data("refusalLines", refused == null ? List.of() : refused.errorLines());
    }
}
