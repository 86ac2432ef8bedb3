package org.junheng.rectification.tasks;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "整改考核 Each unit's scorecard",
            description = "每个单位牵头任务的未完成、逾期、按期与逾期完成数和平均用时，及配合任务的未完成与逾期数。")
    public Uni<List<TaskQueries.Scorecard>> scorecard(@PathParam("district") String district,
                                                      @BeanParam Caller caller) {
        String d = DistrictCode.require(district);
        caller.require(RectificationAccess.SCORECARD, d);
        return queries.scorecards(d);
    }
}
