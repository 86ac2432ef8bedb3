package org.junheng.contracts;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Derives an event's JSON Schema (draft 2020-12) from its record. The committed schema files are what is published;
 * {@code SchemaFilesTest} fails when they and this derivation disagree, and rewrites them on request.
 *
 * <p>Rules: every record component is a property, required unless {@link Nullable} (then it also admits {@code null});
 * records and enums become {@code $defs}; objects admit no other properties; counts are non-negative integers. Code
 * formats follow the component name: {@code districtCode} (6 digits), {@code schoolCode}, {@code intoSchoolCode},
 * {@code schoolCodes} (10 digits), {@code sha256} (64 hex). Apart from {@code $defs}, which draft-07 tools reach by
 * JSON pointer anyway, only keywords shared with draft-07 are used, so AsyncAPI tools that read payloads as draft-07
 * understand them too.
 */
final class SchemaGenerator {

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final Map<String, String> PATTERNS_BY_NAME = Map.of(
            "districtCode", "^[0-9]{6}$",
            "schoolCode", "^[0-9]{10}$",
            "intoSchoolCode", "^[0-9]{10}$",
            "schoolCodes", "^[0-9]{10}$",
            "sha256", "^[0-9a-f]{64}$");

    /** Enums longer than this are described without listing their labels (IndicatorCode has 53). */
    private static final int MAX_LABELS_LISTED = 12;

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Map<String, ObjectNode> definitions = new TreeMap<>();
    private final Map<String, Class<?>> definedTypes = new HashMap<>();

    private SchemaGenerator() {
    }

    static ObjectNode schemaFor(EventCatalog.Entry entry) {
        return new SchemaGenerator().eventSchema(entry);
    }

    private ObjectNode eventSchema(EventCatalog.Entry entry) {
        ObjectNode root = nodes.objectNode();
        root.put("$schema", DIALECT);
        root.put("$id", entry.schemaId());
        root.put("title", entry.name());
        root.put("description", classDescription(entry.eventClass())
                + ". Topic " + entry.topic() + ", CloudEvents type " + entry.ceType() + ".");
        objectBody(root, entry.eventClass());
        if (!definitions.isEmpty()) {
            ObjectNode defs = root.putObject("$defs");
            definitions.forEach(defs::set);
        }
        return root;
    }

    private void objectBody(ObjectNode target, Class<?> recordType) {
        target.put("type", "object");
        ObjectNode properties = target.putObject("properties");
        ArrayNode required = nodes.arrayNode();
        for (RecordComponent component : recordType.getRecordComponents()) {
            boolean nullable = component.isAnnotationPresent(Nullable.class);
            ObjectNode type = typeSchema(component.getGenericType(), component.getName());
            ObjectNode property = nodes.objectNode();
            JsonPropertyDescription description = component.getAccessor().getAnnotation(JsonPropertyDescription.class);
            if (description != null) {
                property.put("description", description.value());
            }
            property.setAll(nullable ? orNull(type) : type);
            properties.set(component.getName(), property);
            if (!nullable) {
                required.add(component.getName());
            }
        }
        if (!required.isEmpty()) {
            target.set("required", required);
        }
        target.put("additionalProperties", false);
    }

    private ObjectNode typeSchema(Type type, String componentName) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            ObjectNode array = nodes.objectNode().put("type", "array");
            array.set("items", typeSchema(parameterized.getActualTypeArguments()[0], componentName));
            return array;
        }
        if (!(type instanceof Class<?> javaType)) {
            throw new IllegalArgumentException("no JSON Schema mapping for " + type + " (" + componentName + ")");
        }
        if (javaType == String.class) {
            ObjectNode string = nodes.objectNode().put("type", "string");
            String pattern = PATTERNS_BY_NAME.get(componentName);
            return pattern == null ? string : string.put("pattern", pattern);
        }
        if (javaType == int.class || javaType == Integer.class || javaType == long.class || javaType == Long.class) {
            ObjectNode integer = nodes.objectNode().put("type", "integer").put("minimum", 0);
            return componentName.startsWith("percent") ? integer.put("maximum", 100) : integer;
        }
        if (javaType == boolean.class || javaType == Boolean.class) {
            return nodes.objectNode().put("type", "boolean");
        }
        if (javaType == BigDecimal.class) {
            return nodes.objectNode().put("type", "number");
        }
        if (javaType == UUID.class) {
            return nodes.objectNode().put("type", "string").put("format", "uuid");
        }
        if (javaType == LocalDate.class) {
            return nodes.objectNode().put("type", "string").put("format", "date");
        }
        if (javaType == Instant.class) {
            return nodes.objectNode().put("type", "string").put("format", "date-time");
        }
        if (javaType.isEnum()) {
            return reference(javaType, this::enumSchema);
        }
        if (javaType.isRecord()) {
            return reference(javaType, this::recordSchema);
        }
        throw new IllegalArgumentException("no JSON Schema mapping for " + javaType.getName() + " (" + componentName + ")");
    }

    private ObjectNode reference(Class<?> javaType, Function<Class<?>, ObjectNode> definer) {
        String name = javaType.getSimpleName();
        Class<?> alreadyDefined = definedTypes.putIfAbsent(name, javaType);
        if (alreadyDefined != null && alreadyDefined != javaType) {
            throw new IllegalStateException("two types named " + name + ": " + alreadyDefined + " and " + javaType);
        }
        if (alreadyDefined == null) {
            definitions.put(name, definer.apply(javaType));
        }
        return nodes.objectNode().put("$ref", "#/$defs/" + name);
    }

    private ObjectNode recordSchema(Class<?> recordType) {
        ObjectNode definition = nodes.objectNode();
        definition.put("description", classDescription(recordType));
        objectBody(definition, recordType);
        return definition;
    }

    private ObjectNode enumSchema(Class<?> enumType) {
        List<?> constants = Arrays.asList(enumType.getEnumConstants());
        String description = classDescription(enumType);
        if (Labelled.class.isAssignableFrom(enumType) && constants.size() <= MAX_LABELS_LISTED) {
            description += ". " + constants.stream()
                    .map(constant -> jsonValue(constant) + " = " + ((Labelled) constant).label())
                    .collect(Collectors.joining("; "));
        }
        ObjectNode definition = nodes.objectNode();
        definition.put("description", description);
        definition.put("type", "string");
        ArrayNode values = definition.putArray("enum");
        constants.forEach(constant -> values.add(jsonValue(constant)));
        return definition;
    }

    /** The enum's JSON form as Jackson writes it, so {@code @JsonValue} codes such as {@code RA-SCHOOL} are honoured. */
    private static String jsonValue(Object constant) {
        return TestJson.MAPPER.valueToTree(constant).asText();
    }

    /** A nullable type: {@code "type": [t, "null"]} where possible, else {@code anyOf} with null. */
    private ObjectNode orNull(ObjectNode type) {
        if (type.path("type").isTextual()) {
            ObjectNode copy = type.deepCopy();
            copy.putArray("type").add(type.get("type").asText()).add("null");
            return copy;
        }
        ObjectNode anyOf = nodes.objectNode();
        anyOf.putArray("anyOf").add(type).add(nodes.objectNode().put("type", "null"));
        return anyOf;
    }

    private static String classDescription(Class<?> type) {
        JsonClassDescription description = type.getAnnotation(JsonClassDescription.class);
        if (description == null) {
            throw new IllegalStateException(type.getName() + " appears in a payload schema but has no @JsonClassDescription");
        }
        return description.value();
    }
}
