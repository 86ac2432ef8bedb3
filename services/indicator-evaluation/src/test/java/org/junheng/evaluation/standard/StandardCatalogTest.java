package org.junheng.evaluation.standard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junheng.contracts.IndicatorCategory;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.SchoolType;
import org.junheng.contracts.Section;
import org.junheng.contracts.SubjectLevel;
import org.junit.jupiter.api.Test;

class StandardCatalogTest {

    private final Standard national = StandardCatalog.national();

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private void assertNumber(String expected, IndicatorCode code, String key, Section section) {
        assertEquals(0, d(expected).compareTo(national.number(code, key, section)),
                code.code() + "/" + key + "/" + section);
    }

    @Test
    void theNationalStandardIsCn2017AndLoadedOnce() {
        assertEquals("CN-2017", national.version());
        assertSame(national, StandardCatalog.national());
    }

    @Test
    void theCatalogueCoversEveryIndicatorCodeInOrder() {
        StandardCatalogue catalogue = national.catalogue();
        assertEquals(Arrays.stream(IndicatorCode.values()).map(IndicatorCode::code).toList(),
                catalogue.indicators().stream().map(StandardCatalogue.Entry::code).toList());
        for (StandardCatalogue.Entry entry : catalogue.indicators()) {
            IndicatorCode code = IndicatorCode.fromCode(entry.code());
            assertEquals(code.chineseName(), entry.chineseName());
            assertEquals(code.englishName(), entry.englishName());
            assertEquals(code.category(), entry.category());
            assertFalse(entry.formula().isBlank(), entry.code() + " has formula inputs");
            assertFalse(entry.formulaEnglish().isBlank(), entry.code() + " has English formula inputs");
        }
    }

    @Test
    void resourceThresholdsPerSection() {
        Map<IndicatorCode, String[]> expected = Map.of(
                IndicatorCode.RA1, new String[] {"4.2", "5.3"},
                IndicatorCode.RA2, new String[] {"1.0", "1.0"},
                IndicatorCode.RA3, new String[] {"0.9", "0.9"},
                IndicatorCode.RA4, new String[] {"4.5", "5.8"},
                IndicatorCode.RA5, new String[] {"7.5", "10.2"},
                IndicatorCode.RA6, new String[] {"2000", "2500"},
                IndicatorCode.RA7, new String[] {"2.3", "2.4"});
        expected.forEach((code, values) -> {
            assertNumber(values[0], code, ThresholdKeys.MINIMUM, Section.P);
            assertNumber(values[1], code, ThresholdKeys.MINIMUM, Section.J);
        });
        assertEquals("ASSOCIATE", national.code(IndicatorCode.RA1, ThresholdKeys.QUALIFYING_FROM, Section.P));
        assertEquals("BACHELOR", national.code(IndicatorCode.RA1, ThresholdKeys.QUALIFYING_FROM, Section.J));
        assertNumber("6", IndicatorCode.RA_SCHOOL, ThresholdKeys.MINIMUM_MET, null);
        assertNumber("0.85", IndicatorCode.RA_SCHOOL, ThresholdKeys.UNMET_MINIMUM_SHARE_OF_STANDARD, null);
        assertNumber("50", IndicatorCode.RA3, ThresholdKeys.RURAL_SMALL_SCHOOL_MIN_PUPILS, null);
        assertNumber("99", IndicatorCode.RA3, ThresholdKeys.RURAL_SMALL_SCHOOL_MAX_PUPILS, null);
    }

    @Test
    void coefficientLimitsAreHalfForPrimaryAndPointFortyFiveForJunior() {
        for (IndicatorCode code : IndicatorCode.ofCategory(IndicatorCategory.COUNTY_BALANCE)) {
            String limit = code.section().orElseThrow() == Section.P ? "0.50" : "0.45";
            assertNumber(limit, code, ThresholdKeys.MAXIMUM, null);
        }
    }

    @Test
    void governmentQualityAndRecognitionThresholds() {
        assertNumber("12", IndicatorCode.GG3, ThresholdKeys.CLASSES_PER_ROOM, null);
        assertNumber("96", IndicatorCode.GG3, ThresholdKeys.MUSIC_ROOM_MIN_AREA, null);
        assertNumber("90", IndicatorCode.GG3, ThresholdKeys.ART_ROOM_MIN_AREA, null);
        assertNumber("2016", IndicatorCode.GG3, ThresholdKeys.RELAXED_BUILT_UP_TO_YEAR, null);
        assertNumber("73", IndicatorCode.GG3, ThresholdKeys.RELAXED_MUSIC_ROOM_MIN_AREA, null);
        assertNumber("67", IndicatorCode.GG3, ThresholdKeys.RELAXED_ART_ROOM_MIN_AREA, null);
        assertNumber("30", IndicatorCode.GG3, ThresholdKeys.RURAL_SMALL_LARGEST_CLASS_BELOW, null);
        assertNumber("54", IndicatorCode.GG3, ThresholdKeys.RURAL_SMALL_ROOM_MIN_AREA, Section.P);
        assertNumber("61", IndicatorCode.GG3, ThresholdKeys.RURAL_SMALL_ROOM_MIN_AREA, Section.J);
        assertNumber("2000", IndicatorCode.GG4, ThresholdKeys.MAX_PUPILS, null);
        assertNumber("2500", IndicatorCode.GG4, ThresholdKeys.MAX_PUPILS_ONE_THROUGH, null);
        assertNumber("2400", IndicatorCode.GG4, ThresholdKeys.RELAXED_MAX_PUPILS, null);
        assertNumber("3000", IndicatorCode.GG4, ThresholdKeys.RELAXED_MAX_PUPILS_ONE_THROUGH, null);
        assertNumber("2010", IndicatorCode.GG4, ThresholdKeys.RELAXED_BUILT_UP_TO_YEAR, null);
        assertNumber("0.50", IndicatorCode.GG4, ThresholdKeys.RELAXED_MIGRANT_SHARE_ABOVE, null);
        assertNumber("45", IndicatorCode.GG5, ThresholdKeys.MAX_CLASS_SIZE, Section.P);
        assertNumber("50", IndicatorCode.GG5, ThresholdKeys.MAX_CLASS_SIZE, Section.J);
        assertNumber("100", IndicatorCode.GG6, ThresholdKeys.MINIMUM_FUNDED_PUPILS, null);
        assertNumber("6000", IndicatorCode.GG7, ThresholdKeys.MINIMUM, null);
        assertNumber("1", IndicatorCode.GG8, ThresholdKeys.MINIMUM_PAY_RATIO, null);
        assertNumber("1.00", IndicatorCode.GG9, ThresholdKeys.MINIMUM, null);
        assertNumber("0.10", IndicatorCode.GG11, ThresholdKeys.MINIMUM_ROTATION_SHARE, null);
        assertNumber("0.20", IndicatorCode.GG11, ThresholdKeys.MINIMUM_KEY_TEACHER_SHARE, null);
        assertNumber("1.00", IndicatorCode.GG12, ThresholdKeys.MINIMUM, null);
        assertNumber("1.00", IndicatorCode.GG13, ThresholdKeys.MINIMUM, Section.P);
        assertNumber("0.95", IndicatorCode.GG13, ThresholdKeys.MINIMUM, Section.J);
        assertNumber("0.50", IndicatorCode.GG14, ThresholdKeys.MINIMUM, null);
        assertNumber("0.85", IndicatorCode.GG15, ThresholdKeys.MINIMUM, null);
        assertNumber("0.95", IndicatorCode.EQ1, ThresholdKeys.MINIMUM, null);
        assertNumber("0.95", IndicatorCode.EQ2, ThresholdKeys.MINIMUM, null);
        assertNumber("0.05", IndicatorCode.EQ4, ThresholdKeys.MINIMUM, null);
        assertEquals("GOOD", national.code(IndicatorCode.EQ6, ThresholdKeys.MINIMUM_GRADE, null));
        assertNumber("3", IndicatorCode.EQ9, ThresholdKeys.MINIMUM_LEVEL, null);
        assertNumber("0.15", IndicatorCode.EQ9, ThresholdKeys.DIFFERENCE_RATE_BELOW, null);
        assertNumber("0.85", IndicatorCode.SR1, ThresholdKeys.MINIMUM, null);
        assertEquals(0, d("50").compareTo(national.setting(ThresholdKeys.TEACHING_POINT_MIN_PUPILS)));
        assertEquals(0, d("3").compareTo(national.setting(ThresholdKeys.BASIC_BALANCE_MIN_YEARS_BEFORE)));
    }

    @Test
    void conventionsAreMarkedWhereStandardMdMarksThem() {
        Set<String> conventional = national.catalogue().indicators().stream()
                .filter(StandardCatalogue.Entry::convention).map(StandardCatalogue.Entry::code)
                .collect(Collectors.toSet());
        assertEquals(Set.of("RA3", "RA5", "RA-SCHOOL", "GG3", "GG4"), conventional);
        IndicatorRule schoolRule = national.rule(IndicatorCode.RA_SCHOOL);
        assertFalse(schoolRule.threshold(ThresholdKeys.MINIMUM_MET, null).orElseThrow().convention(),
                "6 of 7 is official");
        assertTrue(schoolRule.threshold(ThresholdKeys.UNMET_MINIMUM_SHARE_OF_STANDARD, null).orElseThrow()
                .convention(), "the 85% clause is a convention");
        assertFalse(national.rule(IndicatorCode.GG3).threshold(ThresholdKeys.MUSIC_ROOM_MIN_AREA, null)
                .orElseThrow().convention());
        assertTrue(national.apportioning().convention(), "section splitting is a convention");
    }

    @Test
    void measuredOnAndEvidenceDescribeEachItem() {
        assertEquals(SubjectLevel.SCHOOL_SECTION, national.rule(IndicatorCode.RA4).measuredOn());
        assertEquals(SubjectLevel.SCHOOL, national.rule(IndicatorCode.GG4).measuredOn());
        assertEquals(SubjectLevel.COUNTY, national.rule(IndicatorCode.CV_RA4_J).measuredOn());
        for (IndicatorCode attested : List.of(IndicatorCode.GG1, IndicatorCode.GG2, IndicatorCode.GG10,
                IndicatorCode.EQ3, IndicatorCode.EQ5, IndicatorCode.EQ6, IndicatorCode.EQ7, IndicatorCode.EQ8)) {
            assertEquals(Evidence.ATTESTED, national.rule(attested).evidence(), attested.code());
        }
        assertEquals(Evidence.DECLARED, national.rule(IndicatorCode.V3).evidence());
    }

    @Test
    void sectionSplittingWeightsAreData() {
        ApportioningWeights weights = national.apportioning();
        assertEquals(0, d("1").compareTo(weights.weight(SchoolType.NINE_YEAR, PupilGroup.P)));
        assertEquals(0, d("1.1").compareTo(weights.weight(SchoolType.NINE_YEAR, PupilGroup.J)));
        assertEquals(0, d("1").compareTo(weights.weight(SchoolType.COMPLETE_SECONDARY, PupilGroup.J)));
        assertEquals(0, d("1.2").compareTo(weights.weight(SchoolType.COMPLETE_SECONDARY, PupilGroup.SENIOR)));
        assertEquals(0, d("1.1").compareTo(weights.weight(SchoolType.TWELVE_YEAR, PupilGroup.J)));
        assertEquals(0, d("1.32").compareTo(weights.weight(SchoolType.TWELVE_YEAR, PupilGroup.SENIOR)));
        assertEquals(0, BigDecimal.ONE.compareTo(weights.weight(SchoolType.PRIMARY, PupilGroup.P)), "default 1");
    }

    @Test
    void anOverlayRaisesAThresholdUnderItsOwnVersionWithoutTouchingTheBase() {
        StandardOverlay chongqing = StandardOverlay.named("CQ-2021")
                .title("重庆市实施细则（示例）")
                .set(IndicatorCode.GG7, ThresholdKeys.MINIMUM, d("8000"))
                .build();
        Standard derived = national.withOverlay(chongqing);
        assertEquals("CN-2017+CQ-2021", derived.version());
        assertEquals(0, d("8000").compareTo(derived.number(IndicatorCode.GG7, ThresholdKeys.MINIMUM)));
        assertEquals(0, d("6000").compareTo(national.number(IndicatorCode.GG7, ThresholdKeys.MINIMUM)));
        assertEquals(0, d("4.2").compareTo(derived.number(IndicatorCode.RA1, ThresholdKeys.MINIMUM, Section.P)));
        assertEquals("CN-2017+CQ-2021", derived.catalogue().version());
        assertNotSame(national, derived);
    }

    @Test
    void overlaysLoadFromJsonAndMayChangeSectionThresholdsWeightsAndSettings() {
        String json = """
                {"version": "CQ-2021", "title": "重庆示例",
                 "thresholds": [{"code": "GG7", "key": "minimum", "value": 8000},
                                {"code": "RA5", "key": "minimum", "section": "J", "value": 11.0}],
                 "settings": [{"key": "readiness.basicBalanceMinYearsBefore", "value": 4}],
                 "apportioning": {"NINE_YEAR": {"J": 1.15}}}""";
        Standard derived = national.withOverlay(StandardCatalog.overlayFromJson(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
        assertEquals("CN-2017+CQ-2021", derived.version());
        assertEquals(0, d("8000").compareTo(derived.number(IndicatorCode.GG7, ThresholdKeys.MINIMUM)));
        assertEquals(0, d("11.0").compareTo(derived.number(IndicatorCode.RA5, ThresholdKeys.MINIMUM, Section.J)));
        assertEquals(0, d("7.5").compareTo(derived.number(IndicatorCode.RA5, ThresholdKeys.MINIMUM, Section.P)));
        assertEquals(0, d("4").compareTo(derived.setting(ThresholdKeys.BASIC_BALANCE_MIN_YEARS_BEFORE)));
        assertEquals(0, d("1.15").compareTo(derived.apportioning().weight(SchoolType.NINE_YEAR, PupilGroup.J)));
        assertEquals(0, d("1").compareTo(derived.apportioning().weight(SchoolType.NINE_YEAR, PupilGroup.P)));
    }

    @Test
    void anOverlayNamingAnUnknownParameterIsRejected() {
        StandardOverlay typo = StandardOverlay.named("X-1").set(IndicatorCode.GG7, "minimun", d("8000")).build();
        assertThrows(IllegalArgumentException.class, () -> national.withOverlay(typo));
        StandardOverlay noSection = StandardOverlay.named("X-2")
                .set(IndicatorCode.RA1, ThresholdKeys.MINIMUM, null, d("5")).build();
        assertThrows(IllegalArgumentException.class, () -> national.withOverlay(noSection),
                "RA1's minimum is per section");
        assertThrows(IllegalArgumentException.class, () -> StandardOverlay.named("CN-2017+X").build());
    }

    @Test
    void anIncompleteStandardFileIsRejectedAtLoadTime() throws IOException {
        String full;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("standards/CN-2017.json")) {
            full = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutGg7Minimum = full.replace(
                "\"thresholds\": [{\"key\": \"minimum\", \"value\": 6000",
                "\"thresholds\": [{\"key\": \"min\", \"value\": 6000");
        assertTrue(!withoutGg7Minimum.equals(full), "the test edits the file");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> StandardCatalog.fromJson(new ByteArrayInputStream(
                        withoutGg7Minimum.getBytes(StandardCharsets.UTF_8))));
        assertTrue(error.getMessage().contains("GG7"), error.getMessage());
        String withoutSr1 = full.replace("\"code\": \"SR1\"", "\"code\": \"V1\"");
        assertThrows(IllegalArgumentException.class,
                () -> StandardCatalog.fromJson(new ByteArrayInputStream(withoutSr1.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void numbersAreReadExactly() {
        // 0.1-style decimals must not pass through double
        assertEquals("0.85", national.number(IndicatorCode.SR1, ThresholdKeys.MINIMUM).toPlainString());
        assertEquals("10.2", national.number(IndicatorCode.RA5, ThresholdKeys.MINIMUM, Section.J).toPlainString());
        // and as published, trailing zeros included
        assertEquals("0.50", national.number(IndicatorCode.CV_RA1_P, ThresholdKeys.MAXIMUM).toPlainString());
        assertEquals("1.0", national.number(IndicatorCode.RA2, ThresholdKeys.MINIMUM, Section.P).toPlainString());
    }

    @Test
    void theCatalogueSerialisesAsIsForTheApi() throws IOException {
        String json = new ObjectMapper().writeValueAsString(national.catalogue());
        assertTrue(json.contains("\"version\":\"CN-2017\""), json.substring(0, 200));
        assertTrue(json.contains("\"code\":\"CV-RA5-P\""));
        assertTrue(json.contains("\"convention\":true"));
        assertTrue(json.contains("\"formula\":\"（教学及辅助用房面积 − 室内体育用房面积）÷ 在校生数\""));
        StandardCatalogue back = new ObjectMapper().readValue(json, StandardCatalogue.class);
        assertEquals(national.catalogue().indicators().size(), back.indicators().size());
    }
}
