package org.junheng.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a Kustomize directory the way {@code kubectl kustomize} does, for the few features k8s/ uses:
 * {@code resources} (files and directories with their own kustomization), {@code namespace}, {@code images},
 * {@code patches} given as JSON 6902 files with a kind/name target, and {@code configMapGenerator} from files without
 * a name hash. Anything else is rejected rather than ignored, so
 * a kustomization that uses a feature this renderer does not implement fails the build instead of being validated
 * wrongly. Where kubectl is installed, {@link KubectlKustomizeTest} compares the two renderings.
 */
final class KustomizeRenderer {

    private static final Set<String> KUSTOMIZATION_FIELDS =
            Set.of("apiVersion", "kind", "resources", "namespace", "images", "patches", "configMapGenerator");
    private static final Set<String> GENERATOR_FIELDS = Set.of("name", "files", "options");
    private static final Set<String> GENERATOR_OPTION_FIELDS = Set.of("labels", "disableNameSuffixHash");
    private static final Set<String> PATCH_FIELDS = Set.of("path", "target");
    private static final Set<String> TARGET_FIELDS = Set.of("group", "version", "kind", "name");
    private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag", "digest");
    /** Kinds without a namespace: the namespace transformer leaves them alone. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "PersistentVolume",
            "StorageClass", "PriorityClass", "IngressClass", "RuntimeClass");
    /** Kinds whose namespace references kustomize also rewrites; not implemented here, so not allowed. */
    private static final Set<String> UNSUPPORTED_KINDS = Set.of("RoleBinding", "ClusterRoleBinding",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "CustomResourceDefinition",
            "List");

    private KustomizeRenderer() {
    }

    static List<KubeObject> render(Path directory) {
        return render(directory.toAbsolutePath().normalize(), new HashSet<>());
    }

    private static List<KubeObject> render(Path directory, Set<Path> visiting) {
        if (!visiting.add(directory)) {
            throw new IllegalArgumentException("kustomization cycle through " + directory);
        }
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + directory);
        }
        ObjectNode kustomization = Yaml.single(file);
        onlyFields(kustomization, KUSTOMIZATION_FIELDS, file + "");

        List<KubeObject> objects = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path resource = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(resource)) {
                objects.addAll(render(resource, visiting));
            } else {
                for (JsonNode document : Yaml.documents(resource)) {
                    if (!document.isObject()) {
                        throw new IllegalArgumentException(resource + ": a document that is not a mapping");
                    }
                    objects.add(new KubeObject((ObjectNode) document, Project.root().relativize(resource).toString()));
                }
            }
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            objects.add(generateConfigMap(directory, generator, file));
        }
        for (KubeObject object : objects) {
            if (UNSUPPORTED_KINDS.contains(object.kind())) {
                throw new IllegalArgumentException(object + ": kind not supported by this renderer");
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(directory, patch, objects, file);
        }
        if (kustomization.has("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            for (KubeObject object : objects) {
                if (!CLUSTER_SCOPED.contains(object.kind())) {
                    ((ObjectNode) object.tree().get("metadata")).put("namespace", namespace);
                }
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            onlyFields(image, IMAGE_FIELDS, file + " images");
            for (KubeObject object : objects) {
                rewriteImages(object.tree(), image);
            }
        }
        Set<String> ids = new HashSet<>();
        for (KubeObject object : objects) {
            if (!ids.add(object.id())) {
                throw new IllegalArgumentException(directory + ": " + object.id() + " is defined twice");
            }
        }
        visiting.remove(directory);
        return objects;
    }

    /** A ConfigMap whose keys are files ({@code key=path} or {@code path}, keyed by its file name). */
    private static KubeObject generateConfigMap(Path directory, JsonNode generator, Path file) {
        onlyFields(generator, GENERATOR_FIELDS, file + " configMapGenerator");
        JsonNode options = generator.path("options");
        onlyFields(options, GENERATOR_OPTION_FIELDS, file + " configMapGenerator options");
        if (!options.path("disableNameSuffixHash").asBoolean()) {
            throw new IllegalArgumentException(file + ": generated names with a hash suffix are not implemented here;"
                    + " set options.disableNameSuffixHash: true");
        }
        ObjectNode configMap = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        configMap.put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode metadata = configMap.putObject("metadata").put("name", generator.path("name").asText());
        if (options.has("labels")) {
            metadata.set("labels", options.get("labels").deepCopy());
        }
        ObjectNode data = configMap.putObject("data");
        for (JsonNode entry : generator.path("files")) {
            String text = entry.asText();
            int equals = text.indexOf('=');
            Path source = directory.resolve(equals < 0 ? text : text.substring(equals + 1)).normalize();
            String key = equals < 0 ? source.getFileName().toString() : text.substring(0, equals);
            try {
                data.put(key, Files.readString(source));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(file + ": cannot read " + source, e);
            }
        }
        return new KubeObject(configMap, Project.root().relativize(directory.resolve("kustomization.yaml")).toString());
    }

    private static void applyPatch(Path directory, JsonNode patch, List<KubeObject> objects, Path file) {
        onlyFields(patch, PATCH_FIELDS, file + " patches");
        JsonNode target = patch.path("target");
        onlyFields(target, TARGET_FIELDS, file + " patch target");
        if (!patch.path("path").isTextual() || !target.path("kind").isTextual()) {
            throw new IllegalArgumentException(file + ": a patch needs a path and a target kind");
        }
        Path patchFile = directory.resolve(patch.get("path").asText());
        List<JsonNode> documents = Yaml.documents(patchFile);
        if (documents.size() != 1 || !documents.get(0).isArray()) {
            throw new IllegalArgumentException(patchFile + ": only JSON 6902 patches (a list of operations) are supported");
        }
        int matched = 0;
        for (KubeObject object : objects) {
            if (matches(target, object)) {
                JsonPatch.apply(documents.get(0), object.tree(), patchFile + " on " + object.kind() + " " + object.name());
                matched++;
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException(patchFile + ": its target " + target + " matches nothing");
        }
    }

    private static boolean matches(JsonNode target, KubeObject object) {
        return equalsIfSet(target, "kind", object.kind())
                && equalsIfSet(target, "name", object.name())
                && equalsIfSet(target, "group", object.group())
                && equalsIfSet(target, "version", object.version());
    }

    private static boolean equalsIfSet(JsonNode target, String field, String actual) {
        return !target.has(field) || target.get(field).asText().equals(actual);
    }

    /** Sets every {@code containers[].image} and {@code initContainers[].image} whose name matches. */
    private static void rewriteImages(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if ((field.getKey().equals("containers") || field.getKey().equals("initContainers"))
                        && field.getValue().isArray()) {
                    for (JsonNode container : (ArrayNode) field.getValue()) {
                        if (container.path("image").isTextual()) {
                            String rewritten = rewrite(container.get("image").asText(), image);
                            ((ObjectNode) container).set("image", TextNode.valueOf(rewritten));
                        }
                    }
                }
                rewriteImages(field.getValue(), image);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                rewriteImages(element, image);
            }
        }
    }

    static String rewrite(String reference, JsonNode image) {
        ImageReference current = ImageReference.parse(reference);
        if (!current.name().equals(image.path("name").asText())) {
            return reference;
        }
        String name = image.has("newName") ? image.get("newName").asText() : current.name();
        if (image.has("digest")) {
            return name + "@" + image.get("digest").asText();
        }
        String tag = image.has("newTag") ? image.get("newTag").asText() : current.tag();
        return tag == null ? name : name + ":" + tag;
    }

    private static void onlyFields(JsonNode node, Set<String> allowed, String where) {
        if (node.isMissingNode()) {
            return;
        }
        Set<String> unsupported = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                unsupported.add(name);
            }
        });
        if (!unsupported.isEmpty()) {
            throw new IllegalArgumentException(where + ": unsupported field(s) " + unsupported
                    + "; this renderer implements only " + allowed);
        }
    }

    /** An image reference split into name, tag and digest ({@code registry/repo:tag@sha256:...}). */
    record ImageReference(String name, String tag, String digest) {

        static ImageReference parse(String reference) {
            String digest = null;
            String rest = reference;
            int at = rest.indexOf('@');
            if (at >= 0) {
                digest = rest.substring(at + 1);
                rest = rest.substring(0, at);
            }
            int colon = rest.lastIndexOf(':');
            if (colon > rest.lastIndexOf('/')) {
                return new ImageReference(rest.substring(0, colon), rest.substring(colon + 1), digest);
            }
            return new ImageReference(rest, null, digest);
        }
    }
}
