package org.junheng.bench;

import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run <scenario>}: measures one of our components against a baseline measured in the same run on the
 * same servers, and ends with {@code RESULT scenario=<name> ours=<n>/s baseline=<n>/s ratio=<r>}.
 */
public final class Bench {

    /**
     * Log levels as a service runs with them (Quarkus: INFO, libraries quieter). Set here, held strongly: the
     * logging.properties this module once shipped was never applied, every logger stood at ALL, and the Kafka
     * producer turned each record into text for a trace line nobody saw — a third of the relay's time.
     */
    private static final List<java.util.logging.Logger> LEVELS = List.of(
            level("", java.util.logging.Level.INFO), level("org.apache.kafka", java.util.logging.Level.WARNING),
            level("io.vertx", java.util.logging.Level.WARNING), level("io.netty", java.util.logging.Level.WARNING),
            level("org.junheng", java.util.logging.Level.WARNING));

    private Bench() {
    }

    private static java.util.logging.Logger level(String name, java.util.logging.Level level) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }

    public static void main(String[] args) throws Exception {
        if (LEVELS.isEmpty() || org.slf4j.LoggerFactory.getLogger("org.apache.kafka.clients.producer.KafkaProducer")
                .isTraceEnabled()) {
            throw new IllegalStateException("trace logging is on: the measurements would include formatting");
        }
        String scenario = args.length == 0 ? "" : args[0];
        switch (scenario) {
            case "eventstore-append" -> EventStoreAppendBench.run();
            case "relay" -> RelayBench.run();
            case "intake-import" -> IntakeImportBench.run();
            case "console-pages" -> ConsolePagesBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 200);
            case "consumer-batches" -> ConsumerBatchesBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 20000);
            case "entity-reads" -> EntityReadsBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 500);
            case "notice-streams" -> NoticeStreamsBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 1000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 5000, args.length > 3 ? Integer.parseInt(args[3]) : 100);
            case "national-burst" -> NationalBurstBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 2900,
                    args.length > 2 ? Integer.parseInt(args[2]) : 1, args.length > 3 ? Integer.parseInt(args[3]) : 1);
            case "evaluate-nation" -> EvaluateNationBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 2900,
                    args.length > 2 ? Integer.parseInt(args[2]) : 2 * Runtime.getRuntime().availableProcessors());
            default -> {
                System.err.println("usage: bench/run <eventstore-append|relay|intake-import|national-burst [counties [replicas [partitions]]]|evaluate-nation [counties"
                        + " [runners]]|console-pages [requests]|notice-streams [subscribers [total [districts]]]|entity-reads [requests]|consumer-batches [records]>");
                System.exit(2);
            }
        }
        System.exit(0);
    }

    static void result(String scenario, double ours, double baseline) {
        System.out.println(String.format(Locale.ROOT, "RESULT scenario=%s ours=%.0f/s baseline=%.0f/s ratio=%.2f",
                scenario, ours, baseline, ours / baseline));
    }

    static void info(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
