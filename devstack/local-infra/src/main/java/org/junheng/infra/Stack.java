package org.junheng.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/**
 * {@code ./junheng up}: the whole system on this machine — Kafka and PostgreSQL ({@link LocalInfra}), the four
 * services as processes of their packaged jars, the Dadukou sample district loaded through the public API — then a
 * summary read back from the services. Runs until stopped; stopping stops everything it started.
 */
public final class Stack {

    static final String DISTRICT = "500104";
    static final int PERIOD = 2024;
    static final ObjectMapper JSON = new ObjectMapper();

    /** A service's API port and its management port (health, metrics: quarkus.management.port). */
    record Service(String name, String directory, int port, int managementPort) {
        String url() {
            return "http://127.0.0.1:" + port;
        }

        String managementUrl() {
            return "http://127.0.0.1:" + managementPort;
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service("school-intake", "services/school-intake", 8081, 9081),
            new Service("indicator-evaluation", "services/indicator-evaluation", 8082, 9082),
            new Service("rectification", "services/rectification", 8083, 9083),
            new Service("supervision-notices", "services/supervision-notices", 8084, 9084));

    /** The web interface, on the four services' APIs; signs the sample users in with the development key. */
    static final Service CONSOLE = new Service("console", "services/console", 8080, 9080);

    private final Path repository;
    private final Path home;
    private final long started = System.nanoTime();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String admin = DevTokens.admin();
    private final List<Process> processes = new ArrayList<>();

    Stack(Path repository, Path home) {
        this.repository = repository;
        this.home = home;
    }

    /**
     * {@code Stack <repository>} starts everything; {@code Stack <repository> keycloak} signs the console's users in
     * through Keycloak (the distribution in {@code junheng.keycloak.home}) instead of the dev sign-in;
     * {@code Stack <repository> status} reads a running one.
     */
    public static void main(String[] args) throws Exception {
        Path repository = Path.of(args[0]).toAbsolutePath();
        Stack stack = new Stack(repository, repository.resolve(".junheng"));
        if (args.length > 1 && args[1].equals("status")) {
            System.exit(stack.status());
        }
        stack.keycloakHome = args.length > 1 && args[1].equals("keycloak")
                ? Path.of(System.getProperty("junheng.keycloak.home")) : null;
        stack.run();
    }

    /** The identity provider's port when the stack runs one. */
    static final int KEYCLOAK_PORT = 8180;
    private Path keycloakHome;
    private Keycloak keycloak;

    /** The state now, read from the running services, with fresh tokens; 1 when the stack is not running. */
    int status() throws Exception {
        for (Service service : SERVICES) {
            if (status(service.managementUrl() + "/q/health/ready") != 200) {
                System.out.println(service.name() + " is not ready on " + service.managementUrl()
                        + " (not running? ./junheng up)");
                return 1;
            }
        }
        Path ready = home.resolve("stack.ready");
        String infrastructure = Files.exists(ready) ? Files.readAllLines(ready).stream()
                .filter(line -> line.strip().startsWith("infrastructure")).findFirst()
                .map(line -> line.strip().substring("infrastructure".length()).strip().replaceFirst(
                        "; logs in .junheng/logs$", "")).orElse("started by ./junheng up") : "started by ./junheng up";
        String summary = summary(infrastructure, "Junheng 均衡 is running");
        System.out.println(summary.substring(0, summary.lastIndexOf("Ctrl-C")).stripTrailing() + "\n");
        return 0;
    }

    void run() throws Exception {
        Files.createDirectories(home.resolve("logs"));
        Files.deleteIfExists(home.resolve("stack.ready"));
        step("starting Kafka and PostgreSQL");
        LocalInfra.Running infra = LocalInfra.start(home);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping the services and the infrastructure ...");
            stopServices();
            try {
                if (keycloak != null) {
                    keycloak.close();
                }
                infra.close();
            } catch (Exception e) {
                System.err.println("could not stop the infrastructure cleanly: " + e);
            }
            stopped.countDown();
        }));

        Map<String, String> serviceEnv = new java.util.HashMap<>(infra.env());
        if (keycloakHome != null) {
            step("starting Keycloak on http://127.0.0.1:" + KEYCLOAK_PORT + " (realm junheng, the sample's users)");
            // the realm is imported on the first start and kept: users' passwords and sessions survive a restart
            keycloak = Keycloak.start(keycloakHome, repository, DISTRICT, KEYCLOAK_PORT, CONSOLE.port(), false, 300,
                    36000, home.resolve("logs/keycloak.log"));
            serviceEnv.put("JUNHENG_JWT_ALSO_TRUSTED", keycloak.issuer() + "|" + keycloak.keys());
        }
        for (Service service : SERVICES) {
            step("starting " + service.name() + " on " + service.url());
            processes.add(start(service, serviceEnv));
        }
        for (Service service : SERVICES) {
            waitFor(service.name() + " ready", Duration.ofMinutes(3),
                    () -> status(service.managementUrl() + "/q/health/ready") == 200);
        }
        loadSample();
        step("starting the console on " + CONSOLE.url());
        List<String> consoleProperties = new ArrayList<>(List.of("-Djunheng.console.dev-signin.key-file="
                + repository.resolve("devstack/local-infra/src/main/resources/dev-keys/junheng-dev.private.pem")));
        if (keycloak != null) {
            keycloak.consoleConfig().forEach((key, value) -> consoleProperties.add("-D" + key + "=" + value));
        }
        processes.add(start(CONSOLE, Map.of(), consoleProperties.toArray(String[]::new)));
        waitFor("the console ready", Duration.ofMinutes(2),
                () -> status(CONSOLE.managementUrl() + "/q/health/ready") == 200);
        String summary = summary(infra.description(), String.format("Junheng 均衡 is up in %.0f s",
                (System.nanoTime() - started) / 1e9));
        System.out.println(summary);
        Files.writeString(home.resolve("stack.ready"), summary);
        stopped.await();
    }

    private Process start(Service service, Map<String, String> env, String... properties) throws IOException {
        Path jar = repository.resolve(service.directory()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw package -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + home.resolve("tmp")));
        command.addAll(List.of(properties));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(home.resolve("logs/" + service.name() + ".log").toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    private void stopServices() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ sample

    /**
     * Registers the sample district's schools and imports its statistics — unless they are there already: a used
     * system (schools corrected, tasks worked) starts as it is and is never imported over.
     */
    private void loadSample() throws Exception {
        String intake = SERVICES.get(0).url();
        Path sample = repository.resolve("services/school-intake/src/main/resources/sample");
        JsonNode schools = JSON.readTree(sample.resolve("dadukou-500104-schools.json").toFile());
        JsonNode registered = get(intake + "/api/v1/districts/" + DISTRICT + "/schools");
        String base = SERVICES.get(1).url() + "/api/v1/districts/" + DISTRICT + "/periods/" + PERIOD;
        String firstSchool = schools.get(0).path("schoolCode").asText();
        if (registered.size() > 0 && status(intake + "/api/v1/districts/" + DISTRICT + "/periods/" + PERIOD
                + "/schools/" + firstSchool + "/statistics") == 200) {
            step("the sample district is loaded already (" + registered.size() + " schools, " + PERIOD
                    + " statistics): starting as it is, nothing imported");
            waitFor("the evaluation to catch up", Duration.ofMinutes(2), () -> status(base + "/readiness") == 200);
            return;
        }
        if (registered.size() == 0) {
            step("registering the 32 schools of 大渡口区 (Dadukou)");
            for (JsonNode school : schools) {
                send(HttpRequest.newBuilder(URI.create(intake + "/api/v1/districts/" + DISTRICT + "/schools"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(school))), 201);
            }
        } else {
            step("the sample district is registered already (" + registered.size() + " schools)");
        }
        step("recording 基本均衡 recognition (2014) for the readiness check");
        send(HttpRequest.newBuilder(URI.create(SERVICES.get(1).url() + "/api/v1/districts/" + DISTRICT
                        + "/evaluation-settings")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"basicBalanceRecognisedIn\": 2014}")), 200);
        step("importing the 2024 statistics (dadukou-500104-2024.csv)");
        byte[] csv = Files.readAllBytes(sample.resolve("dadukou-500104-2024.csv"));
        String boundary = "junheng-" + UUID.randomUUID();
        byte[] body = multipart(boundary, "dadukou-500104-2024.csv", csv);
        send(HttpRequest.newBuilder(URI.create(intake + "/api/v1/districts/" + DISTRICT + "/periods/" + PERIOD
                        + "/imports")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                200);

        waitFor("evaluation of the district", Duration.ofMinutes(2), () -> status(base + "/readiness") == 200);
        int findings = get(SERVICES.get(1).url() + "/api/v1/findings?district=" + DISTRICT + "&status=OPEN").size();
        waitFor("a rectification task per finding (" + findings + ")", Duration.ofMinutes(2),
                () -> quietly(() -> get(SERVICES.get(2).url() + "/api/v1/tasks?district=" + DISTRICT).size()
                        >= findings));
        waitFor("the notices", Duration.ofMinutes(2), () -> quietly(() -> get(SERVICES.get(3).url()
                + "/api/v1/notices?district=" + DISTRICT + "&kind=FINDINGS_DIGEST").size() >= 1));
    }

    /** A {@code multipart/form-data} body with {@code content} as the form's {@code file} (an import upload). */
    public static byte[] multipart(String boundary, String fileName, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + content.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        System.arraycopy(t, 0, all, h.length + content.length, t.length);
        return all;
    }

    // ------------------------------------------------------------------------------------------------ summary

    private String summary(String infrastructure, String heading) throws Exception {
        String evaluation = SERVICES.get(1).url() + "/api/v1/districts/" + DISTRICT + "/periods/" + PERIOD;
        JsonNode schools = get(SERVICES.get(0).url() + "/api/v1/districts/" + DISTRICT + "/schools");
        JsonNode readiness = get(evaluation + "/readiness");
        JsonNode ledger = get(evaluation + "/ledger");
        JsonNode variations = get(evaluation + "/variation");
        JsonNode tasks = get(SERVICES.get(2).url() + "/api/v1/tasks?district=" + DISTRICT);
        JsonNode notices = get(SERVICES.get(3).url() + "/api/v1/notices?district=" + DISTRICT);

        StringBuilder out = new StringBuilder("\n");
        out.append(String.format("%s — 重庆市大渡口区 (%s), %d%n%n", heading, DISTRICT, PERIOD));
        out.append(keycloak != null
                ? String.format("  console (工作台)   %s   signs in through Keycloak %s: wangdx (王督学), liming (李明"
                        + " 区教委), ganghua (钢花小学) … password junheng (deploy/keycloak/junheng-realm.json)%n%n",
                        CONSOLE.url(), keycloak.issuer())
                : String.format("  console (工作台)   %s   sign in as a sample user (王督学, 李明 区教委, 钢花小学 …)%n%n",
                        CONSOLE.url()));
        out.append(String.format("  schools            %d registered; %d school sections evaluated%n", schools.size(),
                readiness.path("lastRun").path("schoolSections").asInt()));
        out.append(String.format("  ledger (台账)      %d met, %d unmet (standard %s)%n", ledger.path("metLines").asInt(),
                ledger.path("unmetLines").asInt(), ledger.path("standardVersion").asText()));
        List<String> failing = new ArrayList<>();
        for (JsonNode variation : variations) {
            if (!variation.path("met").asBoolean()) {
                failing.add(variation.path("indicator").asText() + " "
                        + variation.path("coefficient").decimalValue().setScale(4, java.math.RoundingMode.HALF_UP)
                        + " > " + variation.path("limit").asText());
            }
        }
        out.append(String.format("  差异系数 (CV)      %d computed; failing: %s%n", variations.size(),
                failing.isEmpty() ? "none" : String.join(", ", failing)));
        out.append(String.format("  readiness          %s%n", readiness.path("ready").asBoolean()
                ? "具备市级验收条件 (ready)" : "尚不具备市级验收条件 (not ready):"));
        for (JsonNode reason : readiness.path("reasons")) {
            out.append("                       - ").append(reason.path("text").asText()).append('\n');
        }
        Map<String, Integer> byDepartment = new TreeMap<>();
        tasks.forEach(task -> byDepartment.merge(task.path("leadDepartmentName").asText(), 1, Integer::sum));
        Map<String, Integer> byStatus = new TreeMap<>();
        tasks.forEach(task -> byStatus.merge(task.path("status").asText(), 1, Integer::sum));
        out.append(String.format("  tasks (整改任务)   %d: %s; %s%n", tasks.size(), byStatus, byDepartment));
        Map<String, Integer> byKind = new TreeMap<>();
        notices.forEach(notice -> byKind.merge(notice.path("notice").path("kind").asText(), 1, Integer::sum));
        out.append(String.format("  notices (通报)     %d: %s%n", notices.size(), byKind));
        Map<String, Integer> parked = new TreeMap<>();
        for (Service service : SERVICES) {
            get(service.url() + "/api/v1/admin/parked-records").forEach(record -> parked.merge(
                    record.path("consumer").asText(), 1, Integer::sum));
        }
        out.append(String.format("  parked records     %s%n%n", parked.isEmpty() ? "none"
                : parked + " — GET /api/v1/admin/parked-records (docs/operations.md)"));
        for (Service service : SERVICES) {
            out.append(String.format("  %-22s %s/q/swagger-ui   health+metrics %s/q%n", service.name(), service.url(),
                    service.managementUrl()));
        }
        out.append("  SSE (office)           ").append(SERVICES.get(3).url())
                .append("/api/v1/notices/stream?district=").append(DISTRICT).append("&audience=SUPERVISION_OFFICE\n");
        out.append("  ledger (XLSX)          ").append(evaluation).append("/ledger.xlsx\n");
        out.append("  supervisor token       ").append(DevTokens.token("dev-supervisor", "王督学", "supervisor",
                List.of(DISTRICT), null, Duration.ofHours(12))).append('\n');
        out.append("  department token (区教委 jw) ").append(DevTokens.token("dev-jw", "区教委", "department",
                List.of(DISTRICT), "jw", Duration.ofHours(12))).append('\n');
        out.append("  more tokens            ./junheng token <role> [district] [dept|school]\n");
        out.append("  infrastructure         ").append(infrastructure).append("; logs in .junheng/logs\n\n");
        out.append("Ctrl-C stops everything (./junheng down when started with -d).\n");
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void step(String what) {
        System.out.printf("[%5.1f s] %s ...%n", (System.nanoTime() - started) / 1e9, what);
    }

    private void waitFor(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        step("waiting for " + what);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + timeout.toSeconds()
                        + " s; see .junheng/logs");
            }
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("a service stopped (exit " + process.exitValue()
                            + "); see .junheng/logs");
                }
            }
            Thread.sleep(500);
        }
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + admin)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + admin).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private void send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + admin)
                        .timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.build().method() + " " + request.build().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    interface Check {
        boolean run() throws Exception;
    }

    private static boolean quietly(Check check) {
        try {
            return check.run();
        } catch (Exception e) {
            return false;
        }
    }
}
