package org.junheng.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code asyncapi.yaml} is a valid AsyncAPI 3.0.0 document and describes exactly the catalogue. The official schema in
 * src/test/resources/asyncapi is {@code schemas/3.0.0-without-$id.json} of github.com/asyncapi/spec-json-schemas at
 * commit 7dd3990d9fff9df76e81c8d2ab544e0000f29aff.
 */
class AsyncApiTest {

    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    /** Payload references are relative to the module root, where the file lives. */
    private static final String PAYLOAD_REFERENCE_PREFIX = "./src/main/resources/";
    private static final String MESSAGES = "#/components/messages/";

    private static JsonNode document;

    @BeforeAll
    static void readDocument() throws IOException {
        document = new YAMLMapper().readTree(MODULE.resolve("asyncapi.yaml").toFile());
    }

    static Stream<Named<EventCatalog.Entry>> entries() {
        return EventCatalog.all().stream().map(entry -> Named.of(entry.storedType(), entry));
    }

    @Test
    void isValidAgainstTheOfficialAsyncApi300Schema() throws IOException {
        assertEquals(Set.of(), asyncApiSchema().validate(document));
    }

    /** Proves the validation above is real: the official schema catches a broken document. */
    @Test
    void theOfficialSchemaRejectsABrokenDocument() throws IOException {
        ObjectNode broken = document.deepCopy();
        broken.remove("info");
        ((ObjectNode) broken.at("/components/messages/NoticeIssued/bindings/kafka")).put("bindingVersion", "9.9.9");

        Set<ValidationMessage> errors = asyncApiSchema().validate(broken);

        assertTrue(errors.stream().anyMatch(error -> error.getMessage().contains("info")), errors.toString());
        assertTrue(errors.stream().anyMatch(error -> error.getMessage().contains("bindingVersion")), errors.toString());
    }

    @Test
    void theJarCarriesTheModuleFile() throws IOException {
        try (InputStream onClasspath = getClass().getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            assertArrayEquals(Files.readAllBytes(MODULE.resolve("asyncapi.yaml")), onClasspath.readAllBytes());
        }
    }

    @Test
    void channelsAreTheFourTopicsEachWithItsCatalogueMessages() {
        Map<String, Set<String>> messagesByAddress = new HashMap<>();
        document.get("channels").properties().forEach(channel -> {
            Set<String> names = new HashSet<>();
            channel.getValue().get("messages").properties().forEach(message -> {
                assertEquals(MESSAGES + message.getKey(), message.getValue().get("$ref").textValue());
                names.add(message.getKey());
            });
            messagesByAddress.put(channel.getValue().get("address").textValue(), names);
        });

        Map<String, Set<String>> expected = Topics.all().stream().collect(Collectors.toMap(topic -> topic,
                topic -> EventCatalog.forTopic(topic).stream().map(EventCatalog.Entry::name).collect(Collectors.toSet())));
        assertEquals(expected, messagesByAddress);
    }

    @Test
    void componentsDescribeNoMessageOutsideTheCatalogue() {
        Set<String> described = document.at("/components/messages").properties().stream()
                .map(Map.Entry::getKey).collect(Collectors.toSet());

        assertEquals(EventCatalog.all().stream().map(EventCatalog.Entry::name).collect(Collectors.toSet()), described);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void messageNamesItsCloudEventsTypeAndSchema(EventCatalog.Entry entry) {
        JsonNode message = document.at("/components/messages/" + entry.name());
        String payloadReference = message.at("/payload/$ref").textValue();

        assertEquals(entry.name(), message.get("name").textValue());
        assertEquals(entry.ceType(), message.at("/headers/allOf/1/properties/ce_type/const").textValue());
        assertEquals("#/components/schemas/CloudEventsKafkaHeaders", message.at("/headers/allOf/0/$ref").textValue());
        assertEquals(PAYLOAD_REFERENCE_PREFIX + entry.schemaResource(), payloadReference);
        assertTrue(Files.isRegularFile(MODULE.resolve(payloadReference)), payloadReference);
    }

    /**
     * The key schemas are written inline: the official schema's {@code oneOf [Reference, schema]} for the Kafka key
     * matches a bare {@code $ref} twice, so a referenced key would make the document invalid.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void declaredKafkaKeyAcceptsTheEventsMessageKey(EventCatalog.Entry entry) {
        JsonNode keySchemaNode = document.at("/components/messages/" + entry.name() + "/bindings/kafka/key");
        JsonSchema keySchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(keySchemaNode);
        PublishedEvent sample = SampleEvents.all().stream().filter(entry.eventClass()::isInstance).findFirst().orElseThrow();

        assertEquals(Set.of(), keySchema.validate(TextNode.valueOf(sample.messageKey())), sample.messageKey());
        assertFalse(keySchema.validate(TextNode.valueOf("no/key")).isEmpty(), "the key schema constrains the key");
    }

    @Test
    void describesEveryCloudEventsAndJunhengHeader() {
        JsonNode headers = document.at("/components/schemas/CloudEventsKafkaHeaders");
        Set<String> described = headers.get("properties").properties().stream()
                .map(Map.Entry::getKey).collect(Collectors.toSet());

        assertEquals(Set.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID, CloudEventHeaders.SOURCE,
                CloudEventHeaders.TYPE, CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT, CloudEventHeaders.CONTENT_TYPE,
                CloudEventHeaders.DISTRICT, CloudEventHeaders.CORRELATION_ID, CloudEventHeaders.CAUSATION_ID,
                CloudEventHeaders.ACTOR, CloudEventHeaders.TRACEPARENT), described);
        assertEquals(CloudEventHeaders.SPEC_VERSION_VALUE,
                headers.at("/properties/" + CloudEventHeaders.SPEC_VERSION + "/const").textValue());
        assertEquals(CloudEventHeaders.CONTENT_TYPE_JSON,
                headers.at("/properties/" + CloudEventHeaders.CONTENT_TYPE + "/const").textValue());
        List<String> required = headers.get("required").valueStream().map(JsonNode::textValue).toList();
        assertTrue(required.containsAll(List.of(CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE,
                CloudEventHeaders.DISTRICT)), required.toString());
    }

    @Test
    void eachTopicHasASendOperationForAllItsMessages() {
        Map<String, Set<String>> sentByChannel = new HashMap<>();
        document.get("operations").properties().forEach(operation -> {
            JsonNode body = operation.getValue();
            assertEquals("send", body.get("action").textValue(), operation.getKey());
            Set<String> sent = body.get("messages").valueStream().map(ref -> ref.get("$ref").textValue())
                    .collect(Collectors.toSet());
            sentByChannel.put(body.at("/channel/$ref").textValue(), sent);
        });

        Map<String, Set<String>> channelMessages = new HashMap<>();
        document.get("channels").properties().forEach(channel -> channelMessages.put("#/channels/" + channel.getKey(),
                channel.getValue().get("messages").properties().stream()
                        .map(message -> "#/channels/" + channel.getKey() + "/messages/" + message.getKey())
                        .collect(Collectors.toSet())));
        assertEquals(channelMessages, sentByChannel);
    }

    private JsonSchema asyncApiSchema() throws IOException {
        try (InputStream schema = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        }
    }
}
