package org.junheng.intake.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junheng.contracts.schooldata.SectionStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junheng.service.documents.ImportProblem;

/**
 * Property: whatever a user uploads, reading and mapping never throw; they yield parsed schools or problems that point
 * into the sheet. Inputs are generated from fixed seeds, so a failure names the seed that reproduces it.
 */
class ImportRobustnessTest {

    private static final List<String> NASTY = List.of(
            "", " ", "\u3000", "\u200B", "NaN", "Infinity", "-Infinity", "1e999", "-0", "0.000", "TRUE", "#DIV/0!",
            "#REF!", "=1/0", "=SUM(A1:A3)", "1,234,567.891", "1,23", "１２３", "－５", "12人", "一百", "９６；９０、",
            ";", ";;", "96;;", "小学", "初中", "高中", "P", "j", "5001040001", "５００１０４０００１", "500104000",
            "\"", "\"\"", ",", "\r\n", "\n", "a\"b,c", "𠀀𠀁", "\uD800", "\u0000", "\u0007", "\uFEFF", "m²",
            "9".repeat(400), "0." + "0".repeat(300) + "1", "-" + "9".repeat(30), "9223372036854775808");

    static Stream<Long> seeds() {
        return LongStream.range(0, 120).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutatedFilesYieldSchoolsOrProblemsNeverExceptions(long seed) {
        Random random = new Random(seed);
        int mutations = random.nextInt(6); // none: the file stays valid and must parse
        List<List<String>> grid = mutatedGrid(random, mutations);

        ImportResult fromCsv = StatisticsImport.parse(
                ImportFixtures.csvGrid(grid, random.nextBoolean(), StandardCharsets.UTF_8), "random.csv");
        ImportResult fromXlsx = StatisticsImport.parse(xlsx(grid, random), "random.xlsx");
        assertWellBehaved(fromCsv);
        assertWellBehaved(fromXlsx);
        if (mutations == 0) {
            assertEquals(4, ((ImportResult.Parsed) fromCsv).schools().size());
            assertEquals(((ImportResult.Parsed) fromCsv).schools().stream().map(ParsedSchool::statistics).toList(),
                    ((ImportResult.Parsed) fromXlsx).schools().stream().map(ParsedSchool::statistics).toList());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void arbitraryBytesYieldProblemsNeverExceptions(long seed) {
        Random random = new Random(seed);
        byte[] bytes = switch (random.nextInt(4)) {
            case 0 -> randomBytes(random, new byte[0]);
            case 1 -> randomBytes(random, new byte[] {0x50, 0x4B, 0x03, 0x04});
            case 2 -> randomBytes(random, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
                    (byte) 0xB1, 0x1A, (byte) 0xE1});
            default -> corrupted(ImportFixtures.filledTemplate(SampleSchools.xlsxRows()), random);
        };

        assertWellBehaved(StatisticsImport.parse(bytes, "random.bin"));
    }

    // ---------------------------------------------------------------- generation

    /** The sample schools as CSV text, with a few cells, headers or rows changed at random. */
    private static List<List<String>> mutatedGrid(Random random, int mutations) {
        List<List<String>> grid = new ArrayList<>();
        grid.add(new ArrayList<>(ImportFixtures.headers()));
        for (Map<StatisticsColumn, Object> row : SampleSchools.csvRows()) {
            grid.add(new ArrayList<>(StatisticsColumn.inOrder().stream()
                    .map(column -> row == null || !row.containsKey(column) ? "" : row.get(column).toString())
                    .toList()));
        }
        for (int i = 0; i < mutations; i++) {
            switch (random.nextInt(10)) {
                case 0 -> grid.get(0).set(random.nextInt(grid.get(0).size()), randomCell(random));
                case 1 -> grid.add(1 + random.nextInt(grid.size() - 1),
                        new ArrayList<>(grid.get(1 + random.nextInt(grid.size() - 1))));
                case 2 -> Collections.shuffle(grid.subList(1, grid.size()), random);
                case 3 -> grid.get(random.nextInt(grid.size())).add(randomCell(random));
                default -> {
                    List<String> row = grid.get(1 + random.nextInt(grid.size() - 1));
                    row.set(random.nextInt(row.size()), randomCell(random));
                }
            }
        }
        return grid;
    }

    private static String randomCell(Random random) {
        return switch (random.nextInt(5)) {
            case 0, 1 -> NASTY.get(random.nextInt(NASTY.size()));
            case 2 -> Long.toString(random.nextLong() >> random.nextInt(64));
            case 3 -> String.format(Locale.ROOT, "%." + random.nextInt(6) + "f", (random.nextDouble() - 0.2) * Math.pow(10, random.nextInt(20)));
            default -> random.ints(random.nextInt(12), 0, 0x10FFFF)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        };
    }

    /** The grid typed into a workbook: numbers as numeric cells half of the time, text otherwise. */
    private static byte[] xlsx(List<List<String>> grid, Random random) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(ImportTemplate.DATA_SHEET_NAME);
            for (int r = 0; r < grid.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < grid.get(r).size(); c++) {
                    String text = grid.get(r).get(c);
                    Double number = asFiniteNumber(text);
                    if (number != null && random.nextBoolean()) {
                        row.createCell(c).setCellValue(number);
                    } else if (!text.isEmpty()) {
                        row.createCell(c).setCellValue(xmlSafe(text));
                    }
                }
            }
            return ImportFixtures.write(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double asFiniteNumber(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** XML cannot carry control characters or lone surrogates; Excel could not have typed them either. */
    private static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder();
        text.codePoints().forEach(c -> safe.appendCodePoint(
                (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE
                        || c == 0xFFFF ? 0xFFFD : c));
        return safe.toString();
    }

    private static byte[] randomBytes(Random random, byte[] prefix) {
        byte[] bytes = new byte[prefix.length + random.nextInt(3000)];
        random.nextBytes(bytes);
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        return bytes;
    }

    private static byte[] corrupted(byte[] file, Random random) {
        byte[] bytes = file.clone();
        for (int i = 0, flips = 1 + random.nextInt(20); i < flips; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    // ---------------------------------------------------------------- the property

    private static void assertWellBehaved(ImportResult result) {
        assertNotNull(result);
        if (result instanceof ImportResult.Rejected rejected) {
            List<ImportProblem> problems = rejected.problems();
            assertFalse(problems.isEmpty(), "a rejection says why");
            for (ImportProblem problem : problems) {
                assertTrue(problem.row() >= 0, problem::toString);
                assertTrue(problem.column().matches("[A-Z]{0,3}"), problem::toString);
                assertTrue(problem.reason().contains(" ("), problem::toString);
            }
            List<ImportProblem> sorted = new ArrayList<>(problems);
            sorted.sort(ImportProblem.SHEET_ORDER);
            assertEquals(sorted, problems, "problems come in sheet order");
        } else {
            ImportResult.Parsed parsed = (ImportResult.Parsed) result;
            assertFalse(parsed.schools().isEmpty());
            Set<String> codes = new HashSet<>();
            for (ParsedSchool school : parsed.schools()) {
                assertTrue(school.schoolCode().matches("\\d{10}"), school.schoolCode());
                assertTrue(codes.add(school.schoolCode()), "one form per school");
                List<SectionStatistics> sections = school.statistics().sections();
                assertFalse(sections.isEmpty());
                assertEquals(sections.stream().map(SectionStatistics::section).sorted().distinct().toList(),
                        sections.stream().map(SectionStatistics::section).toList(), "P before J, each once");
                assertTrue(sections.stream().allMatch(s -> s.pupils() >= 0 && s.classes() >= 0));
                boolean perSection = sections.stream().allMatch(s -> s.facilities() != null);
                assertTrue(perSection != (school.statistics().wholeSchoolFacilities() != null),
                        "facilities either per section or whole-school");
            }
        }
    }
}
