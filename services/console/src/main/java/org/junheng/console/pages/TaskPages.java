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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.junheng.console.backend.NoticesApi;
import org.junheng.console.backend.RectificationApi;
import org.junheng.console.backend.ServiceRefused;
import org.junheng.contracts.rectification.EscalationLevel;

/**
 * 整改: the office's task board, a department's own tasks, and the task page — the finding's whole story in words,
 * the evidence, and the forms of exactly the actions the rectification service says the user may take now.
 */
@Path("/")
public class TaskPages {

    private final Pages pages;
    private final RectificationApi rectification;
    private final NoticesApi notices;
    private final Template board;
    private final Template mine;
    private final Template task;

    public TaskPages(Pages pages, @RestClient RectificationApi rectification, @RestClient NoticesApi notices,
                     @Location("tasks.html") Template board, @Location("my-tasks.html") Template mine,
                     @Location("task.html") Template task) {
        this.pages = pages;
        this.rectification = rectification;
        this.notices = notices;
        this.board = board;
        this.mine = mine;
        this.task = task;
    }

    /** A choice of a filter: its value and its words. */
    @io.quarkus.qute.TemplateData
    public record Option(String value, String label) {
    }

    @GET
    @Path("tasks")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance board(@QueryParam("department") String department, @QueryParam("status") String status,
                                  @QueryParam("school") String school, @QueryParam("indicator") String indicator,
                                  @QueryParam("overdue") String overdue, @QueryParam("kind") String kind) {
        String district = pages.district();
        JsonNode all = rectification.tasks(district, null, null, null, null, null, null);
        JsonNode shown = rectification.tasks(district, Pages.blankToNull(department), Pages.blankToNull(status),
                Pages.blankToNull(school), Pages.blankToNull(indicator), "true".equals(overdue) ? "true" : null,
                Pages.blankToNull(kind));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("department", department == null ? "" : department);
        filters.put("status", status == null ? "" : status);
        filters.put("school", school == null ? "" : school);
        filters.put("indicator", indicator == null ? "" : indicator);
        filters.put("overdue", "true".equals(overdue) ? "true" : "");
        filters.put("kind", kind == null ? "" : kind);
        List<Map<String, Object>> rows = rows(shown);
        // filtered by a department: say where it only helps
        rows.forEach(row -> row.put("helping", "HELP".equals(row.get("involvement"))));
        return pages.page(board, "tasks").data("tasks", rows).data("total", all.size())
                .data("filters", filters)
                .data("departments", options(all, "leadDepartment", "leadDepartmentName"))
                .data("statuses", options(all, "status", "statusLabel"))
                .data("kinds", options(all, "kind", "kindLabel"))
                .data("schools", options(all, "schoolCode", "schoolName"))
                .data("indicators", indicatorOptions(all))
                .data("scorecard", Pages.tree(rectification.scorecard(district)));
    }

    /**
     * A department's tasks: the findings it leads, those it helps with, then the data it is asked to supply (报送);
     * the nearest due date first.
     */
    @GET
    @Path("my-tasks")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance mine() {
        String department = pages.user().department();
        List<Map<String, Object>> lead = new ArrayList<>();
        List<Map<String, Object>> help = new ArrayList<>();
        List<Map<String, Object>> data = new ArrayList<>();
        for (Map<String, Object> row : rows(rectification.tasks(pages.district(), department, null, null, null,
                null, null))) {
            if ("DATA_SUBMISSION".equals(row.get("kind"))) {
                data.add(row);
            } else {
                ("LEAD".equals(row.get("involvement")) ? lead : help).add(row);
            }
        }
        return pages.page(mine, "my-tasks").data("lead", lead).data("help", help).data("data", data);
    }

    @GET
    @Path("tasks/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance task(@PathParam("id") String id, @QueryParam("done") String done) {
        // the words of the action just taken (escaped like all text; a short label, nothing else)
        return taskPage(id, done == null || done.length() > 20 ? null : done, null, Map.of());
    }

    /**
     * One action on the task, as the service names it ({@code verify}, {@code reject} …), with the task's version the
     * page was shown at (If-Match): a task changed meanwhile answers 412, shown as "changed by someone else".
     */
    @POST
    @Path("tasks/{id}/{operation}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response act(@PathParam("id") String id, @PathParam("operation") String operation,
                        @RestForm String version, @RestForm String label, @RestForm String comment, @RestForm String reason,
                        @RestForm String measures, @RestForm String plannedCompletion,
                        @RestForm String percentComplete, @RestForm String description, @RestForm String summary,
                        @RestForm String note, @RestForm String newDueDate, @RestForm String to,
                        @RestForm String kind, @RestForm String person, @RestForm String date,
                        @RestForm String outcome) {
        try {
            rectification.act(id, operation, etag(version), body(operation, comment, reason, measures,
                    plannedCompletion, percentComplete, description, summary, note, newDueDate, to, kind, person, date,
                    outcome));
        } catch (ServiceRefused refused) {
            return Response.status(refused.pageStatus())
                    .entity(taskPage(id, null, refused, Map.of("operation", operation))).build();
        }
        return Response.seeOther(URI.create("/tasks/" + enc(id) + "?done=" + enc(label == null ? operation : label)))
                .build();
    }

    /** The action's request body from the form's fields (blank fields left out, the service names what is missing). */
    private static ObjectNode body(String operation, String comment, String reason, String measures,
                                   String plannedCompletion, String percentComplete, String description,
                                   String summary, String note, String newDueDate, String to, String kind,
                                   String person, String date, String outcome) {
        ObjectNode body = Pages.JSON.createObjectNode();
        switch (operation) {
            case "assign" -> { }
            case "plan" -> body.put("measures", measures).put("plannedCompletion", Pages.blankToNull(plannedCompletion));
            case "progress" -> body.put("percentComplete", number(percentComplete)).put("description", description);
            case "submit" -> body.put("summary", summary);
            case "verify" -> body.put("comment", Pages.blankToNull(comment));
            case "reject" -> body.put("reason", reason);
            case "close" -> body.put("note", Pages.blankToNull(note));
            case "extend" -> body.put("newDueDate", Pages.blankToNull(newDueDate)).put("reason", reason);
            case "reassign" -> body.put("to", Pages.blankToNull(to)).put("reason", reason);
            case "accountability" -> body.put("kind", Pages.blankToNull(kind)).put("person", person)
                    .put("date", Pages.blankToNull(date)).put("reason", reason).put("outcome", Pages.blankToNull(outcome));
            default -> throw new ServiceRefused(404, "{\"detail\": \"没有这项操作 (no such action)\"}");
        }
        return body;
    }

    /** Evidence files (佐证材料): passed to the service as uploaded; it checks, hashes and stores them. */
    @POST
    @Path("tasks/{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(@PathParam("id") String id, @RestForm String version,
                           @RestForm("file") List<FileUpload> files) {
        ClientMultipartForm form = ClientMultipartForm.create();
        for (FileUpload file : files) {
            if (file.size() > 0) {
                Pages.addFile(form, file);
            }
        }
        try {
            if (files.stream().noneMatch(f -> f.size() > 0)) {
                throw new ServiceRefused(400, "{\"detail\": \"请选择要上传的文件 (choose a file to upload)\"}");
            }
            rectification.upload(id, etag(version), form);
        } catch (ServiceRefused refused) {
            return Response.status(refused.pageStatus())
                    .entity(taskPage(id, null, refused, Map.of("operation", "evidence"))).build();
        }
        return Response.seeOther(URI.create("/tasks/" + enc(id) + "?done=" + enc("上传佐证材料"))).build();
    }

    /** An evidence file, read through the service with the user's token (the service decides who may see it). */
    @GET
    @Path("tasks/{id}/evidence/{sha256}")
    public Response evidence(@PathParam("id") String id, @PathParam("sha256") String sha256,
                             @QueryParam("download") String download) {
        return Pages.relay(rectification.evidence(id, sha256, download));
    }

    /** 整改督办单 (Word), read through the service with the user's token. */
    @GET
    @Path("tasks/{id}/supervision-notice.docx")
    public Response supervisionNotice(@PathParam("id") String id) {
        return Pages.relay(rectification.supervisionNotice(id));
    }

    private TemplateInstance taskPage(String id, String done, ServiceRefused refused, Map<String, String> failed) {
        var answer = rectification.task(id);
        JsonNode view = answer.getEntity();
        JsonNode state = view.path("task");
        List<Option> departments = new ArrayList<>();
        boolean mayReassign = false;
        for (JsonNode action : view.path("actions")) {
            mayReassign |= action.path("operation").asText().equals("reassign");
        }
        if (mayReassign) {
            departments = departments(rectification.responsibilities(state.path("districtCode").asText()),
                    state.path("lead").path("code").asText());
        }
        JsonNode steps = OverviewPage.orNull(() -> notices.steps(state.path("findingId").asText()));
        List<Map<String, Object>> story = new ArrayList<>();
        if (steps != null) {
            for (JsonNode step : steps) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("at", Pages.beijing(step.path("at").asText()));
                row.put("step", step.path("step").asText());
                row.put("person", step.path("person").asText());
                row.put("content", step.path("content").asText());
                row.put("dataChange", step.path("dataChange").asBoolean());
                story.add(row);
            }
        }
        // files uploaded here are read back through the console; references to elsewhere are shown by name
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (JsonNode e : state.path("evidence")) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", e.path("name").asText());
            file.put("sha256", e.path("sha256").asText());
            file.put("stored", e.path("location").asText().startsWith("/api/"));
            evidence.add(file);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        view.path("actions").forEach(a -> labels.put(a.path("operation").asText(), a.path("label").asText()));
        return pages.page(task, pages.user().isDepartment() ? "my-tasks" : "tasks")
                .data("view", Pages.tree(view)).data("t", Pages.tree(state))
                .data("version", answer.getHeaderString("ETag"))
                .data("actions", labels).data("story", story).data("evidence", evidence).data("departments", departments)
                .data("escalation", escalation(state.path("escalation").asText(null)))
                .data("indicatorName", Pages.indicator(state.path("indicator").asText()))
                .data("source", source(state.path("source")))
                .data("done", done)
                .data("refusal", refused == null ? null : refused.message())
                .data("refusalLines", refused == null ? List.of() : refused.errorLines())
                .data("failed", failed.getOrDefault("operation", ""));
    }

    /** The board's rows: the service's, with the escalation level in words. */
    static List<Map<String, Object>> rows(JsonNode tasks) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode task : tasks) {
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) Pages.tree(task);
            row.put("escalationLabel", escalation(task.path("escalation").asText(null)));
            row.put("indicatorName", Pages.indicator(task.path("indicator").asText()));
            if (task.hasNonNull("schoolName")) {
                row.put("schoolName", Pages.shortSchool(task.path("schoolName").asText()));
            }
            rows.add(row);
        }
        return rows;
    }

    static String escalation(String level) {
        if (level == null || level.isBlank()) {
            return "";
        }
        try {
            return EscalationLevel.valueOf(level).label();
        } catch (IllegalArgumentException e) {
            return level;
        }
    }

    static List<Option> options(JsonNode tasks, String key, String label) {
        Map<String, String> seen = new TreeMap<>();
        for (JsonNode task : tasks) {
            if (task.hasNonNull(key)) {
                seen.put(task.path(key).asText(), task.path(label).asText(task.path(key).asText()));
            }
        }
        List<Option> options = new ArrayList<>();
        seen.forEach((value, words) -> options.add(new Option(value, words)));
        return options;
    }

    static List<Option> indicatorOptions(JsonNode tasks) {
        Map<String, String> seen = new TreeMap<>();
        tasks.forEach(t -> seen.put(t.path("indicator").asText(), Pages.indicator(t.path("indicator").asText())));
        List<Option> options = new ArrayList<>();
        seen.forEach((value, words) -> options.add(new Option(value, words)));
        return options;
    }

    /** The departments of the district's responsibility matrix but the task's lead: where a task may be reassigned. */
    static List<Option> departments(JsonNode matrix, String lead) {
        Map<String, String> seen = new LinkedHashMap<>();
        java.util.function.Consumer<JsonNode> add = d -> {
            if (d.hasNonNull("code") && !d.path("code").asText().equals(lead)) {
                seen.putIfAbsent(d.path("code").asText(), d.path("name").asText());
            }
        };
        add.accept(matrix.path("defaultLead"));
        for (JsonNode rule : matrix.path("rules")) {
            add.accept(rule.path("lead"));
            rule.path("coDepartments").forEach(add);
        }
        List<Option> options = new ArrayList<>();
        seen.forEach((code, name) -> options.add(new Option(code, name)));
        return options;
    }

    private static Integer number(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new ServiceRefused(400, "{\"detail\": \"完成比例须为0–100的整数 (percentComplete is a whole number)\","
                    + " \"errors\": [{\"field\": \"percentComplete\", \"message\": \"须为整数\"}]}");
        }
    }

    private static String etag(String version) {
        return version == null || version.isBlank() ? null : version;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** 市级督导评估反馈（渝教督〔2025〕12号，2025年6月30日，第3项）, or null for the evaluation's own findings. */
    static String source(JsonNode source) {
        if (!source.isObject()) {
            return null;
        }
        try {
            return new org.junheng.contracts.rectification.ProblemSource(
                    org.junheng.contracts.rectification.ProblemSource.Kind.valueOf(source.path("kind").asText()),
                    source.path("documentNumber").asText(null),
                    java.time.LocalDate.parse(source.path("issuedOn").asText()), source.path("item").asInt())
                    .describe();
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
