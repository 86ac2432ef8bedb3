package org.junheng.bench;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junheng.contracts.schooldata.SchoolEvent;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.ExpectedVersion;
import org.junheng.eventsourcing.StreamAppend;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.intake.importing.ImportDesk;
import org.junheng.intake.registry.SchoolRegistry;

/**
 * A 1,000-school district file (the Dadukou sample's rows repeated under new school codes, about 1,100 section rows)
 * imported through the intake's {@link ImportDesk}: parse, check every rule, append all events in one statement.
 * Baseline: inserting the same 1,000 statistics payloads as plain {@code jsonb} rows, batched, on the same database.
 */
final class IntakeImportBench {

    private static final String DISTRICT = "500104";
    private static final int SCHOOLS = 1000;

    private IntakeImportBench() {
    }

    static void run() throws Exception {
        Pool pool = BenchDatabase.freshSchema("bench_import", 4);
        pool.query("create table baseline_forms (school_code text primary key, payload jsonb not null)")
                .execute().await().indefinitely();
        EventStore store = new EventStore(pool);
        SchoolRegistry registry = new SchoolRegistry(store);
        ImportDesk desk = new ImportDesk(store, registry);

        String sample = resource("/sample/dadukou-500104-2024.csv").replace("\uFEFF", "");
        List<String> lines = sample.lines().filter(line -> !line.isBlank()).toList();
        String header = lines.get(0);
        List<String> rows = lines.subList(1, lines.size());
        List<String> sampleCodes = rows.stream().map(r -> r.substring(0, r.indexOf(','))).distinct().toList();
        var profiles = PublishedEvents.JSON.readTree(resource("/sample/dadukou-500104-schools.json"));

        // 1,000 schools: copy k of sample school j gets code 29 + 4-digit k + 4-digit j
        StringBuilder csv = new StringBuilder("\uFEFF").append(header).append("\r\n");
        List<StreamAppend> registrations = new ArrayList<>();
        int schools = 0;
        for (int copy = 0; schools < SCHOOLS; copy++) {
            for (int j = 0; j < sampleCodes.size() && schools < SCHOOLS; j++, schools++) {
                String original = sampleCodes.get(j);
                String code = String.format("29%04d%04d", copy, j);
                for (String row : rows) {
                    if (row.startsWith(original + ",")) {
                        csv.append(code).append(row.substring(original.length())).append("\r\n");
                    }
                }
                SchoolProfile profile = PublishedEvents.JSON.treeToValue(findProfile(profiles, original).get("profile"),
                        SchoolProfile.class);
                registrations.add(new StreamAppend("school/" + DISTRICT + "/" + code, SchoolRegistry.STREAM_TYPE,
                        ExpectedVersion.noStream(), List.of(PublishedEvents.toNewEvent(
                                new SchoolEvent.SchoolRegistered(DISTRICT, code, profile), EventMetadata.NONE))));
            }
        }
        store.append(pool, registrations).await().indefinitely();
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        Bench.info("file: %,d schools, %,d bytes", SCHOOLS, file.length);

        // warm-up: three imports into earlier periods, removed again before the measured one
        for (int i = 0; i < 3; i++) {
            desk.importFile(DISTRICT, 2023 - i, file, "warm-up.csv", null, true, code -> true, EventMetadata.NONE)
                    .await().indefinitely();
        }
        pool.query("delete from events where stream_id like 'statistics/%'").execute().await().indefinitely();

        long started = System.nanoTime();
        ImportDesk.Summary summary = desk.importFile(DISTRICT, 2024, file, "district-2024.csv", null, false,
                code -> true, EventMetadata.NONE).await().indefinitely();
        double oursSeconds = (System.nanoTime() - started) / 1e9;
        if (summary.submitted() != SCHOOLS) {
            throw new IllegalStateException("expected " + SCHOOLS + " submissions, got " + summary);
        }
        Bench.info("import           %,d schools (%,d sections) in %.2f s", SCHOOLS, summary.sections(), oursSeconds);

        long reimportStarted = System.nanoTime();
        ImportDesk.Summary again = desk.importFile(DISTRICT, 2024, file, "district-2024.csv", null, false,
                code -> true, EventMetadata.NONE).await().indefinitely();
        Bench.info("re-import        %,d unchanged in %.2f s", again.unchanged(), (System.nanoTime() - reimportStarted) / 1e9);

        List<String> payloads = pool.query("select stream_id, payload::text as p from events where stream_id like 'statistics/%'")
                .execute().await().indefinitely().stream().map(r -> r.getString("p")).toList();
        long baselineStarted = System.nanoTime();
        List<Tuple> tuples = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            tuples.add(Tuple.of("s" + i, payloads.get(i)));
        }
        pool.preparedQuery("insert into baseline_forms values ($1, $2::text::jsonb)").executeBatch(tuples)
                .await().indefinitely();
        double baselineSeconds = (System.nanoTime() - baselineStarted) / 1e9;
        Bench.info("baseline insert  %,d payloads in %.2f s", payloads.size(), baselineSeconds);
        pool.closeAndAwait();
        Bench.result("intake-import", SCHOOLS / oursSeconds, SCHOOLS / baselineSeconds);
    }

    private static com.fasterxml.jackson.databind.JsonNode findProfile(com.fasterxml.jackson.databind.JsonNode all,
                                                                       String code) {
        for (var school : all) {
            if (school.get("schoolCode").asText().equals(code)) {
                return school;
            }
        }
        throw new IllegalStateException("no profile for " + code);
    }

    private static String resource(String path) {
        try (InputStream in = IntakeImportBench.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
