package org.junheng.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryParameterFilterTest {

    static class Paging {
        @QueryParam("limit")
        String limit;
        @HeaderParam("X-Trace")
        String trace;
    }

    static class MorePaging extends Paging {
        @QueryParam("after")
        String after;
    }

    @SuppressWarnings("unused")
    void list(@PathParam("district") String district, @QueryParam("status") String status,
              @QueryParam("school") String school, @BeanParam MorePaging paging) {
    }

    @SuppressWarnings("unused")
    void get(@PathParam("id") String id) {
    }

    @Test
    void theQueryParametersAMethodTakesIncludeThoseOfItsBeanParamsAndTheirSuperclasses() throws Exception {
        var list = getClass().getDeclaredMethod("list", String.class, String.class, String.class, MorePaging.class);
        assertEquals(List.of("after", "limit", "school", "status"), List.copyOf(QueryParameterFilter.declared(list)),
                "sorted, path and header parameters left out");
        assertEquals(Set.of(), QueryParameterFilter.declared(getClass().getDeclaredMethod("get", String.class)));
    }
}
