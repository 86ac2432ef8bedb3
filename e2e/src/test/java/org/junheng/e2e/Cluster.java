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

/** The four services as processes of their packaged jars, on one broker and one database. */
final class Cluster implements AutoCloseable {

    static final List<String> SERVICES = List.of("school-intake", "indicator-evaluation", "rectification",
            "supervision-notices");

    /** The consumers' size limit in these tests: below the broker's, so an oversized record can be produced. */
    static final int MAX_RECORD_BYTES = 65536;

    private final Path repository;
    private final Path logs;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    Cluster() throws IOException {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        this.repository = dir.getFileName().toString().equals("e2e") ? dir.getParent() : dir;
        this.logs = repository.resolve("e2e/target/service-logs");
        Files.createDirectories(logs);
        for (String service : SERVICES) {
            ports.put(service, freePort());
            managementPorts.put(service, freePort());
        }
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Health, metrics and OpenAPI: the management interface, not the API port. */
    String managementUrl(String service) {
        return "http://127.0.0.1:" + managementPorts.get(service);
    }

    void startAll() throws Exception {
        for (String service : SERVICES) {
            start(service);
        }
        for (String service : SERVICES) {
            awaitReady(service);
        }
    }

    void start(String service) throws IOException {
        Path jar = repository.resolve("services/" + service + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the services are packaged before this module");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + repository.resolve("e2e/target"),
                "-Dquarkus.http.port=" + ports.get(service),
                "-Dquarkus.management.port=" + managementPorts.get(service),
                // evaluate soon after inputs settle, watch deadlines rarely: the test drives time itself
                "-Djunheng.evaluation.settle=PT0.5S", "-Djunheng.evaluation.poll-interval=PT0.1S",
                "-Djunheng.consumer.max-record-bytes=" + MAX_RECORD_BYTES));
        TestInfrastructure.shared().quarkusConfig().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service + ".log").toFile())).start();
        processes.put(service, process);
    }

    void awaitReady(String service) {
        org.awaitility.Awaitility.await(service + " ready").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    if (!processes.get(service).isAlive()) {
                        throw new IllegalStateException(service + " exited; see " + logs.resolve(service + ".log"));
                    }
                    return status(managementUrl(service) + "/q/health/ready") == 200;
                });
    }

    /** kill -9: no shutdown hook, no flush, no goodbye. */
    void kill(String service) throws InterruptedException {
        Process process = processes.get(service);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    void stop(String service) throws InterruptedException {
        Process process = processes.get(service);
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    void stopAll() throws InterruptedException {
        for (String service : SERVICES) {
            if (processes.containsKey(service) && processes.get(service).isAlive()) {
                stop(service);
            }
        }
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
