package org.junheng.bench;

import io.vertx.mutiny.sqlclient.Pool;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.ExpectedVersion;
import org.junheng.eventsourcing.NewEvent;
import org.junheng.eventsourcing.StreamAppend;
import org.junheng.eventsourcing.relay.KafkaRoute;
import org.junheng.eventsourcing.relay.OutboxRelay;
import org.junheng.infra.BrokerClasspath;
import org.junheng.infra.TestInfrastructure;

/**
 * Events/s from the log to Kafka through {@link OutboxRelay} (feed read, CloudEvents mapping, acks, checkpoint),
 * against Kafka's own {@code ProducerPerformance} sending records of the payload's size with the same producer
 * settings to the same broker in the same run.
 */
final class RelayBench {

    private static final int EVENTS = 300_000;
    private static final Map<String, Object> PRODUCER_SETTINGS = Map.of(
            "acks", "all", "enable.idempotence", "true", "linger.ms", "5", "batch.size", "262144",
            "compression.type", "lz4");

    private RelayBench() {
    }

    static void run() throws Exception {
        String bootstrap = TestInfrastructure.shared().kafkaBootstrapServers();
        Pool pool = BenchDatabase.freshSchema("bench_relay", 4);
        EventStore store = new EventStore(pool);
        EventMetadata metadata = new EventMetadata("500104", "bench", null, EventMetadata.Actor.system("bench"), null, null, null);
        int payloadBytes = BenchDatabase.payload(0).getBytes(StandardCharsets.UTF_8).length;
        long fillStarted = System.nanoTime();
        for (int stream = 0; stream < EVENTS / 1000; stream++) {
            List<NewEvent> events = new ArrayList<>(1000);
            for (int i = 0; i < 1000; i++) {
                events.add(NewEvent.of("FindingRaised.v1", BenchDatabase.payload(i), metadata));
            }
            store.append(pool, List.of(new StreamAppend("finding-" + stream, "Finding", ExpectedVersion.noStream(), events)))
                    .await().indefinitely();
        }
        Bench.info("filled the log with %,d events of %d payload bytes in %.1f s", EVENTS, payloadBytes,
                (System.nanoTime() - fillStarted) / 1e9);

        // a relay is a long-running process: measure it with its code compiled, as in production
        relay(pool, bootstrap, "bench-relay-warm-up");
        pool.query("delete from relay_checkpoints").execute().await().indefinitely();
        double ours = relay(pool, bootstrap, "bench-relay-1");
        double baseline = producerPerformance(bootstrap, "bench-baseline-1", payloadBytes);
        // the second round reuses the filled log with a fresh checkpoint and topic
        pool.query("delete from relay_checkpoints").execute().await().indefinitely();
        double ours2 = relay(pool, bootstrap, "bench-relay-2");
        double baseline2 = producerPerformance(bootstrap, "bench-baseline-2", payloadBytes);
        pool.closeAndAwait();
        Bench.result("relay", (ours + ours2) / 2, (baseline + baseline2) / 2);
    }

    private static double relay(Pool pool, String bootstrap, String topic) {
        OutboxRelay relay = new OutboxRelay(pool, "bench", URI.create("/junheng/bench"),
                event -> new KafkaRoute(topic, event.streamId(), "org.junheng.evaluation." + event.eventType()),
                null, OutboxRelay.producer(bootstrap, PRODUCER_SETTINGS), 2000, Duration.ofMillis(10));
        long started = System.nanoTime();
        relay.start();
        while (relay.publishedCount() < EVENTS) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        relay.close();
        double rate = EVENTS / seconds;
        Bench.info("relay            %,d events in %.1f s = %,.0f events/s", EVENTS, seconds, rate);
        return rate;
    }

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec");

    private static double producerPerformance(String bootstrap, String topic, int recordSize) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", BrokerClasspath.resolve(), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Integer.toString(EVENTS), "--record-size", Integer.toString(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap));
        PRODUCER_SETTINGS.forEach((key, value) -> command.add(key + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        double rate = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher summary = SUMMARY.matcher(line);
                if (summary.find() && Long.parseLong(summary.group(1)) == EVENTS) {
                    rate = Double.parseDouble(summary.group(2));
                    Bench.info("ProducerPerformance %s", line.trim());
                }
            }
        }
        if (process.waitFor() != 0 || rate < 0) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + process.exitValue() + ")");
        }
        return rate;
    }
}
