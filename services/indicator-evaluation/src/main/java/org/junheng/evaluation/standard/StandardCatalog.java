package org.junheng.evaluation.standard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.SchoolType;
import org.junheng.contracts.Section;
import org.junheng.contracts.SubjectLevel;

/**
 * Loads standard versions and overlays from JSON. The national catalogue {@code CN-2017} is the classpath resource
 * {@code standards/CN-2017.json}; an overlay file names its own version and lists the parameters it replaces:
 * <pre>
 * {"version": "CQ-2021", "title": "…", "sources": ["…"],
 *  "thresholds": [{"code": "GG7", "key": "minimum", "value": 8000}],
 *  "settings": [{"key": "readiness.basicBalanceMinYearsBefore", "value": 3}],
 *  "apportioning": {"NINE_YEAR": {"J": 1.15}}}
 * </pre>
 * Numbers are read as exact decimals (never through {@code double}).
 */
public final class StandardCatalog {

    public static final String NATIONAL_VERSION = "CN-2017";
    private static final String RESOURCE_DIRECTORY = "standards/";

    /** Exact decimals, kept as written: a threshold of 0.50 stays 0.50 in texts and the catalogue. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static volatile Standard national;

    private StandardCatalog() {
    }

    /** The national standard {@code CN-2017}, loaded once. */
    public static Standard national() {
        Standard loaded = national;
        if (loaded == null) {
            loaded = fromClasspath(NATIONAL_VERSION);
            national = loaded;
        }
        return loaded;
    }

    /** A standard shipped as {@code standards/<version>.json} on the classpath. */
    public static Standard fromClasspath(String version) {
        String resource = RESOURCE_DIRECTORY + version + ".json";
        try (InputStream in = StandardCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no standard resource " + resource);
            }
            return fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** A complete standard version; rejected when any indicator or parameter the engine needs is missing. */
    public static Standard fromJson(InputStream in) {
        JsonNode root = read(in);
        Map<IndicatorCode, IndicatorRule> rules = new EnumMap<>(IndicatorCode.class);
        for (JsonNode node : root.path("indicators")) {
            IndicatorCode code = IndicatorCode.fromCode(text(node, "code"));
            List<Threshold> thresholds = new ArrayList<>();
            node.path("thresholds").forEach(t -> thresholds.add(threshold(t)));
            List<String> conventions = new ArrayList<>();
            node.path("conventions").forEach(c -> conventions.add(c.asText()));
            IndicatorRule rule = new IndicatorRule(code, SubjectLevel.valueOf(text(node, "measuredOn")),
                    Evidence.valueOf(text(node, "evidence")), node.path("unit").asText(""), text(node, "formula"),
                    node.path("formulaEnglish").asText(""), thresholds, conventions);
            if (rules.put(code, rule) != null) {
                throw new IllegalArgumentException("indicator " + code.code() + " appears twice");
            }
        }
        List<Threshold> settings = new ArrayList<>();
        root.path("settings").forEach(s -> settings.add(threshold(s)));
        JsonNode apportioning = root.path("apportioning");
        ApportioningWeights weights = new ApportioningWeights(weights(apportioning.path("weights")),
                apportioning.path("convention").asBoolean(false), apportioning.path("label").asText(""));
        return new Standard(text(root, "version"), root.path("title").asText(""), strings(root.path("sources")),
                settings, weights, rules);
    }

    /** An overlay; apply it with {@link Standard#withOverlay}. */
    public static StandardOverlay overlayFromJson(InputStream in) {
        JsonNode root = read(in);
        StandardOverlay.Builder builder = StandardOverlay.named(text(root, "version"))
                .title(root.path("title").asText(""));
        strings(root.path("sources")).forEach(builder::source);
        for (JsonNode node : root.path("thresholds")) {
            IndicatorCode code = IndicatorCode.fromCode(text(node, "code"));
            Section section = node.hasNonNull("section") ? Section.valueOf(node.get("section").asText()) : null;
            JsonNode value = node.path("value");
            if (value.isNumber()) {
                builder.set(code, text(node, "key"), section, value.decimalValue());
            } else {
                builder.setCode(code, text(node, "key"), section, value.asText());
            }
        }
        for (JsonNode node : root.path("settings")) {
            builder.setting(text(node, "key"), node.path("value").decimalValue());
        }
        weights(root.path("apportioning")).forEach((type, groups) ->
                groups.forEach((group, weight) -> builder.weight(type, group, weight)));
        return builder.build();
    }

    private static Threshold threshold(JsonNode node) {
        JsonNode value = node.path("value");
        if (!value.isNumber() && !value.isTextual()) {
            throw new IllegalArgumentException("parameter " + node.path("key").asText() + " needs a value");
        }
        return new Threshold(text(node, "key"),
                node.hasNonNull("section") ? Section.valueOf(node.get("section").asText()) : null,
                value.isNumber() ? value.decimalValue() : null,
                value.isTextual() ? value.asText() : null,
                node.path("unit").asText(""), node.path("convention").asBoolean(false), node.path("label").asText(""));
    }

    private static Map<SchoolType, Map<PupilGroup, BigDecimal>> weights(JsonNode node) {
        Map<SchoolType, Map<PupilGroup, BigDecimal>> weights = new EnumMap<>(SchoolType.class);
        for (Map.Entry<String, JsonNode> type : node.properties()) {
            Map<PupilGroup, BigDecimal> groups = new EnumMap<>(PupilGroup.class);
            for (Map.Entry<String, JsonNode> group : type.getValue().properties()) {
                BigDecimal weight = group.getValue().decimalValue();
                if (weight.signum() <= 0) {
                    throw new IllegalArgumentException("apportioning weight must be positive: " + type.getKey());
                }
                groups.put(PupilGroup.valueOf(group.getKey()), weight);
            }
            weights.put(SchoolType.valueOf(type.getKey()), groups);
        }
        return weights;
    }

    private static JsonNode read(InputStream in) {
        try {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse standard JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("missing field " + field + " in " + node);
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(item -> result.add(item.asText()));
        return result;
    }
}
