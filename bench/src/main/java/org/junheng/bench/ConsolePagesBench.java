package org.junheng.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junheng.infra.DevTokens;

/**
 * {@code bench/run console-pages [requests]}: each console page of the sample district, as a signed-in user loads it,
 * against a running {@code ./junheng up} (console on :8080, services on :8081–8084). Baseline in the same run: the
 * service call that page rests on, made directly with the same user's token — the page's cost over the API it
 * shows. Sequential requests after a warm-up; p50 and p95 per page; the target is p95 < 300 ms.
 */
final class ConsolePagesBench {

    static final String CONSOLE = "http://127.0.0.1:8080";
    static final String D = "500104";

    private ConsolePagesBench() {
    }

    /** A page, the user who opens it, and the service call it rests on. */
    record Case(String page, String user, String role, String unit, String api) {
    }

    static final List<Case> CASES = List.of(
            new Case("/overview", "u-ddr-03", "supervisor", null,
                    "http://127.0.0.1:8082/api/v1/districts/" + D + "/periods/2024/readiness"),
            new Case("/tasks", "u-ddr-03", "supervisor", null, "http://127.0.0.1:8083/api/v1/tasks?district=" + D),
            new Case("/ledger", "u-ddr-03", "supervisor", null,
                    "http://127.0.0.1:8082/api/v1/districts/" + D + "/periods/2024/ledger?ledger=UNMET"),
            new Case("/variation", "u-ddr-03", "supervisor", null,
                    "http://127.0.0.1:8082/api/v1/districts/" + D + "/periods/2024/variation"),
            new Case("/matrix", "u-ddr-03", "supervisor", null,
                    "http://127.0.0.1:8082/api/v1/districts/" + D + "/periods/2024/ledger"),
            new Case("/notices", "u-ddr-03", "supervisor", null,
                    "http://127.0.0.1:8084/api/v1/notices?district=" + D + "&limit=1000"),
            new Case("/my-tasks", "u-jw-17", "department", "jw",
                    "http://127.0.0.1:8083/api/v1/tasks?district=" + D + "&department=jw"),
            new Case("/my-school", "u-2150473309", "school", "2150473309",
                    "http://127.0.0.1:8081/api/v1/districts/" + D + "/periods/2024/schools/2150473309/statistics"),
            new Case("/figures", "u-jw-17", "department", "jw",
                    "http://127.0.0.1:8081/api/v1/districts/" + D + "/periods/2024/county-figures/TEACHER_PAY"));

    static void run(int requests) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, String> cookies = new LinkedHashMap<>();
        double worstRatio = 0;
        double worstP95 = 0;
        List<String> rows = new ArrayList<>();
        for (Case c : CASES) {
            String cookie = cookies.computeIfAbsent(c.user(), user -> signIn(http, user));
            String token = DevTokens.token(c.user(), c.user(), c.role(), List.of(D), c.unit(), Duration.ofHours(1));
            HttpRequest page = HttpRequest.newBuilder(URI.create(CONSOLE + c.page())).header("Cookie", cookie).build();
            HttpRequest api = HttpRequest.newBuilder(URI.create(c.api())).header("Authorization", "Bearer " + token)
                    .build();
            // warm-up: templates compiled, connections open, the JIT at work
            time(http, page, 20);
            time(http, api, 20);
            double[] pageMs = time(http, page, requests);
            double[] apiMs = time(http, api, requests);
            double p95 = percentile(pageMs, 95);
            double apiP95 = percentile(apiMs, 95);
            worstP95 = Math.max(worstP95, p95);
            worstRatio = Math.max(worstRatio, p95 / apiP95);
            rows.add(String.format(Locale.ROOT, "| `%s` | %.1f | %.1f | %.1f | %.1f | %.1f |", c.page(),
                    percentile(pageMs, 50), p95, percentile(apiMs, 50), apiP95, p95 / apiP95));
        }
        Bench.info("| page | p50 ms | p95 ms | its API p50 ms | its API p95 ms | p95 ratio |");
        Bench.info("|---|---|---|---|---|---|");
        rows.forEach(row -> Bench.info("%s", row));
        Bench.info("RESULT scenario=console-pages requests=%d worst_p95_ms=%.1f worst_ratio=%.2f target_p95_ms=300 %s",
                requests, worstP95, worstRatio, worstP95 < 300 ? "MET" : "NOT-MET");
    }

    private static String signIn(HttpClient http, String user) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(CONSOLE + "/signin"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user=" + URLEncoder.encode(user,
                            StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
            String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow(() -> new IllegalStateException(
                    "the console did not sign " + user + " in (" + answer.statusCode() + "): is ./junheng up running?"));
            return setCookie.substring(0, setCookie.indexOf(';'));
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach the console at " + CONSOLE + " (./junheng up -d)", e);
        }
    }

    private static double[] time(HttpClient http, HttpRequest request, int n) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ms[i] = (System.nanoTime() - start) / 1e6;
            // a set nobody submitted yet answers 404, as the page receives it
            if (answer.statusCode() != 200 && answer.statusCode() != 404) {
                throw new IllegalStateException(request.uri() + " answered " + answer.statusCode());
            }
        }
        return ms;
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
