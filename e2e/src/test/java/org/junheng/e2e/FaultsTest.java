package org.junheng.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Faults during a burst, end to end, with the packaged services as processes on a broker and a PostgreSQL of the
 * test's own: the broker killed with -9 and restarted, PostgreSQL restarted, each service killed with -9 in turn —
 * and two replicas of every service at once. After each, the districts loaded during the fault must be exactly what a
 * clean run makes of the same input (ledger, findings, tasks, notices: nothing lost, nothing twice) and nothing may be
 * parked.
 */
class FaultsTest {

    static final String CLEAN = "500101";
    static final int FINDINGS = 19;

    @Test
    void theBrokerPostgresAndEachServiceFailDuringABurstAndTheOutcomeIsACleanRuns() throws Exception {
        try (PrivateInfrastructure infra = new PrivateInfrastructure("faults");
             Cluster cluster = new Cluster(infra.quarkusConfig(), 1, "faults-logs")) {
            cluster.startAll();
            load(cluster.url("school-intake"), CLEAN);
            PipelineState clean = settle(cluster, CLEAN, null);
            Map<String, String> checksums = new LinkedHashMap<>();
            checksums.put("clean run", clean.checksum());

            burst(cluster, List.of("500102", "500103"), infra::killAndRestartBroker, clean, checksums,
                    "kill -9 Kafka");
            // down for longer than the 60 s after which the Kafka connector would by default fail a consumer whose
            // record waits: the consumers wait the outage out and go on
            burst(cluster, List.of("500104", "500105"), () -> infra.restartPostgres(Duration.ofSeconds(70)), clean,
                    checksums, "PostgreSQL down for 70 s");
            int next = 500106;
            for (String service : Cluster.SERVICES) {
                List<String> districts = List.of(String.valueOf(next++), String.valueOf(next++));
                burst(cluster, districts, () -> {
                    try {
                        cluster.kill(service);
                        cluster.start(service);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, clean, checksums, "kill -9 " + service);
            }
            // nothing the faults replayed changed what was there before them
            assertEquals(clean, PipelineState.of(cluster, CLEAN), "the clean district is as it was");
            PipelineState.assertNothingParked(cluster);
            System.out.println("FaultsTest checksums: " + checksums);
        }
    }

    @Test
    void twoReplicasOfEveryServiceShareABurstAndTheSchedulersActOncePerDueItem() throws Exception {
        Map<String, String> config;
        try (PrivateInfrastructure infra = new PrivateInfrastructure("replicas")) {
            config = new LinkedHashMap<>(infra.quarkusConfig());
            // the schedulers (deadline watch, acknowledgement follow-ups, monthly bulletins) run every second, so that
            // both replicas race for every due item
            config.put("junheng.rectification.deadline-interval", "PT1S");
            config.put("junheng.notices.ack.check", "PT1S");
            config.put("junheng.notices.ack.resend-after", "PT2S");
            config.put("junheng.notices.ack.escalate-after", "PT4S");
            config.put("junheng.notices.bulletin-check", "PT1S");
            try (Cluster cluster = new Cluster(config, 2, "replicas-logs")) {
                cluster.startAll();
                List<String> districts = List.of("500111", "500112", "500113", "500114");
                for (String district : districts) {
                    dueTomorrow(cluster, district);
                }
                // the burst goes through both intake replicas
                List<CompletableFuture<Void>> loads = new ArrayList<>();
                for (int i = 0; i < districts.size(); i++) {
                    String intake = cluster.url("school-intake", i % 2);
                    String district = districts.get(i);
                    loads.add(CompletableFuture.runAsync(() -> load(intake, district)));
                }
                CompletableFuture.allOf(loads.toArray(new CompletableFuture[0])).get();

                // each task was due tomorrow (a 报送 task in 30 days): one reminder each, though two replicas watched
                // every second; every important notice nobody signed for: one reminder, then one escalation — and
                // none more after
                int[] tasks = new int[1];
                await("follow-ups").atMost(Duration.ofMinutes(3)).ignoreExceptions().pollInterval(Duration.ofSeconds(1))
                        .until(() -> {
                            // the readiness says how many 报送 tasks each district gets, once it is evaluated
                            tasks[0] = districts.size() * (FINDINGS + PipelineState.gapTasks(cluster, districts.get(0)));
                            return followUps(infra).equals(List.of(tasks[0], tasks[0], tasks[0], 0, 0));
                        });
                await("no follow-up twice").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20))
                        .until(() -> followUps(infra).equals(List.of(tasks[0], tasks[0], tasks[0], 0, 0)));
                // then every district is what the others are
                PipelineState first = settle(cluster, districts.get(0), null);
                for (String district : districts.subList(1, districts.size())) {
                    assertEquals(first, settle(cluster, district, first), district);
                }
                // this month's bulletin: one per district, though both replicas composed it every second
                try (var connection = infra.connect(); Statement statement = connection.createStatement()) {
                    var rows = statement.executeQuery("select district_code, count(*) from notices.notices"
                            + " where notice->>'kind' = 'BULLETIN' group by district_code order by district_code");
                    Map<String, Integer> bulletins = new LinkedHashMap<>();
                    while (rows.next()) {
                        bulletins.put(rows.getString(1), rows.getInt(2));
                    }
                    Map<String, Integer> once = new LinkedHashMap<>();
                    districts.forEach(district -> once.put(district, 1));
                    assertEquals(once, bulletins);
                }
                // every replica worked: none of them died or fell out of readiness
                assertTrue(cluster.allReady());
                PipelineState.assertNothingParked(cluster);
            }
        }
    }

    /**
     * Due-soon marks, tasks with one, the due-soon notices (the notices service caught up), and how many important
     * notices lack a reminder and an escalation (0 and 0 when each got both, once).
     */
    private static List<Integer> followUps(PrivateInfrastructure infra) throws Exception {
        try (var connection = infra.connect(); Statement statement = connection.createStatement()) {
            var marks = statement.executeQuery("select count(*), count(distinct stream_id) from rectification.events"
                    + " where event_type = 'TaskDueSoon.v1'");
            marks.next();
            int dueSoon = marks.getInt(1);
            int tasksMarked = marks.getInt(2);
            // follow-ups have ids derived from their original: a count per kind equal to the originals' is one each
            var notices = statement.executeQuery("""
                    select count(*) filter (where severity in ('WARNING', 'CRITICAL') and notice->>'title' not like '【%'),
                           count(*) filter (where notice->>'title' like '【请签收】%'),
                           count(*) filter (where notice->>'title' like '【逾期未签收】%'),
                           count(*) filter (where notice->>'kind' = 'REMINDER' and notice->>'title' not like '【%'),
                           -- the office's own notices are resent but never escalated: nobody is above it
                           count(*) filter (where severity in ('WARNING', 'CRITICAL') and notice->>'title' not like '【%'
                               and audience_kind <> 'SUPERVISION_OFFICE')
                    from notices.notices""");
            notices.next();
            int important = notices.getInt(1);
            return List.of(dueSoon, tasksMarked, notices.getInt(4), important - notices.getInt(2),
                    notices.getInt(5) - notices.getInt(3));
        }
    }

    /**
     * Loads the districts at once; runs the fault as soon as their imports are accepted, while the pipeline works on
     * them; then waits until each district is what the clean run made of the same input.
     */
    private static void burst(Cluster cluster, List<String> districts, Runnable fault, PipelineState clean,
                              Map<String, String> checksums, String name) throws Exception {
        List<CompletableFuture<Void>> loads = new ArrayList<>();
        for (String district : districts) {
            loads.add(CompletableFuture.runAsync(() -> load(cluster.url("school-intake"), district)));
        }
        CompletableFuture.allOf(loads.toArray(new CompletableFuture[0])).get();
        fault.run();
        for (String service : Cluster.SERVICES) {
            cluster.awaitReady(service);
        }
        for (String district : districts) {
            PipelineState state = settle(cluster, district, clean);
            checksums.put(name + " " + district, state.checksum());
        }
        PipelineState.assertNothingParked(cluster);
    }

    /**
     * Waits until the district's state is complete and holds still for three seconds; with {@code expected}, until it
     * equals that. Then checks one task per finding and no notice twice.
     */
    private static PipelineState settle(Cluster cluster, String district, PipelineState expected) {
        PipelineState[] last = new PipelineState[1];
        try {
            await(district + " settled").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> {
                        PipelineState now = PipelineState.of(cluster, district);
                        boolean still = now.equals(last[0]);
                        last[0] = now;
                        return now.complete(FINDINGS) && (expected == null ? still : now.equals(expected));
                    });
            await(district + " holds").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500)).until(() -> PipelineState.of(cluster, district)
                            .equals(last[0]));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            if (expected != null && last[0] != null) {
                assertEquals(expected, last[0], district + " is not what a clean run makes of the same input");
            }
            throw e;
        }
        PipelineState.assertOneTaskPerFindingAndNoNoticeTwice(cluster, district);
        return last[0];
    }

    private static void load(String intake, String district) {
        try {
            SampleDistrict.load(intake, district, () -> { });
        } catch (Exception e) {
            throw new IllegalStateException("loading " + district, e);
        }
    }

    /** The district's campaign gives every finding one day: each task is due tomorrow, so a reminder is due now. */
    private static void dueTomorrow(Cluster cluster, String district) {
        String url = cluster.url("rectification") + "/api/v1/districts/" + district + "/campaign";
        var current = Api.getAnswer(url);
        assertEquals(200, current.status(), current.body().toString());
        Map<String, String> headers = Map.of("If-Match", current.etag());
        var answer = Api.put(url, """
                {"phases": [], "hardwareDue": "2020-01-01", "softwareDue": "2020-01-01",
                 "hardwareLeadDays": 1, "softwareLeadDays": 1}""", headers);
        assertEquals(200, answer.status(), answer.body().toString());
    }
}
