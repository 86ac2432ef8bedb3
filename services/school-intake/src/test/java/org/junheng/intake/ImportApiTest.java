package org.junheng.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.infra.JunhengInfraTestResource;
import org.junheng.intake.importing.StatisticsColumn;
import org.junit.jupiter.api.Test;

/** Bulk import of the Dadukou sample, as CSV and XLSX, against the real database and broker. */
@QuarkusTest
@QuarkusTestResource(value = JunhengInfraTestResource.class, restrictToAnnotatedClass = false)
class ImportApiTest {

    @Inject
    Pool pool;

    static List<String[]> sampleRows() {
        String csv = resource("/sample/dadukou-500104-2024.csv").replace("\uFEFF", "");
        List<String[]> rows = new ArrayList<>();
        for (String line : csv.split("\r?\n")) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    static String toCsv(List<String[]> rows) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        rows.forEach(row -> csv.append(String.join(",", row)).append("\r\n"));
        return csv.toString();
    }

    static void registerSample(String district) {
        JsonNode schools = readJson("/sample/dadukou-500104-schools.json");
        for (JsonNode school : schools) {
            given().contentType(ContentType.JSON).body(school.toString())
                    .post("/api/v1/districts/{d}/schools", district).then().statusCode(201);
        }
    }

    long statisticsEvents(String district) {
        return pool.preparedQuery("select count(*) as n from events where stream_id like $1")
                .execute(Tuple.of("statistics/" + district + "/%")).await().indefinitely().iterator().next().getLong("n");
    }

    static JsonPath upload(String district, String fileName, byte[] content, String mime, int status) {
        return given().multiPart("file", fileName, content, mime)
                .post("/api/v1/districts/{d}/periods/2024/imports", district)
                .then().statusCode(status).extract().jsonPath();
    }

    @Test
    void theSampleImportsAsCsvOnceAndReimportingChangesNothing() throws IOException {
        String district = "500104";
        registerSample(district);
        byte[] csv = resource("/sample/dadukou-500104-2024.csv").getBytes(StandardCharsets.UTF_8);
        JsonPath summary = upload(district, "dadukou-2024.csv", csv, "text/csv", 200);
        assertEquals(32, summary.getInt("schools"));
        assertEquals(35, summary.getInt("sections"));
        assertEquals(32, summary.getInt("submitted"));
        assertEquals(32, statisticsEvents(district));

        JsonPath again = upload(district, "dadukou-2024.csv", csv, "text/csv", 200);
        assertEquals(32, again.getInt("unchanged"));
        assertEquals(0, again.getInt("submitted"));
        assertEquals(32, statisticsEvents(district), "re-importing the same file appends nothing");

        List<String[]> rows = sampleRows();
        given().get("/api/v1/districts/{d}/periods/2024/schools/{c}/statistics", district, rows.get(1)[0])
                .then().statusCode(200).body("statistics.sections[0].pupils", equalTo(Integer.parseInt(rows.get(1)[3])));

        // 预填模板: the year's figures on record, filled into the template, import back unchanged
        byte[] filled = given().get("/api/v1/districts/{d}/periods/2024/import-templates/school-statistics.xlsx",
                district).then().statusCode(200).extract().asByteArray();
        JsonPath roundTrip = upload(district, "预填.xlsx", filled,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 200);
        assertEquals(32, roundTrip.getInt("unchanged"), roundTrip.prettify());
        assertEquals(32, statisticsEvents(district));
        // a school's copy holds its own rows only
        byte[] own = given().header("Authorization", token(district, "school", rows.get(1)[0]))
                .get("/api/v1/districts/{d}/periods/2024/import-templates/school-statistics.xlsx", district)
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(own))) {
            Sheet sheet = workbook.getSheet("学校年度统计");
            assertTrue(sheet.getLastRowNum() >= 1);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertEquals(rows.get(1)[0], sheet.getRow(r).getCell(0).getStringCellValue());
            }
        }
    }

    static String token(String district, String role, String unit) {
        return "Bearer " + org.junheng.infra.DevTokens.token("u-" + role + "-" + unit, "u-" + role, role,
                List.of(district), unit, java.time.Duration.ofMinutes(5));
    }

    /**
     * 区教委 imports and submits for every school of its district; a school imports and submits its own rows only;
     * another department neither — and a refused file stores nothing.
     */
    @Test
    void theEducationCommissionSubmitsForEverySchoolAndASchoolForItself() {
        String district = "500188";
        registerSample(district);
        List<String[]> rows = sampleRows();
        String ownCode = rows.get(1)[0];
        String commission = token(district, "department", "jw");
        String finance = token(district, "department", "cz");
        String school = token(district, "school", ownCode);
        List<String[]> own = rows.stream().filter(r -> r == rows.get(0) || r[0].equals(ownCode)).toList();
        List<String[]> mixed = new ArrayList<>(own);
        mixed.add(rows.stream().filter(r -> r != rows.get(0) && !r[0].equals(ownCode)).findFirst().orElseThrow());

        // a school's file with another school's rows: refused at the code cell of the foreign rows, nothing stored
        given().header("Authorization", school).multiPart("file", "mixed.csv", toCsv(mixed)
                        .getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/districts/{d}/periods/2024/imports", district)
                .then().statusCode(422).body("type", org.hamcrest.Matchers.endsWith("import-rejected"))
                .body("errors.reason", hasItem("学校只能导入本校数据 (a school imports its own rows only)"));
        assertEquals(0, statisticsEvents(district));
        // its own rows only: imported
        given().header("Authorization", school).multiPart("file", "own.csv",
                        toCsv(own).getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/districts/{d}/periods/2024/imports", district)
                .then().statusCode(200).body("submitted", equalTo(1));
        // another department may not import at all
        given().header("Authorization", finance).multiPart("file", "all.csv", toCsv(rows)
                        .getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/districts/{d}/periods/2024/imports", district)
                .then().statusCode(403).body("type", org.hamcrest.Matchers.endsWith("not-the-education-commission"));
        // the education commission imports the whole district: the school's own form is already on record
        given().header("Authorization", commission).multiPart("file", "all.csv", toCsv(rows)
                        .getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/districts/{d}/periods/2024/imports", district)
                .then().statusCode(200).body("submitted", equalTo(31)).body("unchanged", equalTo(1));
        assertEquals(32, statisticsEvents(district));
        // and corrects a school's form over REST; another department may not, nor a school another school's
        var form = given().get("/api/v1/districts/{d}/periods/2024/schools/{c}/statistics", district, ownCode)
                .then().statusCode(200).extract();
        String body = PublishedEvents.write(Map.of("statistics", form.jsonPath().getMap("statistics"),
                "reason", "复核"));
        given().header("Authorization", finance).contentType(ContentType.JSON).body(body).header("If-Match", "\"1\"")
                .put("/api/v1/districts/{d}/periods/2024/schools/{c}/statistics", district, ownCode)
                .then().statusCode(403);
        String otherCode = mixed.get(mixed.size() - 1)[0];
        given().header("Authorization", token(district, "school", otherCode)).contentType(ContentType.JSON)
                .body(body).header("If-Match", "\"1\"")
                .put("/api/v1/districts/{d}/periods/2024/schools/{c}/statistics", district, ownCode)
                .then().statusCode(403).body("type", org.hamcrest.Matchers.endsWith("own-school-only"));
        given().header("Authorization", commission).contentType(ContentType.JSON).body(body)
                .header("If-Match", "\"1\"")
                .put("/api/v1/districts/{d}/periods/2024/schools/{c}/statistics", district, ownCode)
                .then().statusCode(200);
    }

    /**
     * One school leaving its budgets and the GG9, GG12 and GG13 counts blank does not hold up the district's file:
     * every school is imported, and that school's form records the blanks as not reported.
     */
    @Test
    void aSchoolLeavingFiguresThatMayStayOpenBlankDoesNotHoldUpTheFile() {
        String district = "500187";
        registerSample(district);
        List<String[]> rows = sampleRows();
        List<String> header = List.of(rows.get(0));
        String code = rows.get(1)[0];
        for (org.junheng.intake.importing.StatisticsColumn column : List.of(
                org.junheng.intake.importing.StatisticsColumn.OPERATING_FUND_BUDGET,
                org.junheng.intake.importing.StatisticsColumn.TRAINING_BUDGET,
                org.junheng.intake.importing.StatisticsColumn.CERTIFIED_TEACHERS,
                org.junheng.intake.importing.StatisticsColumn.TRAINED_TEACHERS,
                org.junheng.intake.importing.StatisticsColumn.IN_CATCHMENT_PUPILS)) {
            int at = header.indexOf(column.header());
            assertTrue(at >= 0, column.header());
            rows.stream().filter(r -> r[0].equals(code)).forEach(r -> r[at] = "");
        }
        upload(district, "open.csv", toCsv(rows).getBytes(StandardCharsets.UTF_8), "text/csv", 200);
        assertEquals(32, statisticsEvents(district));
        given().get("/api/v1/districts/{d}/periods/2024/schools/{c}/statistics", district, code)
                .then().statusCode(200)
                .body("statistics.funds.operatingFundBudget", org.hamcrest.Matchers.nullValue())
                .body("statistics.funds.teacherTrainingBudget", org.hamcrest.Matchers.nullValue())
                .body("statistics.sections[0].teachers.certified", org.hamcrest.Matchers.nullValue())
                .body("statistics.sections[0].teachers.completed360TrainingHours", org.hamcrest.Matchers.nullValue())
                .body("statistics.sections[0].inCatchmentPupils", org.hamcrest.Matchers.nullValue())
                .body("statistics.sections[0].pupils", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void theSampleImportsAsXlsxFilledIntoTheTemplate() throws IOException {
        String district = "500197";
        registerSample(district);
        byte[] template = given().get("/api/v1/import-templates/school-statistics.xlsx")
                .then().statusCode(200).extract().asByteArray();
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet("学校年度统计");
            Row header = sheet.getRow(0);
            assertEquals(StatisticsColumn.SCHOOL_CODE.header(), header.getCell(0).getStringCellValue());
            List<String[]> rows = sampleRows();
            for (int r = 1; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                String[] values = rows.get(r);
                for (int c = 0; c < values.length; c++) {
                    if (values[c].isEmpty()) {
                        continue;
                    }
                    boolean numeric = c != 0 && values[c].matches("-?\\d+(\\.\\d+)?");
                    if (numeric) {
                        row.createCell(c).setCellValue(Double.parseDouble(values[c]));
                    } else {
                        row.createCell(c).setCellValue(values[c]);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        JsonPath summary = upload(district, "大渡口区2024.xlsx", xlsx,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 200);
        assertEquals(32, summary.getInt("submitted"));
        assertEquals(32, statisticsEvents(district));
    }

    @Test
    void aFileWithADozenMistakesIsRejectedWithOneEntryEachAndNothingStored() {
        String district = "500198";
        registerSample(district);
        List<String[]> rows = sampleRows();
        List<String[]> bad = new ArrayList<>();
        rows.forEach(r -> bad.add(Arrays.copyOf(r, r.length)));
        int pupils = StatisticsColumn.PUPILS.ordinal();
        int classes = StatisticsColumn.CLASSES.ordinal();
        int certified = StatisticsColumn.CERTIFIED_TEACHERS.ordinal();
        int catchment = StatisticsColumn.IN_CATCHMENT_PUPILS.ordinal();
        int keyTeachers = StatisticsColumn.KEY_TEACHERS.ordinal();
        int equipment = StatisticsColumn.EQUIPMENT_VALUE.ordinal();
        int migrant = StatisticsColumn.MIGRANT_PUPILS.ordinal();
        int operating = StatisticsColumn.OPERATING_FUND_BUDGET.ordinal();
        int music = StatisticsColumn.MUSIC_ROOM_AREAS.ordinal();
        // one mistake per row, rows 2..13 of the sheet (list index 1..12), all on single-section primary schools
        bad.get(1)[classes] = "-3";                                          // 1 negative count
        bad.get(2)[pupils] = "一千";                                          // 2 not a number
        bad.get(3)[certified] = "999";                                       // 3 more certified than teachers
        bad.get(4)[catchment] = String.valueOf(Integer.parseInt(bad.get(4)[pupils]) + 50); // 4 catchment > pupils
        bad.get(5)[2] = "初中";                                               // 5 section does not fit a 小学
        bad.get(6)[keyTeachers] = "2.5";                                      // 6 decimal count
        bad.get(7)[0] = "215020250";                                          // 7 school code of 9 digits
        bad.get(8)[0] = "2999999999";                                         // 8 unknown school
        bad.get(9)[migrant] = String.valueOf(Integer.parseInt(bad.get(9)[pupils]) + 1); // 9 migrant > pupils
        bad.get(10)[operating] = "-100";                                      // 10 negative money
        bad.get(11)[music] = "96;abc";                                        // 11 malformed room list
        bad.add(Arrays.copyOf(rows.get(12), rows.get(12).length));           // 12 duplicate school + section row
        String csv = toCsv(bad);

        JsonPath problem = given().multiPart("file", "mistakes.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/districts/{d}/periods/2024/imports", district)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://junheng.org/problems/import-rejected"))
                .extract().jsonPath();
        List<Map<String, Object>> errors = problem.getList("errors");
        List<Integer> rowsWithProblems = errors.stream().map(e -> (Integer) e.get("row")).distinct().sorted().toList();
        // rows 2..12 carry one mistake each; the duplicate of row 13 was appended as row 37
        assertTrue(rowsWithProblems.containsAll(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)), rowsWithProblems.toString());
        assertTrue(rowsWithProblems.contains(37), rowsWithProblems.toString());
        assertEquals(12, errors.size(), "one entry per mistake: " + errors);
        assertEquals(0, statisticsEvents(district), "nothing is stored from a rejected file");
        // each mistake is named at its row and column
        assertHas(errors, 2, StatisticsColumn.CLASSES.letter());
        assertHas(errors, 3, StatisticsColumn.PUPILS.letter());
        assertHas(errors, 4, StatisticsColumn.CERTIFIED_TEACHERS.letter());
        assertHas(errors, 5, StatisticsColumn.IN_CATCHMENT_PUPILS.letter());
        assertHas(errors, 7, StatisticsColumn.KEY_TEACHERS.letter());
        assertHas(errors, 8, StatisticsColumn.SCHOOL_CODE.letter());
        assertHas(errors, 9, StatisticsColumn.SCHOOL_CODE.letter());
        assertHas(errors, 10, StatisticsColumn.MIGRANT_PUPILS.letter());
        assertHas(errors, 11, StatisticsColumn.OPERATING_FUND_BUDGET.letter());
        assertHas(errors, 12, StatisticsColumn.MUSIC_ROOM_AREAS.letter());
    }

    @Test
    void templatesAreDownloadable() {
        byte[] csv = given().get("/api/v1/import-templates/school-statistics.csv").then().statusCode(200)
                .extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF" + StatisticsColumn.SCHOOL_CODE.header()));
        given().multiPart("file", "empty.csv", new byte[0], "text/csv")
                .post("/api/v1/districts/500104/periods/2024/imports").then().statusCode(400)
                .body("errors.field", hasItem("file"));
        given().multiPart("file", "picture.xlsx", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}, "image/png")
                .post("/api/v1/districts/500104/periods/2024/imports").then().statusCode(422);
    }

    private static void assertHas(List<Map<String, Object>> errors, int row, String column) {
        assertTrue(errors.stream().anyMatch(e -> e.get("row").equals(row) && column.equals(e.get("column"))),
                "no problem at row " + row + " column " + column + " in " + errors);
    }

    static String resource(String path) {
        try (InputStream in = ImportApiTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode readJson(String path) {
        try {
            return PublishedEvents.JSON.readTree(resource(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
