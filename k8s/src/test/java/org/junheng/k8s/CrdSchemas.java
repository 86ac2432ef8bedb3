package org.junheng.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Custom resources checked against the operators' CRDs (src/test/resources/crds). A CRD's openAPIV3Schema is a
 * structural OpenAPI schema; it becomes a JSON Schema (draft 4) with what the API server does on top of the plain
 * keywords: a field the schema does not declare is an error (strict field validation) unless the schema preserves
 * unknown fields, {@code nullable} admits null, and {@code x-kubernetes-int-or-string} admits both.
 */
final class CrdSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, JsonSchema> SCHEMAS = load(Project.path("k8s/src/test/resources/crds"));

    private CrdSchemas() {
    }

    static boolean knows(KubeObject object) {
        return SCHEMAS.containsKey(key(object.apiVersion(), object.kind()));
    }

    static List<String> violations(KubeObject object) {
        JsonSchema schema = SCHEMAS.get(key(object.apiVersion(), object.kind()));
        if (schema == null) {
            return List.of("no CRD for " + object.apiVersion() + " " + object.kind());
        }
        return schema.validate(object.tree()).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    private static Map<String, JsonSchema> load(Path directory) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        Map<String, JsonSchema> schemas = new HashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode crd : Yaml.documents(file)) {
                    String group = crd.path("spec").path("group").asText();
                    String kind = crd.path("spec").path("names").path("kind").asText();
                    for (JsonNode version : crd.path("spec").path("versions")) {
                        if (version.path("served").asBoolean()) {
                            JsonNode schema = structural(version.path("schema").path("openAPIV3Schema").deepCopy());
                            schemas.put(key(group + "/" + version.path("name").asText(), kind), factory.getSchema(schema));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }

    /** Rewrites one schema node and its children, in place. */
    static JsonNode structural(JsonNode node) {
        if (!(node instanceof ObjectNode schema)) {
            return node;
        }
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean intOrString = schema.path("x-kubernetes-int-or-string").asBoolean(false);
        boolean nullable = schema.path("nullable").asBoolean(false);
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            // Kubernetes extensions, and OpenAPI keywords that JSON Schema does not have (documentation only)
            if (name.startsWith("x-kubernetes-") || name.equals("nullable") || name.equals("example")
                    || name.equals("externalDocs")) {
                names.remove();
            }
        }
        schema.path("properties").forEach(CrdSchemas::structural);
        structural(schema.path("items"));
        if (schema.path("additionalProperties").isObject()) {
            structural(schema.get("additionalProperties"));
        }
        for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
            schema.path(combinator).forEach(CrdSchemas::structural);
        }
        structural(schema.path("not"));
        if (schema.has("properties") && !schema.has("additionalProperties") && !preserveUnknown) {
            schema.put("additionalProperties", false);
        }
        if (intOrString) {
            schema.remove("type");
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        if (nullable && schema.path("type").isTextual()) {
            ArrayNode types = NODES.arrayNode().add(schema.get("type").asText()).add("null");
            schema.set("type", types);
        }
        return schema;
    }
}
