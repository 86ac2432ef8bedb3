package org.junheng.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the shared real Kafka broker and a fresh PostgreSQL database (see
 * {@link TestInfrastructure}); they are stopped when the test JVM exits, so every test class of a module shares one
 * Quarkus boot and one set of servers.
 */
public class JunhengInfraTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestInfrastructure.shared().quarkusConfig();
    }

    @Override
    public void stop() {
        // the JVM shutdown hook of TestInfrastructure stops what it started
    }
}
