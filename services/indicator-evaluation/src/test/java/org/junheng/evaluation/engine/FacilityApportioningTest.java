package org.junheng.evaluation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;
import org.junheng.contracts.SchoolType;
import org.junheng.contracts.Section;
import org.junheng.evaluation.standard.PupilGroup;
import org.junheng.evaluation.standard.Standard;
import org.junheng.evaluation.standard.StandardCatalog;
import org.junheng.evaluation.standard.StandardOverlay;
import org.junit.jupiter.api.Test;

class FacilityApportioningTest {

    private final Standard national = StandardCatalog.national();

    @Test
    void theNineYearExampleOfStandardMd() {
        Map<Section, Fraction> shares = FacilityApportioning.shares(national.apportioning(), SchoolType.NINE_YEAR,
                Map.of(Section.P, 166, Section.J, 210), 0);
        assertEquals(Fraction.ratio(166, 397), shares.get(Section.P), "166 / (166 + 1.1·210)");
        assertEquals(Fraction.ratio(231, 397), shares.get(Section.J), "1.1·210 / (166 + 1.1·210)");
        BigDecimal units = new BigDecimal("23226");
        // 23226 / (166 + 1.1·210) = 58.5 per weighted pupil
        assertEquals(new BigDecimal("58.5"), Fraction.of(units).dividedBy(Fraction.of(397)).toBigDecimal(1));
        Fraction primary = FacilityApportioning.apportion(units, shares.get(Section.P));
        Fraction junior = FacilityApportioning.apportion(units, shares.get(Section.J));
        assertEquals(Fraction.of(units), primary.plus(junior), "nothing lost or invented");
        // STANDARD.md publishes 9,711 and 13,515: the rate rounded to 58.5 times 166 pupils, and the rest. The engine
        // keeps the exact parts, 9,711.63 and 13,514.37, and never rounds before comparing with a threshold.
        BigDecimal publishedPrimary = new BigDecimal("58.5").multiply(BigDecimal.valueOf(166));
        BigDecimal publishedJunior = units.subtract(publishedPrimary);
        assertEquals(0, new BigDecimal("9711").compareTo(publishedPrimary));
        assertEquals(0, new BigDecimal("13515").compareTo(publishedJunior));
        assertEquals(new BigDecimal("9711.63"), primary.toBigDecimal(2));
        assertEquals(new BigDecimal("13514.37"), junior.toBigDecimal(2));
        assertEquals(9711, primary.ceiling().intValueExact() - 1, "the published primary part: exact part, floored");
        assertEquals(13515, junior.ceiling().intValueExact(), "the published junior part: exact part, ceiled");
    }

    @Test
    void completeSecondarySchoolsShareWithTheirSeniorSection() {
        Map<Section, Fraction> shares = FacilityApportioning.shares(national.apportioning(),
                SchoolType.COMPLETE_SECONDARY, Map.of(Section.J, 1880), 1720);
        // B / (B + 1.2·C)
        Fraction weighted = Fraction.of(1880).plus(Fraction.of(new BigDecimal("1.2")).times(1720));
        assertEquals(Fraction.of(1880).dividedBy(weighted), shares.get(Section.J));
    }

    @Test
    void twelveYearSchoolsWeighOneToOnePointOneToOnePointThirtyTwo() {
        Map<Section, Fraction> shares = FacilityApportioning.shares(national.apportioning(), SchoolType.TWELVE_YEAR,
                Map.of(Section.P, 600, Section.J, 400), 0);
        assertEquals(Fraction.ratio(600, 1040), shares.get(Section.P));
        Map<Section, Fraction> withSeniors = FacilityApportioning.shares(national.apportioning(),
                SchoolType.TWELVE_YEAR, Map.of(Section.P, 600, Section.J, 400), 500);
        Fraction denominator = Fraction.of(600).plus(Fraction.of(440)).plus(Fraction.of(660));
        assertEquals(Fraction.of(600).dividedBy(denominator), withSeniors.get(Section.P));
        assertEquals(Fraction.of(440).dividedBy(denominator), withSeniors.get(Section.J));
    }

    @Test
    void weightsComeFromTheStandardVersion() {
        Standard local = national.withOverlay(StandardOverlay.named("T-1")
                .weight(SchoolType.NINE_YEAR, PupilGroup.J, new BigDecimal("1.2")).build());
        Map<Section, Fraction> shares = FacilityApportioning.shares(local.apportioning(), SchoolType.NINE_YEAR,
                Map.of(Section.P, 100, Section.J, 100), 0);
        assertEquals(Fraction.ratio(100, 220), shares.get(Section.P));
    }

    @Test
    void aSchoolWithoutPupilsCannotBeApportioned() {
        assertThrows(IllegalArgumentException.class, () -> FacilityApportioning.shares(national.apportioning(),
                SchoolType.NINE_YEAR, Map.of(Section.P, 0, Section.J, 0), 0));
    }
}
