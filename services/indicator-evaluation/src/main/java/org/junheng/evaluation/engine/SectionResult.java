package org.junheng.evaluation.engine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.SchoolType;
import org.junheng.contracts.Section;
import org.junheng.contracts.Subject;

/**
 * The resource allocation of one school section in scope (STANDARD.md §1): RA1–RA7 and the school pass rule.
 *
 * @param facilityShare share of whole-school facilities apportioned to the section; 1 when it reports its own
 * @param resources     RA1–RA7 in order
 * @param itemsMet      how many of RA1–RA7 are met
 */
public record SectionResult(
        String schoolCode,
        String schoolName,
        SchoolType schoolType,
        Section section,
        int pupils,
        boolean facilitiesApportioned,
        Fraction facilityShare,
        Map<IndicatorCode, ResourceValue> resources,
        int itemsMet,
        boolean passesSchoolRule) {

    public SectionResult {
        resources = Collections.unmodifiableMap(new EnumMap<>(resources));
    }

    public Subject subject() {
        return Subject.schoolSection(schoolCode, schoolName, section);
    }

    public ResourceValue resource(IndicatorCode indicator) {
        return resources.get(indicator);
    }

    public List<ResourceValue> unmet() {
        return resources.values().stream().filter(value -> !value.met()).toList();
    }
}
