package org.junheng.notices.webhooks;

import io.quarkus.runtime.Startup;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.junheng.service.metrics.DatabaseGauges;

/** Deliveries that are not getting through (k8s/overlays/prod/alerts.yaml). */
@Startup
@ApplicationScoped
public class WebhookGauges {

    WebhookGauges(DatabaseGauges gauges) {
        gauges.register("junheng.webhooks.failing", "webhook deliveries refused at least once and still being retried",
                "select count(*) from webhook_deliveries where status = 'PENDING' and attempts > 0", Tuple.tuple());
        gauges.register("junheng.webhooks.dead", "webhook deliveries that gave up after every retry",
                "select count(*) from webhook_deliveries where status = 'DEAD'", Tuple.tuple());
    }
}
