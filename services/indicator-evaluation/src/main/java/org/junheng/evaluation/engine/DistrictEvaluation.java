package org.junheng.evaluation.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Section;
import org.junheng.contracts.SubjectLevel;
import org.junheng.contracts.evaluation.CatchmentRatio;
import org.junheng.contracts.evaluation.EvaluationEvent.CountyEvaluated;
import org.junheng.contracts.evaluation.EvaluationEvent.EvaluationCompleted;
import org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged;
import org.junheng.contracts.evaluation.EvaluationEvent.SchoolEvaluated;
import org.junheng.contracts.evaluation.EvaluationEvent.SchoolSectionEvaluated;
import org.junheng.contracts.evaluation.FindingEvent.FindingRaised;
import org.junheng.contracts.evaluation.IndicatorValue;

/**
 * The result of evaluating one district period against one standard version: a pure value, from which the published
 * events are derived.
 *
 * @param sections            the school sections in resource-allocation scope, with RA1–RA7 and RA-SCHOOL
 * @param variations          the coefficients of variation that could be computed
 * @param items               every item for every subject (section, school, county), met, unmet or not evaluable;
 *                            the unmet ones are the findings
 * @param countyValues        the values of {@link CountyEvaluated}: county items, and per-school items rolled up
 *                            (share of schools meeting; GG12 the county's certified share)
 * @param schoolsNotEvaluated registered schools without statistics for the period: their open findings stay open
 * @param catchment           GG13 per section, with the schools admitting from outside their catchment
 */
public record DistrictEvaluation(
        String districtCode,
        int period,
        String standardVersion,
        List<SectionResult> sections,
        List<CountyVariation> variations,
        List<ItemResult> items,
        List<IndicatorValue> countyValues,
        Set<String> schoolsNotEvaluated,
        Readiness readiness,
        List<CatchmentRatio> catchment) {

    public DistrictEvaluation {
        catchment = List.copyOf(catchment);
        sections = List.copyOf(sections);
        variations = List.copyOf(variations);
        items = List.copyOf(items);
        countyValues = List.copyOf(countyValues);
        schoolsNotEvaluated = Set.copyOf(schoolsNotEvaluated);
    }

    /** The unmet items: the district plan's 未达标台账. */
    public List<ItemResult> unmetItems() {
        return items.stream().filter(ItemResult::unmet).toList();
    }

    /** The open findings of this evaluation, one per unmet item, with derived ids. */
    public List<FindingRaised> findings() {
        return unmetItems().stream()
                .map(item -> new FindingRaised(item.findingId(), districtCode, period, item.subject(),
                        item.indicator(), item.measured(), item.required(), item.gap(), item.severity(),
                        standardVersion, item.measuredExact()))
                .toList();
    }

    public Optional<ItemResult> item(UUID findingId) {
        return items.stream().filter(item -> item.findingId().equals(findingId)).findFirst();
    }

    public List<ItemResult> items(IndicatorCode indicator) {
        return items.stream().filter(item -> item.indicator() == indicator).toList();
    }

    public Optional<SectionResult> section(String schoolCode, Section section) {
        return sections.stream().filter(s -> s.schoolCode().equals(schoolCode) && s.section() == section)
                .findFirst();
    }

    public Optional<CountyVariation> variation(IndicatorCode coefficient) {
        return variations.stream().filter(v -> v.indicator() == coefficient).findFirst();
    }

    /**
     * One event per in-scope school section: RA1–RA7, RA-SCHOOL and the items measured on the section itself (GG5).
     * Items about the whole school (GG3, GG4, …) are in {@link #items()} and the findings.
     */
    public List<SchoolSectionEvaluated> schoolSectionEvents() {
        Map<String, List<IndicatorValue>> bySection = new LinkedHashMap<>();
        for (ItemResult item : items) {
            if (item.subject().level() == SubjectLevel.SCHOOL_SECTION && item.stated()) {
                bySection.computeIfAbsent(item.subject().key(), key -> new ArrayList<>()).add(item.toIndicatorValue());
            }
        }
        return sections.stream().map(section -> {
            List<IndicatorValue> values = bySection.getOrDefault(section.subject().key(), List.of());
            return new SchoolSectionEvaluated(districtCode, period, standardVersion, section.schoolCode(),
                    section.schoolName(), section.section(), section.pupils(), values, section.passesSchoolRule());
        }).toList();
    }

    public CountyEvaluated countyEvent() {
        int passing = (int) sections.stream().filter(SectionResult::passesSchoolRule).count();
        return new CountyEvaluated(districtCode, period, standardVersion, sections.size(), passing,
                variations.stream().map(CountyVariation::toContract).toList(), countyValues, catchment);
    }

    /** The readiness as an event; the service publishes it only when the flag or the reasons changed. */
    public ReadinessChanged readinessEvent() {
        return new ReadinessChanged(districtCode, period, standardVersion, readiness.ready(), readiness.reasons(),
                unmetItems().size(), readiness.provisional());
    }

    /** One event per school with items judged on the whole school (GG3, GG4, EQ4, attested school items). */
    public List<SchoolEvaluated> schoolEvents() {
        Map<String, List<ItemResult>> bySchool = new LinkedHashMap<>();
        for (ItemResult item : items) {
            if (item.subject().level() == SubjectLevel.SCHOOL && item.stated()) {
                bySchool.computeIfAbsent(item.subject().schoolCode(), code -> new ArrayList<>()).add(item);
            }
        }
        return bySchool.values().stream().map(schoolItems -> new SchoolEvaluated(districtCode, period,
                standardVersion, schoolItems.get(0).subject().schoolCode(), schoolItems.get(0).subject().schoolName(),
                schoolItems.stream().map(ItemResult::toIndicatorValue).toList())).toList();
    }

    /** The event closing a run that changed something, with what the run did to the findings. */
    public EvaluationCompleted completedEvent(FindingDiff diff) {
        return new EvaluationCompleted(districtCode, period, standardVersion, sections.size(),
                schoolsNotEvaluated.size(),
                diff.raised().stream().map(finding -> finding.findingId()).toList(),
                diff.reopened().stream().map(finding -> finding.findingId()).toList(),
                diff.resolved().stream().map(finding -> finding.findingId()).toList(),
                unmetItems().size(), readiness.ready());
    }
}
