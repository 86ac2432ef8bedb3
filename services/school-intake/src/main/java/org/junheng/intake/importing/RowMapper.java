package org.junheng.intake.importing;

import static org.junheng.intake.importing.StatisticsColumn.Scope.FACILITIES;
import static org.junheng.intake.importing.StatisticsColumn.Scope.RETENTION;
import static org.junheng.intake.importing.StatisticsColumn.Scope.SCHOOL;
import static org.junheng.intake.importing.StatisticsColumn.Scope.SECTION;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junheng.contracts.Section;
import org.junheng.contracts.schooldata.Facilities;
import org.junheng.contracts.schooldata.Funds;
import org.junheng.contracts.schooldata.QualificationCounts;
import org.junheng.contracts.schooldata.RetentionCohort;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SectionStatistics;
import org.junheng.contracts.schooldata.Teachers;
import org.junheng.intake.importing.CellParsing.Outcome;
import org.junheng.intake.importing.SheetContent.SheetRow;
import org.junheng.service.documents.ImportProblem;

/**
 * Turns the rows of a {@link SheetContent} into one {@link SchoolStatistics} per school code, grouping a school's
 * section rows wherever they are in the file. It guarantees well-formed values and a consistent row layout only;
 * whether the figures are plausible is {@code StatisticsValidator}'s business. Every problem in the file is reported,
 * one per mistake, so the user can fix them all in one go.
 */
public final class RowMapper {

    /** Facilities either on every section row of a school (already split) or once for the whole school. */
    private enum FacilityLayout { PER_SECTION, WHOLE_SCHOOL }

    private final SheetContent content;
    private final List<ImportProblem> problems;

    private RowMapper(SheetContent content) {
        this.content = content;
        this.problems = new ArrayList<>(content.problems());
    }

    public static ImportResult map(SheetContent content) {
        return new RowMapper(content).map();
    }

    private ImportResult map() {
        if (content.headerRow() == 0) {
            return rejected();
        }
        if (content.rows().isEmpty()) {
            problems.add(ImportProblem.ofFile(Reasons.NO_DATA_ROWS));
            return rejected();
        }
        Map<String, List<ParsedRow>> schools = new LinkedHashMap<>();
        for (SheetRow row : content.rows()) {
            ParsedRow parsed = parse(row);
            if (!parsed.code.isEmpty()) {
                schools.computeIfAbsent(parsed.code, code -> new ArrayList<>()).add(parsed);
            }
        }
        Map<String, List<ParsedRow>> checked = new LinkedHashMap<>();
        java.util.Set<String> schoolsWithProblems = new java.util.HashSet<>();
        schools.forEach((code, rows) -> {
            int before = problems.size();
            checked.put(code, checkSchool(rows));
            if (problems.size() > before) {
                schoolsWithProblems.add(code);
            }
        });
        if (!problems.isEmpty()) {
            // a problem with the file or its header row leaves no row trustworthy
            boolean fileLevel = problems.stream()
                    .anyMatch(problem -> problem.row() == 0 || problem.row() == content.headerRow());
            java.util.Set<Integer> troubled = new java.util.HashSet<>();
            problems.forEach(problem -> troubled.add(problem.row()));
            List<ParsedSchool> wellFormed = new ArrayList<>();
            if (!fileLevel) {
                checked.forEach((code, rows) -> {
                    if (code.matches("\\d{10}") && !schoolsWithProblems.contains(code)
                            && rows.stream().noneMatch(row -> troubled.contains(row.number()))) {
                        wellFormed.add(build(code, rows));
                    }
                });
            }
            problems.sort(ImportProblem.SHEET_ORDER);
            return new ImportResult.Rejected(problems, wellFormed);
        }
        List<ParsedSchool> parsed = new ArrayList<>();
        checked.forEach((code, rows) -> parsed.add(build(code, rows)));
        return new ImportResult.Parsed(parsed);
    }

    private ImportResult rejected() {
        problems.sort(ImportProblem.SHEET_ORDER);
        return new ImportResult.Rejected(problems);
    }

    // ---------------------------------------------------------------- one row

    /** A row's values that parsed; cells that did not are reported and remembered as invalid. */
    private static final class ParsedRow {

        final SheetRow row;
        final Map<StatisticsColumn, Object> values = new EnumMap<>(StatisticsColumn.class);
        final Set<StatisticsColumn> invalid = EnumSet.noneOf(StatisticsColumn.class);
        /** As written (normalised), valid or not, so that a school's rows group even when its code is mistyped. */
        String code = "";
        /** Null when blank or not a section word. */
        Section section;

        ParsedRow(SheetRow row) {
            this.row = row;
        }

        int number() {
            return row.number();
        }

        boolean carriesFacilities() {
            return row.values().keySet().stream().anyMatch(column -> column.scope() == FACILITIES);
        }

        int count(StatisticsColumn column) {
            return values.get(column) instanceof Integer count ? count : 0;
        }

        Integer countOrNull(StatisticsColumn column) {
            return (Integer) values.get(column);
        }

        BigDecimal amount(StatisticsColumn column) {
            return (BigDecimal) values.get(column);
        }

        @SuppressWarnings("unchecked")
        List<BigDecimal> areas(StatisticsColumn column) {
            return values.get(column) instanceof List<?> areas ? (List<BigDecimal>) areas : List.of();
        }
    }

    private ParsedRow parse(SheetRow row) {
        ParsedRow parsed = new ParsedRow(row);
        if (row.filled(StatisticsColumn.SCHOOL_CODE)) {
            parsed.code = CellParsing.normalise(row.value(StatisticsColumn.SCHOOL_CODE));
            Outcome<String> code = CellParsing.schoolCode(row.value(StatisticsColumn.SCHOOL_CODE));
            if (!code.ok()) {
                report(row, StatisticsColumn.SCHOOL_CODE, code.problem());
            }
        } else if (content.hasColumn(StatisticsColumn.SCHOOL_CODE)) {
            report(row, StatisticsColumn.SCHOOL_CODE, Reasons.REQUIRED);
        }
        if (row.filled(StatisticsColumn.SECTION)) {
            Outcome<Section> section = CellParsing.section(row.value(StatisticsColumn.SECTION));
            parsed.section = section.value();
            if (!section.ok()) {
                report(row, StatisticsColumn.SECTION, section.problem());
            }
        } else if (content.hasColumn(StatisticsColumn.SECTION)) {
            report(row, StatisticsColumn.SECTION, Reasons.REQUIRED);
        }
        for (Map.Entry<StatisticsColumn, String> cell : row.values().entrySet()) {
            StatisticsColumn column = cell.getKey();
            if (column == StatisticsColumn.SCHOOL_CODE || column == StatisticsColumn.SECTION) {
                continue;
            }
            if (column.scope() == RETENTION && parsed.section == Section.P) {
                report(row, column, Reasons.RETENTION_ON_PRIMARY);
                continue;
            }
            Outcome<?> value = CellParsing.parse(column.kind(), cell.getValue());
            if (value.ok()) {
                parsed.values.put(column, value.value());
            } else {
                parsed.invalid.add(column);
                report(row, column, value.problem());
            }
        }
        return parsed;
    }

    // ---------------------------------------------------------------- the rows of one school

    /** Checks how a school's rows fit together; returns its rows without duplicated sections. */
    private List<ParsedRow> checkSchool(List<ParsedRow> rows) {
        List<ParsedRow> kept = new ArrayList<>();
        Map<Section, ParsedRow> bySection = new EnumMap<>(Section.class);
        for (ParsedRow row : rows) {
            ParsedRow earlier = row.section == null ? null : bySection.get(row.section);
            if (earlier != null) {
                report(row.row, StatisticsColumn.SECTION, Reasons.duplicateSection(earlier.number()));
            } else {
                if (row.section != null) {
                    bySection.put(row.section, row);
                }
                kept.add(row);
            }
        }
        for (ParsedRow row : kept) {
            for (StatisticsColumn column : present(SECTION)) {
                if (column.required() && !row.row.filled(column)) {
                    report(row.row, column, Reasons.REQUIRED);
                }
            }
        }
        checkFacilityLayout(kept);
        checkSchoolLevelValues(kept);
        ParsedRow junior = bySection.get(Section.J);
        if (junior != null) {
            checkRetention(junior);
        }
        return kept;
    }

    private void checkFacilityLayout(List<ParsedRow> rows) {
        List<StatisticsColumn> facilityColumns = present(FACILITIES);
        if (facilityColumns.isEmpty()) {
            return; // the missing columns are reported with the header
        }
        StatisticsColumn firstColumn = facilityColumns.get(0);
        ParsedRow first = rows.get(0);
        List<ParsedRow> carrying = rows.stream().filter(ParsedRow::carriesFacilities).toList();
        if (carrying.isEmpty()) {
            report(first.row, firstColumn, Reasons.FACILITIES_MISSING);
        } else if (!first.carriesFacilities()) {
            for (ParsedRow row : carrying) {
                StatisticsColumn filled = facilityColumns.stream().filter(row.row::filled).findFirst().orElseThrow();
                report(row.row, filled, Reasons.facilitiesNotOnFirstRow(first.number()));
            }
        } else if (carrying.size() > 1 && carrying.size() < rows.size()) {
            rows.stream().filter(row -> !row.carriesFacilities())
                    .forEach(row -> report(row.row, firstColumn, Reasons.FACILITIES_MISSING_ON_ROW));
        }
        for (ParsedRow row : carrying) {
            for (StatisticsColumn column : facilityColumns) {
                if (column.required() && !row.row.filled(column)) {
                    report(row.row, column, Reasons.REQUIRED);
                }
            }
        }
    }

    /** School-level values (and the name) are given once; a repetition must agree with the first. */
    private void checkSchoolLevelValues(List<ParsedRow> rows) {
        for (StatisticsColumn column : schoolLevelColumns()) {
            ParsedRow source = null;
            for (ParsedRow row : rows) {
                Object value = row.values.get(column);
                if (value == null) {
                    continue;
                }
                if (source == null) {
                    source = row;
                } else if (!sameValue(value, source.values.get(column))) {
                    report(row.row, column, Reasons.contradicts(source.number()));
                }
            }
            boolean invalidSomewhere = rows.stream().anyMatch(row -> row.invalid.contains(column));
            if (source == null && column.required() && !invalidSomewhere) {
                report(rows.get(0).row, column, Reasons.REQUIRED);
            }
        }
    }

    private void checkRetention(ParsedRow junior) {
        List<StatisticsColumn> retentionColumns = present(RETENTION);
        if (retentionColumns.stream().noneMatch(junior.row::filled)) {
            return; // no cohort reported: optional
        }
        for (StatisticsColumn column : retentionColumns) {
            if (!junior.row.filled(column)) {
                report(junior.row, column, Reasons.RETENTION_INCOMPLETE);
            }
        }
    }

    private static boolean sameValue(Object value, Object other) {
        if (value instanceof BigDecimal amount && other instanceof BigDecimal otherAmount) {
            return amount.compareTo(otherAmount) == 0;
        }
        if (value instanceof String text && other instanceof String otherText) {
            return CellParsing.normalise(text).equals(CellParsing.normalise(otherText));
        }
        return Objects.equals(value, other);
    }

    // ---------------------------------------------------------------- building the form (only from a clean file)

    private ParsedSchool build(String code, List<ParsedRow> rows) {
        Map<String, CellRef> cells = new LinkedHashMap<>();
        ParsedRow first = rows.get(0);
        register(cells, "schoolCode", first, StatisticsColumn.SCHOOL_CODE);
        Map<StatisticsColumn, ParsedRow> schoolLevelSources = new EnumMap<>(StatisticsColumn.class);
        for (StatisticsColumn column : schoolLevelColumns()) {
            ParsedRow source = rows.stream().filter(row -> row.values.containsKey(column)).findFirst().orElse(first);
            schoolLevelSources.put(column, source);
            register(cells, column.path(), source, column);
        }
        int seniorPupils = schoolLevelSources.getOrDefault(StatisticsColumn.SENIOR_PUPILS, first)
                .count(StatisticsColumn.SENIOR_PUPILS);
        FacilityLayout layout = layout(rows, seniorPupils);

        List<ParsedRow> bySection = rows.stream().sorted(Comparator.comparing(row -> row.section)).toList();
        List<SectionStatistics> sections = new ArrayList<>();
        for (ParsedRow row : bySection) {
            String prefix = "sections[" + row.section.name() + "]";
            register(cells, prefix, row, StatisticsColumn.SECTION);
            register(cells, prefix + ".section", row, StatisticsColumn.SECTION);
            present(SECTION).forEach(column -> register(cells, prefix + "." + column.path(), row, column));
            Facilities facilities = null;
            if (layout == FacilityLayout.PER_SECTION) {
                facilities = facilities(row);
                present(FACILITIES).forEach(column -> register(cells, prefix + ".facilities." + column.path(), row,
                        column));
            }
            sections.add(section(row, facilities));
        }
        Facilities wholeSchool = null;
        if (layout == FacilityLayout.WHOLE_SCHOOL) {
            wholeSchool = facilities(first);
            present(FACILITIES).forEach(column -> register(cells, "wholeSchoolFacilities." + column.path(), first,
                    column));
        }
        Funds funds = new Funds(
                schoolLevelSources.getOrDefault(StatisticsColumn.OPERATING_FUND_BUDGET, first)
                        .amount(StatisticsColumn.OPERATING_FUND_BUDGET),
                schoolLevelSources.getOrDefault(StatisticsColumn.TRAINING_BUDGET, first)
                        .amount(StatisticsColumn.TRAINING_BUDGET),
                schoolLevelSources.getOrDefault(StatisticsColumn.FUNDED_PUPILS, first)
                        .countOrNull(StatisticsColumn.FUNDED_PUPILS));
        RetentionCohort retention = null;
        ParsedRow junior = rows.stream().filter(row -> row.section == Section.J).findFirst().orElse(null);
        if (junior != null && present(RETENTION).stream().anyMatch(junior.row::filled)) {
            retention = retention(junior);
            present(RETENTION).forEach(column -> register(cells, "retentionCohort." + column.path(), junior, column));
        }
        SchoolStatistics statistics = new SchoolStatistics(sections, seniorPupils, wholeSchool, funds, retention);
        String name = schoolLevelSources.containsKey(StatisticsColumn.SCHOOL_NAME)
                ? schoolLevelSources.get(StatisticsColumn.SCHOOL_NAME).row.value(StatisticsColumn.SCHOOL_NAME) : "";
        return new ParsedSchool(code, name, statistics, rows.stream().map(ParsedRow::number).toList(), cells);
    }

    /**
     * Several rows: per section when every row carries facilities, else whole-school (the first row). One row: the
     * facilities are the whole school's when senior pupils share them (完全中学), so that the evaluation can apportion
     * them by weighted pupils; otherwise they are simply the section's own.
     */
    private static FacilityLayout layout(List<ParsedRow> rows, int seniorPupils) {
        if (rows.size() == 1) {
            return seniorPupils > 0 ? FacilityLayout.WHOLE_SCHOOL : FacilityLayout.PER_SECTION;
        }
        return rows.stream().allMatch(ParsedRow::carriesFacilities)
                ? FacilityLayout.PER_SECTION : FacilityLayout.WHOLE_SCHOOL;
    }

    private static SectionStatistics section(ParsedRow row, Facilities facilities) {
        QualificationCounts qualifications = new QualificationCounts(
                row.count(StatisticsColumn.TEACHERS_HIGH_SCHOOL_OR_BELOW),
                row.count(StatisticsColumn.TEACHERS_ASSOCIATE),
                row.count(StatisticsColumn.TEACHERS_BACHELOR),
                row.count(StatisticsColumn.TEACHERS_MASTER),
                row.count(StatisticsColumn.TEACHERS_DOCTORATE));
        Teachers teachers = new Teachers(
                qualifications,
                row.countOrNull(StatisticsColumn.CERTIFIED_TEACHERS),
                row.count(StatisticsColumn.KEY_TEACHERS),
                row.count(StatisticsColumn.PE_TEACHERS),
                row.count(StatisticsColumn.MUSIC_TEACHERS),
                row.count(StatisticsColumn.FINE_ART_TEACHERS),
                row.count(StatisticsColumn.ARTS_TEACHERS),
                row.count(StatisticsColumn.ROTATING_PE_ARTS_TEACHERS),
                row.countOrNull(StatisticsColumn.TRAINED_TEACHERS));
        return new SectionStatistics(
                row.section,
                row.count(StatisticsColumn.PUPILS),
                row.count(StatisticsColumn.CLASSES),
                row.count(StatisticsColumn.LARGEST_CLASS_SIZE),
                List.of(), // the import has no class-size distribution; the largest class is enough for GG5
                row.count(StatisticsColumn.MIGRANT_PUPILS),
                row.countOrNull(StatisticsColumn.IN_CATCHMENT_PUPILS),
                teachers,
                facilities);
    }

    private static Facilities facilities(ParsedRow row) {
        return new Facilities(
                row.amount(StatisticsColumn.TEACHING_AREA),
                row.amount(StatisticsColumn.INDOOR_SPORTS_AREA),
                row.amount(StatisticsColumn.GYMNASIUM_AREA),
                row.amount(StatisticsColumn.SPORTS_GROUND_AREA),
                row.amount(StatisticsColumn.LEASED_SPORTS_AREA),
                row.amount(StatisticsColumn.EQUIPMENT_VALUE),
                row.count(StatisticsColumn.MULTIMEDIA_CLASSROOMS),
                row.areas(StatisticsColumn.MUSIC_ROOM_AREAS),
                row.areas(StatisticsColumn.ART_ROOM_AREAS));
    }

    private static RetentionCohort retention(ParsedRow junior) {
        return new RetentionCohort(
                junior.count(StatisticsColumn.COHORT_ENTRY_YEAR),
                junior.count(StatisticsColumn.COHORT_GRADE7),
                junior.count(StatisticsColumn.COHORT_GRADUATES),
                junior.count(StatisticsColumn.COHORT_TRANSFERS_IN),
                junior.count(StatisticsColumn.COHORT_TRANSFERS_OUT),
                junior.count(StatisticsColumn.COHORT_DEATHS));
    }

    // ---------------------------------------------------------------- helpers

    /** The template columns of a scope that the file has, in template order. */
    private List<StatisticsColumn> present(StatisticsColumn.Scope scope) {
        return StatisticsColumn.inOrder().stream()
                .filter(column -> column.scope() == scope && content.hasColumn(column))
                .toList();
    }

    /** Columns given once per school: the name and the school-scope columns. */
    private List<StatisticsColumn> schoolLevelColumns() {
        List<StatisticsColumn> columns = new ArrayList<>();
        if (content.hasColumn(StatisticsColumn.SCHOOL_NAME)) {
            columns.add(StatisticsColumn.SCHOOL_NAME);
        }
        columns.addAll(present(SCHOOL));
        return columns;
    }

    private void register(Map<String, CellRef> cells, String path, ParsedRow row, StatisticsColumn column) {
        content.cell(row.row, column).ifPresent(cell -> cells.put(path, cell));
    }

    private void report(SheetRow row, StatisticsColumn column, String reason) {
        CellRef cell = content.cell(row, column).orElseGet(() -> new CellRef(row.number(), "", column.header(), ""));
        problems.add(cell.problem(reason));
    }
}
