package org.junheng.service;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;

/**
 * Every {@code /api} answer forbids everything to a browser ({@code default-src 'none'}) unless the endpoint set a
 * policy of its own (a printable page that needs its stylesheet): set as the headers are written, so it covers the
 * answers of the security layer too, and never doubled (two policies would both apply).
 */
public class ApiContentSecurityPolicy {

    public static final String HEADER = "Content-Security-Policy";
    public static final String NOTHING = "default-src 'none'; frame-ancestors 'none'";

    void forbidAllUnlessTheEndpointSaysOtherwise(@Observes Filters filters) {
        filters.register(context -> {
            if (context.normalizedPath().startsWith("/api/")) {
                context.addHeadersEndHandler(ignored -> {
                    if (!context.response().headers().contains(HEADER)) {
                        context.response().putHeader(HEADER, NOTHING);
                    }
                });
            }
            context.next();
        }, 900);
    }
}
