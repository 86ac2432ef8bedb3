package org.junheng.service;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.event.Observes;

/**
 * CORS preflights are answered before any route matches, so request metrics would name each by its raw path (a
 * caller could make a series per path). They are all counted under {@code /cors-preflight}: the template the metrics
 * binder reads from the request's context is set before the CORS filter answers.
 */
public class PreflightMetrics {

    /** The context key Quarkus' metrics binder takes a request's route template from. */
    private static final String URL_TEMPLATE_KEY = "UrlPathTemplate";

    /** Higher runs first: before the CORS filter answers the preflight (ServiceBootTest checks the series). */
    private static final int BEFORE_CORS = 1_000;

    void nameEveryPreflightAlike(@Observes Filters filters) {
        filters.register(context -> {
            if (context.request().method() == HttpMethod.OPTIONS
                    && context.request().getHeader("Access-Control-Request-Method") != null
                    && Vertx.currentContext() != null) {
                Vertx.currentContext().putLocal(URL_TEMPLATE_KEY, "/cors-preflight");
            }
            context.next();
        }, BEFORE_CORS);
    }
}
