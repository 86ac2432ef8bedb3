package org.junheng.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * An example body for a request or response, composed from its schema: each field's own example where the record
 * gives one ({@code @Schema(example = …)}) or writes into its description ("…, e.g. 王敏", the contracts' way), the
 * first allowed value of an enumeration, a date or time in the form the API takes, the example another body gives an
 * identifier of the same name, and otherwise the field's name in words (the head of its description). Every required field is in it;
 * an optional one only where the record gives it an example or it holds an object or list — a guessed value for an
 * optional field (an outcome for a stage that takes none) would show a body the API refuses. A department's developer
 * sees a whole body per operation rather than Swagger UI's {@code "string"} placeholders.
 */
final class ApiExamples {

    static final String DATE = "2026-03-31";
    static final String DATE_TIME = "2026-03-31T09:00:00+08:00";
    static final String UUID = "0b6f3f0e-5a7d-4c1b-9e2a-6d1f8c3b2a10";

    /** "…, e.g. 王敏": an example written into a (contract's) description. */
    private static final java.util.regex.Pattern E_G = java.util.regex.Pattern.compile("e\\.g\\.\\s*([^;；,，()（）]+)");

    private final Map<String, Schema> components;

    /**
     * The examples identifier fields are given, by field name: a response's {@code district} shows the request's
     * 500104, a simulation's {@code schoolCode} a real school code. Only identifiers: a {@code name} or a
     * {@code description} means something else in every record.
     */
    private final Map<String, Object> byName = new java.util.HashMap<>();

    ApiExamples(Map<String, Schema> components) {
        this.components = components == null ? Map.of() : components;
        this.components.values().forEach(schema -> {
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> {
                    Object given = given(property);
                    if (given instanceof String && identifier(name)) {
                        byName.putIfAbsent(name, given);
                    }
                });
            }
        });
    }

    Object of(Schema schema) {
        return of(schema, null, new HashSet<>());
    }

    private Object of(Schema schema, String property, Set<String> within) {
        if (schema == null) {
            return null;
        }
        Object given = given(schema);
        if (given != null) {
            return coerce(given, schema);
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (!within.add(name)) {
                return null; // a type that contains itself (a tree): one level is example enough
            }
            Object example = of(components.get(name), property, within);
            within.remove(name);
            return example;
        }
        if (schema.getConstValue() != null) {
            return schema.getConstValue();
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return of(schema.getOneOf().get(0), property, within);
        }
        if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
            return of(schema.getAnyOf().get(0), property, within);
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Schema part : schema.getAllOf()) {
                if (of(part, property, within) instanceof Map<?, ?> fields) {
                    fields.forEach((key, value) -> merged.put(String.valueOf(key), value));
                }
            }
            return merged;
        }
        Schema.SchemaType type = type(schema);
        if (type == null) {
            return object(schema, within); // any JSON value, or an object by its properties
        }
        switch (type) {
            case OBJECT:
                return object(schema, within);
            case ARRAY:
                Object item = of(schema.getItems(), property, within);
                return item == null ? List.of() : List.of(item);
            case INTEGER:
                return schema.getMinimum() != null ? schema.getMinimum().intValue() : 1;
            case NUMBER:
                return schema.getMinimum() != null ? schema.getMinimum() : new BigDecimal("1.5");
            case BOOLEAN:
                return true;
            case STRING:
                return string(schema, property);
            default:
                return null;
        }
    }

    private Map<String, Object> object(Schema schema, Set<String> within) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (schema.getProperties() != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().forEach((name, property) -> {
                Object value = required.contains(name) || shown(property) ? of(property, name, within) : null;
                if (value != null) {
                    fields.put(name, value);
                }
            });
        } else if (schema.getAdditionalPropertiesSchema() != null) {
            Object value = of(schema.getAdditionalPropertiesSchema(), null, within);
            if (value != null) {
                fields.put("key", value);
            }
        }
        return fields;
    }

    private static boolean identifier(String field) {
        return field.equals("district") || field.endsWith("Code") || field.endsWith("Id");
    }

    /** An optional field is shown when its value is given or is a structure (an object or a list). */
    private boolean shown(Schema property) {
        if (given(property) != null) {
            return true;
        }
        Schema target = property.getRef() == null ? property
                : components.get(property.getRef().substring(property.getRef().lastIndexOf('/') + 1));
        if (target == null) {
            return false;
        }
        Schema.SchemaType type = type(target);
        return given(target) == null && (type == Schema.SchemaType.OBJECT || type == Schema.SchemaType.ARRAY
                || type == null && target.getProperties() != null);
    }

    private String string(Schema schema, String property) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        switch (format) {
            case "date":
                return DATE;
            case "date-time":
                return DATE_TIME;
            case "uuid":
                return UUID;
            case "binary":
            case "byte":
                return "";
            default:
                break;
        }
        if (property != null && byName.get(property) instanceof String named && !named.startsWith("[")) {
            return named;
        }
        String description = schema.getDescription();
        java.util.regex.Matcher named = description == null ? null : E_G.matcher(description);
        if (named != null && named.find()) {
            return named.group(1).strip(); // "display name, e.g. 王敏": the contracts give their examples in words
        }
        if (description != null && !description.isBlank()) {
            int end = description.indexOf(" (");
            return (end > 0 ? description.substring(0, end) : description).strip();
        }
        return property == null ? "…" : property;
    }

    private static Object given(Schema schema) {
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        @SuppressWarnings("deprecation")
        Object example = schema.getExample();
        return example;
    }

    /** Annotations give every example as text; a number or a truth value goes out as one. */
    private static Object coerce(Object example, Schema schema) {
        if (!(example instanceof String text)) {
            return example;
        }
        Schema.SchemaType type = type(schema);
        try {
            if (type == Schema.SchemaType.INTEGER) {
                return Long.parseLong(text.strip());
            }
            if (type == Schema.SchemaType.NUMBER) {
                return new BigDecimal(text.strip());
            }
        } catch (NumberFormatException notANumber) {
            return example;
        }
        if (type == Schema.SchemaType.BOOLEAN && ("true".equals(text) || "false".equals(text))) {
            return Boolean.valueOf(text);
        }
        return example;
    }

    private static Schema.SchemaType type(Schema schema) {
        if (schema.getType() == null) {
            return null;
        }
        List<Schema.SchemaType> types = new ArrayList<>(schema.getType());
        types.remove(Schema.SchemaType.NULL);
        return types.isEmpty() ? null : types.get(0);
    }
}
