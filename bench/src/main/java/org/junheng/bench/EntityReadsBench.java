package org.junheng.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junheng.infra.DevTokens;

/**
 * {@code bench/run entity-reads [requests]}: reads of entity-shaped data and of the read models — a district's webhook
 * subscriptions, the notice list, the task list — against a running {@code ./junheng up -d} started with
 * {@code JUNHENG_WEBHOOKS_ALLOWED_TARGETS=127.0.0.1:*} (the bench subscribes loopback receivers). Made for #22's
 * question whether Hibernate Reactive slows a read (it did, every one: docs/performance.md#entity-reads).
 * <p>
 * Baseline in the same run: the same read from a second instance of the service built from other code, named by
 * {@code JUNHENG_BENCH_BASELINE_NOTICES} and {@code JUNHENG_BENCH_BASELINE_RECTIFICATION} (base URLs; {@code
 * bench/baseline} starts them beside the stack), the two asked in turn — A B, B A, … — so both see the same machine
 * at the same moment. Without them, the baseline is another read of the same service (the scorecard, a finding's
 * timeline). Sequential requests after a warm-up; p50 and p95, and their ratios.
 */
final class EntityReadsBench {

    static final String D = "500104";

    /** The subscriptions' own district: nobody else subscribes there, so every run reads the same twenty. */
    static final String SUBSCRIBING = "510999";

    static final String NOTICES = "http://127.0.0.1:8084";
    static final String RECTIFICATION = "http://127.0.0.1:8083";

    private EntityReadsBench() {
    }

    /** A read: its path on the service, and the baseline it is measured against. */
    record Read(String name, String url, String baselineName, String baselineUrl) {
    }

    static void run(int requests) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = DevTokens.token("u-ddr-03", "王督学", "supervisor", List.of(D, SUBSCRIBING), null,
                Duration.ofHours(1));
        prepare(http, token);
        String baselineNotices = System.getenv("JUNHENG_BENCH_BASELINE_NOTICES");
        String baselineRectification = System.getenv("JUNHENG_BENCH_BASELINE_RECTIFICATION");
        List<Read> reads = new ArrayList<>();
        for (String[] read : new String[][] {
                {"webhook subscriptions", NOTICES, "/api/v1/webhooks?district=" + SUBSCRIBING},
                {"notice list (20)", NOTICES, "/api/v1/notices?district=" + D + "&limit=20"},
                {"notice list (500)", NOTICES, "/api/v1/notices?district=" + D + "&limit=500"},
                {"a department's tasks", RECTIFICATION, "/api/v1/tasks?district=" + D + "&department=jw"},
                {"the district's tasks", RECTIFICATION, "/api/v1/tasks?district=" + D}}) {
            boolean notices = read[1].equals(NOTICES);
            String baseline = notices ? baselineNotices : baselineRectification;
            reads.add(baseline != null
                    ? new Read(read[0], read[1] + read[2], "the same, code before", baseline + read[2])
                    : notices ? new Read(read[0], read[1] + read[2], "a finding's timeline (SQL)",
                            NOTICES + "/api/v1/findings/" + aFinding(http, token) + "/timeline")
                    : new Read(read[0], read[1] + read[2], "the scorecard (SQL)",
                            RECTIFICATION + "/api/v1/districts/" + D + "/scorecard"));
        }
        Bench.info("| read | p50 ms | p95 ms | baseline | its p50 ms | its p95 ms | p50 ratio | p95 ratio |");
        Bench.info("|---|---|---|---|---|---|---|---|");
        double worst = 0;
        List<String> ratios = new ArrayList<>();
        for (Read read : reads) {
            HttpRequest ours = get(read.url(), token);
            HttpRequest baseline = get(read.baselineUrl(), token);
            interleaved(http, ours, baseline, 50); // warm-up: connections open, the JIT at work
            double[][] ms = interleaved(http, ours, baseline, requests);
            double p50 = ConsolePagesBench.percentile(ms[0], 50) / ConsolePagesBench.percentile(ms[1], 50);
            double p95 = ConsolePagesBench.percentile(ms[0], 95) / ConsolePagesBench.percentile(ms[1], 95);
            worst = Math.max(worst, p50);
            Bench.info("| %s | %.2f | %.2f | %s | %.2f | %.2f | %.2f | %.2f |", read.name(),
                    ConsolePagesBench.percentile(ms[0], 50), ConsolePagesBench.percentile(ms[0], 95),
                    read.baselineName(), ConsolePagesBench.percentile(ms[1], 50),
                    ConsolePagesBench.percentile(ms[1], 95), p50, p95);
            ratios.add(String.format(Locale.ROOT, "%.2f", p50));
        }
        Bench.info("RESULT scenario=entity-reads requests=%d baseline=%s p50_ratios=%s worst_p50_ratio=%.2f", requests,
                baselineNotices != null || baselineRectification != null ? "code-before" : "sql-neighbour",
                String.join(",", ratios), worst);
    }

    /** Twenty subscriptions — topped up to twenty, so every run reads as many rows. */
    private static void prepare(HttpClient http, String token) throws Exception {
        String listed = send(http, get(NOTICES + "/api/v1/webhooks?district=" + SUBSCRIBING, token), 200).body();
        for (int i = listed.split("\"subscriptionId\"", -1).length - 1; i < 20; i++) {
            send(http, HttpRequest.newBuilder(URI.create(NOTICES + "/api/v1/webhooks"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"district\": \"" + SUBSCRIBING + "\", \"url\": "
                            + "\"http://127.0.0.1:9/bench-" + i + "\"}")).build(), 201);
        }
    }

    /** The finding of the district's first task. */
    private static String aFinding(HttpClient http, String token) throws Exception {
        String tasks = send(http, get(RECTIFICATION + "/api/v1/tasks?district=" + D, token), 200).body();
        int at = tasks.indexOf("\"findingId\":\"");
        if (at < 0) {
            throw new IllegalStateException("the district has no tasks: is the sample loaded?");
        }
        return tasks.substring(at + 13, tasks.indexOf('"', at + 13));
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + answer.statusCode() + ": " + answer.body() + " (is ./junheng up -d running, with"
                    + " JUNHENG_WEBHOOKS_ALLOWED_TARGETS=127.0.0.1:*?)");
        }
        return answer;
    }

    /** {@code n} timings of each read, asked in turn (A B, then B A, …) so neither always goes first. */
    private static double[][] interleaved(HttpClient http, HttpRequest a, HttpRequest b, int n) throws Exception {
        double[][] ms = new double[2][n];
        for (int i = 0; i < n; i++) {
            boolean aFirst = i % 2 == 0;
            ms[aFirst ? 0 : 1][i] = time(http, aFirst ? a : b);
            ms[aFirst ? 1 : 0][i] = time(http, aFirst ? b : a);
        }
        return ms;
    }

    private static double time(HttpClient http, HttpRequest request) throws Exception {
        long start = System.nanoTime();
        send(http, request, 200);
        return (System.nanoTime() - start) / 1e6;
    }
}
