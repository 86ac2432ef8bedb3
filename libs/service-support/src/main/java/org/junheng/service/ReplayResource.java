package org.junheng.service;

import org.eclipse.microprofile.openapi.annotations.Operation;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.junheng.eventsourcing.projection.ProjectionRunner;

/**
 * Rebuilds every read model of the service from its log and shows the content checksums before and after: equal
 * checksums prove the read models are exactly what the log says.
 */
@Path("/api/v1/admin/replay")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {

    private final Instance<Replayable> replayables;

    public ReplayResource(Instance<Replayable> replayables) {
        this.replayables = replayables;
    }

    public record Replayed(String projection, String checksumBefore, String checksumAfter, long rowsBefore,
                           long rowsAfter, long eventsReplayed, boolean identical) {
    }

    /** The checksums as they are now. */
    @GET
    @Operation(summary = "读模型校验和 The read models' checksums",
            description = "每个读模型的校验和，重放前后比较以确认读模型与事件日志一致。")
    public Uni<List<Replayed>> checksums(@jakarta.ws.rs.BeanParam Caller caller) {
        caller.require(CommonAccess.READ_CHECKSUMS);
        return Multi.createFrom().iterable(runners())
                .onItem().transformToUniAndConcatenate(runner -> runner.catchUp().flatMap(ignored -> runner.checksum())
                        .map(sum -> new Replayed(runner.projection().name(), sum.md5(), sum.md5(),
                                sum.rows(), sum.rows(), 0, true)))
                .collect().asList();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "重放事件日志 Rebuild the read models from the event log",
            description = "清空并按事件日志重建本服务的读模型；期间读请求照常答复。")
    public Uni<List<Replayed>> replay(@jakarta.ws.rs.BeanParam Caller caller) {
        caller.require(CommonAccess.REPLAY);
        return Multi.createFrom().iterable(runners())
                .onItem().transformToUniAndConcatenate(runner -> runner.catchUp()
                        .flatMap(ignored -> runner.checksum())
                        .flatMap(before -> runner.rebuild().flatMap(events -> runner.checksum()
                                .map(after -> new Replayed(runner.projection().name(), before.md5(), after.md5(),
                                        before.rows(), after.rows(), events, before.equals(after))))))
                .collect().asList();
    }

    private List<ProjectionRunner> runners() {
        List<ProjectionRunner> all = new ArrayList<>();
        replayables.forEach(replayable -> all.addAll(replayable.projections()));
        return all;
    }
}
