package org.junheng.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** One CloudNativePG cluster per service, durable in production and backed up continuously. */
class PostgresTest {

    static final List<String> TARGETS = Manifests.TARGETS;

    @ParameterizedTest
    @FieldSource("TARGETS")
    void everyServiceHasItsOwnClusterDatabaseAndOwner(String target) {
        Manifests manifests = Manifests.of(target);
        Set<String> clusters = manifests.ofKind("Cluster").stream().map(KubeObject::name).collect(Collectors.toSet());
        assertEquals(Services.all().stream().map(Services::databaseCluster).collect(Collectors.toSet()), clusters);
        for (Services service : Services.all()) {
            JsonNode initdb = manifests.get("Cluster", service.databaseCluster()).spec().at("/bootstrap/initdb");
            assertEquals(service.schema(), initdb.path("database").asText());
            assertEquals(service.schema(), initdb.path("owner").asText(), "the service owns its database");
            assertFalse(initdb.has("secret"), "the services read the Secret CloudNativePG generates");
        }
    }

    @Test
    void productionRunsThreeInstancesWithSynchronousReplicationAndArchivesWal() {
        Manifests prod = Manifests.of("overlays/prod");
        Set<String> objectStores = prod.ofKind("ObjectStore").stream().map(KubeObject::name).collect(Collectors.toSet());
        for (KubeObject cluster : prod.ofKind("Cluster")) {
            JsonNode spec = cluster.spec();
            assertTrue(spec.path("instances").asInt() >= 3, cluster + ": a primary and two standbys");
            assertTrue(spec.at("/postgresql/synchronous/number").asInt() >= 1, cluster + ": synchronous standby");
            assertEquals("required", spec.at("/affinity/podAntiAffinityType").asText(), cluster + ": one per node");
            JsonNode archiver = spec.path("plugins").get(0);
            assertEquals("barman-cloud.cloudnative-pg.io", archiver.path("name").asText(), cluster.toString());
            assertTrue(archiver.path("isWALArchiver").asBoolean(), cluster + " archives its WAL");
            assertTrue(objectStores.contains(archiver.at("/parameters/barmanObjectName").asText()),
                    cluster + " archives to an ObjectStore in the manifests");
        }
    }

    @Test
    void productionTakesANightlyBaseBackupOfEveryCluster() {
        Manifests prod = Manifests.of("overlays/prod");
        Set<String> backedUp = prod.ofKind("ScheduledBackup").stream()
                .peek(backup -> assertEquals("plugin", backup.spec().path("method").asText()))
                .peek(backup -> assertEquals("barman-cloud.cloudnative-pg.io",
                        backup.spec().at("/pluginConfiguration/name").asText()))
                .map(backup -> backup.spec().at("/cluster/name").asText())
                .collect(Collectors.toSet());
        assertEquals(prod.ofKind("Cluster").stream().map(KubeObject::name).collect(Collectors.toSet()), backedUp);
    }

    @Test
    void developmentRunsOneInstanceWithoutWaitingForAStandbyOrArchiving() {
        Manifests dev = Manifests.of("overlays/dev");
        for (KubeObject cluster : dev.ofKind("Cluster")) {
            assertEquals(1, cluster.spec().path("instances").asInt());
            assertTrue(cluster.spec().at("/postgresql/synchronous").isMissingNode(),
                    cluster + ": with no standby, synchronous replication would block every commit");
            assertTrue(cluster.spec().path("plugins").isMissingNode(), cluster + ": dev has no object store");
        }
        assertTrue(dev.ofKind("ScheduledBackup").isEmpty());
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void onlyTheOwningServiceReachesADatabase(String target) {
        Manifests manifests = Manifests.of(target);
        for (Services service : Services.all()) {
            KubeObject policy = manifests.get("NetworkPolicy", service.databaseCluster());
            assertEquals(service.databaseCluster(), policy.spec().at("/podSelector/matchLabels/cnpg.io~1cluster").asText());
            for (JsonNode rule : policy.spec().path("ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    JsonNode app = peer.at("/podSelector/matchLabels/app.kubernetes.io~1name");
                    if (!app.isMissingNode()) {
                        assertEquals(service.name, app.asText(), policy + " admits another service");
                    }
                    assertFalse(peer.has("ipBlock"), policy + " admits an address range");
                }
                assertFalse(rule.path("from").isEmpty() || rule.path("from").isMissingNode(),
                        policy + ": a rule without 'from' admits everyone");
            }
        }
    }
}
