package org.junheng.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service's NetworkPolicy lets through what the service needs and nothing else. What it needs is derived from the
 * manifests themselves (its database cluster, the Kafka cluster, its HTTP port), and {@link #violations} says what is
 * wrong, so the cases at the bottom can show each rule failing.
 */
class NetworkPolicyTest {

    /** Ranges a webhook must never reach: the cluster's and the node's own networks, and cloud metadata. */
    static final Set<String> PRIVATE_RANGES = Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");

    static Stream<Arguments> everyServiceEverywhere() {
        return Manifests.TARGETS.stream().flatMap(t -> Services.all().stream().map(s -> Arguments.of(t, s)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyServiceEverywhere")
    void allowsOnlyWhatTheServiceNeeds(String target, Services service) {
        Manifests manifests = Manifests.of(target);
        assertEquals(List.of(), violations(manifests.get("NetworkPolicy", service.name), service, manifests));
    }

    static List<String> violations(KubeObject policy, Services service, Manifests manifests) {
        List<String> problems = new ArrayList<>();
        JsonNode spec = policy.spec();
        JsonNode podLabels = manifests.get("Deployment", service.name).spec().at("/template/metadata/labels");
        spec.at("/podSelector/matchLabels").fields().forEachRemaining(label -> {
            if (!label.getValue().asText().equals(podLabels.path(label.getKey()).asText())) {
                problems.add("does not select the " + service + " pods");
            }
        });
        Set<String> types = new TreeSet<>();
        spec.path("policyTypes").forEach(t -> types.add(t.asText()));
        if (!types.equals(Set.of("Ingress", "Egress"))) {
            problems.add("must restrict both Ingress and Egress, restricts " + types);
        }

        for (JsonNode rule : spec.path("ingress")) {
            if (rule.path("from").isEmpty()) {
                problems.add("an ingress rule without 'from' admits everyone");
            }
            // API callers reach the http port only, the metrics scraper the management port only
            boolean scraper = rule.path("from").findValues("junheng.org/metrics-scraper").size() > 0;
            boolean gateway = rule.path("from").findValues("junheng.org/api-gateway").size() > 0;
            String allowed = scraper && !gateway ? "management" : "http";
            for (JsonNode port : rule.path("ports")) {
                if (!port.path("port").asText().equals(allowed)) {
                    problems.add("ingress from " + (scraper ? "the metrics scraper" : "API callers") + " on "
                            + port.path("port").asText() + ", not only on the " + allowed + " port");
                }
            }
            if (rule.path("ports").isEmpty()) {
                problems.add("an ingress rule without ports opens every port");
            }
        }

        KubeObject kafka = manifests.ofKind("Kafka").get(0);
        Set<Integer> kafkaPorts = new TreeSet<>();
        kafka.spec().at("/kafka/listeners").forEach(l -> kafkaPorts.add(l.path("port").asInt()));
        boolean dns = false;
        boolean kafkaReached = false;
        boolean databaseReached = false;
        for (JsonNode rule : spec.path("egress")) {
            if (rule.path("to").isEmpty()) {
                problems.add("an egress rule without 'to' lets the pod reach everything");
                continue;
            }
            Set<Integer> ports = new TreeSet<>();
            rule.path("ports").forEach(p -> ports.add(p.path("port").asInt()));
            if (ports.isEmpty()) {
                problems.add("an egress rule without ports opens every port");
            }
            for (JsonNode peer : rule.path("to")) {
                JsonNode labels = peer.at("/podSelector/matchLabels");
                if (peer.has("ipBlock")) {
                    ipBlock(peer.get("ipBlock"), ports, service, problems);
                } else if (labels.has("k8s-app") && labels.path("k8s-app").asText().equals("kube-dns")) {
                    dns = ports.equals(Set.of(53));
                    if (!peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText()
                            .equals("kube-system")) {
                        problems.add("DNS must be reached in kube-system only");
                    }
                } else if (labels.has("strimzi.io/cluster")) {
                    kafkaReached = labels.path("strimzi.io/cluster").asText().equals(kafka.name())
                            && kafkaPorts.containsAll(ports);
                    if (!kafkaReached) {
                        problems.add("Kafka egress must go to " + kafka.name() + " on its listener ports " + kafkaPorts);
                    }
                } else if (labels.has("cnpg.io/cluster")) {
                    String cluster = labels.path("cnpg.io/cluster").asText();
                    if (!cluster.equals(service.databaseCluster())) {
                        problems.add("reaches the database " + cluster + " of another service");
                    } else {
                        databaseReached = ports.equals(Set.of(5432));
                    }
                } else if (labels.path("app.kubernetes.io/name").asText().equals("opentelemetry-collector")) {
                    // the collector the traces go to: the namespace and port of OTEL_EXPORTER_OTLP_ENDPOINT
                    java.net.URI endpoint = java.net.URI.create(Environment.of(manifests.typed("Deployment",
                            service.name, io.fabric8.kubernetes.api.model.apps.Deployment.class), manifests)
                            .variables.get("OTEL_EXPORTER_OTLP_ENDPOINT").value());
                    String namespace = peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText();
                    if (!endpoint.getHost().contains("." + namespace + ".") || !ports.equals(Set.of(endpoint.getPort()))) {
                        problems.add("trace egress to " + namespace + " on " + ports + " does not match " + endpoint);
                    }
                } else {
                    problems.add("egress to an unexpected peer " + peer);
                }
            }
        }
        if (!dns) {
            problems.add("no DNS egress on port 53");
        }
        if (!kafkaReached) {
            problems.add("no egress to the Kafka brokers");
        }
        if (!databaseReached) {
            problems.add("no egress to " + service.databaseCluster() + " on 5432");
        }
        if (service == Services.CALLS_WEBHOOKS && spec.path("egress").findValue("ipBlock") == null) {
            problems.add("webhook deliveries need HTTPS egress");
        }
        return problems;
    }

    private static void ipBlock(JsonNode block, Set<Integer> ports, Services service, List<String> problems) {
        if (service != Services.CALLS_WEBHOOKS) {
            problems.add("only " + Services.CALLS_WEBHOOKS + " calls out of the cluster");
            return;
        }
        if (!ports.equals(Set.of(443))) {
            problems.add("webhook egress must be HTTPS (443) only, is " + ports);
        }
        Set<String> except = new TreeSet<>();
        block.path("except").forEach(e -> except.add(e.asText()));
        if (!except.containsAll(PRIVATE_RANGES)) {
            problems.add("webhook egress must exclude " + PRIVATE_RANGES + ", excludes " + except);
        }
    }

    // Each rule fails when it should.

    private static List<String> broken(Services service, java.util.function.Consumer<ObjectNode> breakIt) {
        Manifests base = Manifests.of("base");
        KubeObject policy = ManifestSchemaTest.copy(base.get("NetworkPolicy", service.name));
        breakIt.accept((ObjectNode) policy.tree().get("spec"));
        return violations(policy, service, base);
    }

    @Test
    void reachingAnotherServicesDatabaseIsCaught() {
        List<String> problems = broken(Services.RECTIFICATION,
                spec -> ((ObjectNode) spec.at("/egress/2/to/0/podSelector/matchLabels")).put("cnpg.io/cluster", "intake-db"));
        assertTrue(problems.contains("reaches the database intake-db of another service"), problems.toString());
    }

    @Test
    void internetEgressFromAServiceThatCallsNoWebhooksIsCaught() {
        Manifests base = Manifests.of("base");
        JsonNode internetRule = base.get("NetworkPolicy", Services.CALLS_WEBHOOKS.name).spec().at("/egress/3");
        List<String> problems = broken(Services.SCHOOL_INTAKE, spec -> ((ArrayNode) spec.get("egress")).add(internetRule.deepCopy()));
        assertTrue(problems.contains("only supervision-notices calls out of the cluster"), problems.toString());
    }

    @Test
    void webhookEgressThatCanReachTheClusterNetworkIsCaught() {
        List<String> problems = broken(Services.SUPERVISION_NOTICES,
                spec -> ((ObjectNode) spec.at("/egress/3/to/0/ipBlock")).putArray("except").add("10.0.0.0/8"));
        assertFalse(problems.isEmpty());
        assertTrue(problems.get(0).startsWith("webhook egress must exclude"), problems.toString());
    }

    @Test
    void anOpenIngressRuleIsCaught() {
        List<String> problems = broken(Services.INDICATOR_EVALUATION, spec -> ((ArrayNode) spec.get("ingress")).addObject());
        assertTrue(problems.contains("an ingress rule without 'from' admits everyone"), problems.toString());
    }

    @Test
    void aMissingEgressRuleIsCaught() {
        List<String> problems = broken(Services.SCHOOL_INTAKE, spec -> ((ArrayNode) spec.get("egress")).remove(1));
        assertEquals(List.of("no egress to the Kafka brokers"), problems);
    }

    @Test
    void apiCallersReachingTheManagementPortAreCaught() {
        List<String> problems = broken(Services.RECTIFICATION,
                spec -> ((ObjectNode) spec.at("/ingress/0/ports/0")).put("port", "management"));
        assertTrue(problems.contains("ingress from API callers on management, not only on the http port"),
                problems.toString());
    }
}
