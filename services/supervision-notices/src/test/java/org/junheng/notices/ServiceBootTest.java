package org.junheng.notices;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junheng.infra.JunhengInfraTestResource;
import org.junheng.service.testing.ServiceBootChecks;

/** Boots the service against the real PostgreSQL and Kafka broker of the shared test resource. */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
class ServiceBootTest extends ServiceBootChecks {

    ServiceBootTest() {
        super("notices", "Junheng supervision notices (督导通报)");
    }

    @Override
    protected java.util.List<String> databaseGauges() {
        var gauges = new java.util.ArrayList<>(super.databaseGauges());
        gauges.addAll(java.util.List.of("junheng_webhooks_failing", "junheng_webhooks_dead"));
        return gauges;
    }
}
