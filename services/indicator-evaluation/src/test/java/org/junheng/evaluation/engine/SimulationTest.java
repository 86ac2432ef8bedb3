package org.junheng.evaluation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Section;
import org.junheng.contracts.Subject;
import org.junheng.contracts.evaluation.FindingEvent.FindingRaised;
import org.junheng.contracts.schooldata.AttestationVerdict;
import org.junheng.contracts.schooldata.CountyFigureSetKind;
import org.junheng.evaluation.engine.HypotheticalChange.AddFacility;
import org.junheng.evaluation.engine.HypotheticalChange.AddFunds;
import org.junheng.evaluation.engine.HypotheticalChange.AddTeachers;
import org.junheng.evaluation.engine.HypotheticalChange.Attest;
import org.junheng.evaluation.engine.HypotheticalChange.FacilityQuantity;
import org.junheng.evaluation.engine.HypotheticalChange.FundKind;
import org.junheng.evaluation.engine.HypotheticalChange.SetCountyFigure;
import org.junheng.evaluation.engine.HypotheticalChange.TeacherCount;
import org.junheng.evaluation.standard.Standard;
import org.junheng.evaluation.standard.StandardCatalog;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private static final Standard NATIONAL = StandardCatalog.national();
    private static final String QIEZIXI = "2150706640";  // 茄子溪中学: RA5 7.95 of 10.2, breaks the pass rule
    private static final String DIAOYUZUI = "2150483846"; // 钓鱼嘴实验学校: J RA2 0.87 of 1.0
    private static final String GANGCHENG = "2150195010"; // 钢城实验学校: J RA6 apportioned, 95.2%

    private static Set<String> keys(List<ItemResult> items) {
        return items.stream().map(i -> i.indicator().code() + " " + i.subject().key()).collect(Collectors.toSet());
    }

    @Test
    void moreSportsGroundAndKeyTeachersResolveTheirFindings() {
        DistrictInputs sample = SampleDistrict.inputs();
        SimulationResult result = Simulation.run(NATIONAL, sample, List.of(
                new AddFacility(QIEZIXI, null, FacilityQuantity.SPORTS_GROUND_AREA, new BigDecimal("3195")),
                new AddTeachers(DIAOYUZUI, Section.J, TeacherCount.COUNTY_LEVEL_KEY, 2)));
        assertEquals(Set.of("RA5 " + QIEZIXI + "/J", "RA-SCHOOL " + QIEZIXI + "/J", "RA2 " + DIAOYUZUI + "/J"),
                keys(result.nowMet()));
        assertTrue(result.nowUnmet().isEmpty(), keys(result.nowUnmet()).toString());
        assertTrue(result.simulated().section(QIEZIXI, Section.J).orElseThrow().passesSchoolRule());
        assertEquals(1, result.simulated().sections().stream().filter(s -> !s.passesSchoolRule()).count());
        assertEquals(result.baseline().findings().size() - 3, result.simulated().findings().size());
    }

    @Test
    void aSimulationHasNoSideEffects() {
        DistrictInputs sample = SampleDistrict.inputs();
        DistrictEvaluation before = Evaluator.evaluate(NATIONAL, sample);
        Simulation.run(NATIONAL, sample, List.of(
                new AddFacility(QIEZIXI, Section.J, FacilityQuantity.SPORTS_GROUND_AREA, new BigDecimal("5000"))));
        assertEquals(before, Evaluator.evaluate(NATIONAL, sample), "the inputs are untouched");
        assertEquals(SampleDistrict.inputs(), sample);
    }

    @Test
    void anApportionedFacilityNeedsTheWholeSchoolAmountOfTheGapText() {
        DistrictEvaluation baseline = Evaluator.evaluate(NATIONAL, SampleDistrict.inputs());
        String gap = baseline.findings().stream()
                .filter(f -> f.indicator() == IndicatorCode.RA6 && f.subject().key().equals(GANGCHENG + "/J"))
                .findFirst().orElseThrow().gap();
        Matcher whole = Pattern.compile("全校需增加 ([\\d,]+) 元").matcher(gap);
        assertTrue(whole.find(), gap);
        BigDecimal wholeSchool = new BigDecimal(whole.group(1).replace(",", ""));
        SimulationResult enough = Simulation.run(NATIONAL, SampleDistrict.inputs(), List.of(new AddFacility(
                GANGCHENG, Section.J, FacilityQuantity.EQUIPMENT_BOOK_VALUE, wholeSchool)));
        assertTrue(keys(enough.nowMet()).contains("RA6 " + GANGCHENG + "/J"));
        SimulationResult short1 = Simulation.run(NATIONAL, SampleDistrict.inputs(), List.of(new AddFacility(
                GANGCHENG, Section.J, FacilityQuantity.EQUIPMENT_BOOK_VALUE, wholeSchool.subtract(BigDecimal.ONE))));
        assertFalse(keys(short1.nowMet()).contains("RA6 " + GANGCHENG + "/J"));
    }

    private static final Pattern SHORTFALL = Pattern.compile("还需\\S+ ([\\d,]+) (名|m²|元|间)");

    /** Property: for every unmet RA item of the sample, the shortfall in its gap text is exactly enough. */
    @Test
    void everyResourceGapStatesTheSmallestSufficientAddition() {
        DistrictEvaluation baseline = Evaluator.evaluate(NATIONAL, SampleDistrict.inputs());
        List<FindingRaised> resource = baseline.findings().stream()
                .filter(f -> f.indicator().code().matches("RA\\d")).toList();
        assertEquals(9, resource.size());
        for (FindingRaised finding : resource) {
            SectionResult section = baseline.section(finding.subject().schoolCode(), finding.subject().section())
                    .orElseThrow();
            Matcher m = SHORTFALL.matcher(finding.gap());
            assertTrue(m.find(), finding.gap());
            BigDecimal amount = new BigDecimal(m.group(1).replace(",", ""));
            if (section.facilitiesApportioned()) {
                Matcher whole = Pattern.compile("全校需增加 ([\\d,]+)").matcher(finding.gap());
                assertTrue(whole.find(), finding.gap());
                amount = new BigDecimal(whole.group(1).replace(",", ""));
            }
            String key = finding.indicator().code() + " " + finding.subject().key();
            assertTrue(keys(Simulation.run(NATIONAL, SampleDistrict.inputs(), List.of(change(finding, amount)))
                    .nowMet()).contains(key), "enough: " + finding.gap());
            assertFalse(keys(Simulation.run(NATIONAL, SampleDistrict.inputs(),
                    List.of(change(finding, amount.subtract(BigDecimal.ONE)))).nowMet()).contains(key),
                    "one less is not enough: " + finding.gap());
        }
    }

    private static HypotheticalChange change(FindingRaised finding, BigDecimal amount) {
        String school = finding.subject().schoolCode();
        Section section = finding.subject().section();
        return switch (finding.indicator()) {
            case RA1 -> new AddTeachers(school, section, TeacherCount.BACHELOR, amount.intValueExact());
            case RA2 -> new AddTeachers(school, section, TeacherCount.COUNTY_LEVEL_KEY, amount.intValueExact());
            case RA3 -> new AddTeachers(school, section, TeacherCount.PHYSICAL_EDUCATION, amount.intValueExact());
            case RA4 -> new AddFacility(school, section, FacilityQuantity.TEACHING_AND_AUXILIARY_AREA, amount);
            case RA5 -> new AddFacility(school, section, FacilityQuantity.SPORTS_GROUND_AREA, amount);
            case RA6 -> new AddFacility(school, section, FacilityQuantity.EQUIPMENT_BOOK_VALUE, amount);
            case RA7 -> new AddFacility(school, section, FacilityQuantity.MULTIMEDIA_CLASSROOMS, amount);
            default -> throw new IllegalArgumentException(finding.indicator().code());
        };
    }

    @Test
    void countyFiguresFundsAndAttestationsCanBeSimulatedToo() {
        DistrictInputs inputs = Fixtures.compliantDistrict().withAttestations(List.of());
        SimulationResult result = Simulation.run(NATIONAL, inputs, List.of(
                new SetCountyFigure(CountyFigureSetKind.TEACHER_PAY, "teacherAveragePay", null,
                        new BigDecimal("100000")),
                new AddFunds("5001990001", FundKind.TEACHER_TRAINING_BUDGET, new BigDecimal("-20000")),
                new Attest(IndicatorCode.GG1, Subject.county(), AttestationVerdict.UNMET, null)));
        assertEquals(Set.of("GG8 county", "EQ4 5001990001", "GG1 county"), keys(result.nowUnmet()));
        assertTrue(result.simulated().items(IndicatorCode.GG1).get(0).attested());
    }

    @Test
    void changesToUnknownSchoolsOrSectionsAreRejected() {
        DistrictInputs sample = SampleDistrict.inputs();
        assertThrows(IllegalArgumentException.class, () -> Simulation.apply(sample, List.of(
                new AddTeachers("0000000000", Section.P, TeacherCount.COUNTY_LEVEL_KEY, 1))));
        assertThrows(IllegalArgumentException.class, () -> Simulation.apply(sample, List.of(
                new AddTeachers(QIEZIXI, Section.P, TeacherCount.COUNTY_LEVEL_KEY, 1))));
        assertThrows(IllegalArgumentException.class, () -> Simulation.apply(sample, List.of(
                new AddFacility(DIAOYUZUI, null, FacilityQuantity.SPORTS_GROUND_AREA, BigDecimal.TEN))),
                "split facilities need a section");
        assertThrows(IllegalArgumentException.class, () -> Simulation.apply(sample, List.of(
                new AddTeachers(QIEZIXI, Section.J, TeacherCount.COUNTY_LEVEL_KEY, -1000))));
    }
}
