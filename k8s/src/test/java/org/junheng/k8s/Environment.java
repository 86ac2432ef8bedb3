package org.junheng.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment a Deployment's container gets, resolved against the rendered objects: literal values, ConfigMap
 * keys, keys of Secrets in the manifests, and keys of the Secrets that operators generate
 * ({@link OperatorSecrets}). A reference to something that will not exist is a problem, not a provided variable.
 */
final class Environment {

    /** Where a variable comes from; {@code value} is null when it is secret. */
    record Provided(String source, String value) {
    }

    final Map<String, Provided> variables = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();

    private final Manifests manifests;

    private Environment(Manifests manifests) {
        this.manifests = manifests;
    }

    static Environment of(Deployment deployment, Manifests manifests) {
        Environment environment = new Environment(manifests);
        for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            if (container.getEnvFrom() != null) {
                container.getEnvFrom().forEach(environment::addAll);
            }
            if (container.getEnv() != null) {
                container.getEnv().forEach(environment::add);
            }
        }
        return environment;
    }

    private void addAll(EnvFromSource source) {
        if (source.getConfigMapRef() != null) {
            String name = source.getConfigMapRef().getName();
            configMap(name).ifPresentOrElse(
                    map -> map.getData().forEach((key, value) -> variables.put(key, new Provided("ConfigMap " + name, value))),
                    () -> problems.add("envFrom ConfigMap " + name + " does not exist"));
        } else if (source.getSecretRef() != null) {
            String name = source.getSecretRef().getName();
            Optional<KubeObject> secret = manifests.find("Secret", name);
            if (secret.isEmpty()) {
                problems.add("envFrom Secret " + name + " is not in the manifests");
            } else {
                secretKeys(secret.get()).forEach(key -> variables.put(key, new Provided("Secret " + name, null)));
            }
        }
    }

    private void add(EnvVar variable) {
        String name = variable.getName();
        if (variable.getValueFrom() == null) {
            variables.put(name, new Provided("literal", variable.getValue()));
        } else if (variable.getValueFrom().getConfigMapKeyRef() != null) {
            String map = variable.getValueFrom().getConfigMapKeyRef().getName();
            String key = variable.getValueFrom().getConfigMapKeyRef().getKey();
            String value = configMap(map).map(m -> m.getData().get(key)).orElse(null);
            if (value == null) {
                problems.add(name + ": ConfigMap " + map + " has no key " + key);
            } else {
                variables.put(name, new Provided("ConfigMap " + map, value));
            }
        } else if (variable.getValueFrom().getSecretKeyRef() != null) {
            String secret = variable.getValueFrom().getSecretKeyRef().getName();
            String key = variable.getValueFrom().getSecretKeyRef().getKey();
            Optional<String> problem = secretKeyProblem(secret, key);
            if (problem.isPresent()) {
                problems.add(name + ": " + problem.get());
            } else {
                variables.put(name, new Provided("Secret " + secret, null));
            }
        } else {
            // fieldRef and resourceFieldRef come from the pod itself
            variables.put(name, new Provided("downward API", null));
        }
    }

    /** Empty when the key will exist: the Secret is in the manifests, or an operator generates it with that key. */
    Optional<String> secretKeyProblem(String secret, String key) {
        Optional<KubeObject> inManifests = manifests.find("Secret", secret);
        if (inManifests.isPresent()) {
            return secretKeys(inManifests.get()).contains(key) ? Optional.empty()
                    : Optional.of("Secret " + secret + " has no key " + key);
        }
        Optional<OperatorSecrets.Generated> generated = OperatorSecrets.generated(secret, manifests);
        if (generated.isPresent()) {
            return generated.get().keys().contains(key) ? Optional.empty()
                    : Optional.of(generated.get().operator() + " does not put " + key + " in " + secret);
        }
        return Optional.of("Secret " + secret + " is neither in the manifests nor generated by an operator");
    }

    private Optional<ConfigMap> configMap(String name) {
        return manifests.find("ConfigMap", name).map(object -> TypedObjects.as(object, ConfigMap.class));
    }

    private static Set<String> secretKeys(KubeObject secret) {
        Set<String> keys = new TreeSet<>();
        for (String field : List.of("data", "stringData")) {
            JsonNode values = secret.tree().path(field);
            values.fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }
}
