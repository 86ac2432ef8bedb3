package org.junheng.intake.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junheng.contracts.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellParsingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12|12", "0012|12", "12.0|12", "１２|12", "'1,234'|1234", "-0|0", "' 7 '|7", "2147483647|2147483647"})
    void countsAcceptHowPeopleTypeWholeNumbers(String text, int expected) {
        assertEquals(expected, CellParsing.count(text).value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abc|不是数字", "12人|不是数字", "1e5|不是数字", "'12,5'|不是数字", ".|不是数字", "-|不是数字",
            "-3|负数", "－3|负数", "12.5|整数", "2147483648|数值过大", "99999999999999999999999|数值过大",
            "#DIV/0!|公式"})
    void countsRejectWithAReason(String text, String keyword) {
        String problem = CellParsing.count(text).problem();
        assertEquals(true, problem != null && problem.contains(keyword), () -> text + " → " + problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12.50|12.5", "'1,234,567.89'|1234567.89", "1200|1200", "1200.00|1200", ".5|0.5", "０.７５|0.75",
            "999999999999999|999999999999999"})
    void amountsAreKeptInCanonicalScale(String text, String expected) {
        BigDecimal value = CellParsing.amount(text).value();
        assertEquals(new BigDecimal(expected), value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12.345|两位小数", "-0.5|负数", "1000000000000000|数值过大", "万|不是数字"})
    void amountsRejectWithAReason(String text, String keyword) {
        assertEquals(true, CellParsing.amount(text).problem().contains(keyword), text);
    }

    @Test
    void areaListsAcceptEverySeparatorAndATrailingOne() {
        List<BigDecimal> expected = List.of(new BigDecimal("96"), new BigDecimal("90.5"), new BigDecimal("88"),
                new BigDecimal("70"));
        assertEquals(expected, CellParsing.areaList("96;90.5；88、70").value());
        assertEquals(expected, CellParsing.areaList("96, 90.50，88 ,70;").value());
        assertEquals(List.of(new BigDecimal("96")), CellParsing.areaList("96").value());
    }

    @Test
    void malformedAreaListsSayWhichItem() {
        assertEquals("面积列表格式错误：有空项，各面积以;分隔 (malformed area list: empty item; separate areas with ;)",
                CellParsing.areaList("96;;90").problem());
        assertEquals("面积列表第2项：不是数字 (area list item 2: not a number)", CellParsing.areaList("96;abc").problem());
        assertEquals("面积列表第3项：不能为负数 (area list item 3: must not be negative)",
                CellParsing.areaList("96;90;-5").problem());
        assertEquals("面积列表第1项：最多两位小数 (area list item 1: at most 2 decimal places)",
                CellParsing.areaList("96.125").problem());
        assertEquals(true, CellParsing.areaList(";").problem().contains("空项"));
    }

    @Test
    void schoolCodesAreExactlyTenDigits() {
        assertEquals("5001040001", CellParsing.schoolCode(" ５００１０４０００１ ").value());
        for (String wrong : List.of("500104000", "50010400011", "5001040001.0", "5.00104E+09", "500104000A", "")) {
            assertEquals("学校标识码须为10位数字 (school code must be exactly 10 digits)",
                    CellParsing.schoolCode(wrong).problem(), wrong);
        }
    }

    @Test
    void sectionsAreTheTwoWordsOrTheirCodes() {
        assertEquals(Section.P, CellParsing.section("小学").value());
        assertEquals(Section.P, CellParsing.section(" p ").value());
        assertEquals(Section.J, CellParsing.section("初中").value());
        assertEquals(Section.J, CellParsing.section("J").value());
        for (String wrong : List.of("高中", "小学部", "初 中", "primary")) {
            assertNull(CellParsing.section(wrong).value(), wrong);
            assertEquals("学段须为小学或初中 (section must be 小学 or 初中)", CellParsing.section(wrong).problem());
        }
    }

    @Test
    void yearsHaveFourDigits() {
        assertEquals(2021, CellParsing.year("2021").value());
        assertEquals(2021, CellParsing.year("2021.0").value());
        for (String wrong : List.of("21", "20210", "2021.5", "-2021")) {
            assertEquals("须为四位年份，如2021 (must be a 4-digit year)", CellParsing.year(wrong).problem(), wrong);
        }
        assertEquals("不是数字 (not a number)", CellParsing.year("二〇二一").problem());
    }
}
