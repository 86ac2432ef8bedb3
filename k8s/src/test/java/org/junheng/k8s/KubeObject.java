package org.junheng.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A rendered Kubernetes object as a tree, with the fields every object has. */
record KubeObject(ObjectNode tree, String origin) {

    KubeObject {
        for (String field : new String[] {"apiVersion", "kind"}) {
            if (!tree.path(field).isTextual()) {
                throw new IllegalArgumentException(origin + ": an object without " + field);
            }
        }
        if (!tree.path("metadata").path("name").isTextual()) {
            throw new IllegalArgumentException(origin + ": a " + tree.path("kind").asText() + " without metadata.name");
        }
    }

    String apiVersion() {
        return tree.get("apiVersion").asText();
    }

    /** The API group: "" for the core group ({@code v1}), else the part before the slash. */
    String group() {
        String apiVersion = apiVersion();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    String version() {
        String apiVersion = apiVersion();
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    String kind() {
        return tree.get("kind").asText();
    }

    String name() {
        return tree.get("metadata").get("name").asText();
    }

    String namespace() {
        JsonNode namespace = tree.path("metadata").path("namespace");
        return namespace.isTextual() ? namespace.asText() : null;
    }

    JsonNode spec() {
        return tree.path("spec");
    }

    JsonNode labels() {
        return tree.path("metadata").path("labels");
    }

    /** Identity as kustomize sees it: group, kind, namespace, name. */
    String id() {
        return group() + "/" + kind() + "/" + (namespace() == null ? "~" : namespace()) + "/" + name();
    }

    @Override
    public String toString() {
        return kind() + " " + name() + " (" + origin + ")";
    }
}
