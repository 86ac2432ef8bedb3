package org.junheng.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junheng.infra.TestInfrastructure;

/**
 * The four services as processes of their packaged jars, on one broker and one database — by default the shared test
 * infrastructure, one process each; or the given broker and database, with several replicas of each service.
 */
final class Cluster implements AutoCloseable {

    static final List<String> SERVICES = List.of("school-intake", "indicator-evaluation", "rectification",
            "supervision-notices");

    /** The consumers' size limit in these tests: below the broker's, so an oversized record can be produced. */
    static final int MAX_RECORD_BYTES = 65536;

    private final Path repository;
    private final Path logs;
    private final Map<String, String> config = new LinkedHashMap<>();
    private final int replicas;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    Cluster() throws IOException {
        this(TestInfrastructure.shared().quarkusConfig(), 1, "service-logs");
    }

    /** {@code replicas} processes of each service on the broker and database {@code config} names. */
    Cluster(Map<String, String> config, int replicas, String logDirectory) throws IOException {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        this.repository = dir.getFileName().toString().equals("e2e") ? dir.getParent() : dir;
        this.logs = repository.resolve("e2e/target/" + logDirectory);
        this.config.putAll(config);
        this.replicas = replicas;
        Files.createDirectories(logs);
        // a test JVM stopped from outside leaves no service behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.values().forEach(Process::destroyForcibly)));
        for (String service : SERVICES) {
            for (int replica = 0; replica < replicas; replica++) {
                ports.put(instance(service, replica), freePort());
                managementPorts.put(instance(service, replica), freePort());
            }
        }
    }

    /** More configuration for the services started from now on (e.g. an identity provider they trust). */
    Cluster withConfig(Map<String, String> more) {
        config.putAll(more);
        return this;
    }

    int replicas() {
        return replicas;
    }

    /** The first replica's API. */
    String url(String service) {
        return url(service, 0);
    }

    String url(String service, int replica) {
        return "http://127.0.0.1:" + ports.get(instance(service, replica));
    }

    /** Health, metrics and OpenAPI: the management interface, not the API port. */
    String managementUrl(String service) {
        return managementUrl(service, 0);
    }

    String managementUrl(String service, int replica) {
        return "http://127.0.0.1:" + managementPorts.get(instance(service, replica));
    }

    private static String instance(String service, int replica) {
        return replica == 0 ? service : service + "-" + (replica + 1);
    }

    void startAll() throws Exception {
        for (String service : SERVICES) {
            start(service);
        }
        for (String service : SERVICES) {
            awaitReady(service);
        }
    }

    /** Every replica of the service. */
    void start(String service) throws IOException {
        for (int replica = 0; replica < replicas; replica++) {
            start(service, replica);
        }
    }

    void start(String service, int replica) throws IOException {
        String instance = instance(service, replica);
        Path jar = repository.resolve("services/" + service + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the services are packaged before this module");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + repository.resolve("e2e/target"),
                "-Dquarkus.http.port=" + ports.get(instance),
                "-Dquarkus.management.port=" + managementPorts.get(instance),
                // evaluate soon after inputs settle, watch deadlines rarely: the test drives time itself
                "-Djunheng.evaluation.settle=PT0.5S", "-Djunheng.evaluation.poll-interval=PT0.1S",
                "-Djunheng.consumer.max-record-bytes=" + MAX_RECORD_BYTES,
                // the authorization matrix registers webhooks to a closed loopback port: an in-cluster receiver
                "-Djunheng.webhooks.allowed-targets=127.0.0.1:9"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(instance + ".log").toFile())).start();
        processes.put(instance, process);
    }

    /** Every replica of the service ready. */
    void awaitReady(String service) {
        for (int replica = 0; replica < replicas; replica++) {
            awaitReady(service, replica);
        }
    }

    void awaitReady(String service, int replica) {
        String instance = instance(service, replica);
        org.awaitility.Awaitility.await(instance + " ready").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    if (!processes.get(instance).isAlive()) {
                        throw new IllegalStateException(instance + " exited; see " + logs.resolve(instance + ".log"));
                    }
                    return status(managementUrl(service, replica) + "/q/health/ready") == 200;
                });
    }

    /** True when every replica of every service answers ready now. */
    boolean allReady() {
        return processes.keySet().stream().allMatch(instance -> status("http://127.0.0.1:"
                + managementPorts.get(instance) + "/q/health/ready") == 200);
    }

    /** kill -9 of every replica: no shutdown hook, no flush, no goodbye. */
    void kill(String service) throws InterruptedException {
        for (int replica = 0; replica < replicas; replica++) {
            kill(service, replica);
        }
    }

    void kill(String service, int replica) throws InterruptedException {
        Process process = processes.get(instance(service, replica));
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    void stop(String service) throws InterruptedException {
        for (int replica = 0; replica < replicas; replica++) {
            Process process = processes.get(instance(service, replica));
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    void stopAll() throws InterruptedException {
        for (String service : SERVICES) {
            if (processes.containsKey(service) && processes.get(service).isAlive()) {
                stop(service);
            }
        }
    }

    /**
     * The console (web interface) on the services' first replicas, showing {@code district}; its sample users sign in
     * with the development key.
     */
    String startConsole(String district) throws IOException {
        return startConsole(district, reservePort(), Map.of());
    }

    /** A free port for a process this cluster starts later (the console, whose address an identity provider needs). */
    int reservePort() throws IOException {
        int port = freePort();
        ports.put("reserved-" + port, port);
        return port;
    }

    /** The console on {@code port} with further configuration (e.g. OIDC sign-in). */
    String startConsole(String district, int port, Map<String, String> properties) throws IOException {
        Path jar = repository.resolve("services/console/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the console is packaged before this module");
        }
        int management = freePort();
        ports.put("console", port);
        managementPorts.put("console", management);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + repository.resolve("e2e/target"),
                "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + management,
                "-Djunheng.console.district=" + district,
                "-Djunheng.console.dev-signin.key-file=" + repository.resolve(
                        "devstack/local-infra/src/main/resources/dev-keys/junheng-dev.private.pem"),
                "-Dquarkus.rest-client.intake.url=" + url("school-intake"),
                "-Dquarkus.rest-client.evaluation.url=" + url("indicator-evaluation"),
                "-Dquarkus.rest-client.rectification.url=" + url("rectification"),
                "-Dquarkus.rest-client.notices.url=" + url("supervision-notices")));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        processes.put("console", new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("console.log").toFile())).start());
        org.awaitility.Awaitility.await("console ready").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    if (!processes.get("console").isAlive()) {
                        throw new IllegalStateException("the console exited; see " + logs.resolve("console.log"));
                    }
                    return status("http://127.0.0.1:" + management + "/q/health/ready") == 200;
                });
        return "http://127.0.0.1:" + port;
    }

    /** The service's log (the first replica's). */
    Path log(String service) {
        return logs.resolve(service + ".log");
    }

    @Override
    public void close() throws Exception {
        for (Process process : processes.values()) {
            process.destroyForcibly();
        }
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * A free port below the kernel's ephemeral range (32768+ on Linux): a port from there could be taken, between
     * this check and the service's start, by an outgoing connection of a service already starting.
     */
    private int freePort() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20000 + random.nextInt(12000);
            if (ports.containsValue(port) || managementPorts.containsValue(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }
}
