package org.junheng.rectification.responsibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junheng.contracts.Department;
import org.junheng.contracts.IndicatorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResponsibilityMatrixTest {

    static final ResponsibilityMatrix MATRIX = ResponsibilityMatrix.standard();

    /** STANDARD.md §8, row by row. */
    @ParameterizedTest(name = "{0} → {1} + {2}")
    @CsvSource(delimiter = ';', value = {
            "RA1;jw;bb,rs", "RA2;jw;bb,rs", "RA3;jw;bb,rs", "GG9;jw;bb,rs", "GG11;jw;bb,rs", "GG12;jw;bb,rs",
            "RA4;jw;fg,gh,zj,cz,jz", "RA5;jw;fg,gh,zj,cz,jz", "GG3;jw;fg,gh,zj,cz,jz", "GG4;jw;fg,gh,zj,cz,jz",
            "RA6;jw;cz", "RA7;jw;cz",
            "GG5;jw;ga,jz", "GG13;jw;ga,jz", "GG15;jw;ga,jz",
            "GG6;cz;jw", "GG7;cz;jw", "EQ4;cz;jw",
            "GG8;rs;cz",
            "GG10;bb;jw,rs", "V4;bb;jw,rs",
            "EQ1;jw;", "SR1;jw;", "V1;jw;", "RA-SCHOOL;jw;",
            "CV-RA5-P;jw;fg,gh,zj,cz,jz", "CV-RA2-J;jw;bb,rs"})
    void everyRowOfTheDefaultMatrix(String indicator, String lead, String co) {
        var responsibility = MATRIX.responsibleFor(IndicatorCode.fromCode(indicator));
        assertEquals(lead, responsibility.lead().code());
        assertEquals(co == null ? "" : co,
                responsibility.coDepartments().stream().map(Department::code).collect(Collectors.joining(",")));
    }

    @Test
    void anIndicatorInTwoRulesOrALeadHelpingItselfIsRefused() {
        var jw = ResponsibilityMatrix.EDUCATION_COMMISSION;
        assertThrows(IllegalArgumentException.class, () -> new ResponsibilityMatrix(List.of(
                new ResponsibilityMatrix.Rule(Set.of(IndicatorCode.RA1), jw, List.of()),
                new ResponsibilityMatrix.Rule(Set.of(IndicatorCode.RA1), ResponsibilityMatrix.FINANCE, List.of())), jw));
        assertThrows(IllegalArgumentException.class, () -> new ResponsibilityMatrix(List.of(
                new ResponsibilityMatrix.Rule(Set.of(IndicatorCode.RA1), jw, List.of(jw))), jw));
    }

    @Test
    void aRuleWithoutIndicatorsOrLeadAHelperTwiceOrNoDefaultLeadIsRefused() {
        var jw = ResponsibilityMatrix.EDUCATION_COMMISSION;
        var cz = ResponsibilityMatrix.FINANCE;
        assertThrows(IllegalArgumentException.class, () -> new ResponsibilityMatrix.Rule(Set.of(), jw, List.of()));
        assertThrows(NullPointerException.class, () -> new ResponsibilityMatrix.Rule(Set.of(IndicatorCode.RA1), null,
                List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ResponsibilityMatrix.Rule(Set.of(IndicatorCode.RA1), jw,
                List.of(cz, cz)));
        assertThrows(NullPointerException.class, () -> new ResponsibilityMatrix(List.of(), null));
    }

    @Test
    void campaignPhasesMustBeInOrderAndLeadTimesPositive() {
        var later = new Campaign.Phase("B", LocalDate.of(2024, 1, 1), null, "b");
        var earlier = new Campaign.Phase("A", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), "a");
        assertThrows(IllegalArgumentException.class, () -> new Campaign(List.of(later, earlier),
                LocalDate.of(2024, 3, 31), LocalDate.of(2025, 3, 31), 90, 180, null));
        assertThrows(IllegalArgumentException.class, () -> new Campaign(List.of(earlier, later),
                LocalDate.of(2024, 3, 31), LocalDate.of(2025, 3, 31), 0, 180, null));
        assertThrows(IllegalArgumentException.class, () -> new Campaign.Phase("C", LocalDate.of(2024, 2, 1),
                LocalDate.of(2024, 1, 1), "c"));
        assertEquals(2, new Campaign(List.of(earlier, later), LocalDate.of(2024, 3, 31), LocalDate.of(2025, 3, 31), 90,
                180, null).phases().size());
    }

    @Test
    void hardwareIsDueAtTheEndOfBuildOutAndSoftwareAtTheEndOfConsolidation() {
        Campaign campaign = Campaign.standard();
        LocalDate early = LocalDate.of(2023, 8, 1);
        assertEquals(LocalDate.of(2024, 3, 31), campaign.dueDate(IndicatorCode.RA5, early));
        assertEquals(LocalDate.of(2024, 3, 31), campaign.dueDate(IndicatorCode.CV_RA4_P, early));
        assertEquals(LocalDate.of(2025, 3, 31), campaign.dueDate(IndicatorCode.RA2, early));
        assertEquals(LocalDate.of(2025, 3, 31), campaign.dueDate(IndicatorCode.EQ4, early));
    }

    @Test
    void aFindingRaisedTooLateForItsPhaseGetsTheMinimumLeadTime() {
        Campaign campaign = Campaign.standard();
        // 2024-01-15 + 90 days = 2024-04-14, after the build-out ends
        assertEquals(LocalDate.of(2024, 4, 14), campaign.dueDate(IndicatorCode.RA5, LocalDate.of(2024, 1, 15)));
        // exactly 90 days before the phase end: the phase end
        assertEquals(LocalDate.of(2024, 3, 31), campaign.dueDate(IndicatorCode.RA5, LocalDate.of(2024, 1, 1)));
        LocalDate late = LocalDate.of(2026, 11, 28);
        assertEquals(late.plusDays(90), campaign.dueDate(IndicatorCode.GG5, late));
        assertEquals(late.plusDays(180), campaign.dueDate(IndicatorCode.GG9, late));
    }

    @Test
    void softwareCannotBeDueBeforeHardware() {
        assertThrows(IllegalArgumentException.class, () -> new Campaign(List.of(), LocalDate.of(2025, 1, 1),
                LocalDate.of(2024, 1, 1), 90, 180, null));
    }

    @Test
    void aCampaignThatSaysNothingAboutReviewHasTheOfficeSignOff() {
        assertTrue(new Campaign(List.of(), LocalDate.of(2024, 3, 31), LocalDate.of(2025, 3, 31), 90, 180, null)
                .reviewBeforeClosing());
        assertFalse(new Campaign(List.of(), LocalDate.of(2024, 3, 31), LocalDate.of(2025, 3, 31), 90, 180, false)
                .reviewBeforeClosing());
        assertTrue(Campaign.standard().reviewBeforeClosing());
    }
}
