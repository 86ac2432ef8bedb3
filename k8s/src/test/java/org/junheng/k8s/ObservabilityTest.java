package org.junheng.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Production's alert rules and Grafana dashboard: well-formed, and watching metrics the code registers (the running
 * services' exposure is checked end to end by FullLoopTest). What each watches is in docs/observability.md.
 */
class ObservabilityTest {

    static final Pattern WATCHED = Pattern.compile("\\b(junheng_[a-z_]+)\\b");
    static final Pattern REGISTERED = Pattern.compile("\"(junheng\\.[a-z.]+)\"");
    static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

    static Set<String> names(Pattern pattern, String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Prometheus names of the meters the main code registers: dots become underscores, counters end in _total. */
    static Set<String> registeredMetrics() {
        Set<String> names = new TreeSet<>();
        for (String root : new String[] {"libs", "services"}) {
            try (Stream<Path> files = Files.walk(Project.path(root))) {
                files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/"))
                        .forEach(file -> names(REGISTERED, Project.read(file)).forEach(name -> {
                            names.add(name.replace('.', '_'));
                            names.add(name.replace('.', '_') + "_total");
                        }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    static String dashboardJson() {
        return Project.read(Project.path("k8s/overlays/prod/dashboards/junheng.json"));
    }

    @Test
    void everyRuleHasASeverityAndSaysWhatHappenedInChinese() {
        KubeObject rules = Manifests.of("overlays/prod").get("PrometheusRule", "junheng");
        int count = 0;
        for (JsonNode group : rules.spec().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                assertTrue(name.startsWith("Junheng"), name);
                assertTrue(SEVERITIES.contains(rule.at("/labels/severity").asText()), name + " severity");
                assertTrue(rule.at("/annotations/summary").asText().codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), name + " summary");
                assertFalse(rule.path("expr").asText().isBlank(), name);
                count++;
            }
        }
        assertTrue(count >= 6, "consumer lag, relay lag, parked, webhooks failing and dead, overdue: " + count);
    }

    @Test
    void theRulesAndTheDashboardWatchWhatTheCodeRegisters() {
        String rules = Manifests.of("overlays/prod").get("PrometheusRule", "junheng").spec().toString();
        Set<String> watched = names(WATCHED, rules + dashboardJson());
        assertTrue(watched.containsAll(Set.of("junheng_relay_lag_seconds", "junheng_consumer_parked_waiting",
                "junheng_webhooks_failing", "junheng_webhooks_dead", "junheng_tasks_overdue")), watched.toString());
        Set<String> unknown = new TreeSet<>(watched);
        unknown.removeAll(registeredMetrics());
        assertEquals(Set.of(), unknown, "watched, but registered nowhere in the code");
        assertTrue(rules.contains("kafka_consumer_fetch_manager_records_lag_max"), "consumer lag (Micrometer's Kafka binder)");
    }

    @Test
    void theDashboardIsAConfigMapGrafanaFindsWithPanelsOnTheChosenPrometheus() throws IOException {
        KubeObject configMap = Manifests.of("overlays/prod").get("ConfigMap", "junheng-grafana-dashboard");
        assertEquals("1", configMap.labels().path("grafana_dashboard").asText());
        JsonNode dashboard = new ObjectMapper().readTree(configMap.tree().at("/data/junheng.json").asText());
        assertEquals(new ObjectMapper().readTree(dashboardJson()), dashboard, "the file, as generated");
        assertTrue(dashboard.path("panels").size() >= 6);
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertEquals("${datasource}", panel.at("/datasource/uid").asText(), title);
            assertFalse(panel.path("targets").isEmpty(), title);
            for (JsonNode target : panel.path("targets")) {
                assertTrue(target.path("expr").asText().contains("namespace=\"$namespace\""), title + ": " + target);
            }
        }
        assertEquals("Asia/Shanghai", dashboard.path("timezone").asText(), "Beijing time, as the offices read it");
    }

    @Test
    void aMetricNoCodeRegistersIsReported() {
        Set<String> unknown = names(WATCHED, "max(junheng_tasks_overdue) + max(junheng_task_overdue)");
        unknown.removeAll(registeredMetrics());
        assertEquals(Set.of("junheng_task_overdue"), unknown);
    }
}
