package org.junheng.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junheng.infra.DevTokens;

/**
 * {@code bench/run notice-streams [subscribers] [total] [districts]}: how long a notice takes to reach the supervision
 * office's open SSE streams (通报推送流), against a running {@code ./junheng up -d} (supervision-notices on :8084).
 * Three runs: a single subscriber (the baseline), {@code subscribers} streams of one district (default 1,000), and
 * {@code total} streams spread over {@code districts} districts (default 5,000 over 100), every district issuing a
 * notice at the same moment. Latency: from the answer to {@code POST /api/v1/notices} (the notice exists) to the
 * notice's {@code data:} line arriving on a stream; also shown from the call being sent. Target: p99 < 1 s; the
 * ratio is p99 over the single subscriber's p99.
 */
final class NoticeStreamsBench {

    static final String NOTICES = "http://127.0.0.1:8084";
    static final String HOME = "500104";
    static final int ROUNDS = 5;
    private static final Pattern MARK = Pattern.compile("bench-[0-9]+-[0-9]+");

    private NoticeStreamsBench() {
    }

    /** One open stream: when it said it was connected, and when each marked notice arrived (nanoTime). */
    static final class Stream implements Flow.Subscriber<String> {
        final String district;
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        private volatile Flow.Subscription subscription;

        Stream(String district) {
            this.district = district;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        /** Hangs up: the next run measures its own streams only. */
        void close() {
            if (subscription != null) {
                subscription.cancel();
            }
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith(":")) {
                connected.complete(null);
            } else if (line.startsWith("data:")) {
                Matcher mark = MARK.matcher(line);
                if (mark.find()) {
                    arrivals.putIfAbsent(mark.group(), System.nanoTime());
                }
            }
        }

        @Override
        public void onError(Throwable failure) {
            connected.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            connected.completeExceptionally(new IllegalStateException("stream of " + district + " ended"));
        }
    }

    static void run(int subscribers, int total, int districts) throws Exception {
        ExecutorService callbacks = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(callbacks)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            double[][] single = measure(http, List.of(HOME), 1, "single");
            double[][] one = measure(http, List.of(HOME), subscribers, "one-district");
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < districts; i++) {
                codes.add(Integer.toString(510000 + i)); // district codes no sample data uses: streams start empty
            }
            double[][] many = measure(http, codes, total / districts, "many-districts");
            double baseline = ConsolePagesBench.percentile(single[0], 99);
            Bench.info("| run | streams | notices received | p50 ms | p99 ms | max ms | p99 ms from the call sent |");
            Bench.info("|---|---|---|---|---|---|---|");
            row("single subscriber (baseline)", 1, single);
            row("one district", subscribers, one);
            row(districts + " districts", total / districts * districts, many);
            double worst = Math.max(ConsolePagesBench.percentile(one[0], 99), ConsolePagesBench.percentile(many[0], 99));
            Bench.info("RESULT scenario=notice-streams streams=%d,%d p99_ms=%.0f,%.0f baseline_p99_ms=%.0f "
                            + "ratio=%.2f target_p99_ms=1000 %s", subscribers, total / districts * districts,
                    ConsolePagesBench.percentile(one[0], 99), ConsolePagesBench.percentile(many[0], 99), baseline, worst / baseline,
                    worst < 1000 ? "MET" : "NOT-MET");
        } finally {
            callbacks.shutdownNow();
        }
    }

    private static void row(String run, int streams, double[][] ms) {
        Bench.info("| %s | %d | %d | %.0f | %.0f | %.0f | %.0f |", run, streams, ms[0].length, ConsolePagesBench.percentile(ms[0], 50),
                ConsolePagesBench.percentile(ms[0], 99), ConsolePagesBench.percentile(ms[0], 100), ConsolePagesBench.percentile(ms[1], 99));
    }

    /** {@code perDistrict} streams for each district, each as the district's supervisor; returns once all are open. */
    private static List<Stream> open(HttpClient http, List<String> districts, int perDistrict) throws Exception {
        List<Stream> streams = new ArrayList<>();
        for (String district : districts) {
            String token = supervisor(district);
            long seen = highestSeq(http, district, token);
            for (int i = 0; i < perDistrict; i++) {
                Stream stream = new Stream(district);
                streams.add(stream);
                // from the district's newest notice on: the history is not what is measured
                http.sendAsync(HttpRequest.newBuilder(URI.create(NOTICES + "/api/v1/notices/stream?district="
                                        + district + "&lastEventId=" + seen))
                                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                                .build(), HttpResponse.BodyHandlers.fromLineSubscriber(stream))
                        .whenComplete((answer, failure) -> {
                            if (failure == null && answer.statusCode() != 200) {
                                stream.onError(new IllegalStateException("stream answered " + answer.statusCode()));
                            }
                        });
            }
        }
        CompletableFuture.allOf(streams.stream().map(s -> s.connected).toArray(CompletableFuture[]::new))
                .get(120, TimeUnit.SECONDS);
        return streams;
    }

    /** Opens the streams, measures, hangs up. */
    private static double[][] measure(HttpClient http, List<String> districts, int perDistrict, String run)
            throws Exception {
        List<Stream> streams = open(http, districts, perDistrict);
        try {
            return measure(http, streams, districts, run);
        } finally {
            streams.forEach(Stream::close);
        }
    }

    /**
     * {@link #ROUNDS} rounds: every district issues one notice at once. For each stream and notice: the time from the
     * issuing call's answer (the notice exists) to its arrival — {@code [0]} — and from the call being sent — {@code
     * [1]}, which adds the time 100 simultaneous issuing calls queue for each other.
     */
    private static double[][] measure(HttpClient http, List<Stream> streams, List<String> districts, String run)
            throws Exception {
        List<Double> fromIssued = new ArrayList<>();
        List<Double> fromSent = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Map<String, Long> sent = new ConcurrentHashMap<>();
            Map<String, Long> answered = new ConcurrentHashMap<>();
            List<CompletableFuture<HttpResponse<String>>> issued = new ArrayList<>();
            for (int d = 0; d < districts.size(); d++) {
                String district = districts.get(d);
                String mark = "bench-" + round + "-" + d;
                sent.put(mark, System.nanoTime());
                issued.add(http.sendAsync(notice(district, mark + " " + run), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((answer, failure) -> answered.put(mark, System.nanoTime())));
            }
            for (CompletableFuture<HttpResponse<String>> answer : issued) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException("issuing a notice answered " + response.statusCode() + ": "
                            + response.body());
                }
            }
            int current = round;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && !streams.stream().allMatch(s -> s.arrivals.containsKey(
                    "bench-" + current + "-" + districts.indexOf(s.district)))) {
                Thread.sleep(20); // polling the client's own counters, not the system under test
            }
            for (Stream stream : streams) {
                String mark = "bench-" + round + "-" + districts.indexOf(stream.district);
                Long arrived = stream.arrivals.get(mark);
                if (arrived == null) {
                    throw new IllegalStateException("a stream of " + stream.district + " never received " + mark);
                }
                // a notice may arrive before the client has handled the call's answer: no negative latency
                fromIssued.add(Math.max(0, arrived - answered.get(mark)) / 1e6);
                fromSent.add((arrived - sent.get(mark)) / 1e6);
            }
        }
        return new double[][] {fromIssued.stream().mapToDouble(Double::doubleValue).toArray(),
                fromSent.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    /** The seq of the district's newest notice, read page by page from the list (oldest first). */
    private static long highestSeq(HttpClient http, String district, String token) throws Exception {
        long after = 0;
        while (true) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(NOTICES
                            + "/api/v1/notices?district=" + district + "&limit=1000&after=" + after))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new IllegalStateException("the notice list answered " + page.statusCode()
                        + ": is ./junheng up -d running?");
            }
            Matcher seq = Pattern.compile("\"seq\":([0-9]+)").matcher(page.body());
            long last = after;
            while (seq.find()) {
                last = Math.max(last, Long.parseLong(seq.group(1)));
            }
            if (last == after) {
                return after;
            }
            after = last;
        }
    }

    private static HttpRequest notice(String district, String title) {
        String body = "{\"district\":\"" + district + "\",\"audience\":{\"kind\":\"DISTRICT\"},"
                + "\"kind\":\"SUPERVISION_ORDER\",\"severity\":\"INFO\",\"title\":\"" + title + "\","
                + "\"body\":\"推送流压力测试 (stream load test)\"}";
        return HttpRequest.newBuilder(URI.create(NOTICES + "/api/v1/notices"))
                .header("Authorization", "Bearer " + supervisor(district)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String supervisor(String district) {
        return DevTokens.token("u-bench-" + district, "压测督学", "supervisor", List.of(district), null,
                Duration.ofHours(1));
    }
}
