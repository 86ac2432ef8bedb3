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
            body.put("errors", errors);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response refused(ApiProblem problem) {
        return problem(problem.status(), problem.type(), problem.title(), problem.getMessage(), problem.errors());
    }

    @ServerExceptionMapper
    public Response concurrent(ConcurrencyConflictException conflict) {
        return problem(409, "concurrent-change", "并发修改冲突，请重试 (a concurrent change won; retry)",
                "another request changed the same data at the same moment", null);
    }

    /** More specific than Quarkus' own mapper for this type, which answers without a problem body. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException failure) {
        return unreadableJson(failure);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException failure) {
        if (failure.getCause() instanceof ApiProblem refusedWhileRead) {
            return refused(refusedWhileRead); // e.g. the body grew past its limit while the parser read it
        }
        String field = failure instanceof JsonMappingException mapping ? path(mapping) : null;
        String reason = failure.getOriginalMessage() == null ? "unreadable" : failure.getOriginalMessage();
        // keep the parser's own message short and free of class names
        reason = reason.replaceAll("(?s)\\(class [^)]*\\)", "").replaceAll("(?s)\\s+at \\[Source.*", "").trim();
        if (reason.length() > 300) {
            reason = reason.substring(0, 300);
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field == null || field.isEmpty() ? "body" : field);
        error.put("reason", "无法解析 (cannot be read): " + forPeople(reason));
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
        Response.Status known = Response.Status.fromStatusCode(status);
        return problem(status, "http-" + status, known == null ? "请求有误 (bad request)"
                : "请求有误 (" + known.getReasonPhrase() + ")", failure.getMessage(), null);
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
                List.of(ApiProblem.fieldError("body", null, "上传内容不完整，请重新上传 (the upload ended early; send it again)")));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable failure) {
        LOG.error("unexpected failure", failure);
        return problem(500, "internal-error", "服务内部错误 (internal error)",
                "the failure was logged; the request changed nothing", null);
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
