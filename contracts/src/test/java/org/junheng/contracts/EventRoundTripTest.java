package org.junheng.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged;
import org.junheng.contracts.schooldata.SchoolEvent.SchoolClosed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every published event survives JSON as consumers read it, and its JSON is what its schema promises. */
class EventRoundTripTest {

    static Stream<Arguments> samples() {
        return SampleEvents.all().stream().map(event -> Arguments.of(EventCatalog.storedType(event.getClass()), event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void roundTripsToAnEqualRecord(String storedType, PublishedEvent event) throws Exception {
        byte[] json = TestJson.MAPPER.writeValueAsBytes(event);

        PublishedEvent read = TestJson.MAPPER.readValue(json, EventCatalog.classForStoredType(storedType));

        assertEquals(event, read);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void validatesAgainstItsSchema(String storedType, PublishedEvent event) {
        JsonNode json = TestJson.MAPPER.valueToTree(event);

        Set<ValidationMessage> errors = TestJson.validate(EventCatalog.entry(event.getClass()), json);

        assertEquals(Set.of(), errors, storedType + " " + json);
    }

    @Test
    void samplesCoverEveryCatalogueEntryOnceInCatalogueOrder() {
        List<Class<?>> sampled = SampleEvents.all().stream().<Class<?>>map(Object::getClass).toList();

        assertEquals(EventCatalog.all().stream().map(EventCatalog.Entry::eventClass).toList(), sampled);
    }

    @Test
    void chineseTextIsWrittenAsUtf8Characters() throws Exception {
        String json = new String(TestJson.MAPPER.writeValueAsBytes(SampleEvents.schoolRegistered()),
                StandardCharsets.UTF_8);

        assertTrue(json.contains("\"name\":\"重庆市大渡口区实验小学\""), json);
    }

    @Test
    void datesAreIsoStringsAndCodesAreStableStrings() {
        JsonNode closed = TestJson.MAPPER.valueToTree(SampleEvents.all().stream()
                .filter(SchoolClosed.class::isInstance).findFirst().orElseThrow());
        JsonNode readiness = TestJson.MAPPER.valueToTree(SampleEvents.all().stream()
                .filter(ReadinessChanged.class::isInstance).findFirst().orElseThrow());

        assertEquals("2024-07-31", closed.get("closedOn").textValue());
        assertEquals("RA-SCHOOL", readiness.at("/reasons/0/indicator").textValue());
    }
}
