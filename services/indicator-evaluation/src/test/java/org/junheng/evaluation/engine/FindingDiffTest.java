package org.junheng.evaluation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junheng.contracts.FindingIds;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Section;
import org.junheng.contracts.Subject;
import org.junheng.contracts.evaluation.FindingEvent.FindingRaised;
import org.junheng.contracts.evaluation.FindingEvent.FindingResolved;
import org.junheng.contracts.evaluation.ResolutionBasis;
import org.junheng.contracts.schooldata.AttestationEvent.AttestationRecorded;
import org.junheng.contracts.schooldata.AttestationVerdict;
import org.junheng.evaluation.standard.Standard;
import org.junheng.evaluation.standard.StandardCatalog;
import org.junit.jupiter.api.Test;

class FindingDiffTest {

    private static final Standard NATIONAL = StandardCatalog.national();
    private static final String SCHOOL = "5001990501";

    /** A district whose one school lacks key teachers (RA2 70%: breaks the pass rule). */
    private static Fixtures.SchoolSpec weakSchool() {
        Fixtures.SchoolSpec school = Fixtures.primary(SCHOOL);
        school.section(Section.P).key = 7;
        return school;
    }

    private static DistrictEvaluation evaluate(Fixtures.SchoolSpec school) {
        return Evaluator.evaluate(NATIONAL, Fixtures.district(school, Fixtures.junior("5001990502")));
    }

    private static UUID id(IndicatorCode indicator) {
        return FindingIds.derive(Fixtures.DISTRICT, Fixtures.PERIOD,
                Subject.schoolSection(SCHOOL, "测试学校501", Section.P), indicator);
    }

    @Test
    void aFirstEvaluationRaisesEveryUnmetItem() {
        DistrictEvaluation evaluation = evaluate(weakSchool());
        FindingDiff diff = FindingDiff.between(List.of(), evaluation);
        assertEquals(evaluation.findings(), diff.raised());
        assertEquals(Set.of(id(IndicatorCode.RA2), id(IndicatorCode.RA_SCHOOL)),
                Set.copyOf(diff.raised().stream().map(FindingRaised::findingId).toList()));
        assertTrue(diff.resolved().isEmpty());
        assertTrue(diff.reopened().isEmpty());
    }

    @Test
    void reEvaluatingUnchangedDataEmitsNothing() {
        DistrictEvaluation first = evaluate(weakSchool());
        DistrictEvaluation again = evaluate(weakSchool());
        FindingDiff diff = FindingDiff.between(first.findings(), again);
        assertTrue(diff.isEmpty());
        assertTrue(diff.events().isEmpty());
    }

    @Test
    void aFixedItemIsResolvedByData() {
        DistrictEvaluation before = evaluate(weakSchool());
        Fixtures.SchoolSpec fixed = weakSchool();
        fixed.section(Section.P).key = 10;
        FindingDiff diff = FindingDiff.between(before.findings(), evaluate(fixed));
        assertTrue(diff.raised().isEmpty());
        assertEquals(2, diff.resolved().size());
        FindingResolved ra2 = diff.resolved().stream().filter(r -> r.indicator() == IndicatorCode.RA2)
                .findFirst().orElseThrow();
        assertEquals(ResolutionBasis.DATA, ra2.basis());
        assertEquals(id(IndicatorCode.RA2), ra2.findingId());
        assertEquals(new BigDecimal("1.0000"), ra2.measured());
        assertEquals(0, BigDecimal.ONE.compareTo(ra2.required()));
    }

    @Test
    void aResolvedFindingThatIsUnmetAgainIsReopenedWithTheSameId() {
        DistrictEvaluation unmetAgain = evaluate(weakSchool());
        FindingDiff diff = FindingDiff.between(List.of(), Set.of(id(IndicatorCode.RA2)), unmetAgain);
        assertEquals(1, diff.reopened().size());
        assertEquals(id(IndicatorCode.RA2), diff.reopened().get(0).findingId());
        assertTrue(diff.reopened().get(0).reason().contains("再次未达标"));
        assertEquals(List.of(id(IndicatorCode.RA_SCHOOL)),
                diff.raised().stream().map(FindingRaised::findingId).toList(), "the other one is new");
    }

    @Test
    void attestedFindingsAreResolvedAndReopenedByAttestation() {
        List<AttestationRecorded> unmet = new ArrayList<>(Fixtures.compliantAttestations());
        unmet.add(Fixtures.attestation(IndicatorCode.GG10, Subject.county(), AttestationVerdict.UNMET, null,
                LocalDate.of(2024, 11, 5)));
        DistrictInputs base = Fixtures.compliantDistrict();
        DistrictEvaluation judgedUnmet = Evaluator.evaluate(NATIONAL, base.withAttestations(unmet));
        FindingRaised gg10 = FindingDiff.between(List.of(), judgedUnmet).raised().get(0);
        assertEquals(IndicatorCode.GG10, gg10.indicator());
        assertNull(gg10.measured());

        List<AttestationRecorded> met = new ArrayList<>(unmet);
        met.add(Fixtures.attestation(IndicatorCode.GG10, Subject.county(), AttestationVerdict.MET, null,
                LocalDate.of(2024, 12, 1)));
        FindingDiff resolved = FindingDiff.between(List.of(gg10), Evaluator.evaluate(NATIONAL,
                base.withAttestations(met)));
        assertEquals(ResolutionBasis.ATTESTATION, resolved.resolved().get(0).basis());

        FindingDiff reopened = FindingDiff.between(List.of(), Set.of(gg10.findingId()), judgedUnmet);
        assertTrue(reopened.reopened().get(0).reason().contains("督导"));
    }

    @Test
    void aFindingWhoseSubjectIsGoneNoLongerAppliesButAMissingReportKeepsItOpen() {
        DistrictEvaluation before = evaluate(weakSchool());
        // the school left the register (closed or merged)
        DistrictEvaluation gone = Evaluator.evaluate(NATIONAL, Fixtures.district(Fixtures.junior("5001990502")));
        FindingDiff diff = FindingDiff.between(before.findings(), gone);
        assertEquals(2, diff.resolved().size());
        assertTrue(diff.resolved().stream().allMatch(r -> r.basis() == ResolutionBasis.NO_LONGER_APPLICABLE));

        // the school is registered but its statistics have not arrived: nothing is decided about it
        DistrictInputs withoutReport = Fixtures.district(weakSchool(), Fixtures.junior("5001990502"));
        List<SchoolInput> schools = new ArrayList<>(withoutReport.schools());
        schools.set(0, new SchoolInput(SCHOOL, schools.get(0).profile(), null));
        DistrictEvaluation awaiting = Evaluator.evaluate(NATIONAL, withoutReport.withSchools(schools));
        assertTrue(FindingDiff.between(before.findings(), awaiting).isEmpty());
    }

    @Test
    void aFindingThatBecameNotEvaluableStaysOpen() {
        DistrictEvaluation before = evaluate(weakSchool());
        Fixtures.SchoolSpec noFacilities = weakSchool();
        noFacilities.section(Section.P).facilities = null;
        FindingDiff diff = FindingDiff.between(before.findings(), evaluate(noFacilities));
        assertTrue(diff.resolved().stream().noneMatch(r -> r.indicator() == IndicatorCode.RA_SCHOOL));
    }

    @Test
    void findingsOfOtherPeriodsAreLeftAlone() {
        DistrictEvaluation evaluation = evaluate(weakSchool());
        FindingRaised earlier = evaluation.findings().get(0);
        FindingRaised lastYear = new FindingRaised(UUID.randomUUID(), earlier.districtCode(), 2023, earlier.subject(),
                earlier.indicator(), earlier.measured(), earlier.required(), earlier.gap(), earlier.severity(),
                earlier.standardVersion());
        FindingDiff diff = FindingDiff.between(List.of(lastYear), evaluation);
        assertTrue(diff.resolved().isEmpty());
        assertEquals(2, diff.raised().size(), "a regression in a new period is a new finding");
    }

    @Test
    void resolvedFindingsAreNotOpenFindings() {
        FindingResolved resolved = new FindingResolved(UUID.randomUUID(), Fixtures.DISTRICT, Fixtures.PERIOD,
                Subject.county(), IndicatorCode.GG8, ResolutionBasis.DATA, null, null, "CN-2017");
        assertThrows(IllegalArgumentException.class,
                () -> FindingDiff.between(List.of(resolved), evaluate(weakSchool())));
    }
}
