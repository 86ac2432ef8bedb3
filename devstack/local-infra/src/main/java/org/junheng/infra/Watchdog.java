package org.junheng.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a child process under a bash loop that ends it when the owning JVM dies (even by {@code kill -9}) or when the
 * returned process is destroyed. Without it a crashed test run would leave brokers and databases running.
 */
final class Watchdog {

    private Watchdog() {
    }

    static Process launch(List<String> command, long ownerPid, Path log, Map<String, String> env) throws IOException {
        String quoted = command.stream().map(Watchdog::quote).collect(Collectors.joining(" "));
        String script = quoted + " &\n"
                + "child=$!\n"
                + "trap 'kill $child 2>/dev/null; wait $child; exit 0' TERM INT\n"
                + "while kill -0 " + ownerPid + " 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 0.5; done\n"
                + "kill $child 2>/dev/null; wait $child\n";
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
