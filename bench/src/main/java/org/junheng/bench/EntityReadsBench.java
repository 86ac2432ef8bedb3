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
 * {@code bench/run entity-reads [requests]}: the read of the data kept through Hibernate Reactive — a district's webhook
 * subscriptions — and, for reference, a district's responsibility matrix and campaign (SQL; they went through
 * Hibernate Reactive for a while, see docs/performance.md) against a running {@code ./junheng up -d}
 * started with {@code JUNHENG_WEBHOOKS_ALLOWED_TARGETS=127.0.0.1:*} (the bench subscribes loopback receivers). Baseline
 * in the same run: a read of the same service that stays on the reactive PG client (the notice list, a task list),
 * so the ratio shows the read's cost beside its neighbour's; the same command on the code before the change gives
 * the other side of "no read got slower". Sequential requests after a warm-up; p50 and p95.
 */
final class EntityReadsBench {

    static final String D = "500104";

    /** The subscriptions' own district: nobody else subscribes there, so every run reads the same twenty. */
    static final String SUBSCRIBING = "510999";

    private EntityReadsBench() {
    }

    record Read(String name, String url, String baselineName, String baselineUrl) {
    }

    static void run(int requests) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = DevTokens.token("u-ddr-03", "王督学", "supervisor", List.of(D, SUBSCRIBING), null,
                Duration.ofHours(1));
        prepare(http, token);
        List<Read> reads = List.of(
                new Read("webhook subscriptions", "http://127.0.0.1:8084/api/v1/webhooks?district=" + SUBSCRIBING,
                        "notice list", "http://127.0.0.1:8084/api/v1/notices?district=" + D + "&limit=20"),
                new Read("campaign", "http://127.0.0.1:8083/api/v1/districts/" + D + "/campaign",
                        "task list", "http://127.0.0.1:8083/api/v1/tasks?district=" + D + "&department=jw"),
                new Read("responsibility matrix", "http://127.0.0.1:8083/api/v1/districts/" + D + "/responsibilities",
                        "task list", "http://127.0.0.1:8083/api/v1/tasks?district=" + D + "&department=jw"));
        Bench.info("| read | p50 ms | p95 ms | baseline | its p50 ms | its p95 ms | p95 ratio |");
        Bench.info("|---|---|---|---|---|---|---|");
        double worst = 0;
        List<String> results = new ArrayList<>();
        for (Read read : reads) {
            HttpRequest ours = get(read.url(), token);
            HttpRequest baseline = get(read.baselineUrl(), token);
            time(http, ours, 50); // warm-up: connections open, the JIT at work
            time(http, baseline, 50);
            double[] oursMs = time(http, ours, requests);
            double[] baselineMs = time(http, baseline, requests);
            double ratio = ConsolePagesBench.percentile(oursMs, 95) / ConsolePagesBench.percentile(baselineMs, 95);
            worst = Math.max(worst, ratio);
            Bench.info("| %s | %.2f | %.2f | %s | %.2f | %.2f | %.2f |", read.name(),
                    ConsolePagesBench.percentile(oursMs, 50), ConsolePagesBench.percentile(oursMs, 95),
                    read.baselineName(), ConsolePagesBench.percentile(baselineMs, 50),
                    ConsolePagesBench.percentile(baselineMs, 95), ratio);
            results.add(String.format(Locale.ROOT, "%.2f", ConsolePagesBench.percentile(oursMs, 95)));
        }
        Bench.info("RESULT scenario=entity-reads requests=%d p95_ms=%s worst_ratio=%.2f", requests,
                String.join(",", results), worst);
    }

    /**
     * Twenty subscriptions — topped up to twenty, so every run reads as many rows — and the district's own campaign
     * and matrix saved (a stored row, not the defaults).
     */
    private static void prepare(HttpClient http, String token) throws Exception {
        String listed = send(http, get("http://127.0.0.1:8084/api/v1/webhooks?district=" + SUBSCRIBING, token), 200)
                .body();
        for (int i = listed.split("\"subscriptionId\"", -1).length - 1; i < 20; i++) {
            send(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:8084/api/v1/webhooks"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"district\": \"" + SUBSCRIBING + "\", \"url\": "
                            + "\"http://127.0.0.1:9/bench-" + i + "\"}")).build(), 201);
        }
        for (String setting : List.of("campaign", "responsibilities")) {
            String url = "http://127.0.0.1:8083/api/v1/districts/" + D + "/" + setting;
            HttpResponse<String> current = send(http, get(url, token), 200);
            send(http, HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("If-Match", current.headers().firstValue("ETag").orElseThrow())
                    .PUT(HttpRequest.BodyPublishers.ofString(current.body())).build(), 200);
        }
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

    private static double[] time(HttpClient http, HttpRequest request, int n) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            send(http, request, 200);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }
}
