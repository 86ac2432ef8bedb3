package org.junheng.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service's Deployment and the objects around it, in the base and in each overlay. */
class WorkloadTest {

    static Stream<Arguments> everyServiceEverywhere() {
        return Manifests.TARGETS.stream().flatMap(t -> Services.all().stream().map(s -> Arguments.of(t, s)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyServiceEverywhere")
    void theDeploymentFollowsTheRules(String target, Services service) {
        Deployment deployment = Manifests.of(target).typed("Deployment", service.name, Deployment.class);
        assertEquals(List.of(), WorkloadRules.violations(deployment, service.httpPort(), service.managementPort()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyServiceEverywhere")
    void theServiceAccountServiceBudgetAndAutoscalerAllPointAtTheDeployment(String target, Services service) {
        Manifests manifests = Manifests.of(target);
        Deployment deployment = manifests.typed("Deployment", service.name, Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet()),
                "the Deployment selects its own pods");

        ServiceAccount account = manifests.typed("ServiceAccount",
                deployment.getSpec().getTemplate().getSpec().getServiceAccountName(), ServiceAccount.class);
        assertEquals(Boolean.FALSE, account.getAutomountServiceAccountToken());

        Service kubeService = manifests.typed("Service", service.name, Service.class);
        assertTrue(podLabels.entrySet().containsAll(kubeService.getSpec().getSelector().entrySet()),
                "the Service selects the pods");
        ServicePort port = kubeService.getSpec().getPorts().get(0);
        assertEquals(service.httpPort(), port.getPort());
        assertEquals(new IntOrString("http"), port.getTargetPort());
        ServicePort management = kubeService.getSpec().getPorts().get(1);
        assertEquals(service.managementPort(), management.getPort());
        assertEquals(new IntOrString("management"), management.getTargetPort());

        PodDisruptionBudget budget = manifests.typed("PodDisruptionBudget", service.name, PodDisruptionBudget.class);
        assertTrue(podLabels.entrySet().containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()),
                "the PodDisruptionBudget covers the pods");
        assertNotNull(budget.getSpec().getMaxUnavailable());

        HorizontalPodAutoscaler autoscaler =
                manifests.typed("HorizontalPodAutoscaler", service.name, HorizontalPodAutoscaler.class);
        assertEquals("Deployment", autoscaler.getSpec().getScaleTargetRef().getKind());
        assertEquals(service.name, autoscaler.getSpec().getScaleTargetRef().getName());
        assertTrue(autoscaler.getSpec().getMinReplicas() >= 1
                && autoscaler.getSpec().getMinReplicas() <= autoscaler.getSpec().getMaxReplicas());
    }

    /** The services keep the management interface on loopback unless told otherwise: the kubelet could not probe it. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyServiceEverywhere")
    void theManagementInterfaceListensBeyondLoopbackInThePod(String target, Services service) {
        Manifests manifests = Manifests.of(target);
        Deployment deployment = manifests.typed("Deployment", service.name, Deployment.class);
        String configMap = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom().get(0)
                .getConfigMapRef().getName();
        assertEquals("0.0.0.0", manifests.typed("ConfigMap", configMap, io.fabric8.kubernetes.api.model.ConfigMap.class)
                .getData().get("QUARKUS_MANAGEMENT_HOST"));
    }

    @Test
    void productionKeepsTwoPodsOfEveryServiceAndScrapesThemThroughServiceMonitors() {
        Manifests prod = Manifests.of("overlays/prod");
        for (Services service : Services.all()) {
            HorizontalPodAutoscaler autoscaler =
                    prod.typed("HorizontalPodAutoscaler", service.name, HorizontalPodAutoscaler.class);
            assertTrue(autoscaler.getSpec().getMinReplicas() >= 2, service + ": one pod is no availability");

            ServiceMonitor monitor = prod.typed("ServiceMonitor", service.name, ServiceMonitor.class);
            Service kubeService = prod.typed("Service", service.name, Service.class);
            assertTrue(kubeService.getMetadata().getLabels().entrySet()
                    .containsAll(monitor.getSpec().getSelector().getMatchLabels().entrySet()), service.name);
            assertEquals("management", monitor.getSpec().getEndpoints().get(0).getPort());
            assertEquals("/q/metrics", monitor.getSpec().getEndpoints().get(0).getPath());
        }
    }

    @Test
    void productionGivesEveryServiceMoreThanDevelopment() {
        for (Services service : Services.all()) {
            Quantity dev = memoryLimit(Manifests.of("overlays/dev"), service);
            Quantity prod = memoryLimit(Manifests.of("overlays/prod"), service);
            assertTrue(Quantity.getAmountInBytes(prod).compareTo(Quantity.getAmountInBytes(dev)) > 0, service.name);
        }
    }

    private static Quantity memoryLimit(Manifests manifests, Services service) {
        Deployment deployment = manifests.typed("Deployment", service.name, Deployment.class);
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits().get("memory");
    }

    // The rules catch what they are for: each case breaks one thing in a real Deployment.

    @Test
    void aMissingLivenessProbeIsCaught() {
        assertViolation(c -> c.setLivenessProbe(null), "no livenessProbe");
    }

    @Test
    void aReadinessProbeOnTheWrongPathIsCaught() {
        assertViolation(c -> c.getReadinessProbe().getHttpGet().setPath("/health"), "readinessProbe must GET /q/health/ready");
    }

    @Test
    void aProbeOnTheApiPortIsCaught() {
        assertViolation(c -> c.getLivenessProbe().getHttpGet().setPort(new IntOrString("http")),
                "livenessProbe must use the port named management");
    }

    @Test
    void aMissingMemoryLimitIsCaught() {
        assertViolation(c -> c.getResources().getLimits().remove("memory"), "no memory limit");
    }

    @Test
    void aWritableRootFileSystemIsCaught() {
        assertViolation(c -> c.getSecurityContext().setReadOnlyRootFilesystem(false), "root file system is not read-only");
    }

    @Test
    void runningAsRootIsCaught() {
        Deployment deployment = schoolIntake();
        deployment.getSpec().getTemplate().getSpec().getSecurityContext().setRunAsNonRoot(false);
        deployment.getSpec().getTemplate().getSpec().getSecurityContext().setRunAsUser(0L);
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext().setRunAsNonRoot(false);
        List<String> violations = WorkloadRules.violations(deployment, 8081, 9081);
        assertTrue(violations.contains("school-intake: runAsNonRoot is not true"), violations.toString());
        assertTrue(violations.contains("school-intake: runs as uid 0"), violations.toString());
    }

    @Test
    void aLatestImageIsCaught() {
        assertViolation(c -> c.setImage("junheng/school-intake:latest"), "is not pinned");
    }

    @Test
    void fixedReplicasAreCaught() {
        Deployment deployment = schoolIntake();
        deployment.getSpec().setReplicas(3);
        assertTrue(WorkloadRules.violations(deployment, 8081, 9081).stream().anyMatch(v -> v.contains("spec.replicas")));
    }

    private static void assertViolation(Consumer<Container> breakIt, String expected) {
        Deployment deployment = schoolIntake();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        breakIt.accept(container);
        List<String> violations = WorkloadRules.violations(deployment, 8081, 9081);
        assertFalse(violations.isEmpty(), "nothing caught");
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)), violations.toString());
    }

    /** A fresh copy, so breaking it leaves the shared rendering alone. */
    private static Deployment schoolIntake() {
        return TypedObjects.as(ManifestSchemaTest.copy(Manifests.of("overlays/prod").get("Deployment", "school-intake")),
                Deployment.class);
    }
}
