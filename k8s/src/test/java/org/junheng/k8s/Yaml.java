package org.junheng.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** YAML to Jackson trees; a file may hold several documents separated by {@code ---}. */
final class Yaml {

    static final ObjectMapper MAPPER = new YAMLMapper();

    private Yaml() {
    }

    /** Every non-empty document of the file, in order. */
    static List<JsonNode> documents(Path file) {
        return documents(Project.read(file), file.toString());
    }

    static List<JsonNode> documents(String text, String origin) {
        List<JsonNode> documents = new ArrayList<>();
        // a parser, not MAPPER.readValues: that would unwrap a document that is a list (a JSON patch) into its items
        try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
            while (parser.nextToken() != null) {
                JsonNode document = MAPPER.readTree(parser);
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + origin + ": " + e.getMessage(), e);
        }
        return documents;
    }

    /** The file's only document, which must be a mapping. */
    static ObjectNode single(Path file) {
        List<JsonNode> documents = documents(file);
        if (documents.size() != 1 || !documents.get(0).isObject()) {
            throw new IllegalArgumentException(file + ": expected one YAML mapping, found " + documents.size() + " documents");
        }
        return (ObjectNode) documents.get(0);
    }
}
