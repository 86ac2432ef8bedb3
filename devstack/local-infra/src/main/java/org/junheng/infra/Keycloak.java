package org.junheng.infra;

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
 * Keycloak's server distribution as a process on loopback, in dev mode (its own H2 database in its data directory),
 * with the sample district's realm (deploy/keycloak/junheng-realm.json) imported for the district, the console's
 * address and the session lifetimes asked for: the identity provider of the sign-in test and of
 * {@code ./junheng up --keycloak}.
 */
public final class Keycloak implements AutoCloseable {

    public static final String VERSION = "26.5.6";
    public static final String REALM = "junheng";
    /** The console's client secret in the sample realm (a development secret: the realm file is public). */
    public static final String CLIENT_SECRET = "junheng-console-development-secret-0001";

    private final Process process;
    private final int port;

    private Keycloak(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param home                 the unpacked distribution (keycloak-26.5.6)
     * @param port                 its HTTP port; 0 for any free one
     * @param fresh                whether to start from an empty database (else the realm is imported once and kept)
     * @param accessTokenSeconds   the access (and ID) token lifespan
     * @param sessionMaxSeconds    the longest a sign-in lasts before the user must sign in again
     * @param log                  where its output goes
     */
    public static Keycloak start(Path home, Path repository, String district, int port, int consolePort,
                                 boolean fresh, int accessTokenSeconds, int sessionMaxSeconds, Path log)
            throws IOException {
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(home + " holds no Keycloak " + VERSION + " distribution");
        }
        Path data = home.resolve("data");
        if (fresh && Files.exists(data)) {
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
        int httpPort = port == 0 ? freePort() : port;
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + httpPort, "--import-realm", "--cache=local",
                "--http-management-port=" + freePort())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        Keycloak server = new Keycloak(builder.start(), httpPort);
        Runtime.getRuntime().addShutdownHook(new Thread(server.process::destroyForcibly));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!server.ready(http)) {
            if (!server.process.isAlive()) {
                throw new IllegalStateException("Keycloak exited; see " + log);
            }
            if (System.nanoTime() > deadline) {
                server.process.destroyForcibly();
                throw new IllegalStateException("Keycloak not ready after 3 minutes; see " + log);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for Keycloak", e);
            }
        }
        return server;
    }

    private boolean ready(HttpClient http) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The realm's issuer, as its tokens name it. */
    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** The realm's signing keys (JWKS), which the services verify tokens with. */
    public String keys() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** What the services need to trust this realm's tokens besides the development key's (TrustedIssuers). */
    public java.util.Map<String, String> serviceConfig() {
        return java.util.Map.of("junheng.jwt.also-trusted", issuer() + "|" + keys());
    }

    /** What the console needs to sign users in here. */
    public java.util.Map<String, String> consoleConfig() {
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
