package org.junheng.service.consumers;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Parked records in the health details. A parked record is not a failure of the service: the check is always UP, and
 * says how many records wait for an operator ({@code GET /api/v1/admin/parked-records}).
 */
@Liveness
@Readiness
@ApplicationScoped
public class ParkedRecordsHealth implements AsyncHealthCheck {

    private final ConsumerGuards guards;

    ParkedRecordsHealth(ConsumerGuards guards) {
        this.guards = guards;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return guards.deadLetters().parkedCounts().ifNoItem().after(Duration.ofSeconds(2)).fail()
                .map(counts -> {
                    var response = HealthCheckResponse.named("parked-records").up()
                            .withData("parked", counts.values().stream().mapToLong(Long::longValue).sum());
                    counts.forEach(response::withData);
                    return response.build();
                })
                // the database's own check reports an outage; this one only counts
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("parked-records").up()
                        .withData("parked", "unknown: " + failure.getClass().getSimpleName()).build());
    }
}
