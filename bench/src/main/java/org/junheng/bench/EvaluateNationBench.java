package org.junheng.bench;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.evaluation.engine.DistrictInputs;
import org.junheng.evaluation.engine.Evaluator;
import org.junheng.evaluation.engine.SchoolInput;
import org.junheng.evaluation.runs.EvaluationRunner;
import org.junheng.evaluation.runs.PeriodHistory;
import org.junheng.evaluation.runs.RunDecision;
import org.junheng.evaluation.standard.Standard;
import org.junheng.evaluation.standard.StandardCatalog;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.intake.importing.ImportResult;
import org.junheng.intake.importing.ParsedSchool;
import org.junheng.intake.importing.RowMapper;
import org.junheng.intake.importing.SheetReader;

/**
 * A nation evaluated from already-ingested data: 2,900 counties with 200,000 schools in the evaluation's input
 * tables (the Dadukou sample's 32 schools repeated under new codes, about 69 per county), one pending request per
 * county. Measured: the service's {@link EvaluationRunner} working them off (load inputs, fold the log, evaluate,
 * append results, readiness and findings in one transaction per county), with as many runners as cores.
 * Baseline: the pure engine deciding the same counties in memory, no database, same parallelism.
 */
final class EvaluateNationBench {

    private static final int PERIOD = 2024;
    private static final int NATION_SCHOOLS = 200_000;

    private EvaluateNationBench() {
    }

    /** @param runners evaluation runners working concurrently (replicas or threads of the service) */
    static void run(int counties, int runners) throws Exception {
        int schoolsTotal = (int) Math.round((double) NATION_SCHOOLS * counties / 2900);
        int workers = Runtime.getRuntime().availableProcessors();
        Pool pool = BenchDatabase.freshSchema("bench_evaluation", runners + 2);
        // V10 only comments on the service's own schema name
        for (String migration : List.of("V11__evaluation_inputs.sql",
                "V12__evaluation_runs_and_ledger.sql")) {
            pool.query(BenchDatabase.resource("/db/migration/" + migration)).execute().await().indefinitely();
        }
        Standard standard = StandardCatalog.national();
        List<SchoolInput> templates = sampleSchools();

        // ---- ingest (not measured): input rows as the school-data consumer keeps them
        long ingestStarted = System.nanoTime();
        List<DistrictInputs> nation = new ArrayList<>(counties);
        List<String> templateProfiles = templates.stream().map(s -> PublishedEvents.write(s.profile())).toList();
        List<String> templateStatistics = templates.stream().map(s -> PublishedEvents.write(s.statistics())).toList();
        int assigned = 0;
        for (int county = 0; county < counties; county++) {
            int size = schoolsTotal / counties + (county < schoolsTotal % counties ? 1 : 0);
            String district = String.format("%06d", 100000 + county);
            List<SchoolInput> schools = new ArrayList<>(size);
            String[] districts = new String[size];
            String[] codes = new String[size];
            String[] profiles = new String[size];
            String[] statistics = new String[size];
            for (int i = 0; i < size; i++, assigned++) {
                SchoolInput template = templates.get(i % templates.size());
                String code = String.format("3%04d%05d", county, i);
                schools.add(new SchoolInput(code, template.profile(), template.statistics()));
                districts[i] = district;
                codes[i] = code;
                profiles[i] = templateProfiles.get(i % templates.size());
                statistics[i] = templateStatistics.get(i % templates.size());
            }
            nation.add(DistrictInputs.of(district, PERIOD, schools, List.of(), List.of()));
            Tuple rows = Tuple.tuple().addArrayOfString(districts).addArrayOfString(codes)
                    .addArrayOfString(profiles).addArrayOfString(statistics);
            pool.preparedQuery("""
                            insert into input_schools (district_code, school_code, profile, status)
                            select d, c, p::jsonb, 'ACTIVE' from unnest($1::text[], $2::text[], $3::text[])
                                as t(d, c, p)""")
                    .execute(Tuple.tuple().addArrayOfString(districts).addArrayOfString(codes)
                            .addArrayOfString(profiles)).await().indefinitely();
            pool.preparedQuery("""
                            insert into input_statistics (district_code, period, school_code, profile, statistics)
                            select d, 2024, c, p::jsonb, s::jsonb
                            from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as t(d, c, p, s)""")
                    .execute(rows).await().indefinitely();
        }
        pool.query("insert into evaluation_requests (district_code, period, requested_at)"
                        + " select distinct district_code, 2024, now() - interval '1 hour' from input_schools")
                .execute().await().indefinitely();
        pool.query("vacuum analyze").execute().await().indefinitely();
        Bench.info("ingested         %,d counties, %,d schools in %.1f s (not measured)", counties, assigned,
                (System.nanoTime() - ingestStarted) / 1e9);

        // ---- baseline: the pure engine, in memory, same parallelism
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(workers, runners));
        baseline(executor, standard, nation.subList(0, Math.min(50, counties))); // warm-up
        long baselineStarted = System.nanoTime();
        long decided = baseline(executor, standard, nation);
        double baselineSeconds = (System.nanoTime() - baselineStarted) / 1e9;
        Bench.info("baseline engine  %,d counties (%,d events decided) in %.1f s", counties, decided, baselineSeconds);

        // ---- ours: the runners working off the requests against PostgreSQL
        EventStore store = new EventStore(pool);
        long started = System.nanoTime();
        List<Future<Integer>> runs = new ArrayList<>();
        for (int w = 0; w < runners; w++) {
            EvaluationRunner runner = new EvaluationRunner(pool, store, standard, Duration.ofMillis(50), Duration.ZERO);
            runs.add(executor.submit(() -> runner.runAllPending().await().indefinitely().size()));
        }
        int evaluated = 0;
        for (Future<Integer> run : runs) {
            evaluated += run.get();
        }
        double oursSeconds = (System.nanoTime() - started) / 1e9;
        long events = pool.query("select count(*) as n from events").execute().await().indefinitely().iterator().next()
                .getLong("n");
        if (evaluated != counties) {
            throw new IllegalStateException("evaluated " + evaluated + " of " + counties + " counties");
        }
        Bench.info("ours runners     %,d counties, %,d schools, %,d events appended in %.1f s (%d runners)", evaluated,
                assigned, events, oursSeconds, runners);
        Bench.info("ours             %,.0f schools/s; target: a nation in under 60 s", assigned / oursSeconds);
        executor.shutdown();
        pool.closeAndAwait();
        Bench.result("evaluate-nation", assigned / oursSeconds, assigned / baselineSeconds);
    }

    private static long baseline(ExecutorService executor, Standard standard, List<DistrictInputs> nation)
            throws Exception {
        int workers = Runtime.getRuntime().availableProcessors();
        List<Future<Long>> parts = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            parts.add(executor.submit(() -> IntStream.range(0, nation.size()).filter(i -> i % workers == worker)
                    .mapToLong(i -> RunDecision.decide(Evaluator.evaluate(standard, nation.get(i)),
                                    PeriodHistory.empty()).map(append -> (long) append.evaluationEvents().size()
                                    + append.findingEvents().size()).orElse(0L))
                    .sum()));
        }
        long events = 0;
        for (Future<Long> part : parts) {
            events += part.get();
        }
        return events;
    }

    /** The 32 Dadukou schools with their 2024 statistics, read by the intake's own import code. */
    private static List<SchoolInput> sampleSchools() throws Exception {
        byte[] csv = BenchDatabase.resource("/sample/dadukou-500104-2024.csv").getBytes(StandardCharsets.UTF_8);
        ImportResult result = RowMapper.map(SheetReader.read(csv, "dadukou-500104-2024.csv"));
        if (!(result instanceof ImportResult.Parsed parsed)) {
            throw new IllegalStateException("the sample does not parse: " + result);
        }
        var register = PublishedEvents.JSON.readTree(BenchDatabase.resource("/sample/dadukou-500104-schools.json"));
        List<SchoolInput> schools = new ArrayList<>();
        for (ParsedSchool school : parsed.schools()) {
            for (var entry : register) {
                if (entry.get("schoolCode").asText().equals(school.schoolCode())) {
                    schools.add(new SchoolInput(school.schoolCode(), PublishedEvents.JSON.treeToValue(
                            entry.get("profile"), SchoolProfile.class), school.statistics()));
                }
            }
        }
        if (schools.size() != 32) {
            throw new IllegalStateException("expected the 32 sample schools, got " + schools.size());
        }
        return schools;
    }
}
