package org.junheng.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndicatorCodeTest {

    @Test
    void hasEveryCodeOfTheStandard() {
        assertEquals(List.of("RA1", "RA2", "RA3", "RA4", "RA5", "RA6", "RA7", "RA-SCHOOL"),
                codes(IndicatorCategory.RESOURCE_ALLOCATION));
        assertEquals(List.of("CV-RA1-P", "CV-RA1-J", "CV-RA2-P", "CV-RA2-J", "CV-RA3-P", "CV-RA3-J", "CV-RA4-P",
                "CV-RA4-J", "CV-RA5-P", "CV-RA5-J", "CV-RA6-P", "CV-RA6-J", "CV-RA7-P", "CV-RA7-J"),
                codes(IndicatorCategory.COUNTY_BALANCE));
        // GG1–GG15, and GG15's attested second half (留守儿童关爱体系)
        assertEquals(16, codes(IndicatorCategory.GOVERNMENT_GUARANTEE).size());
        assertEquals(List.of("GG15", "GG15-CARE"), codes(IndicatorCategory.GOVERNMENT_GUARANTEE).subList(14, 16));
        // EQ1–EQ9, and EQ10 (双减)
        assertEquals(10, codes(IndicatorCategory.EDUCATION_QUALITY).size());
        assertEquals(List.of("SR1"), codes(IndicatorCategory.SOCIAL_RECOGNITION));
        assertEquals(List.of("V1", "V2", "V3", "V4", "V5", "V6"), codes(IndicatorCategory.VETO));
        assertEquals(55, IndicatorCode.values().length);
    }

    @Test
    void jsonIsTheStableCodeBothWays() throws Exception {
        for (IndicatorCode indicator : IndicatorCode.values()) {
            String json = TestJson.MAPPER.writeValueAsString(indicator);

            assertEquals("\"" + indicator.code() + "\"", json);
            assertEquals(indicator, TestJson.MAPPER.readValue(json, IndicatorCode.class));
            assertEquals(indicator, IndicatorCode.fromCode(indicator.code()));
        }
    }

    @Test
    void unknownCodesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> IndicatorCode.fromCode("RA_SCHOOL"));
        assertThrows(ValueInstantiationException.class, () -> TestJson.MAPPER.readValue("\"RA9\"", IndicatorCode.class));
    }

    @Test
    void coefficientOfVariationCodesNameTheirIndicatorAndSection() {
        IndicatorCode cv = IndicatorCode.coefficientOfVariation(IndicatorCode.RA4, Section.J);

        assertEquals(IndicatorCode.CV_RA4_J, cv);
        assertEquals("CV-RA4-J", cv.code());
        assertEquals(Optional.of(IndicatorCode.RA4), cv.variedIndicator());
        assertEquals(Optional.of(Section.J), cv.section());
        assertEquals("初中生均教学及辅助用房面积差异系数", cv.chineseName());
        assertEquals(Optional.empty(), IndicatorCode.RA4.section());
        assertThrows(IllegalArgumentException.class, () -> IndicatorCode.coefficientOfVariation(IndicatorCode.GG1, Section.P));
    }

    @Test
    void everyCodeHasAChineseAndAnEnglishName() {
        for (IndicatorCode indicator : IndicatorCode.values()) {
            assertTrue(indicator.chineseName().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    indicator.code());
            assertTrue(indicator.englishName().matches("[A-Z].*"), indicator.code());
            assertEquals(indicator.chineseName(), indicator.label());
        }
        assertEquals("生均体育运动场馆面积", IndicatorCode.RA5.chineseName());
        assertEquals("教师平均工资收入水平不低于当地公务员平均工资收入水平", IndicatorCode.GG8.chineseName());
    }

    @Test
    void codesAreUnique() {
        assertEquals(IndicatorCode.values().length,
                Arrays.stream(IndicatorCode.values()).map(IndicatorCode::code).distinct().count());
    }

    private static List<String> codes(IndicatorCategory category) {
        return IndicatorCode.ofCategory(category).stream().map(IndicatorCode::code).toList();
    }
}
