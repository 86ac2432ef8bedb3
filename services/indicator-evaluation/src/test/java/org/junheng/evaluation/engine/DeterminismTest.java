package org.junheng.evaluation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junheng.contracts.FindingIds;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Section;
import org.junheng.contracts.evaluation.FindingEvent.FindingRaised;
import org.junheng.evaluation.standard.StandardCatalog;
import org.junit.jupiter.api.Test;

/** Finding ids and results are stable: evaluating the same inputs again, in any order, gives the same findings. */
class DeterminismTest {

    @Test
    void findingIdsAreDerivedFromDistrictPeriodSubjectAndIndicator() {
        DistrictEvaluation evaluation = Evaluator.evaluate(StandardCatalog.national(), SampleDistrict.inputs());
        for (FindingRaised finding : evaluation.findings()) {
            assertEquals(FindingIds.derive("500104", 2024, finding.subject(), finding.indicator()),
                    finding.findingId());
        }
        // a known id, pinned: it must never change across versions of the engine
        FindingRaised cv = evaluation.findings().stream().filter(f -> f.subject().key().equals("county"))
                .findFirst().orElseThrow();
        assertEquals(UUID.nameUUIDFromBytes("finding|500104|2024|county|CV-RA5-P".getBytes(
                StandardCharsets.UTF_8)), cv.findingId());
    }

    @Test
    void theSameInputsGiveTheSameEvaluationAcrossRunsAndSchoolOrders() {
        DistrictInputs inputs = SampleDistrict.inputs();
        DistrictEvaluation first = Evaluator.evaluate(StandardCatalog.national(), inputs);
        assertEquals(first, Evaluator.evaluate(StandardCatalog.national(), SampleDistrict.inputs()));
        Set<FindingRaised> findings = Set.copyOf(first.findings());
        Random random = new Random(2024);
        for (int run = 0; run < 20; run++) {
            List<SchoolInput> shuffled = new ArrayList<>(inputs.schools());
            Collections.shuffle(shuffled, random);
            DistrictEvaluation reordered = Evaluator.evaluate(StandardCatalog.national(), inputs.withSchools(shuffled));
            assertEquals(findings, Set.copyOf(reordered.findings()), "run " + run);
            assertEquals(first.readiness().ready(), reordered.readiness().ready());
        }
    }

    @Test
    void everyItemHasItsOwnFindingIdEvenWithInconsistentReports() {
        DistrictEvaluation sample = Evaluator.evaluate(StandardCatalog.national(), SampleDistrict.inputs());
        assertEquals(sample.items().size(), sample.items().stream().map(ItemResult::findingId).distinct().count());

        Fixtures.SchoolSpec twice = Fixtures.primary("5001990701");
        twice.sections.add(new Fixtures.SectionSpec(Section.P));
        DistrictEvaluation evaluation = Evaluator.evaluate(StandardCatalog.national(), Fixtures.district(twice));
        assertEquals(evaluation.items().size(),
                evaluation.items().stream().map(ItemResult::findingId).distinct().count());
        assertEquals(Outcome.NOT_EVALUABLE, SchoolItemsTest.item(evaluation,
                IndicatorCode.RA_SCHOOL, "5001990701/P").outcome());
    }

    @Test
    void anotherPeriodGivesOtherIds() {
        DistrictInputs inputs = SampleDistrict.inputs();
        DistrictInputs nextYear = new DistrictInputs(inputs.districtCode(), 2025, inputs.schools(),
                inputs.countyFigures(), inputs.attestations(), null);
        Set<UUID> ids2024 = Evaluator.evaluate(StandardCatalog.national(), inputs).findings().stream()
                .map(FindingRaised::findingId).collect(Collectors.toSet());
        Set<UUID> ids2025 = Evaluator.evaluate(StandardCatalog.national(), nextYear).findings().stream()
                .map(FindingRaised::findingId).collect(Collectors.toSet());
        assertEquals(ids2024.size(), ids2025.size());
        assertNotEquals(ids2024, ids2025);
        assertEquals(Set.of(), ids2024.stream().filter(ids2025::contains).collect(Collectors.toSet()));
    }
}
