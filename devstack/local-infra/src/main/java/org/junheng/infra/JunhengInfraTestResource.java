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
        authenticateRestAssured();
        return TestInfrastructure.shared().quarkusConfig();
    }

    private static boolean authenticating;

    /** Every API call of a test carries an admin's bearer token unless the test sends its own. */
    private static synchronized void authenticateRestAssured() {
        if (authenticating) {
            return;
        }
        String admin = "Bearer " + DevTokens.admin();
        io.restassured.RestAssured.filters((request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", admin);
            }
            return context.next(request, response);
        });
        authenticating = true;
    }

    @Override
    public void stop() {
        // the JVM shutdown hook of TestInfrastructure stops what it started
    }
}
