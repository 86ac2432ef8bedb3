package org.junheng.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed schema files are the published contract; this test keeps them and the records in step. After changing
 * a record, regenerate with {@code -Djunheng.contracts.writeSchemas=true}, review the diff, and commit it; a schema
 * change of an existing version that breaks consumers calls for a new version instead.
 */
class SchemaFilesTest {

    private static final boolean WRITE = Boolean.getBoolean("junheng.contracts.writeSchemas");
    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
    private static final Path RESOURCES = MODULE.resolve("src/main/resources");

    static Stream<Named<EventCatalog.Entry>> entries() {
        return EventCatalog.all().stream().map(entry -> Named.of(entry.storedType(), entry));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void committedSchemaIsTheOneDerivedFromTheRecord(EventCatalog.Entry entry) throws IOException {
        ObjectNode derived = SchemaGenerator.schemaFor(entry);
        Path file = RESOURCES.resolve(entry.schemaResource());
        if (WRITE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, TestJson.pretty(derived), StandardCharsets.UTF_8);
        }

        JsonNode committed = TestJson.MAPPER.readTree(file.toFile());

        assertEquals(derived, committed, entry.schemaResource() + " disagrees with " + entry.eventClass().getName()
                + "; regenerate with -Djunheng.contracts.writeSchemas=true and review the diff");
    }

    @Test
    void everySchemaFileHasACatalogueEntryAndEveryEntryAFile() throws IOException {
        Set<String> files;
        try (Stream<Path> walk = Files.walk(RESOURCES.resolve("schemas"))) {
            files = walk.filter(Files::isRegularFile)
                    .map(path -> RESOURCES.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/"))
                    .collect(Collectors.toSet());
        }

        assertEquals(EventCatalog.all().stream().map(EventCatalog.Entry::schemaResource).collect(Collectors.toSet()), files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void schemaIsOnTheClasspathUnderItsId(EventCatalog.Entry entry) {
        assertNotNull(getClass().getClassLoader().getResource(entry.schemaResource()), entry.schemaResource());
        assertEquals(entry.schemaId(), TestJson.payloadSchema(entry).getSchemaNode().get("$id").textValue());
    }
}
