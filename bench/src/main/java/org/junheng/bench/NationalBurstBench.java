package org.junheng.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junheng.contracts.Topics;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.ExpectedVersion;
import org.junheng.eventsourcing.StreamAppend;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.infra.DevTokens;
import org.junheng.infra.PostgresServer;
import org.junheng.infra.TestInfrastructure;
import org.junheng.intake.registry.SchoolRegistry;

/**
 * A nation in one burst, end to end: the four services as processes of their packaged jars (as {@code ./junheng up}
 * runs them) on one fresh broker and one fresh database; 2,900 counties with 200,000 schools registered (seeded into
 * the intake's log, not measured), then every county's year submitted through the intake's import API — one file per
 * county, several counties at once — and measured from the first upload until every county has its 问题清单 notice
 * (FINDINGS_DIGEST) and every relay and consumer has caught up. Sampled each second: each service's log and relay,
 * consumer lag, RSS; each service is profiled with JFR during the burst. Baseline in the same run: as many events as
 * the services wrote, inserted by plain batched INSERTs into one table.
 */
final class NationalBurstBench {

    private static final int PERIOD = 2024;
    private static final int NATION_SCHOOLS = 200_000;
    private static final int UPLOADERS = 8;
    private static final List<String> SERVICES = List.of("school-intake", "indicator-evaluation", "rectification",
            "supervision-notices");
    private static final Map<String, String> SCHEMAS = Map.of("school-intake", "intake", "indicator-evaluation",
            "evaluation", "rectification", "rectification", "supervision-notices", "notices");
    private static final List<String> GROUPS = List.of("indicator-evaluation", "rectification", "supervision-notices");

    private final Path repository = Path.of("").toAbsolutePath();
    private final Path out = repository.resolve("bench/target/national-burst");
    /** Every process, by instance: the service's name, then {@code #} and the replica's number. */
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String admin = DevTokens.admin();
    private final java.util.concurrent.atomic.AtomicInteger uploaded = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.Set<String> digestDistricts = new java.util.HashSet<>();
    private long digestSeq;

    private final int replicas;
    private final int partitions;

    private NationalBurstBench(int replicas, int partitions) {
        this.replicas = replicas;
        this.partitions = partitions;
    }

    /**
     * @param replicas   processes per service (they share the evaluation queue, each consumer group's partitions and
     *                   the uploads, as pods behind a Kubernetes Service would)
     * @param partitions partitions per topic (the local broker's default is one)
     */
    static void run(int counties, int replicas, int partitions) throws Exception {
        new NationalBurstBench(replicas, partitions).burst(counties);
    }

    private void burst(int counties) throws Exception {
        Files.createDirectories(out);
        int schoolsTotal = (int) Math.round((double) NATION_SCHOOLS * counties / 2900);
        TestInfrastructure infra = TestInfrastructure.shared();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.values().forEach(Process::destroyForcibly)));
        if (partitions > 1) {
            try (Admin kafka = Admin.create(kafkaProperties(infra.kafkaBootstrapServers()))) {
                kafka.createTopics(List.of(Topics.SCHOOL_DATA, Topics.EVALUATION, Topics.RECTIFICATION, Topics.NOTICES,
                                Topics.OPERATIONS).stream().map(topic -> new NewTopic(topic, partitions, (short) 1))
                        .toList()).all().get(30, TimeUnit.SECONDS);
            }
        }
        for (String service : SERVICES) {
            for (int replica = 0; replica < replicas; replica++) {
                start(service, replica, infra.quarkusConfig());
            }
        }
        for (String instance : processes.keySet()) {
            awaitReady(instance);
        }
        Bench.info("services ready: %s, %d process(es) each; %d partition(s) per topic (logs in %s)",
                String.join(", ", SERVICES), replicas, partitions, repository.relativize(out));

        PostgresServer.Database database = infra.database();
        Pool intake = BenchDatabase.pool(database, "intake", 4);
        Pool monitor = BenchDatabase.pool(database, "public", 2);
        try (Admin kafka = Admin.create(kafkaProperties(infra.kafkaBootstrapServers()))) {
            // ---- the register (not measured): the SchoolRegistered events the registration API would append
            List<Template> templates = templates();
            List<County> nation = new ArrayList<>(counties);
            for (int c = 0; c < counties; c++) {
                int size = schoolsTotal / counties + (c < schoolsTotal % counties ? 1 : 0);
                nation.add(new County(String.format("%06d", 100000 + c), c, size));
            }
            long seedStarted = System.nanoTime();
            EventStore store = new EventStore(intake);
            List<StreamAppend> batch = new ArrayList<>();
            for (County county : nation) {
                for (int i = 0; i < county.schools(); i++) {
                    Template template = templates.get(i % templates.size());
                    String code = county.schoolCode(i);
                    batch.add(new StreamAppend("school/" + county.district() + "/" + code, SchoolRegistry.STREAM_TYPE,
                            ExpectedVersion.noStream(), List.of(PublishedEvents.toNewEvent(
                                    new SchoolEvent.SchoolRegistered(county.district(), code, template.profile()),
                                    EventMetadata.NONE))));
                    if (batch.size() == 2000) {
                        store.append(intake, batch).await().indefinitely();
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                store.append(intake, batch).await().indefinitely();
            }
            awaitQuiet(monitor, kafka, Duration.ofMinutes(15));
            analyzeLikeAutovacuum(monitor);
            Bench.info("register: %,d counties, %,d schools, seeded and consumed in %.1f s", counties, schoolsTotal,
                    (System.nanoTime() - seedStarted) / 1e9);

            List<byte[]> files = nation.stream().map(county -> county.file(templates)).toList();
            Bench.info("files: %,d, %,d bytes in all; %d uploads at a time", files.size(),
                    files.stream().mapToLong(f -> f.length).sum(), UPLOADERS);

            // ---- the burst
            long seeded = 0;
            for (String service : SERVICES) {
                seeded += monitor.query("select count(*) as n from " + SCHEMAS.get(service) + ".events")
                        .execute().await().indefinitely().iterator().next().getLong("n");
            }
            Snapshot before = snapshot(monitor, kafka, 0);
            long postmaster = postmaster(monitor);
            long[] infraBefore = {postgresTicks(postmaster), brokerTicks(), cpuTicks(ProcessHandle.current().pid())};
            profile("JFR.start", "name=burst", "settings=profile");
            long started = System.nanoTime();
            List<Snapshot> samples = Collections.synchronizedList(new ArrayList<>());
            samples.add(before);
            ExecutorService uploaders = Executors.newFixedThreadPool(UPLOADERS);
            List<Future<Double>> uploads = new ArrayList<>();
            for (int c = 0; c < counties; c++) {
                County county = nation.get(c);
                byte[] file = files.get(c);
                uploads.add(uploaders.submit(() -> upload(county, file, started)));
            }
            uploaders.shutdown();
            Double lastDigest = null;
            double uploadsDone = Double.NaN;
            long lastPrint = 0;
            double lastAnalyze = 0;
            Bench.info("%7s %8s %9s %9s %9s %9s %9s %9s %9s %7s %7s %7s %7s %8s", "t (s)", "uploaded",
                    "intake", "eval log", "rect log", "notc log", "lag eval", "lag rect", "lag notc", "rss in",
                    "rss ev", "rss re", "rss no", "问题清单");
            while (true) {
                Thread.sleep(1000);
                double t = (System.nanoTime() - started) / 1e9;
                Snapshot now = snapshot(monitor, kafka, t);
                samples.add(now);
                if (Double.isNaN(uploadsDone) && uploaders.isTerminated()) {
                    uploadsDone = t;
                }
                if (lastDigest == null && now.digests() >= counties) {
                    lastDigest = t;
                }
                if (t - lastAnalyze >= 15) {
                    lastAnalyze = t;
                    analyzeLikeAutovacuum(monitor);
                }
                if (t - lastPrint >= (counties > 1000 ? 5 : 2)) {
                    lastPrint = (long) t;
                    print(now);
                }
                if (lastDigest != null && now.quiet() && uploaders.isTerminated()) {
                    break;
                }
                if (t > 3600) {
                    throw new IllegalStateException("the burst did not settle within an hour");
                }
            }
            double total = (System.nanoTime() - started) / 1e9;
            long[] infraAfter = {postgresTicks(postmaster), brokerTicks(), cpuTicks(ProcessHandle.current().pid())};
            profile("JFR.stop", "name=burst", "filename=" + out.resolve("%s.jfr"));
            List<Double> uploadSeconds = new ArrayList<>();
            for (Future<Double> upload : uploads) {
                uploadSeconds.add(upload.get());
            }
            Snapshot after = samples.get(samples.size() - 1);
            print(after);
            Row made = monitor.query("select (select count(*) from rectification.tasks) as tasks, "
                    + "(select count(*) from notices.notices) as notices").execute().await().indefinitely()
                    .iterator().next();
            Bench.info("tasks opened: %,d; notices issued: %,d", made.getLong("tasks"), made.getLong("notices"));
            report(counties, schoolsTotal, before, after, samples, uploadSeconds, uploadsDone, lastDigest, total);
            Bench.info("  beside them        PostgreSQL CPU %.1f s, the broker %.1f s, this bench %.1f s (uploads,"
                            + " sampling) — %.0f core-seconds in all were there", (infraAfter[0] - infraBefore[0])
                            / (double) clockTicks(), (infraAfter[1] - infraBefore[1]) / (double) clockTicks(),
                    (infraAfter[2] - infraBefore[2]) / (double) clockTicks(),
                    total * Runtime.getRuntime().availableProcessors());

            long events = 0;
            for (String service : SERVICES) {
                events += monitor.query("select count(*) as n from " + SCHEMAS.get(service) + ".events")
                        .execute().await().indefinitely().iterator().next().getLong("n");
            }
            events -= seeded;
            double averagePayload = monitor.query("select avg(octet_length(payload::text)) as bytes from ("
                            + SERVICES.stream().map(s -> "select payload from " + SCHEMAS.get(s) + ".events")
                            .collect(Collectors.joining(" union all ")) + ") as all_events").execute()
                    .await().indefinitely().iterator().next().getDouble("bytes");
            double baseline = baselineInserts(monitor, events, (int) averagePayload);
            Bench.info("baseline: %,d events of %.0f bytes by plain batched INSERTs in %.1f s", events,
                    averagePayload, baseline);
            Bench.info("target: the nation end to end in <= 60 s: %s (%.1f s)", total <= 60 ? "met" : "NOT met", total);
            Bench.result("national-burst", events / total, events / baseline);
        } finally {
            intake.closeAndAwait();
            monitor.closeAndAwait();
            for (Process process : processes.values()) {
                process.destroy();
            }
            for (Process process : processes.values()) {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the burst

    /** One county's upload; answers the seconds since the burst started when it was accepted. */
    private double upload(County county, byte[] file, long started) throws Exception {
        String boundary = "junheng-" + UUID.randomUUID();
        byte[] body = org.junheng.infra.Stack.multipart(boundary, county.district() + "-" + PERIOD + ".csv", file);
        // the uploads spread over the intake's replicas, as a Kubernetes Service spreads requests
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(
                        "school-intake#" + county.index() % replicas)
                                + "/api/v1/districts/" + county.district() + "/periods/" + PERIOD + "/imports"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import of " + county.district() + ": " + response.statusCode() + " "
                    + response.body());
        }
        JsonNode summary = PublishedEvents.JSON.readTree(response.body());
        if (summary.path("submitted").asInt() != county.schools()) {
            throw new IllegalStateException("import of " + county.district() + " submitted " + response.body());
        }
        uploaded.incrementAndGet();
        return (System.nanoTime() - started) / 1e9;
    }

    /** What the services have done so far, read from their tables, the broker and /proc. */
    private record Snapshot(double t, Map<String, Long> logs, Map<String, Long> published,
                            Map<String, Boolean> relayBehind, Map<String, Long> lags, Map<String, Long> rss,
                            Map<String, Long> cpuTicks, long uploaded, long digests) {
        boolean quiet() {
            return !relayBehind.containsValue(true) && lags.values().stream().allMatch(lag -> lag == 0);
        }
    }

    private Snapshot snapshot(Pool pool, Admin kafka, double t) throws Exception {
        Map<String, Long> logs = new LinkedHashMap<>();
        Map<String, Long> published = new LinkedHashMap<>();
        Map<String, Boolean> behind = new LinkedHashMap<>();
        for (String service : SERVICES) {
            // the log's last position (positions have gaps only where a transaction rolled back); behind: an event
            // past the relay's checkpoint in feed order, as the relay lag gauge asks (EventLogLifecycle)
            String schema = SCHEMAS.get(service);
            Row row = pool.query("select (select coalesce(max(global_position), 0) from " + schema + ".events) as events,"
                    + " (select coalesce(sum(published), 0) from " + schema + ".relay_checkpoints) as published,"
                    + " (select transaction_id::text from " + schema + ".relay_checkpoints limit 1) as tx,"
                    + " (select global_position from " + schema + ".relay_checkpoints limit 1) as position")
                    .execute().await().indefinitely().iterator().next();
            // behind: an event past the relay's checkpoint in feed order, as the relay reads (its index); asked as
            // a simple query, planned with its values — a join of the two tables was a scan of the log each second
            String tx = row.getString("tx");
            String after = tx == null ? "true" : "(transaction_id, global_position) > ('" + tx + "'::xid8, "
                    + row.getLong("position") + ")";
            boolean relayBehind = pool.query("select exists (select 1 from " + schema + ".events where " + after
                            + " order by transaction_id, global_position limit 1) as behind").execute().await()
                    .indefinitely().iterator().next().getBoolean("behind");
            logs.put(service, row.getLong("events"));
            published.put(service, row.getLong("published"));
            behind.put(service, relayBehind);
        }
        // the digests issued since the last look (seq is the notices' feed order): cheap at any size
        pool.query("select seq, district_code from notices.notices where seq > " + digestSeq
                        + " and kind = 'FINDINGS_DIGEST' order by seq").execute().await().indefinitely().forEach(row -> {
                    digestSeq = Math.max(digestSeq, row.getLong("seq"));
                    digestDistricts.add(row.getString("district_code"));
                });
        Map<String, Long> lags = new LinkedHashMap<>();
        for (String group : GROUPS) {
            lags.put(group, lag(kafka, group));
        }
        Map<String, Long> rss = new LinkedHashMap<>();
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (String service : SERVICES) {
            // the largest replica's RSS (each is its own pod), all replicas' CPU
            rss.put(service, instances(service).stream().mapToLong(p -> procStatus(p.pid(), "VmRSS:")).max()
                    .orElse(0));
            cpu.put(service, instances(service).stream().mapToLong(p -> cpuTicks(p.pid())).sum());
        }
        return new Snapshot(t, logs, published, behind, lags, rss, cpu, uploaded.get(), digestDistricts.size());
    }

    /**
     * What autovacuum would do (off on the development machine's server, on in production): ANALYZE each of the
     * services' tables changed by more than 50 rows + 10 % since its last analysis. Without statistics the planner
     * guesses a stream read finds a fifth of the log and scans it.
     */
    private static void analyzeLikeAutovacuum(Pool pool) {
        List<String> tables = new ArrayList<>();
        pool.query("select quote_ident(schemaname) || '.' || quote_ident(relname) as t from pg_stat_user_tables"
                        + " where schemaname in ('intake', 'evaluation', 'rectification', 'notices')"
                        + " and n_mod_since_analyze > 50 + 0.1 * greatest(n_live_tup, 0)").execute().await()
                .indefinitely().forEach(row -> tables.add(row.getString("t")));
        if (!tables.isEmpty()) {
            pool.query("analyze " + String.join(", ", tables)).execute().await().indefinitely();
        }
    }

    private static long lag(Admin kafka, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        // a partition assigned but never committed lags by all it holds (the consumers start from the earliest)
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        kafka.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group).members()
                .forEach(member -> member.assignment().topicPartitions()
                        .forEach(partition -> latest.put(partition, OffsetSpec.latest())));
        var ends = kafka.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (TopicPartition partition : latest.keySet()) {
            OffsetAndMetadata offset = committed.get(partition);
            lag += Math.max(0, ends.get(partition).offset() - (offset == null ? 0 : offset.offset()));
        }
        return lag;
    }

    private void awaitQuiet(Pool pool, Admin kafka, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Snapshot previous = null;
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            Snapshot now = snapshot(pool, kafka, 0);
            // quiet twice in a row with nothing new: a consumer group that had not committed yet counts as quiet once
            if (now.quiet() && previous != null && previous.quiet() && now.logs().equals(previous.logs())
                    && kafka.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).collect(Collectors.toSet()).containsAll(GROUPS)) {
                return;
            }
            previous = now;
        }
        throw new IllegalStateException("the services did not settle in " + timeout);
    }

    // ------------------------------------------------------------------------------------------------ report

    private static void print(Snapshot s) {
        Bench.info("%7.1f %8d %9d %9d %9d %9d %9d %9d %9d %7d %7d %7d %7d %8d", s.t(), s.uploaded(),
                s.logs().get("school-intake"), s.logs().get("indicator-evaluation"), s.logs().get("rectification"),
                s.logs().get("supervision-notices"), s.lags().get("indicator-evaluation"), s.lags().get("rectification"),
                s.lags().get("supervision-notices"), s.rss().get("school-intake") >> 10,
                s.rss().get("indicator-evaluation") >> 10, s.rss().get("rectification") >> 10,
                s.rss().get("supervision-notices") >> 10, s.digests());
    }

    private void report(int counties, int schools, Snapshot before, Snapshot after, List<Snapshot> samples,
                        List<Double> uploadSeconds, double uploadsDone, Double lastDigest, double total) {
        Bench.info("");
        Bench.info("national burst: %,d counties, %,d schools; %d process(es) per service, %d partition(s) per topic",
                counties, schools, replicas, partitions);
        Bench.info("  uploads accepted   %,d in %.1f s (%.0f schools/s through the import API)", uploadSeconds.size(),
                uploadsDone, schools / uploadsDone);
        Bench.info("  last 问题清单       %.1f s after the first upload (every county's FINDINGS_DIGEST notice)",
                lastDigest);
        Bench.info("  all caught up      %.1f s (every relay published, every consumer group at lag 0)", total);
        Bench.info("  per service: events written in the burst, busy window (first to last new event), log and"
                + " relay throughput, CPU, peak RSS");
        long ticks = clockTicks();
        for (String service : SERVICES) {
            long written = after.logs().get(service) - before.logs().get(service);
            long relayed = after.published().get(service) - before.published().get(service);
            double first = Double.NaN;
            double last = Double.NaN;
            for (int i = 1; i < samples.size(); i++) {
                if (samples.get(i).logs().get(service) > samples.get(i - 1).logs().get(service)) {
                    if (Double.isNaN(first)) {
                        first = samples.get(i - 1).t();
                    }
                    last = samples.get(i).t();
                }
            }
            double window = Double.isNaN(first) ? Double.NaN : Math.max(1, last - first);
            double cpu = (double) (after.cpuTicks().get(service) - before.cpuTicks().get(service)) / ticks;
            long peak = samples.stream().mapToLong(s -> s.rss().get(service)).max().orElse(0);
            long hwm = instances(service).stream().mapToLong(p -> procStatus(p.pid(), "VmHWM:")).max().orElse(0);
            Bench.info("  %-20s %,9d events  %5.1f–%5.1f s  log %,7.0f/s  relay %,9d (%,7.0f/s)  CPU %5.1f s"
                            + "  RSS peak %4d MB (burst) %4d MB (process)", service, written, first, last,
                    written / window, relayed, relayed / window, cpu, peak >> 10, hwm >> 10);
        }
        for (String service : SERVICES) {
            try {
                hotMethods(service, instances(service).stream().map(p -> out.resolve(p.pid() + ".jfr")).toList());
            } catch (IOException e) {
                Bench.info("  (no profile for %s: %s)", service, e.getMessage());
            }
        }
    }

    /**
     * The methods where a service's replicas spent their samples (self), and the Junheng code they ran under (first
     * frame).
     */
    private static void hotMethods(String service, List<Path> recordings) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        List<RecordedEvent> events = new ArrayList<>();
        for (Path recording : recordings) {
            events.addAll(RecordingFile.readAllEvents(recording));
        }
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            frames.stream().map(NationalBurstBench::name).filter(n -> n.startsWith("org.junheng.")).findFirst()
                    .ifPresent(n -> ours.merge(n, 1, Integer::sum));
        }
        Bench.info("  profile %s: %,d samples (JFR, %s)", service, samples,
                recordings.stream().map(r -> r.getFileName().toString()).collect(Collectors.joining(", ")));
        print("self", self, samples);
        print("under", ours, samples);
    }

    private static void print(String label, Map<String, Integer> counts, int samples) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(8).forEach(e -> Bench.info("    %-5s %5.1f%%  %s", label, 100.0 * e.getValue() / samples,
                        e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    // ------------------------------------------------------------------------------------------------ baseline

    /** The floor PostgreSQL sets: {@code events} rows of {@code bytes} of JSON, 1,000 per INSERT, on one connection. */
    private static double baselineInserts(Pool pool, long events, int bytes) {
        pool.query("drop table if exists public.baseline_events; create table public.baseline_events ("
                + "position bigserial primary key, stream_id text not null, payload jsonb not null)")
                .execute().await().indefinitely();
        String padding = "x".repeat(Math.max(0, bytes - 40));
        long started = System.nanoTime();
        for (long done = 0; done < events; done += 1000) {
            int n = (int) Math.min(1000, events - done);
            String[] streams = new String[n];
            String[] payloads = new String[n];
            for (int i = 0; i < n; i++) {
                streams[i] = "baseline/" + (done + i);
                payloads[i] = "{\"n\":" + (done + i) + ",\"text\":\"" + padding + "\"}";
            }
            pool.preparedQuery("insert into public.baseline_events (stream_id, payload) "
                    + "select * from unnest($1::text[], $2::text[]::jsonb[])").execute(Tuple.of(streams, payloads))
                    .await().indefinitely();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    // ------------------------------------------------------------------------------------------------ the nation

    private record Template(String code, SchoolProfile profile, List<String> rows) {
    }

    private record County(String district, int index, int schools) {
        String schoolCode(int i) {
            return String.format("3%04d%05d", index, i);
        }

        /** The county's year: the sample's rows of template school i % 32 under this county's codes. */
        byte[] file(List<Template> templates) {
            StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
            for (int i = 0; i < schools; i++) {
                Template template = templates.get(i % templates.size());
                for (String row : template.rows()) {
                    csv.append(schoolCode(i)).append(row.substring(template.code().length())).append("\r\n");
                }
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String HEADER;

    /** The Dadukou sample's 32 schools: profile and statistics rows. */
    private static List<Template> templates() throws IOException {
        List<String> lines = resource("/sample/dadukou-500104-2024.csv").replace("\uFEFF", "").lines()
                .filter(line -> !line.isBlank()).toList();
        HEADER = lines.get(0);
        JsonNode profiles = PublishedEvents.JSON.readTree(resource("/sample/dadukou-500104-schools.json"));
        List<Template> templates = new ArrayList<>();
        for (JsonNode school : profiles) {
            String code = school.get("schoolCode").asText();
            List<String> rows = lines.subList(1, lines.size()).stream().filter(r -> r.startsWith(code + ",")).toList();
            if (!rows.isEmpty()) {
                templates.add(new Template(code, PublishedEvents.JSON.treeToValue(school.get("profile"),
                        SchoolProfile.class), rows));
            }
        }
        return templates;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = NationalBurstBench.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------------------------------------ processes

    /** A service as ./junheng up runs it (heap, collector), on free ports, with the run's broker and database. */
    private void start(String service, int replica, Map<String, String> config) throws IOException {
        Path jar = repository.resolve("services/" + service + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: bench/run national-burst packages the services");
        }
        String instance = service + "#" + replica;
        ports.put(instance, freePort());
        managementPorts.put(instance, freePort());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + out,
                "-Dquarkus.http.port=" + ports.get(instance),
                "-Dquarkus.management.port=" + managementPorts.get(instance)));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        // JUNHENG_BENCH_SERVICE_OPTS: JVM options for every service, to try a setting without a rebuild
        String more = System.getenv("JUNHENG_BENCH_SERVICE_OPTS");
        if (more != null && !more.isBlank()) {
            command.addAll(List.of(more.strip().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        String log = replica == 0 ? service + ".log" : service + "-" + (replica + 1) + ".log";
        processes.put(instance, new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(out.resolve(log).toFile())).start());
    }

    private void awaitReady(String instance) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!processes.get(instance).isAlive()) {
                throw new IllegalStateException(instance + " exited; see its log in " + out);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPorts.get(instance)
                        + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(instance + " not ready in 3 minutes; see its log in " + out);
    }

    private String url(String instance) {
        return "http://127.0.0.1:" + ports.get(instance);
    }

    /** The service's processes, one per replica. */
    private List<Process> instances(String service) {
        return processes.entrySet().stream().filter(e -> e.getKey().startsWith(service + "#"))
                .map(Map.Entry::getValue).toList();
    }

    /** {@code jcmd <pid> <command>} for every service; {@code %s} in an argument becomes the pid. */
    private void profile(String command, String... arguments) throws Exception {
        for (Process process : processes.values()) {
            List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                    .toString(), Long.toString(process.pid()), command));
            for (String argument : arguments) {
                line.add(argument.replace("%s", Long.toString(process.pid())));
            }
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.resolve("jcmd.log").toFile())).start();
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed; see " + out.resolve("jcmd.log"));
            }
        }
    }

    private static Properties kafkaProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return properties;
    }

    /** kB from /proc/<pid>/status. */
    private static long procStatus(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith(field)).findFirst()
                    .map(line -> Long.parseLong(line.substring(field.length()).replace("kB", "").strip()))
                    .orElse(0L);
        } catch (IOException gone) {
            return 0;
        }
    }

    /** User and system CPU of the process so far, in clock ticks (/proc/<pid>/stat fields 14 and 15). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException gone) {
            return 0;
        }
    }

    /** The PostgreSQL server's main process: the parent of this connection's backend. */
    private static long postmaster(Pool pool) {
        long backend = pool.query("select pg_backend_pid() as pid").execute().await().indefinitely().iterator().next()
                .getInteger("pid");
        return procStatus(backend, "PPid:");
    }

    /**
     * The server's CPU so far: the postmaster's own, its live backends', and that of the backends that ended (the
     * postmaster waited for them: /proc/<pid>/stat fields 16 and 17).
     */
    private static long postgresTicks(long postmaster) {
        long ticks = 0;
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.filter(e -> e.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(entry.getFileName().toString());
                    if (pid == postmaster) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                                + Long.parseLong(fields[14]);
                    } else if (Long.parseLong(fields[1]) == postmaster) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended while listed
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    /** The Kafka broker's CPU so far: the JVM this bench started for it (under its watchdog shell). */
    private long brokerTicks() {
        return ProcessHandle.current().descendants()
                .filter(child -> processes.values().stream().noneMatch(p -> p.pid() == child.pid()))
                .filter(child -> child.info().commandLine().orElse("").contains("kafka"))
                .mapToLong(child -> cpuTicks(child.pid())).sum();
    }

    private static long clockTicks() {
        return 100; // USER_HZ on Linux
    }

    private static int freePort() {
        return org.junheng.infra.Ports.free();
    }
}
