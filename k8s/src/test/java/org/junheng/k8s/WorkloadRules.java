package org.junheng.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every service Deployment must have to run safely: health probes on the Quarkus endpoints, requests and limits,
 * the restricted Pod Security Standard (non-root, no privilege escalation, no capabilities, RuntimeDefault seccomp) with
 * a read-only root file system, no API token, a pinned image, and Prometheus annotations that point at /q/metrics.
 * Returns violations rather than asserting, so its tests can show that each rule catches what it should.
 */
final class WorkloadRules {

    private WorkloadRules() {
    }

    static List<String> violations(Deployment deployment, int httpPort, int managementPort) {
        List<String> problems = new ArrayList<>();
        String name = deployment.getMetadata().getName();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        if (pod.getContainers().size() != 1) {
            problems.add(name + ": expected one container, found " + pod.getContainers().size());
            return problems;
        }
        Container container = pod.getContainers().get(0);

        ContainerPort http = container.getPorts() == null ? null : container.getPorts().stream()
                .filter(p -> "http".equals(p.getName())).findFirst().orElse(null);
        if (http == null || !Objects.equals(http.getContainerPort(), httpPort)) {
            problems.add(name + ": needs a container port named http on " + httpPort + " (quarkus.http.port)");
        }
        ContainerPort management = container.getPorts() == null ? null : container.getPorts().stream()
                .filter(p -> "management".equals(p.getName())).findFirst().orElse(null);
        if (management == null || !Objects.equals(management.getContainerPort(), managementPort)) {
            problems.add(name + ": needs a container port named management on " + managementPort
                    + " (quarkus.management.port)");
        }
        probe(problems, name, "livenessProbe", container.getLivenessProbe(), "/q/health/live");
        probe(problems, name, "readinessProbe", container.getReadinessProbe(), "/q/health/ready");
        if (container.getStartupProbe() != null) {
            probe(problems, name, "startupProbe", container.getStartupProbe(), "/q/health/started");
        }

        ResourceRequirements resources = container.getResources();
        for (String resource : List.of("cpu", "memory")) {
            if (resources == null || resources.getRequests() == null || !resources.getRequests().containsKey(resource)) {
                problems.add(name + ": no " + resource + " request");
            }
            if (resources == null || resources.getLimits() == null || !resources.getLimits().containsKey(resource)) {
                problems.add(name + ": no " + resource + " limit");
            }
        }
        if (resources != null && resources.getRequests() != null && resources.getLimits() != null
                && resources.getRequests().get("memory") != null && resources.getLimits().get("memory") != null
                && bytes(resources.getLimits().get("memory")) < bytes(resources.getRequests().get("memory"))) {
            problems.add(name + ": memory limit below the request");
        }

        PodSecurityContext podSecurity = pod.getSecurityContext();
        SecurityContext security = container.getSecurityContext();
        boolean nonRoot = (podSecurity != null && Boolean.TRUE.equals(podSecurity.getRunAsNonRoot()))
                || (security != null && Boolean.TRUE.equals(security.getRunAsNonRoot()));
        if (!nonRoot) {
            problems.add(name + ": runAsNonRoot is not true");
        }
        Long uid = security != null && security.getRunAsUser() != null ? security.getRunAsUser()
                : podSecurity != null ? podSecurity.getRunAsUser() : null;
        if (uid != null && uid == 0) {
            problems.add(name + ": runs as uid 0");
        }
        if (security == null || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
            problems.add(name + ": root file system is not read-only");
        }
        if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
            problems.add(name + ": allowPrivilegeEscalation is not false");
        }
        if (security == null || security.getCapabilities() == null || security.getCapabilities().getDrop() == null
                || !security.getCapabilities().getDrop().contains("ALL")) {
            problems.add(name + ": capabilities do not drop ALL");
        }
        String seccomp = security != null && security.getSeccompProfile() != null ? security.getSeccompProfile().getType()
                : podSecurity != null && podSecurity.getSeccompProfile() != null
                        ? podSecurity.getSeccompProfile().getType() : null;
        if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
            problems.add(name + ": no RuntimeDefault seccomp profile");
        }
        boolean writableTmp = container.getVolumeMounts() != null && container.getVolumeMounts().stream()
                .map(VolumeMount::getMountPath).anyMatch("/tmp"::equals);
        if (!writableTmp) {
            problems.add(name + ": no volume on /tmp, which Quarkus needs with a read-only root file system");
        }
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            problems.add(name + ": mounts a service account token it does not need");
        }
        if (pod.getServiceAccountName() == null || pod.getServiceAccountName().equals("default")) {
            problems.add(name + ": runs as the namespace's default service account");
        }

        KustomizeRenderer.ImageReference image = KustomizeRenderer.ImageReference.parse(container.getImage());
        if (image.digest() == null && (image.tag() == null || image.tag().equals("latest"))) {
            problems.add(name + ": image " + container.getImage() + " is not pinned to a tag or digest");
        }

        if (deployment.getSpec().getReplicas() != null) {
            problems.add(name + ": sets spec.replicas, which would fight its HorizontalPodAutoscaler on every apply");
        }

        Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        if (annotations == null || !"true".equals(annotations.get("prometheus.io/scrape"))
                || !String.valueOf(managementPort).equals(annotations.get("prometheus.io/port"))
                || !"/q/metrics".equals(annotations.get("prometheus.io/path"))) {
            problems.add(name + ": prometheus.io annotations must scrape /q/metrics on " + managementPort);
        }
        return problems;
    }

    private static void probe(List<String> problems, String name, String kind, Probe probe, String path) {
        if (probe == null) {
            problems.add(name + ": no " + kind);
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        if (get == null || !path.equals(get.getPath())) {
            problems.add(name + ": " + kind + " must GET " + path);
        } else if (!"management".equals(get.getPort().getStrVal())) {
            problems.add(name + ": " + kind + " must use the port named management");
        }
    }

    private static double bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).doubleValue();
    }
}
