package org.junheng.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak's server distribution (unpacked by Maven into e2e/target/keycloak) as a process on loopback, in dev mode
 * (its own H2 database under target/), with the sample district's realm (deploy/keycloak/junheng-realm.json) imported
 * for the district, the console's address and the session lifetimes a test asks for.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "junheng";
    static final String CLIENT_SECRET = "junheng-console-development-secret-0001";

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param accessTokenSeconds   the access (and ID) token lifespan
     * @param sessionMaxSeconds    the longest a sign-in lasts before the user must sign in again
     */
    static KeycloakServer start(Path repository, String district, int consolePort, int accessTokenSeconds,
                                int sessionMaxSeconds) throws IOException {
        Path home = Path.of(System.getProperty("junheng.keycloak.home",
                repository.resolve("e2e/target/keycloak/keycloak-26.5.6").toString()));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(home + " holds no Keycloak: Maven unpacks it (generate-test-resources)");
        }
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (var paths = Files.walk(data)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(data.resolve("import"));
        String realm = Files.readString(repository.resolve("deploy/keycloak/junheng-realm.json"))
                .replace("\"500104\"", "\"" + district + "\"")
                .replace("127.0.0.1:8080", "127.0.0.1:" + consolePort)
                .replace("localhost:8080", "localhost:" + consolePort)
                .replace("\"accessTokenLifespan\": 300", "\"accessTokenLifespan\": " + accessTokenSeconds)
                .replace("\"ssoSessionMaxLifespan\": 36000", "\"ssoSessionMaxLifespan\": " + sessionMaxSeconds);
        Files.writeString(data.resolve("import/junheng-realm.json"), realm, StandardCharsets.UTF_8);
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm", "--cache=local",
                "--http-management-port=" + freePort())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(repository.resolve("e2e/target/keycloak.log")
                        .toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        KeycloakServer server = new KeycloakServer(builder.start(), port);
        Runtime.getRuntime().addShutdownHook(new Thread(server.process::destroyForcibly));
        HttpClient http = HttpClient.newHttpClient();
        org.awaitility.Awaitility.await("Keycloak ready").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    if (!server.process.isAlive()) {
                        throw new IllegalStateException("Keycloak exited; see e2e/target/keycloak.log");
                    }
                    try {
                        return http.send(HttpRequest.newBuilder(URI.create(server.issuer()
                                + "/.well-known/openid-configuration")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
        return server;
    }

    /** The realm's issuer, as its tokens name it. */
    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** The realm's signing keys (JWKS), which the services verify tokens with. */
    String keys() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** What the services need to trust this realm's tokens besides the development key's (TrustedIssuers). */
    java.util.Map<String, String> serviceConfig() {
        return java.util.Map.of("junheng.jwt.also-trusted", issuer() + "|" + keys());
    }

    /** What the console needs to sign users in here. */
    java.util.Map<String, String> consoleConfig() {
        return java.util.Map.of("quarkus.oidc.tenant-enabled", "true",
                "quarkus.http.auth.permission.console.enabled", "true",
                "quarkus.http.auth.permission.public.enabled", "true",
                "quarkus.oidc.auth-server-url", issuer(), "quarkus.oidc.client-id", "junheng-console",
                "quarkus.oidc.credentials.secret", CLIENT_SECRET);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20000 + random.nextInt(12000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another
            }
        }
        throw new IOException("no free port");
    }
}
