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
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.junheng.console.backend.RectificationApi;
import org.junheng.console.backend.ServiceRefused;

/**
 * 整改方案: the year's plan as the leading group approved it — its tasks with their measures, its versions, its 整改项目
 * with budget and milestones — and, for the office, the forms that draw up a version, record the approval, set up a
 * project and record a milestone reached. Rectification decides; the console stores nothing.
 */
@Path("/plan")
public class PlanPage {

    /** Rows of milestones the project form offers. */
    static final int MILESTONE_ROWS = 5;

    private final Pages pages;
    private final RectificationApi rectification;
    private final Template plan;

    public PlanPage(Pages pages, @RestClient RectificationApi rectification, @Location("plan.html") Template plan) {
        this.pages = pages;
        this.rectification = rectification;
        this.plan = plan;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("saved") String saved) {
        return page(saved == null ? null : switch (saved) {
            case "version" -> "已起草新版本，待领导小组审定。";
            case "approval" -> "已记录领导小组审定。";
            case "project" -> "已保存整改项目。";
            default -> "已记录节点完成。";
        }, null);
    }

    @POST
    @Path("versions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response draft(@RestForm String title, @RestForm String remarks) {
        ObjectNode body = Pages.JSON.createObjectNode();
        put(body, "title", title);
        put(body, "remarks", remarks);
        return send("version", () -> rectification.draftPlan(pages.district(), pages.period(), body));
    }

    @POST
    @Path("approval")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response approve(@RestForm String version, @RestForm String approvedOn, @RestForm String approvedBy,
                            @RestForm String documentNumber) {
        ObjectNode body = Pages.JSON.createObjectNode();
        put(body, "approvedOn", approvedOn);
        put(body, "approvedBy", approvedBy);
        put(body, "documentNumber", documentNumber);
        return send("approval", () -> rectification.approvePlan(pages.district(), pages.period(),
                version == null ? "" : version.strip(), body));
    }

    @POST
    @Path("projects")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response defineProject(@RestForm String name, @RestForm String leadDepartment,
                                  @RestForm("taskId") List<String> taskIds, @RestForm String budget,
                                  @RestForm String fundingSource, @RestForm("milestone") List<String> milestones,
                                  @RestForm("milestoneDue") List<String> dues) {
        ObjectNode body = Pages.JSON.createObjectNode();
        put(body, "name", name);
        put(body, "leadDepartment", leadDepartment);
        put(body, "fundingSource", fundingSource);
        ArrayNode tasks = body.putArray("taskIds");
        (taskIds == null ? List.<String>of() : taskIds).forEach(tasks::add);
        if (budget != null && !budget.isBlank()) {
            try {
                body.put("budget", new java.math.BigDecimal(budget.strip()));
            } catch (NumberFormatException e) {
                return refused(new ServiceRefused(400, "{\"detail\": \"预算请填写数字（万元），如380.5\"}"));
            }
        }
        ArrayNode rows = body.putArray("milestones");
        for (int i = 0; milestones != null && i < milestones.size(); i++) {
            String due = dues != null && i < dues.size() ? dues.get(i) : null;
            if ((milestones.get(i) == null || milestones.get(i).isBlank()) && (due == null || due.isBlank())) {
                continue; // an empty row of the form
            }
            ObjectNode row = rows.addObject();
            put(row, "description", milestones.get(i));
            put(row, "dueDate", due);
        }
        return send("project", () -> rectification.defineProject(pages.district(), pages.period(), body));
    }

    @POST
    @Path("projects/{projectId}/milestones")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response reachMilestone(@PathParam("projectId") String projectId, @RestForm String milestone,
                                   @RestForm String reachedOn, @RestForm String note) {
        ObjectNode body = Pages.JSON.createObjectNode();
        put(body, "milestone", milestone);
        put(body, "reachedOn", reachedOn);
        put(body, "note", note);
        return send("milestone", () -> rectification.reachMilestone(pages.district(), pages.period(), projectId,
                body));
    }

    private Response send(String saved, Supplier<JsonNode> call) {
        try {
            call.get();
        } catch (ServiceRefused refused) {
            return refused(refused);
        }
        return Response.seeOther(URI.create("/plan?saved=" + saved)).build();
    }

    private Response refused(ServiceRefused refused) {
        return Response.status(refused.pageStatus()).entity(page(null, refused))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    static void put(ObjectNode body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.strip());
        }
    }

    private TemplateInstance page(String done, ServiceRefused refused) {
        JsonNode plan = rectification.plan(pages.district(), pages.period());
        JsonNode units = rectification.units(pages.district());
        // the project form offers the year's tasks, each with the project it already belongs to
        Map<String, String> projectOfTask = new LinkedHashMap<>();
        for (JsonNode project : plan.path("projects")) {
            for (JsonNode task : project.path("tasks")) {
                projectOfTask.put(task.path("taskId").asText(), project.path("name").asText());
            }
        }
        Map<String, String> projectNames = new LinkedHashMap<>();
        plan.path("projects").forEach(p -> projectNames.put(p.path("projectId").asText(), p.path("name").asText()));
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (JsonNode task : rectification.yearTasks(pages.district(), pages.period(), "RECTIFICATION")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("taskId", task.path("taskId").asText());
            row.put("title", task.path("title").asText());
            row.put("lead", task.path("leadDepartmentName").asText());
            row.put("project", projectOfTask.getOrDefault(task.path("taskId").asText(), ""));
            tasks.add(row);
        }
        JsonNode shown = plan.path("versions").isEmpty() ? null : plan.path("versions").get(0);
        List<Map<String, Object>> items = new ArrayList<>();
        if (shown != null) {
            for (JsonNode item : shown.path("items")) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("title", item.path("title").asText());
                row.put("lead", item.path("lead").path("name").asText());
                List<String> helpers = new ArrayList<>();
                item.path("helpers").forEach(h -> helpers.add(h.path("name").asText()));
                row.put("helpers", helpers.isEmpty() ? "—" : String.join("、", helpers));
                row.put("dueDate", item.path("dueDate").asText());
                row.put("measures", item.path("measures").isTextual() ? item.path("measures").asText()
                        : "（牵头单位尚未报送整改措施）");
                row.put("project", projectNames.getOrDefault(item.path("projectId").asText(""), ""));
                items.add(row);
            }
        }
        List<Map<String, Object>> unitChoices = new ArrayList<>();
        units.path("units").forEach(u -> unitChoices.add(Map.of("code", u.path("department").path("code").asText(),
                "name", u.path("department").path("name").asText())));
        return pages.page(this.plan, "plan")
                .data("plan", Pages.tree(plan)).data("shown", shown == null ? null : Pages.tree(shown))
                .data("items", items).data("tasks", tasks).data("units", unitChoices)
                .data("milestoneRows", java.util.stream.IntStream.range(0, MILESTONE_ROWS).boxed().toList())
                .data("today", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString())
                .data("done", done).data("refusal", refused == null ? null : refused.message())
                .data("refusalLines", refused == null ? List.of() : refused.errorLines());
    }
}
