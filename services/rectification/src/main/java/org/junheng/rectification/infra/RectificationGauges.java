package org.junheng.rectification.infra;

import io.quarkus.runtime.Startup;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.junheng.service.metrics.DatabaseGauges;

/** What operations watch of the rectification work itself (k8s/overlays/prod/alerts.yaml). */
@Startup
@ApplicationScoped
public class RectificationGauges {

    RectificationGauges(DatabaseGauges gauges) {
        // the task list's own rule of 逾期 (TaskQueries): past due and neither verified nor closed
        gauges.register("junheng.tasks.overdue", "rectification tasks past their due date, not verified or closed",
                "select count(*) from tasks where overdue and status not in ('VERIFIED', 'CLOSED')", Tuple.tuple());
    }
}
