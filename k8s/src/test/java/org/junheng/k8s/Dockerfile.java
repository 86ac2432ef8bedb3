package org.junheng.k8s;

import java.util.ArrayList;
import java.util.List;

/** A Dockerfile's instructions: comments dropped, continuation lines joined. */
record Dockerfile(List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {

        /** The arguments split on blanks, without {@code --flag} options. */
        List<String> operands() {
            List<String> operands = new ArrayList<>();
            for (String token : arguments.trim().split("\\s+")) {
                if (!token.startsWith("--")) {
                    operands.add(token);
                }
            }
            return operands;
        }
    }

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String instruction = current.toString().strip();
            current.setLength(0);
            if (!instruction.isEmpty()) {
                int blank = instruction.indexOf(' ');
                instructions.add(blank < 0 ? new Instruction(instruction.toUpperCase(), "")
                        : new Instruction(instruction.substring(0, blank).toUpperCase(), instruction.substring(blank + 1).strip()));
            }
        }
        return new Dockerfile(instructions);
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** Source paths of every COPY (all operands but the destination). */
    List<String> copiedSources() {
        List<String> sources = new ArrayList<>();
        for (Instruction copy : all("COPY")) {
            List<String> operands = copy.operands();
            sources.addAll(operands.subList(0, operands.size() - 1));
        }
        return sources;
    }

    /**
     * What is wrong with it as the JVM image of a Quarkus service listening on {@code port}: the Quarkus fast-jar
     * layout copied in four layers (dependencies first, so a code change rebuilds only the small layers), a pinned
     * Java 17 runtime base, a non-root user, the port exposed, an entry point.
     */
    List<String> violations(int port) {
        List<String> problems = new ArrayList<>();
        List<Instruction> from = all("FROM");
        if (from.size() != 1) {
            problems.add("expected one FROM (a runtime image; the application is built by Maven), found " + from.size());
        } else {
            String base = from.get(0).operands().get(0);
            if (!base.startsWith("registry.access.redhat.com/ubi9/openjdk-17-runtime:")
                    && !base.startsWith("eclipse-temurin:17-jre")) {
                problems.add("base image " + base + " is not a Java 17 runtime (ubi9/openjdk-17-runtime or eclipse-temurin:17-jre)");
            }
            if (base.endsWith(":latest") || !base.contains(":")) {
                problems.add("base image " + base + " is not pinned");
            }
        }
        List<String> sources = copiedSources();
        for (String layer : List.of("target/quarkus-app/lib/", "target/quarkus-app/app/", "target/quarkus-app/quarkus/")) {
            if (!sources.contains(layer)) {
                problems.add("does not copy " + layer);
            }
        }
        if (!sources.contains("target/quarkus-app/*.jar") && !sources.contains("target/quarkus-app/quarkus-run.jar")) {
            problems.add("does not copy target/quarkus-app/quarkus-run.jar");
        }
        if (sources.indexOf("target/quarkus-app/lib/") > sources.indexOf("target/quarkus-app/app/")) {
            problems.add("copies the application before its dependencies, so every code change rebuilds the lib layer");
        }
        List<Instruction> users = all("USER");
        if (users.isEmpty()) {
            problems.add("no USER: the container would run as root");
        } else {
            String user = users.get(users.size() - 1).arguments().split(":")[0];
            if (user.equals("root") || user.equals("0")) {
                problems.add("runs as root (USER " + user + ")");
            } else if (!user.matches("[1-9][0-9]*")) {
                problems.add("USER " + user + " is not numeric, so Kubernetes cannot verify runAsNonRoot");
            }
        }
        boolean exposed = all("EXPOSE").stream().flatMap(e -> e.operands().stream())
                .anyMatch(p -> p.equals(String.valueOf(port)) || p.equals(port + "/tcp"));
        if (!exposed) {
            problems.add("does not EXPOSE " + port);
        }
        if (all("ENTRYPOINT").isEmpty() && all("CMD").isEmpty()) {
            problems.add("no ENTRYPOINT or CMD");
        }
        return problems;
    }
}
