package org.junheng.service;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.junheng.eventsourcing.decider.Refusal;

/**
 * Query and path parameter values must be text a service can store or compare ({@link Text}): a NUL or a lone
 * surrogate in {@code ?school=} would otherwise reach PostgreSQL and fail there as a 500. A 400 naming the parameter.
 */
public class ParameterTextFilter {

    @ServerRequestFilter(preMatching = false)
    public Response check(ContainerRequestContext request) {
        for (var parameters : List.of(request.getUriInfo().getQueryParameters(),
                request.getUriInfo().getPathParameters())) {
            for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
                String nameProblem = Text.problem(parameter.getKey());
                for (String value : parameter.getValue()) {
                    String problem = nameProblem != null ? nameProblem : Text.problem(value);
                    if (problem != null) {
                        return ProblemMappers.response(Refusal.invalidField(
                                nameProblem != null ? "query" : parameter.getKey(), null, problem));
                    }
                }
            }
        }
        return null;
    }
}
