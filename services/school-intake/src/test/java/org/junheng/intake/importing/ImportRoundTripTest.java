package org.junheng.intake.importing;

import static org.junheng.intake.importing.SampleSchools.COMPLETE_SECONDARY;
import static org.junheng.intake.importing.SampleSchools.NINE_YEAR;
import static org.junheng.intake.importing.SampleSchools.PRIMARY;
import static org.junheng.intake.importing.SampleSchools.TWELVE_YEAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The template filled in, read back: the forms the domain receives, from XLSX and CSV alike. */
class ImportRoundTripTest {

    static ImportResult.Parsed parsed(byte[] file, String name) {
        ImportResult result = StatisticsImport.parse(file, name);
        if (result instanceof ImportResult.Rejected rejected) {
            throw new AssertionError("expected the file to parse, got " + rejected.problems());
        }
        return assertInstanceOf(ImportResult.Parsed.class, result);
    }

    @Test
    void filledXlsxTemplateGivesOneFormPerSchoolInFileOrder() {
        ImportResult.Parsed result = parsed(ImportFixtures.filledTemplate(SampleSchools.xlsxRows()), "统计.xlsx");

        assertEquals(List.of(PRIMARY, NINE_YEAR, COMPLETE_SECONDARY, TWELVE_YEAR),
                result.schools().stream().map(ParsedSchool::schoolCode).toList());
        assertEquals(SampleSchools.primary(), result.school(PRIMARY).orElseThrow().statistics());
        assertEquals(SampleSchools.nineYear(), result.school(NINE_YEAR).orElseThrow().statistics());
        assertEquals(SampleSchools.completeSecondary(), result.school(COMPLETE_SECONDARY).orElseThrow().statistics());
        assertEquals(SampleSchools.twelveYear(), result.school(TWELVE_YEAR).orElseThrow().statistics());
    }

    @Test
    void schoolKeepsItsNameAsWrittenAndItsRowsInFileOrder() {
        ImportResult.Parsed result = parsed(ImportFixtures.filledTemplate(SampleSchools.xlsxRows()), "统计.xlsx");

        ParsedSchool nineYear = result.school(NINE_YEAR).orElseThrow();
        assertEquals("重庆市大渡口区育才学校", nineYear.schoolName());
        assertEquals(List.of(SampleSchools.NINE_YEAR_PRIMARY_ROW, SampleSchools.NINE_YEAR_JUNIOR_ROW), nineYear.rows());
        assertEquals(List.of(SampleSchools.TWELVE_YEAR_JUNIOR_ROW, SampleSchools.TWELVE_YEAR_PRIMARY_ROW),
                result.school(TWELVE_YEAR).orElseThrow().rows());
    }

    @Test
    void csvWithBomGivesTheSameFormsAsXlsx() {
        ImportResult.Parsed fromXlsx = parsed(ImportFixtures.filledTemplate(SampleSchools.xlsxRows()), "统计.xlsx");
        ImportResult.Parsed fromCsv = parsed(ImportFixtures.csv(SampleSchools.csvRows()), "统计.csv");

        assertEquals(fromXlsx.schools().stream().map(ParsedSchool::statistics).toList(),
                fromCsv.schools().stream().map(ParsedSchool::statistics).toList());
        assertEquals(SampleSchools.primary(), fromCsv.school(PRIMARY).orElseThrow().statistics());
    }

    @Test
    void schoolCodeTypedAsNumberComesBackAsItsTenDigits() {
        ImportResult.Parsed result = parsed(ImportFixtures.filledTemplate(SampleSchools.xlsxRows()), "统计.xlsx");

        CellRef code = result.locate(PRIMARY, "schoolCode").orElseThrow();
        assertEquals("5001040001", code.value());
        assertEquals(PRIMARY, result.schools().get(0).schoolCode());
    }

    @Test
    void csvWithoutBomReadsTheSame() {
        byte[] withBom = ImportFixtures.csv(SampleSchools.csvRows());
        byte[] withoutBom = Arrays.copyOfRange(withBom, ImportFixtures.UTF8_BOM.length, withBom.length);

        assertEquals(parsed(withBom, "a.csv").schools(), parsed(withoutBom, "b.csv").schools());
    }
}
