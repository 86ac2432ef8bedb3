package org.junheng.service;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * One size limit for JSON request bodies in every service ({@code junheng.http.max-json-body}, 1 MiB), whatever the
 * HTTP server's own limit (the intake's is larger, for file uploads): a larger body is a 413 problem, not an error
 * in the log.
 */
public class JsonBodyLimit {

    private final long maxBytes;

    JsonBodyLimit(@ConfigProperty(name = "junheng.http.max-json-body", defaultValue = "1048576") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (type == null || length == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return null;
        }
        try {
            if (Long.parseLong(length.trim()) <= maxBytes) {
                return null;
            }
        } catch (NumberFormatException e) {
            return null; // the HTTP server refuses a malformed Content-Length itself
        }
        return ProblemMappers.problem(413, "body-too-large", "请求体过大 (request body too large)",
                "JSON 请求体至多 " + maxBytes + " 字节 (at most " + maxBytes + " bytes)",
                java.util.List.of(ApiProblem.fieldError("body", null, "至多 " + maxBytes + " 字节")));
    }
}
