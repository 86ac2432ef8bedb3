package org.junheng.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * RFC 6902 JSON Patch, the operations the overlays use: {@code add}, {@code remove}, {@code replace}. Strict as the RFC
 * is: {@code replace} and {@code remove} need the target to exist, {@code add} needs its parent to exist, so a patch
 * that no longer matches the base fails instead of quietly doing something else.
 */
final class JsonPatch {

    private static final Set<String> OPERATIONS = Set.of("add", "remove", "replace");

    private JsonPatch() {
    }

    /** Applies the operations in order to {@code target}, in place. */
    static void apply(JsonNode operations, ObjectNode target, String origin) {
        if (!operations.isArray()) {
            throw new IllegalArgumentException(origin + ": a JSON patch is a list of operations");
        }
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText();
            if (!OPERATIONS.contains(op)) {
                throw new IllegalArgumentException(origin + ": unsupported patch operation '" + op + "'");
            }
            if (!operation.path("path").isTextual()) {
                throw new IllegalArgumentException(origin + ": a patch operation without a path");
            }
            String path = operation.get("path").asText();
            if ((op.equals("add") || op.equals("replace")) && !operation.has("value")) {
                throw new IllegalArgumentException(origin + ": " + op + " " + path + " without a value");
            }
            try {
                applyOne(op, parse(path), operation.get("value"), target);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + ": " + op + " " + path + ": " + e.getMessage(), e);
            }
        }
    }

    private static void applyOne(String op, List<String> tokens, JsonNode value, ObjectNode target) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("the whole document cannot be patched");
        }
        JsonNode parent = target;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = child(parent, token);
            if (parent == null) {
                throw new IllegalArgumentException("no '" + token + "' on the way");
            }
        }
        String last = tokens.get(tokens.size() - 1);
        JsonNode copy = value == null ? null : value.deepCopy();
        if (parent instanceof ObjectNode object) {
            boolean exists = object.has(last);
            switch (op) {
                case "add" -> object.set(last, copy);
                case "replace" -> {
                    requireExists(exists, last);
                    object.set(last, copy);
                }
                default -> {
                    requireExists(exists, last);
                    object.remove(last);
                }
            }
        } else if (parent instanceof ArrayNode array) {
            if (op.equals("add") && last.equals("-")) {
                array.add(copy);
                return;
            }
            int index = index(last);
            int limit = op.equals("add") ? array.size() : array.size() - 1;
            if (index > limit) {
                throw new IllegalArgumentException("index " + index + " out of range (size " + array.size() + ")");
            }
            switch (op) {
                case "add" -> array.insert(index, copy);
                case "replace" -> array.set(index, copy);
                default -> array.remove(index);
            }
        } else {
            throw new IllegalArgumentException("'" + last + "' is below a scalar");
        }
    }

    private static JsonNode child(JsonNode node, String token) {
        if (node instanceof ObjectNode object) {
            return object.get(token);
        }
        if (node instanceof ArrayNode array) {
            int index = index(token);
            return index < array.size() ? array.get(index) : null;
        }
        return null;
    }

    private static void requireExists(boolean exists, String token) {
        if (!exists) {
            throw new IllegalArgumentException("'" + token + "' does not exist");
        }
    }

    private static int index(String token) {
        if (!token.matches("0|[1-9][0-9]*")) {
            throw new IllegalArgumentException("'" + token + "' is not an array index");
        }
        return Integer.parseInt(token);
    }

    /** RFC 6901 pointer: "/a/b~1c" is a, then "b/c" ({@code ~1} is a slash, {@code ~0} a tilde). */
    static List<String> parse(String pointer) {
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer starts with '/': " + pointer);
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }
}
