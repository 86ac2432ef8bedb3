package org.junheng.evaluation.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junheng.contracts.Section;
import org.junheng.contracts.schooldata.Facilities;
import org.junheng.contracts.schooldata.Funds;
import org.junheng.contracts.schooldata.QualificationCounts;
import org.junheng.contracts.schooldata.RetentionCohort;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SectionStatistics;
import org.junheng.contracts.schooldata.Teachers;

/**
 * The Dadukou sample data set of school-intake (register JSON + statistics CSV), read the way the import does: one
 * row per school section, columns by their StatisticsColumn headers; facilities on every row of a school are per
 * section, on its first row only they are whole-school (a single row is whole-school when it reports senior pupils).
 */
public final class SampleDistrict {

    public static final String DISTRICT = "500104";
    public static final int PERIOD = 2024;

    private static final Path SAMPLE = locate("services/school-intake/src/main/resources/sample");
    public static final Path EXPECTED_SUMMARY = locate("services/school-intake/src/test/resources/sample-generator")
            .resolve("expected-summary.txt");

    private SampleDistrict() {
    }

    public static DistrictInputs inputs() {
        Map<String, SchoolProfile> register = register(SAMPLE.resolve("dadukou-500104-schools.json"));
        Map<String, SchoolStatistics> statistics = statistics(SAMPLE.resolve("dadukou-500104-2024.csv"));
        List<SchoolInput> schools = new ArrayList<>();
        register.forEach((code, profile) -> schools.add(new SchoolInput(code, profile, statistics.get(code))));
        return DistrictInputs.of(DISTRICT, PERIOD, schools, List.of(), List.of());
    }

    /** Walks up from the module directory to the repository root. */
    private static Path locate(String relative) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find " + relative + " above " + System.getProperty("user.dir"));
    }

    private static Map<String, SchoolProfile> register(Path file) {
        try {
            ObjectMapper json = new ObjectMapper();
            Map<String, SchoolProfile> register = new LinkedHashMap<>();
            for (JsonNode school : json.readTree(file.toFile())) {
                register.put(school.get("schoolCode").asText(),
                        json.treeToValue(school.get("profile"), SchoolProfile.class));
            }
            return register;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One CSV row addressed by header. */
    private record Row(Map<String, Integer> columns, String[] cells) {

        String text(String header) {
            Integer index = columns.get(header);
            if (index == null) {
                throw new IllegalStateException("no column " + header);
            }
            return index < cells.length ? cells[index].trim() : "";
        }

        boolean blank(String header) {
            return text(header).isEmpty();
        }

        int count(String header) {
            return blank(header) ? 0 : Integer.parseInt(text(header));
        }

        BigDecimal amount(String header) {
            return blank(header) ? null : new BigDecimal(text(header));
        }

        List<BigDecimal> areas(String header) {
            return blank(header) ? List.of()
                    : Arrays.stream(text(header).split("[;；、]")).map(String::trim).map(BigDecimal::new).toList();
        }
    }

    private static Map<String, SchoolStatistics> statistics(Path file) {
        List<Row> rows = csv(file);
        Map<String, List<Row>> bySchool = new LinkedHashMap<>();
        rows.forEach(row -> bySchool.computeIfAbsent(row.text("学校标识码"), code -> new ArrayList<>()).add(row));
        Map<String, SchoolStatistics> result = new HashMap<>();
        bySchool.forEach((code, schoolRows) -> {
            Row first = schoolRows.get(0);
            boolean everyRowHasFacilities = schoolRows.stream().allMatch(SampleDistrict::hasFacilities);
            boolean split = schoolRows.size() > 1 ? everyRowHasFacilities : first.blank("高中在校生数（人）");
            List<SectionStatistics> sections = new ArrayList<>();
            RetentionCohort cohort = null;
            for (Row row : schoolRows) {
                Section section = row.text("学段（小学/初中）").equals("小学") ? Section.P : Section.J;
                Teachers teachers = new Teachers(new QualificationCounts(row.count("专任教师-高中及以下（人）"),
                        row.count("专任教师-专科（人）"), row.count("专任教师-本科（人）"), row.count("专任教师-硕士（人）"),
                        row.count("专任教师-博士（人）")), row.count("持教师资格证专任教师（人）"),
                        row.count("县级及以上骨干教师（人）"), row.count("体育专任教师（人）"), row.count("音乐专任教师（人）"),
                        row.count("美术专任教师（人）"), row.count("综合艺术专任教师（人）"),
                        row.count("交流轮岗/兼职/走教体育艺术教师（人）"), row.count("5年内完成360学时培训教师（人）"));
                sections.add(new SectionStatistics(section, row.count("在校生数（人）"), row.count("班级数（个）"),
                        row.count("最大班额（人）"), List.of(), row.count("随迁子女数（人）"),
                        row.count("划片就近入学学生数（人）"), teachers, split ? facilities(row) : null));
                if (section == Section.J && !row.blank("巩固率-入学年份")) {
                    cohort = new RetentionCohort(row.count("巩固率-入学年份"), row.count("巩固率-七年级入学人数（人）"),
                            row.count("巩固率-毕业人数（人）"), row.count("巩固率-转入人数（人）"),
                            row.count("巩固率-转出人数（人）"), row.count("巩固率-死亡人数（人）"));
                }
            }
            Funds funds = new Funds(first.amount("年度公用经费预算（元）"), first.amount("教师培训经费（元）"),
                    first.blank("核定公用经费学生数（人）") ? null : first.count("核定公用经费学生数（人）"));
            result.put(code, new SchoolStatistics(sections, first.count("高中在校生数（人）"),
                    split ? null : facilities(first), funds, cohort));
        });
        return result;
    }

    private static boolean hasFacilities(Row row) {
        return !row.blank("教学及辅助用房面积（m²）");
    }

    private static Facilities facilities(Row row) {
        return new Facilities(row.amount("教学及辅助用房面积（m²）"), row.amount("室内体育用房面积（m²）"),
                row.amount("体育馆面积（m²）"), row.amount("校内运动场地面积（m²）"), row.amount("改造及政府租用体育场馆面积（m²）"),
                row.amount("教学仪器设备值（元）"), row.count("网络多媒体教室（间）"),
                row.areas("音乐专用教室面积（m²，每间一个数，以;分隔）"), row.areas("美术专用教室面积（m²，每间一个数，以;分隔）"));
    }

    /** Comma separated, UTF-8 with BOM, CRLF; quoted cells with "" escapes are understood. */
    private static List<Row> csv(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim(), i);
        }
        return records.subList(1, records.size()).stream()
                .filter(r -> r.stream().anyMatch(s -> !s.isBlank()))
                .map(r -> new Row(columns, r.toArray(String[]::new)))
                .toList();
    }
}
