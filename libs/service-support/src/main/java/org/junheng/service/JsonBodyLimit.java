package org.junheng.service;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;

/**
 * One size limit for JSON request bodies in every service ({@code junheng.http.max-json-body}, 1 MiB), whatever the
 * HTTP server's own limit (the intake's is larger, for file uploads): a larger body is a 413 problem, not an error
 * in the log. A body that announces its length is refused before it is read; one sent in chunks is counted while it
 * is read and refused at the first byte over the limit.
 */
@Provider
public class JsonBodyLimit implements ReaderInterceptor {

    private final long maxBytes;

    JsonBodyLimit(@ConfigProperty(name = "junheng.http.max-json-body", defaultValue = "1048576") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !isJson(request.getMediaType())) {
            return;
        }
        long announced;
        try {
            announced = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return; // the HTTP server refuses a malformed Content-Length itself
        }
        if (announced > maxBytes) {
            throw tooLarge();
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isJson(context.getMediaType())) {
            context.setInputStream(new Bounded(context.getInputStream()));
        }
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    private Refusal tooLarge() {
        return new Refusal(Refusal.Kind.TOO_LARGE, "body-too-large", "请求体过大 (request body too large)",
                "JSON 请求体至多 " + maxBytes + " 字节 (at most " + maxBytes + " bytes)",
                List.of(Violation.error("body", null, "至多 " + maxBytes + " 字节")));
    }

    /** Counts what the parser reads; past the limit it stops the read with the 413 problem. */
    private final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw tooLarge();
            }
        }
    }
}
