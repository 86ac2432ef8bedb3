package org.junheng.service;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.junheng.eventsourcing.decider.Refusal;

/**
 * A query parameter the operation does not take is a 400 naming it and the ones it does take: {@code tasks?lead=cz}
 * would otherwise be ignored and answer every task, which reads as if the filter had worked. Only the API
 * ({@code /api/…}); the console's pages and the platform's endpoints keep their own rules.
 */
public class QueryParameterFilter {

    private static final ConcurrentHashMap<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @ServerRequestFilter(preMatching = false)
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        Set<String> declared = DECLARED.computeIfAbsent(method, QueryParameterFilter::declared);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!declared.contains(name)) {
                String allowed = declared.isEmpty() ? "此操作不接受查询参数 (this operation takes no query parameters)"
                        : "可用的查询参数 (allowed): " + String.join(", ", declared);
                return ProblemMappers.response(Refusal.invalidField(name, null,
                        "未知的查询参数“" + name + "” (unknown query parameter); " + allowed));
            }
        }
        return null;
    }

    /** The names the method takes: its {@code @QueryParam}s, and those of its {@code @BeanParam} classes' fields. */
    static Set<String> declared(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class;
                     type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        QueryParam fieldQuery = field.getAnnotation(QueryParam.class);
                        if (fieldQuery != null) {
                            names.add(fieldQuery.value());
                        }
                    }
                }
            }
        }
        return java.util.Collections.unmodifiableSet(names);
    }
}
