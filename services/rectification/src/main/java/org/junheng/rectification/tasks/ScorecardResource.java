package org.junheng.rectification.tasks;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junheng.rectification.RectificationAccess;
import org.junheng.service.Caller;
import org.junheng.service.DistrictCode;

/** The departments' scorecards (考核): how each lead department works its tasks. */
@Path("/api/v1/districts/{district}/scorecard")
@Produces(MediaType.APPLICATION_JSON)
public class ScorecardResource {

    private final TaskQueries queries;

    public ScorecardResource(TaskQueries queries) {
        this.queries = queries;
    }

    /** Each lead department's tasks: open, overdue, closed on time or late, average days to close. */
    @GET
    public Uni<List<TaskQueries.Scorecard>> scorecard(@PathParam("district") String district,
                                                      @BeanParam Caller caller) {
        String d = DistrictCode.require(district);
        caller.require(RectificationAccess.SCORECARD, d);
        return queries.scorecards(d);
    }
}
