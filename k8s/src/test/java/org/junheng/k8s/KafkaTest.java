package org.junheng.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The Strimzi Kafka cluster and the four topics: names from the contract, durable, and keeping their history. */
class KafkaTest {

    static final List<String> TARGETS = Manifests.TARGETS;
    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    static String topicName(KubeObject topic) {
        return topic.spec().path("topicName").asText(topic.name());
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void theTopicsAreExactlyTheChannelsOfTheAsyncApiContract(String target) {
        Set<String> topics = Manifests.of(target).ofKind("KafkaTopic").stream()
                .map(KafkaTest::topicName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(AsyncApi.topics(), topics);
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void everyTopicIsReplicatedThreeTimesAndKeepsItsWholeHistory(String target) {
        Manifests manifests = Manifests.of(target);
        String kafka = manifests.ofKind("Kafka").get(0).name();
        for (KubeObject topic : manifests.ofKind("KafkaTopic")) {
            JsonNode spec = topic.spec();
            assertEquals(kafka, topic.labels().path("strimzi.io/cluster").asText(), topic + " belongs to the cluster");
            assertEquals(3, spec.path("replicas").asInt(), topic + " replicas");
            assertEquals("2", spec.at("/config/min.insync.replicas").asText(), topic + " min.insync.replicas");
            assertEquals("-1", spec.at("/config/retention.ms").asText(), topic + " retention.ms");
            assertEquals("-1", spec.at("/config/retention.bytes").asText(), topic + " retention.bytes");
            assertEquals("delete", spec.at("/config/cleanup.policy").asText(),
                    topic + ": compaction would drop all but the last event of a key");
        }
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void theClusterHasEnoughBrokersForReplicationThreeAndNeverLosesAcknowledgedWrites(String target) {
        Manifests manifests = Manifests.of(target);
        List<KubeObject> clusters = manifests.ofKind("Kafka");
        assertEquals(1, clusters.size());
        KubeObject kafka = clusters.get(0);
        JsonNode config = kafka.spec().at("/kafka/config");
        assertEquals("false", config.path("auto.create.topics.enable").asText(), "topics come from KafkaTopic only");
        assertEquals("false", config.path("unclean.leader.election.enable").asText());
        assertEquals("2", config.path("min.insync.replicas").asText());
        assertEquals("3", config.path("default.replication.factor").asText());

        int brokers = 0;
        int controllers = 0;
        for (KubeObject pool : manifests.ofKind("KafkaNodePool")) {
            assertEquals(kafka.name(), pool.labels().path("strimzi.io/cluster").asText(), pool.toString());
            Set<String> roles = new TreeSet<>();
            pool.spec().path("roles").forEach(role -> roles.add(role.asText()));
            int replicas = pool.spec().path("replicas").asInt();
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
            for (JsonNode volume : pool.spec().at("/storage/volumes")) {
                assertEquals("persistent-claim", volume.path("type").asText(), pool + ": the history lives on disk");
                assertFalse(volume.path("deleteClaim").asBoolean(), pool + ": deleting the cluster must keep the data");
            }
        }
        assertTrue(brokers >= 3, "replication 3 needs three brokers, found " + brokers);
        assertTrue(controllers >= 3 && controllers % 2 == 1, "a KRaft quorum of an odd number >= 3, found " + controllers);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noConsumerCanScaleBeyondThePartitionsOfWhatItReads(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (Services service : Services.all()) {
            int maxReplicas = manifests.typed("HorizontalPodAutoscaler", service.name, HorizontalPodAutoscaler.class)
                    .getSpec().getMaxReplicas();
            for (String topic : service.consumes()) {
                int partitions = manifests.ofKind("KafkaTopic").stream().filter(t -> topicName(t).equals(topic))
                        .findFirst().orElseThrow().spec().path("partitions").asInt();
                assertTrue(maxReplicas <= partitions, overlay + ": " + service + " may run " + maxReplicas
                        + " pods but " + topic + " has " + partitions + " partitions; the rest would idle");
            }
        }
    }

    @Test
    void productionHasMorePartitionsThanDevelopment() {
        for (KubeObject prodTopic : Manifests.of("overlays/prod").ofKind("KafkaTopic")) {
            KubeObject devTopic = Manifests.of("overlays/dev").get("KafkaTopic", prodTopic.name());
            assertTrue(prodTopic.spec().path("partitions").asInt() > devTopic.spec().path("partitions").asInt());
        }
    }

    @Test
    void theListenersAdmitOnlyTheServicePods() {
        KubeObject kafka = Manifests.of("base").ofKind("Kafka").get(0);
        for (JsonNode listener : kafka.spec().at("/kafka/listeners")) {
            JsonNode peers = listener.path("networkPolicyPeers");
            assertEquals(1, peers.size(), listener.path("name") + " is restricted");
            JsonNode selected = peers.get(0).at("/podSelector/matchLabels");
            for (Services service : Services.all()) {
                JsonNode podLabels = Manifests.of("base").get("Deployment", service.name)
                        .spec().at("/template/metadata/labels");
                selected.fields().forEachRemaining(label -> assertEquals(label.getValue().asText(),
                        podLabels.path(label.getKey()).asText(), service + " pods carry " + label.getKey()));
            }
        }
    }
}
