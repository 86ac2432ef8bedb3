package org.junheng.service;

import java.util.List;
import java.util.Map;

/**
 * A request the service refuses, with everything its RFC 9457 body says: the HTTP status, a stable {@code type} slug,
 * a Chinese and English title, the detail, and per-field or per-row {@code errors}.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Map<String, Object>> errors;

    public ApiProblem(int status, String type, String title, String detail, List<Map<String, Object>> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ApiProblem invalid(String detail, List<Map<String, Object>> errors) {
        return new ApiProblem(400, "validation", "输入有误 (invalid input)", detail, errors);
    }

    /** One bad field: {@code field} names it as the client sent it (query parameter, JSON path). */
    public static ApiProblem invalidField(String field, Object value, String reason) {
        return invalid(reason, List.of(fieldError(field, value, reason)));
    }

    public static ApiProblem notFound(String type, String detail) {
        return new ApiProblem(404, type, "未找到 (not found)", detail, null);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "无权进行此操作 (not allowed)", detail, null);
    }

    public static ApiProblem conflict(String type, String detail) {
        return new ApiProblem(409, type, "与当前状态冲突 (conflicts with the current state)", detail, null);
    }

    public static ApiProblem preconditionFailed() {
        return new ApiProblem(412, "stale-version", "数据已被他人修改，请刷新后重试 (changed since you read it)",
                "If-Match does not name the current version; read the resource again and repeat the change", null);
    }

    public static ApiProblem preconditionRequired() {
        return new ApiProblem(428, "if-match-required", "缺少If-Match (If-Match required)",
                "send the ETag you read as If-Match so a concurrent change cannot be lost", null);
    }

    public static Map<String, Object> fieldError(String field, Object value, String reason) {
        java.util.LinkedHashMap<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("field", field);
        error.put("value", value);
        error.put("reason", reason);
        return error;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Map<String, Object>> errors() {
        return errors;
    }
}
