package org.junheng.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Built-in kinds through the fabric8 Kubernetes model. Jackson would accept a misspelt field ({@code readinesProbe})
 * into the model's {@code additionalProperties}; {@link #unknownFields} finds every such field, which is what
 * {@code kubectl apply} with strict field validation rejects.
 */
final class TypedObjects {

    /** apiVersion + " " + kind → model class: every built-in kind k8s/ may use. */
    private static final Map<String, Class<?>> MODEL = Map.ofEntries(
            Map.entry("v1 Namespace", Namespace.class),
            Map.entry("v1 ConfigMap", ConfigMap.class),
            Map.entry("v1 Secret", Secret.class),
            Map.entry("v1 Service", Service.class),
            Map.entry("v1 ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1 Deployment", Deployment.class),
            Map.entry("policy/v1 PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1 ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1 PrometheusRule", PrometheusRule.class),
            // Strimzi's own model (io.strimzi:api): its enums and types reject what the operator would
            Map.entry("kafka.strimzi.io/v1 KafkaUser", KafkaUser.class));

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private TypedObjects() {
    }

    static boolean knows(KubeObject object) {
        return MODEL.containsKey(object.apiVersion() + " " + object.kind());
    }

    static <T> T as(KubeObject object, Class<T> type) {
        try {
            return MAPPER.treeToValue(object.tree(), type);
        } catch (Exception e) {
            throw new IllegalArgumentException(object + ": not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Problems with the object as its model type: unparseable values, or fields the type does not have. */
    static List<String> violations(KubeObject object) {
        Class<?> type = MODEL.get(object.apiVersion() + " " + object.kind());
        if (type == null) {
            return List.of("no model for " + object.apiVersion() + " " + object.kind());
        }
        Object typed;
        try {
            typed = MAPPER.treeToValue(object.tree(), type);
        } catch (Exception e) {
            return List.of(e.getMessage());
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(typed, "", unknown);
        return unknown.stream().map(path -> "unknown field " + path).toList();
    }

    /** Walks the model's getters; any non-empty {@code additionalProperties} is a field the type does not define. */
    static void unknownFields(Object node, String path, List<String> found) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                unknownFields(element, path + "[" + index++ + "]", found);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                unknownFields(entry.getValue(), path + "." + entry.getKey(), found);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.") && !node.getClass().getName().startsWith("io.strimzi.")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> found.add(path + "." + key));
                }
            } else {
                String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                unknownFields(value, path + "." + property, found);
            }
        }
    }
}
