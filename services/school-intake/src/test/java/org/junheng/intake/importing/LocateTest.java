package org.junheng.intake.importing;

import static org.junheng.intake.importing.SampleSchools.COMPLETE_SECONDARY;
import static org.junheng.intake.importing.SampleSchools.NINE_YEAR;
import static org.junheng.intake.importing.SampleSchools.PRIMARY;
import static org.junheng.intake.importing.SampleSchools.TWELVE_YEAR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junheng.eventsourcing.decider.Violation;
import org.junit.jupiter.api.Test;

/** Violation field paths lead back to the cells the user typed them in. */
class LocateTest {

    private final ImportResult.Parsed result =
            ImportRoundTripTest.parsed(ImportFixtures.filledTemplate(SampleSchools.xlsxRows()), "统计.xlsx");

    private CellRef cell(String school, String path) {
        return result.locate(school, path).orElseThrow(() -> new AssertionError("no cell for " + path));
    }

    @Test
    void sectionFieldsPointAtTheirSectionRow() {
        assertEquals(new CellRef(SampleSchools.NINE_YEAR_JUNIOR_ROW, "N", StatisticsColumn.CERTIFIED_TEACHERS.header(), "52"),
                cell(NINE_YEAR, "sections[J].teachers.certified"));
        assertEquals(new CellRef(SampleSchools.NINE_YEAR_PRIMARY_ROW, "D", StatisticsColumn.PUPILS.header(), "900"),
                cell(NINE_YEAR, "sections[P].pupils"));
        assertEquals(new CellRef(SampleSchools.NINE_YEAR_JUNIOR_ROW, "C", StatisticsColumn.SECTION.header(), "初中"),
                cell(NINE_YEAR, "sections[J]"));
    }

    @Test
    void schoolLevelFieldsPointAtTheRowThatGaveThem() {
        assertEquals(new CellRef(SampleSchools.NINE_YEAR_PRIMARY_ROW, "AF",
                        StatisticsColumn.OPERATING_FUND_BUDGET.header(), "2600000"),
                cell(NINE_YEAR, "funds.operatingFundBudget"));
        assertEquals(new CellRef(SampleSchools.COMPLETE_SECONDARY_ROW, "AE", StatisticsColumn.SENIOR_PUPILS.header(), "1100"),
                cell(COMPLETE_SECONDARY, "seniorPupils"));
        // blank but present: a validator complaining about it still finds the cell
        assertEquals(new CellRef(SampleSchools.PRIMARY_ROW, "AH", StatisticsColumn.FUNDED_PUPILS.header(), ""),
                cell(PRIMARY, "funds.fundedPupils"));
        assertEquals(new CellRef(SampleSchools.PRIMARY_ROW, "A", StatisticsColumn.SCHOOL_CODE.header(), PRIMARY),
                cell(PRIMARY, "schoolCode"));
    }

    @Test
    void facilitiesPointAtTheFirstRowOrAtTheirSectionRow() {
        assertEquals(new CellRef(SampleSchools.NINE_YEAR_PRIMARY_ROW, "AA", StatisticsColumn.EQUIPMENT_VALUE.header(),
                "4200000.75"), cell(NINE_YEAR, "wholeSchoolFacilities.equipmentBookValue"));
        assertEquals(Optional.empty(), result.locate(NINE_YEAR, "sections[P].facilities.equipmentBookValue"));

        assertEquals(new CellRef(SampleSchools.TWELVE_YEAR_JUNIOR_ROW, "V", StatisticsColumn.TEACHING_AREA.header(),
                "4300.4"), cell(TWELVE_YEAR, "sections[J].facilities.teachingAndAuxiliaryArea"));
        assertEquals(Optional.empty(), result.locate(TWELVE_YEAR, "wholeSchoolFacilities.teachingAndAuxiliaryArea"));
        // the formula's value, not its text
        assertEquals("2650000", cell(PRIMARY, "sections[P].facilities.equipmentBookValue").value());
    }

    @Test
    void listElementsGroupsAndUnnamedSectionsFindACell() {
        assertEquals(new CellRef(SampleSchools.COMPLETE_SECONDARY_ROW, "AC", StatisticsColumn.MUSIC_ROOM_AREAS.header(),
                "96;96;110"), cell(COMPLETE_SECONDARY, "wholeSchoolFacilities.musicRoomAreas[2]"));
        assertEquals(new CellRef(SampleSchools.NINE_YEAR_JUNIOR_ROW, "AI", StatisticsColumn.COHORT_ENTRY_YEAR.header(),
                "2021"), cell(NINE_YEAR, "retentionCohort"));
        assertEquals(new CellRef(SampleSchools.NINE_YEAR_JUNIOR_ROW, "I",
                        StatisticsColumn.TEACHERS_HIGH_SCHOOL_OR_BELOW.header(), "0"),
                cell(NINE_YEAR, "sections[J].teachers.fullTimeByQualification"));
        assertEquals(new CellRef(SampleSchools.TWELVE_YEAR_PRIMARY_ROW, "D", StatisticsColumn.PUPILS.header(), "700"),
                cell(TWELVE_YEAR, "sections[].pupils"));
        assertEquals(SampleSchools.TWELVE_YEAR_JUNIOR_ROW, cell(TWELVE_YEAR, "funds").row());
    }

    @Test
    void pathsWithoutACellFindNothing() {
        assertEquals(Optional.empty(), result.locate(NINE_YEAR, "sections[P].classSizes"));
        assertEquals(Optional.empty(), result.locate(PRIMARY, "retentionCohort.graduates"));
        assertEquals(Optional.empty(), result.locate(PRIMARY, "sections[J].pupils"));
        assertEquals(Optional.empty(), result.locate("9999999999", "schoolCode"));
        assertEquals(Optional.empty(), result.locate(PRIMARY, ""));
        assertEquals(Optional.empty(), result.locate(PRIMARY, null));
    }

    @Test
    void lettersAreTheUploadedFilesNotTheTemplates() {
        List<StatisticsColumn> reversed = new ArrayList<>(StatisticsColumn.inOrder());
        Collections.reverse(reversed);
        Map<StatisticsColumn, Object> row = SampleSchools.csvRows().get(0);
        List<String> header = reversed.stream().map(StatisticsColumn::header).toList();
        List<String> values = reversed.stream().map(c -> row.containsKey(c) ? row.get(c).toString() : "").toList();

        ImportResult.Parsed reordered = ImportRoundTripTest.parsed(
                ImportFixtures.csvGrid(List.of(header, values), true, StandardCharsets.UTF_8), "统计.csv");

        assertEquals(SampleSchools.primary(), reordered.schools().get(0).statistics());
        assertEquals(new CellRef(2, "AK", StatisticsColumn.PUPILS.header(), "1200"),
                reordered.locate(PRIMARY, "sections[P].pupils").orElseThrow());
    }
}
