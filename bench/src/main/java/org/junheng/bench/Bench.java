package org.junheng.bench;

import java.util.Locale;

/**
 * {@code bench/run <scenario>}: measures one of our components against a baseline measured in the same run on the
 * same servers, and ends with {@code RESULT scenario=<name> ours=<n>/s baseline=<n>/s ratio=<r>}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args.length == 0 ? "" : args[0];
        switch (scenario) {
            case "eventstore-append" -> EventStoreAppendBench.run();
            case "relay" -> RelayBench.run();
            case "intake-import" -> IntakeImportBench.run();
            case "console-pages" -> ConsolePagesBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 200);
            case "evaluate-nation" -> EvaluateNationBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 2900,
                    args.length > 2 ? Integer.parseInt(args[2]) : 2 * Runtime.getRuntime().availableProcessors());
            default -> {
                System.err.println("usage: bench/run <eventstore-append|relay|intake-import|evaluate-nation [counties"
                        + " [runners]]|console-pages [requests]>");
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
