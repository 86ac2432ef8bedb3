package org.junheng.intake.importing;

import static org.junheng.intake.importing.ImportFixtures.row;
import static org.junheng.intake.importing.ImportFixtures.with;
import static org.junheng.intake.importing.StatisticsColumn.*;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junheng.service.documents.ImportProblem;

/** A file with a dozen different mistakes yields exactly one precise problem per mistake, in sheet order. */
class ImportMistakesTest {

    /** A complete, valid 小学 row of school {@code code}: facilities and funds included. */
    static Map<StatisticsColumn, Object> primaryRow(String code) {
        return row(
                SCHOOL_CODE, code, SCHOOL_NAME, "学校" + code, SECTION, "小学",
                PUPILS, 400, CLASSES, 10, LARGEST_CLASS_SIZE, 42, MIGRANT_PUPILS, 20, IN_CATCHMENT_PUPILS, 390,
                TEACHERS_HIGH_SCHOOL_OR_BELOW, 0, TEACHERS_ASSOCIATE, 5, TEACHERS_BACHELOR, 20, TEACHERS_MASTER, 1,
                TEACHERS_DOCTORATE, 0, CERTIFIED_TEACHERS, 26, KEY_TEACHERS, 4, PE_TEACHERS, 2, MUSIC_TEACHERS, 1,
                FINE_ART_TEACHERS, 1, ARTS_TEACHERS, 0, TRAINED_TEACHERS, 25,
                TEACHING_AREA, 2200.5, INDOOR_SPORTS_AREA, 200, GYMNASIUM_AREA, 0, SPORTS_GROUND_AREA, 3100,
                EQUIPMENT_VALUE, 900000, MULTIMEDIA_CLASSROOMS, 11, MUSIC_ROOM_AREAS, "96", ART_ROOM_AREAS, "90",
                OPERATING_FUND_BUDGET, 800000, TRAINING_BUDGET, 40000);
    }

    /** The 初中 row of a multi-section school: section values only. */
    static Map<StatisticsColumn, Object> juniorRow(String code) {
        Map<StatisticsColumn, Object> junior = with(primaryRow(code), SECTION, "初中");
        for (StatisticsColumn column : StatisticsColumn.values()) {
            if (column.scope() == Scope.FACILITIES || column.scope() == Scope.SCHOOL) {
                junior.remove(column);
            }
        }
        return junior;
    }

    static final List<Map<StatisticsColumn, Object>> ROWS = List.of(
            /* 2 */ with(primaryRow("5001040001"), PUPILS, "三百", CLASSES, -3, LARGEST_CLASS_SIZE, 45.5,
                    TEACHING_AREA, 5230.456),
            /* 3 */ with(primaryRow("5001040002"), SECTION, "高中"),
            /* 4 */ primaryRow("50010400"),
            /* 5 */ with(primaryRow("5001040004"), KEY_TEACHERS, null),
            /* 6 */ primaryRow("5001040004"),
            /* 7 */ with(primaryRow("5001040005"), TEACHING_AREA, null, INDOOR_SPORTS_AREA, null, GYMNASIUM_AREA, null,
                    SPORTS_GROUND_AREA, null, EQUIPMENT_VALUE, null, MULTIMEDIA_CLASSROOMS, null,
                    MUSIC_ROOM_AREAS, null, ART_ROOM_AREAS, null),
            /* 8 */ with(primaryRow("5001040005"), SECTION, "初中", OPERATING_FUND_BUDGET, null, TRAINING_BUDGET, null),
            /* 9 */ primaryRow("5001040006"),
            /* 10 */ with(juniorRow("5001040006"), OPERATING_FUND_BUDGET, 900000),
            /* 11 */ with(primaryRow("5001040007"), COHORT_GRADE7, 300),
            /* 12 */ with(primaryRow("5001040008"), MUSIC_ROOM_AREAS, "96;abc"));

    /** row, column letter, a keyword of the reason. */
    record Expected(int row, String column, String keyword) {
    }

    static final List<Expected> EXPECTED = List.of(
            new Expected(2, "D", "不是数字"),
            new Expected(2, "E", "负数"),
            new Expected(2, "F", "整数"),
            new Expected(2, "V", "两位小数"),
            new Expected(3, "C", "学段须为小学或初中"),
            new Expected(4, "A", "10位数字"),
            new Expected(5, "O", "必填"),
            new Expected(6, "C", "重复，同第5行"),
            new Expected(8, "V", "该校第一行（第7行）"),
            new Expected(10, "AF", "与该校第9行的值不一致"),
            new Expected(11, "AJ", "初中行"),
            new Expected(12, "AC", "面积列表第2项：不是数字"));

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("xlsx", (Function<List<Map<StatisticsColumn, Object>>, byte[]>) ImportFixtures::filledTemplate),
                Arguments.of("csv", (Function<List<Map<StatisticsColumn, Object>>, byte[]>) ImportFixtures::csv));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void everyMistakeIsOneProblemAtItsCell(String format, Function<List<Map<StatisticsColumn, Object>>, byte[]> writer) {
        ImportResult result = StatisticsImport.parse(writer.apply(ROWS), "mistakes." + format);

        List<ImportProblem> problems = assertInstanceOf(ImportResult.Rejected.class, result).problems();
        assertEquals(EXPECTED.size(), problems.size(), () -> "problems: " + problems);
        assertAll(IntStream.range(0, EXPECTED.size()).mapToObj(i -> () -> {
            Expected expected = EXPECTED.get(i);
            ImportProblem problem = problems.get(i);
            assertEquals(expected.row(), problem.row(), () -> "row of " + problem);
            assertEquals(expected.column(), problem.column(), () -> "column of " + problem);
            assertTrue(problem.reason().contains(expected.keyword()), () -> expected.keyword() + " in " + problem);
        }));
    }

    /** Blank cells of the columns that may stay open are read as not reported (null), not as 0 nor as mistakes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void figuresThatMayStayOpenAreReadAsNotReported(String format,
                                                     Function<List<Map<StatisticsColumn, Object>>, byte[]> writer) {
        byte[] file = writer.apply(List.of(
                with(primaryRow("5001040009"), CERTIFIED_TEACHERS, null, TRAINED_TEACHERS, null, IN_CATCHMENT_PUPILS,
                        null, OPERATING_FUND_BUDGET, null, TRAINING_BUDGET, null),
                primaryRow("5001040010")));
        ImportResult.Parsed parsed = assertInstanceOf(ImportResult.Parsed.class,
                StatisticsImport.parse(file, "open." + format));
        var open = parsed.schools().get(0).statistics();
        org.junit.jupiter.api.Assertions.assertNull(open.sections().get(0).teachers().certified());
        org.junit.jupiter.api.Assertions.assertNull(open.sections().get(0).teachers().completed360TrainingHours());
        org.junit.jupiter.api.Assertions.assertNull(open.sections().get(0).inCatchmentPupils());
        org.junit.jupiter.api.Assertions.assertNull(open.funds().operatingFundBudget());
        org.junit.jupiter.api.Assertions.assertNull(open.funds().teacherTrainingBudget());
        var filled = parsed.schools().get(1).statistics();
        assertEquals(26, filled.sections().get(0).teachers().certified());
        assertEquals(0, new java.math.BigDecimal("800000").compareTo(filled.funds().operatingFundBudget()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void problemsCarryTheHeaderAndTheValueAsWritten(String format,
                                                    Function<List<Map<StatisticsColumn, Object>>, byte[]> writer) {
        List<ImportProblem> problems = ((ImportResult.Rejected) StatisticsImport.parse(writer.apply(ROWS), "m." + format))
                .problems();

        ImportProblem notANumber = problems.get(0);
        assertEquals(PUPILS.header(), notANumber.header());
        assertEquals("三百", notANumber.value());
        assertEquals("不是数字 (not a number)", notANumber.reason());
        ImportProblem tooManyDecimals = problems.get(3);
        assertEquals("5230.456", tooManyDecimals.value());
    }
}
