package org.junheng.rectification.infra;

import io.quarkus.runtime.Startup;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.junheng.rectification.tasks.TaskQueries;
import org.junheng.service.metrics.DatabaseGauges;

/** What operations watch of the rectification work itself (k8s/overlays/prod/alerts.yaml). */
@Startup
@ApplicationScoped
public class RectificationGauges {

    RectificationGauges(DatabaseGauges gauges) {
        gauges.register("junheng.tasks.overdue", "rectification tasks past their due date, not verified or closed",
                "select count(*) from tasks where " + TaskQueries.OVERDUE, Tuple.tuple());
    }
}
