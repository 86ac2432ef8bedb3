package org.junheng.rectification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junheng.infra.JunhengInfraTestResource;
import org.junheng.service.testing.ServiceBootChecks;

/** Boots the service against the real PostgreSQL and Kafka broker of the shared test resource. */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
class ServiceBootTest extends ServiceBootChecks {

    ServiceBootTest() {
        super("rectification", "Junheng rectification (整改)");
    }

    @Override
    protected java.util.List<String> databaseGauges() {
        var gauges = new java.util.ArrayList<>(super.databaseGauges());
        gauges.addAll(java.util.List.of("junheng_tasks_overdue"));
        return gauges;
    }
}
