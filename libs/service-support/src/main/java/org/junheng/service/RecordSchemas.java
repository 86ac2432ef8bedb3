package org.junheng.service;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junheng.contracts.Nullable;

/**
 * What the records behind the OpenAPI schemas say and SmallRye does not read: a component without {@link Nullable} is
 * required (the rule the event contracts' JSON Schemas already follow; a {@code boolean} reads as false when absent),
 * and Jackson's {@link JsonPropertyDescription}
 * and {@link JsonClassDescription} — the contracts' descriptions — describe the REST fields too.
 *
 * <p>SmallRye names a schema after the class's simple name (with a digit appended when two classes share it), so a
 * schema is matched to the record of that simple name whose components are exactly the schema's properties.
 */
final class RecordSchemas {

    private final Map<String, List<Class<?>>> bySimpleName = new HashMap<>();

    /** The records among {@code roots} and every record their components reach. */
    RecordSchemas(Collection<Class<?>> roots) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        for (Class<?> root : roots) {
            try {
                collect(root, seen);
            } catch (LinkageError | TypeNotPresentException | SecurityException notReadable) {
                // a record of an indexed library whose optional classes are absent: SmallRye skipped it too
            }
        }
        seen.forEach(type -> bySimpleName.computeIfAbsent(type.getSimpleName(), name -> new ArrayList<>()).add(type));
    }

    private static void collect(Type type, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, seen);
            }
        } else if (type instanceof Class<?> cls && cls.isRecord() && seen.add(cls)) {
            for (RecordComponent component : cls.getRecordComponents()) {
                collect(component.getGenericType(), seen);
            }
        }
    }

    /** The record a schema was generated from, when exactly one fits its name and properties. */
    Optional<Class<?>> recordOf(String schemaName, Schema schema) {
        String simpleName = bySimpleName.containsKey(schemaName) ? schemaName : schemaName.replaceFirst("\\d+$", "");
        Set<String> properties = schema.getProperties() == null ? Set.of() : schema.getProperties().keySet();
        List<Class<?>> fitting = bySimpleName.getOrDefault(simpleName, List.of()).stream()
                .filter(type -> propertyNames(type).equals(properties)).toList();
        // two records of one name and the same properties (AccountabilityRequest of a task and of a unit) say the same
        return fitting.stream().findFirst().filter(first -> fitting.stream()
                .allMatch(other -> required(other).equals(required(first))));
    }

    /** Marks the record's required properties and fills descriptions SmallRye left empty. */
    static void describe(Schema schema, Class<?> type) {
        JsonClassDescription about = type.getAnnotation(JsonClassDescription.class);
        if (schema.getDescription() == null && about != null) {
            schema.setDescription(about.value());
        }
        List<String> required = new ArrayList<>(schema.getRequired() == null ? List.of() : schema.getRequired());
        for (RecordComponent component : properties(type)) {
            String name = propertyName(component);
            Schema property = schema.getProperties().get(name);
            JsonPropertyDescription description = field(type, component)
                    .map(field -> field.getAnnotation(JsonPropertyDescription.class)).orElse(null);
            if (property != null && property.getDescription() == null && description != null) {
                property.setDescription(description.value());
            }
            if (!nullable(component) && !required.contains(name)) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            schema.setRequired(required);
        }
    }

    private static Set<String> propertyNames(Class<?> type) {
        return properties(type).stream().map(RecordSchemas::propertyName).collect(Collectors.toSet());
    }

    private static List<String> required(Class<?> type) {
        return properties(type).stream().filter(component -> !nullable(component)).map(RecordSchemas::propertyName)
                .toList();
    }

    private static List<RecordComponent> properties(Class<?> type) {
        return java.util.Arrays.stream(type.getRecordComponents()).filter(component -> field(type, component)
                .map(field -> !field.isAnnotationPresent(JsonIgnore.class)).orElse(true)).toList();
    }

    private static String propertyName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }

    /** May be left out: marked {@code @Nullable}, optional, or a truth value (Jackson reads an absent one as false). */
    private static boolean nullable(RecordComponent component) {
        return component.isAnnotationPresent(Nullable.class) || component.getType() == Optional.class
                || component.getType() == boolean.class;
    }

    private static Optional<Field> field(Class<?> type, RecordComponent component) {
        try {
            return Optional.of(type.getDeclaredField(component.getName()));
        } catch (NoSuchFieldException impossible) {
            return Optional.empty();
        }
    }
}
