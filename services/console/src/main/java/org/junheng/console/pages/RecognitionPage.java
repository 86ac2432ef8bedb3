package org.junheng.console.pages;

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
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.junheng.console.backend.RectificationApi;
import org.junheng.console.backend.ServiceRefused;
import org.junheng.contracts.rectification.RecognitionEvent;

/**
 * 创建进程: where the district stands on its road to recognition — every stage with its date, document and outcome,
 * and any risk to the recognition — and, for the office, the form that records the next stage. Rectification
 * decides what may follow what; the console stores nothing.
 */
@Path("/recognition")
public class RecognitionPage {

    private final Pages pages;
    private final RectificationApi rectification;
    private final Template recognition;

    public RecognitionPage(Pages pages, @RestClient RectificationApi rectification,
                           @Location("recognition.html") Template recognition) {
        this.pages = pages;
        this.rectification = rectification;
        this.recognition = recognition;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("saved") String saved) {
        return page(saved != null ? "已记录创建阶段。" : null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response record(@RestForm String stage, @RestForm String date, @RestForm String outcome,
                           @RestForm String monitoringYear, @RestForm String documentNumber, @RestForm String remarks) {
        try {
            ObjectNode body = Pages.JSON.createObjectNode();
            put(body, "stage", stage);
            put(body, "date", date);
            put(body, "outcome", outcome);
            put(body, "documentNumber", documentNumber);
            put(body, "remarks", remarks);
            if (monitoringYear != null && !monitoringYear.isBlank()) {
                try {
                    body.put("monitoringYear", Integer.parseInt(monitoringYear.strip()));
                } catch (NumberFormatException e) {
                    throw new ServiceRefused(400, "{\"detail\": \"监测年度请填写4位年份 (a year, please)\"}");
                }
            }
            rectification.recordStage(pages.district(), body);
        } catch (ServiceRefused refused) {
            return Response.status(refused.pageStatus()).entity(page(null, refused))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.seeOther(URI.create("/recognition?saved=1")).build();
    }

    private static void put(ObjectNode body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }

    /** A choice of the form. */
    @io.quarkus.qute.TemplateData
    public record Choice(String value, String label) {
    }

    private TemplateInstance page(String done, ServiceRefused refused) {
        List<Choice> stages = new ArrayList<>();
        for (RecognitionEvent.Stage stage : RecognitionEvent.Stage.values()) {
            stages.add(new Choice(stage.name(), stage.label()));
        }
        List<Choice> outcomes = new ArrayList<>();
        for (RecognitionEvent.Outcome outcome : RecognitionEvent.Outcome.values()) {
            outcomes.add(new Choice(outcome.name(), outcome.label()));
        }
        com.fasterxml.jackson.databind.JsonNode road = rectification.recognition(pages.district());
        // each risk in words: the year, the item by its name, why
        List<String> risks = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode risk : road.path("risks")) {
            risks.add(risk.path("period").asText() + "年 " + Pages.indicator(risk.path("indicator").asText()) + "："
                    + risk.path("reason").asText());
        }
        return pages.page(recognition, "recognition")
                .data("road", Pages.tree(road)).data("risks", risks)
                .data("stages", stages).data("outcomes", outcomes)
                .data("today", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString())
                .data("done", done).data("refusal", refused == null ? null : refused.message())
                .data("refusalLines", refused == null ? List.of() : refused.errorLines());
    }
}
