package org.junheng.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import org.junheng.contracts.notices.Audience;
import org.junheng.contracts.notices.AudienceKind;
import org.junit.jupiter.api.Test;

class SharedValuesTest {

    @Test
    void subjectKeysIgnoreTheSchoolName() {
        assertEquals("county", Subject.county().key());
        assertEquals("2150010401", Subject.school("2150010401", "重庆市大渡口区实验小学").key());
        assertEquals("2150010401/P", Subject.schoolSection("2150010401", "旧校名", Section.P).key());
    }

    @Test
    void subjectsAreConsistentWithTheirLevel() {
        assertThrows(IllegalArgumentException.class, () -> new Subject(SubjectLevel.COUNTY, "2150010401", null, null));
        assertThrows(IllegalArgumentException.class, () -> new Subject(SubjectLevel.SCHOOL, "2150010401", "实验小学", Section.P));
        assertThrows(IllegalArgumentException.class, () -> new Subject(SubjectLevel.SCHOOL_SECTION, "2150010401", "实验小学", null));
        assertThrows(IllegalArgumentException.class, () -> new Subject(SubjectLevel.SCHOOL, null, null, null));
    }

    @Test
    void findingIdsAreDeterministicAndDistinguishEveryPart() {
        Subject primary = Subject.schoolSection("2150010401", "重庆市大渡口区实验小学", Section.P);
        UUID id = FindingIds.derive("500104", 2024, primary, IndicatorCode.RA5);

        assertEquals(id, FindingIds.derive("500104", 2024,
                Subject.schoolSection("2150010401", "改名后的校名", Section.P), IndicatorCode.RA5));
        assertEquals(3, id.version());
        assertNotEquals(id, FindingIds.derive("500105", 2024, primary, IndicatorCode.RA5));
        assertNotEquals(id, FindingIds.derive("500104", 2025, primary, IndicatorCode.RA5));
        assertNotEquals(id, FindingIds.derive("500104", 2024,
                Subject.schoolSection("2150010401", "重庆市大渡口区实验小学", Section.J), IndicatorCode.RA5));
        assertNotEquals(id, FindingIds.derive("500104", 2024, primary, IndicatorCode.RA4));
    }

    @Test
    void audiencesNameADepartmentOrSchoolOnlyWhenTheirKindNeedsIt() {
        assertEquals("DEPARTMENT/cz", new Audience(AudienceKind.DEPARTMENT, "cz").key());
        assertEquals("SUPERVISION_OFFICE", new Audience(AudienceKind.SUPERVISION_OFFICE, null).key());
        assertThrows(IllegalArgumentException.class, () -> new Audience(AudienceKind.SCHOOL, null));
        assertThrows(IllegalArgumentException.class, () -> new Audience(AudienceKind.DISTRICT, "500104"));
    }

    @Test
    void topicsAndTheirShortNames() {
        assertEquals(List.of("junheng.school-data.v1", "junheng.evaluation.v1", "junheng.rectification.v1",
                "junheng.notices.v1", "junheng.operations.v1"), Topics.all());
        assertEquals(List.of("school-data", "evaluation", "rectification", "notices", "operations"),
                Topics.all().stream().map(Topics::shortName).toList());
        assertEquals(Topics.NOTICES, Topics.topicForShortName(Topics.NOTICES_SHORT_NAME));
        assertThrows(IllegalArgumentException.class, () -> Topics.shortName("junheng.notices.v2"));
        assertThrows(IllegalArgumentException.class, () -> Topics.topicForShortName("notice"));
    }

    @Test
    void schoolTypesKnowTheirSections() {
        assertEquals(List.of(Section.P, Section.J), SchoolType.NINE_YEAR.sections());
        assertEquals(List.of(Section.J), SchoolType.COMPLETE_SECONDARY.sections());
        assertEquals(true, SchoolType.TWELVE_YEAR.hasSeniorSection());
        assertEquals(false, SchoolType.NINE_YEAR.hasSeniorSection());
        assertEquals("九年一贯制", SchoolType.NINE_YEAR.label());
        assertEquals("教学点", SchoolType.TEACHING_POINT.label());
    }
}
