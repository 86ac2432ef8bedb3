package org.junheng.eventsourcing.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junheng.contracts.EventCatalog;

/**
 * The published JSON Schemas of the contracts, read from the classpath by their {@code $id} and compiled once per
 * event type: what a consumer checks a payload against before it maps it onto the event record.
 */
public final class PayloadSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(EventCatalog.SCHEMA_ID_BASE,
                    "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    private PayloadSchemas() {
    }

    /** The schema violations of {@code payload} as "path: message" lines; empty when it conforms. */
    public static List<String> violations(EventCatalog.Entry entry, JsonNode payload) {
        JsonSchema schema = COMPILED.computeIfAbsent(entry.schemaId(),
                id -> FACTORY.getSchema(SchemaLocation.of(id), CONFIG));
        return schema.validate(payload).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
