package org.junheng.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.function.Consumer;
import org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged;
import org.junheng.contracts.evaluation.FindingEvent.FindingRaised;
import org.junheng.contracts.schooldata.SchoolEvent.SchoolClosed;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent.SchoolStatisticsSubmitted;
import org.junit.jupiter.api.Test;

/** The schemas reject what a consumer could not read; each case starts from a payload that validates. */
class SchemaValidationTest {

    @Test
    void missingRequiredFieldFails() {
        Set<ValidationMessage> errors = validateAltered(FindingRaised.class, json -> json.remove("severity"));

        assertMentions(errors, "severity");
    }

    @Test
    void missingRequiredFieldDeepInsideTheStatisticsFails() {
        Set<ValidationMessage> errors = validateAltered(SchoolStatisticsSubmitted.class,
                json -> ((ObjectNode) json.at("/statistics/sections/0/teachers")).remove("countyLevelKey"));

        assertMentions(errors, "countyLevelKey");
    }

    @Test
    void unknownSeverityFails() {
        Set<ValidationMessage> errors = validateAltered(FindingRaised.class, json -> json.put("severity", "CRITICAL"));

        assertMentions(errors, "severity");
    }

    @Test
    void unknownIndicatorCodeFails() {
        Set<ValidationMessage> errors = validateAltered(FindingRaised.class, json -> json.put("indicator", "RA9"));

        assertMentions(errors, "indicator");
    }

    /** Indicator codes travel as their stable code, never as the Java constant name. */
    @Test
    void indicatorConstantNameInsteadOfCodeFails() {
        Set<ValidationMessage> errors = validateAltered(ReadinessChanged.class,
                json -> ((ObjectNode) json.at("/reasons/0")).put("indicator", "RA_SCHOOL"));

        assertMentions(errors, "indicator");
    }

    @Test
    void undeclaredPropertyFails() {
        Set<ValidationMessage> errors = validateAltered(FindingRaised.class, json -> json.put("schoolName", "某小学"));

        assertMentions(errors, "schoolName");
    }

    @Test
    void malformedCodesAndFormatsFail() {
        assertMentions(validateAltered(FindingRaised.class, json -> json.put("districtCode", "50010")), "districtCode");
        assertMentions(validateAltered(FindingRaised.class, json -> json.put("findingId", "RA5-2024")), "findingId");
        assertMentions(validateAltered(SchoolClosed.class, json -> json.put("closedOn", "2024/07/31")), "closedOn");
        assertMentions(validateAltered(FindingRaised.class, json -> json.put("period", -1)), "period");
    }

    @Test
    void wrongTypeFails() {
        Set<ValidationMessage> errors = validateAltered(FindingRaised.class, json -> json.put("measured", "7.36"));

        assertMentions(errors, "measured");
    }

    @Test
    void optionalFieldsMayBeNullOrAbsentButRequiredOnesMayNotBeNull() {
        assertEquals(Set.of(), validateAltered(FindingRaised.class, json -> json.putNull("measured")));
        assertEquals(Set.of(), validateAltered(FindingRaised.class, json -> json.remove("required")));
        assertEquals(Set.of(), validateAltered(FindingRaised.class, json -> json.set("subject",
                TestJson.MAPPER.valueToTree(Subject.county()))));
        assertMentions(validateAltered(FindingRaised.class, json -> json.putNull("gap")), "gap");
    }

    @Test
    void listElementsAreCheckedToo() {
        Set<ValidationMessage> errors = validateAltered(SchoolStatisticsSubmitted.class,
                json -> ((ArrayNode) json.at("/statistics/wholeSchoolFacilities/musicRoomAreas")).add("大"));

        assertMentions(errors, "musicRoomAreas");
    }

    private static Set<ValidationMessage> validateAltered(Class<? extends PublishedEvent> type, Consumer<ObjectNode> change) {
        PublishedEvent sample = SampleEvents.all().stream().filter(type::isInstance).findFirst().orElseThrow();
        EventCatalog.Entry entry = EventCatalog.entry(type);
        ObjectNode json = TestJson.MAPPER.valueToTree(sample);
        assertEquals(Set.of(), TestJson.validate(entry, json), "the unaltered sample validates");

        change.accept(json);
        return TestJson.validate(entry, json);
    }

    private static void assertMentions(Set<ValidationMessage> errors, String field) {
        assertFalse(errors.isEmpty(), "expected a validation error about " + field);
        assertTrue(errors.stream().anyMatch(error -> error.getMessage().contains(field)), field + " not in " + errors);
    }
}
