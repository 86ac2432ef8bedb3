package org.junheng.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.junheng.eventsourcing.ConcurrencyConflictException;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;

/**
 * Every error leaves as an RFC 9457 {@code application/problem+json} body with a stable {@code type}, a Chinese and
 * English {@code title}, and per-field {@code errors}; no stack trace ever leaves a service.
 */
public class ProblemMappers {

    public static final String TYPE_BASE = "https://junheng.org/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** A Java class name ({@code org.junheng.x.Y$Z}, {@code java.lang.NullPointerException}), with its quotes. */
    private static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
            "`?\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_]*(?:\\$[A-Za-z0-9_]+)*`?");

    /** Problem text for people: no Java class names. */
    static String forPeople(String text) {
        return text == null ? null : CLASS_NAME.matcher(text).replaceAll("该对象 (the value)");
    }

    public static Response problem(int status, String type, String title, String detail, List<?> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", forPeople(detail));
        }
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors.stream().map(ProblemMappers::error).toList());
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }

    /** Every refusal of every service, by its kind: the one place a refusal becomes an HTTP status. */
    @ServerExceptionMapper
    public Response refused(Refusal refusal) {
        return response(refusal);
    }

    public static Response response(Refusal refusal) {
        String title = refusal.title() != null ? refusal.title() : switch (refusal.kind()) {
            case INVALID -> "输入有误 (invalid input)";
            case IMPLAUSIBLE -> "数据存疑，请核实 (implausible values need confirmation)";
            case FORBIDDEN -> "无权进行此操作 (not allowed)";
            case NOT_FOUND -> "未找到 (not found)";
            case CONFLICT -> "与当前状态冲突 (conflicts with the current state)";
            case STALE -> "数据已被他人修改，请刷新后重试 (changed since you read it)";
            case VERSION_REQUIRED -> "缺少If-Match (If-Match required)";
            case TOO_LARGE -> "请求体过大 (too large)";
            case UNSUPPORTED_TYPE -> "不支持的文件类型 (unsupported type)";
            case UNPROCESSABLE -> "无法处理 (cannot be processed)";
            case TOO_MANY -> "请求过于频繁 (too many requests)";
        };
        return problem(status(refusal.kind()), refusal.type(), title, refusal.getMessage(), refusal.errors());
    }

    public static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case STALE -> 412;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
            case IMPLAUSIBLE, UNPROCESSABLE -> 422;
            case VERSION_REQUIRED -> 428;
            case TOO_MANY -> 429;
        };
    }

    /** A field error as the body shows it: field, value, reason and its level in lower case. */
    private static Object error(Object error) {
        if (!(error instanceof Violation violation)) {
            return error;
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("field", violation.field());
        shown.put("value", violation.value());
        shown.put("reason", violation.reason());
        shown.put("level", violation.level().name().toLowerCase(java.util.Locale.ROOT));
        return shown;
    }

    @ServerExceptionMapper
    public Response concurrent(ConcurrencyConflictException conflict) {
        return problem(409, "concurrent-change", "并发修改冲突，请重试 (a concurrent change won; retry)",
                "另一请求同时修改了同一数据，本次修改未生效 (another request changed the same data at the same moment)", null);
    }

    /** More specific than Quarkus' own mapper for this type, which answers without a problem body. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException failure) {
        return unreadableJson(failure);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException failure) {
        if (failure.getCause() instanceof Refusal refusedWhileRead) {
            return refused(refusedWhileRead); // e.g. the body grew past its limit while the parser read it
        }
        String field = failure instanceof JsonMappingException mapping ? path(mapping) : null;
        String reason = JsonProblems.describe(failure);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field == null || field.isEmpty() ? "body" : field);
        error.put("reason", forPeople(reason));
        return problem(400, "unreadable-body", "请求体无法解析 (malformed JSON)", null, List.of(error));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException failure) {
        int status = failure.getResponse().getStatus();
        if (failure.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable);
        }
        if (status >= 500) {
            return unexpected(failure);
        }
        return problem(status, "http-" + status, HttpProblems.title(status), HttpProblems.detail(status), null);
    }

    /** A multipart body that ends before its closing boundary: the client's fault, said so. */
    @ServerExceptionMapper
    public Response unreadableUpload(java.io.IOException failure) {
        boolean multipart = failure.getMessage() != null && failure.getMessage().contains("multipart")
                || java.util.Arrays.stream(failure.getStackTrace()).anyMatch(frame -> frame.getClassName()
                .contains(".multipart."));
        if (!multipart) {
            return unexpected(failure);
        }
        return problem(400, "unreadable-body", "请求体不完整 (truncated or malformed multipart body)", null,
                List.of(Violation.error("body", null, "上传内容不完整，请重新上传 (the upload ended early; send it again)")));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable failure) {
        LOG.error("unexpected failure", failure);
        return problem(500, "internal-error", "服务内部错误 (internal error)",
                "已记录此错误，本次请求未作任何修改 (the failure was logged; the request changed nothing)", null);
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
