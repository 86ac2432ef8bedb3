package org.junheng.evaluation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junheng.evaluation.standard.StandardCatalog;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junit.jupiter.api.Test;

/**
 * The sample district's findings, as the evaluation raises them, are the rectification service's test input. This
 * keeps that committed file in step with the engine; regenerate with {@code -Djunheng.writeFixtures=true}.
 */
class SampleFindingsFixtureTest {

    static final Path FIXTURE = SampleDistrict.EXPECTED_SUMMARY.getParent().getParent().getParent().getParent()
            .getParent().getParent().resolve("rectification/src/test/resources/sample/dadukou-500104-2024-findings.json");

    @Test
    void theRectificationFixtureHoldsTheSampleFindings() throws IOException {
        var findings = Evaluator.evaluate(StandardCatalog.national(), SampleDistrict.inputs()).findings();
        JsonNode derived = PublishedEvents.JSON.valueToTree(findings);
        if (Boolean.getBoolean("junheng.writeFixtures")) {
            Files.writeString(FIXTURE, PublishedEvents.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(derived) + "\n", StandardCharsets.UTF_8);
        }
        JsonNode committed = PublishedEvents.JSON.readTree(FIXTURE.toFile());
        // numbers by value: 2.48E+3 and 2480.0 are the same measurement
        assertTrue(derived.equals((a, b) -> a.isNumber() && b.isNumber()
                        ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1, committed),
                FIXTURE + " is stale; regenerate with -Djunheng.writeFixtures=true");
        assertEquals(19, committed.size());
    }
}
