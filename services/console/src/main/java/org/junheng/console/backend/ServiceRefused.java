package org.junheng.console.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service said no: its status and its RFC 9457 problem. Pages show the problem's words (the services write them
 * in Chinese with English), the field errors next to their fields.
 */
public class ServiceRefused extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final JsonNode problem;

    public ServiceRefused(int status, String body) {
        super("the service answered " + status);
        this.status = status;
        this.problem = parse(body);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (Exception e) {
            return JSON.createObjectNode().put("detail", body);
        }
    }

    public int status() {
        return status;
    }

    /** The status of the page that shows this refusal: the service's 4xx, or 502 when the service failed. */
    public int pageStatus() {
        return status >= 500 ? 502 : status;
    }

    /** The problem in one sentence: its detail, else its title, else the status. */
    public String message() {
        if (status == 412) {
            return "该记录已被他人更新，请刷新后重试 (changed by someone else meanwhile: reload and try again)";
        }
        String detail = problem.path("detail").asText("");
        String title = problem.path("title").asText("");
        if (!detail.isBlank()) {
            return detail;
        }
        return title.isBlank() ? "服务返回 " + status + " (the service answered " + status + ")" : title;
    }

    /** The field errors of the problem ({@code errors: [{field, message}]}), by field. */
    public Map<String, String> fieldErrors() {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.path("errors").forEach(e -> errors.merge(e.path("field").asText(""), e.path("message").asText(
                e.path("reason").asText(e.path("detail").asText(""))), (a, b) -> a + "；" + b));
        return errors;
    }

    /** Whether every error is a warning a person may confirm (implausible values), none a hard error. */
    public boolean onlyWarnings() {
        boolean any = false;
        for (JsonNode e : problem.path("errors")) {
            any = true;
            if (!"WARNING".equalsIgnoreCase(e.path("level").asText())) {
                return false;
            }
        }
        return any;
    }

    /** The problem's type slug ({@code import-rejected}), without the base address. */
    public String type() {
        String type = problem.path("type").asText("");
        return type.substring(type.lastIndexOf('/') + 1);
    }

    /** The problem's errors as the service gave them (fields, or a file's rows and columns). */
    public JsonNode errors() {
        return problem.path("errors");
    }

    public List<String> errorLines() {
        List<String> lines = new ArrayList<>();
        fieldErrors().forEach((field, message) -> lines.add(field.isBlank() ? message : field + "：" + message));
        return lines;
    }
}
