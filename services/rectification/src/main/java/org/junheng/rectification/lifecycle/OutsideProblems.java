package org.junheng.rectification.lifecycle;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junheng.contracts.Department;
import org.junheng.contracts.IndicatorCategory;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;
import org.junheng.contracts.rectification.ProblemSource;
import org.junheng.contracts.rectification.TaskEvent.TaskOpened;
import org.junheng.contracts.rectification.TaskKind;
import org.junheng.rectification.responsibility.Campaign;
import org.junheng.rectification.responsibility.ResponsibilityMatrix;

/**
 * Problem lists from outside the evaluation (外部问题清单): the municipal supervision office's feedback after its
 * assessment, the national feedback after recognition, a 督学's inspection, the public's reports (群众反映). The office
 * enters them as a list — one source (kind, 文号, date) and numbered items — over REST or as a spreadsheet; every item
 * is checked the same way whichever way it came ({@link #check}), and each becomes a task through the same pipeline
 * as the evaluation's findings (matrix, campaign, deadlines, notices). Each item's finding id is derived from its
 * source and number, so entering the same list twice opens nothing twice. Such a task is resolved by judgment (复查):
 * no evaluation resolves it.
 */
public final class OutsideProblems {

    /** The longest description kept: a list item is a sentence or two, not a report. */
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_ITEMS = 500;
    /** A title keeps the description's start. */
    private static final int TITLE_CHARS = 30;

    /** The item's fields, with their spreadsheet headings (the template's columns, in order). */
    public enum Field {
        NUMBER("number", "序号"),
        INDICATOR("indicator", "指标代码"),
        SCHOOL_CODE("schoolCode", "学校标识码"),
        SCHOOL_NAME("schoolName", "学校名称"),
        DESCRIPTION("description", "问题描述"),
        LEAD("leadDepartment", "牵头单位代码"),
        DUE("dueDate", "整改期限");

        private final String json;
        private final String header;

        Field(String json, String header) {
            this.json = json;
            this.header = header;
        }

        public String json() {
            return json;
        }

        public String header() {
            return header;
        }
    }

    /** One item as entered: texts, so that the JSON and the spreadsheet are judged alike (blank = null). */
    public record RawItem(@Nullable String number, @Nullable String indicator, @Nullable String schoolCode,
                          @Nullable String schoolName, @Nullable String description, @Nullable String leadDepartment,
                          @Nullable String dueDate) {

        String value(Field field) {
            return switch (field) {
                case NUMBER -> number;
                case INDICATOR -> indicator;
                case SCHOOL_CODE -> schoolCode;
                case SCHOOL_NAME -> schoolName;
                case DESCRIPTION -> description;
                case LEAD -> leadDepartment;
                case DUE -> dueDate;
            };
        }
    }

    /** An item checked: what the task is made of. */
    public record Item(int number, IndicatorCode indicator, @Nullable String schoolCode, @Nullable String schoolName,
                       String description, @Nullable Department leadDepartment, @Nullable LocalDate dueDate) {
    }

    /** What is wrong with the list: the item's position (from 0; -1 for the source) and field, or the source's. */
    public record Problem(int index, String field, @Nullable String value, String reason) {
    }

    /** The items that passed, and every problem; the list is taken only when there are none. */
    public record Checked(List<Item> items, List<Problem> problems) {
    }

    private OutsideProblems() {
    }

    /** The source's problems; field names are {@code kind}, {@code documentNumber}, {@code issuedOn}. */
    public static List<Problem> checkSource(@Nullable ProblemSource.Kind kind, @Nullable String documentNumber,
                                            @Nullable LocalDate issuedOn, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new Problem(-1, "kind", null, "请选择问题来源：MUNICIPAL_ASSESSMENT（市级督导评估反馈）、"
                    + "NATIONAL_RECOGNITION（国家认定反馈）、INSPECTION（督学检查）、PUBLIC（群众反映） (source kind required)"));
        }
        if (kind != null && kind != ProblemSource.Kind.PUBLIC && blank(documentNumber)) {
            problems.add(new Problem(-1, "documentNumber", documentNumber,
                    "请填写文号，如渝教督〔2025〕12号 (the document number is required)"));
        }
        if (documentNumber != null && documentNumber.length() > 100) {
            problems.add(new Problem(-1, "documentNumber", documentNumber, "文号不超过100字 (at most 100 characters)"));
        }
        if (issuedOn == null) {
            problems.add(new Problem(-1, "issuedOn", null, "请填写来文或收到日期 (issuedOn is required)"));
        } else if (issuedOn.isAfter(today) || issuedOn.getYear() < 2000) {
            problems.add(new Problem(-1, "issuedOn", issuedOn.toString(),
                    "日期须在2000年至今之间 (the date must lie between 2000 and today)"));
        }
        return problems;
    }

    /**
     * Each item checked: a number from 1, once in the list; a known indicator; a 10-digit school code with the school's
     * name, or neither (the county's problem); a description; a lead unit of the district's matrix, or none (the
     * matrix decides); a due date after the source's date, or none (the campaign decides).
     */
    public static Checked check(List<RawItem> raw, @Nullable LocalDate issuedOn, ResponsibilityMatrix matrix) {
        List<Item> items = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (raw.isEmpty()) {
            problems.add(new Problem(-1, "items", null, "问题清单没有条目 (the list has no items)"));
        }
        if (raw.size() > MAX_ITEMS) {
            problems.add(new Problem(-1, "items", String.valueOf(raw.size()),
                    "一次最多" + MAX_ITEMS + "条 (at most " + MAX_ITEMS + " items at once)"));
            return new Checked(List.of(), problems);
        }
        Map<Integer, Integer> numbers = new HashMap<>();
        for (int index = 0; index < raw.size(); index++) {
            RawItem item = raw.get(index);
            if (item == null) {
                problems.add(new Problem(index, "items", null, "条目不能为空 (an item cannot be null)"));
                continue;
            }
            int before = problems.size();
            for (Field field : Field.values()) {
                String text = item.value(field);
                String problem = text == null ? null : org.junheng.service.Text.problem(text);
                if (problem != null) {
                    problems.add(new Problem(index, field.json(), null, problem));
                }
            }
            if (problems.size() > before) {
                continue;
            }
            Integer number = number(item.number());
            if (number == null) {
                problems.add(new Problem(index, Field.NUMBER.json(), item.number(),
                        "序号须为正整数 (the item number must be a whole number from 1)"));
            } else if (numbers.containsKey(number)) {
                problems.add(new Problem(index, Field.NUMBER.json(), item.number(),
                        "序号重复，同第" + (numbers.get(number) + 1) + "条 (duplicate number)"));
            } else {
                numbers.put(number, index);
            }
            IndicatorCode indicator = null;
            if (blank(item.indicator())) {
                problems.add(new Problem(index, Field.INDICATOR.json(), null,
                        "请填写指标代码，如GG5 (the indicator is required)"));
            } else {
                try {
                    indicator = IndicatorCode.fromCode(item.indicator().strip().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(index, Field.INDICATOR.json(), item.indicator(),
                            "未知指标代码，如RA5、GG13、EQ4 (unknown indicator code)"));
                }
            }
            String schoolCode = blank(item.schoolCode()) ? null : item.schoolCode().strip();
            String schoolName = blank(item.schoolName()) ? null : item.schoolName().strip();
            if (schoolCode != null && !schoolCode.matches("[0-9]{10}")) {
                problems.add(new Problem(index, Field.SCHOOL_CODE.json(), item.schoolCode(),
                        "学校标识码须为10位数字 (school code must be 10 digits)"));
            }
            if ((schoolCode == null) != (schoolName == null)) {
                Field missing = schoolCode == null ? Field.SCHOOL_CODE : Field.SCHOOL_NAME;
                problems.add(new Problem(index, missing.json(), null,
                        "学校标识码和学校名称须同时填写；全区问题两者都不填 (school code and name together, or neither)"));
            }
            String description = blank(item.description()) ? null : item.description().strip();
            if (description == null) {
                problems.add(new Problem(index, Field.DESCRIPTION.json(), null,
                        "请填写问题描述 (the description is required)"));
            } else if (description.length() > MAX_DESCRIPTION) {
                problems.add(new Problem(index, Field.DESCRIPTION.json(), description.substring(0, 20) + "…",
                        "问题描述不超过" + MAX_DESCRIPTION + "字 (at most " + MAX_DESCRIPTION + " characters)"));
            }
            Department lead = null;
            if (!blank(item.leadDepartment())) {
                lead = matrix.unitNamed(item.leadDepartment()).orElse(null);
                if (lead == null) {
                    problems.add(new Problem(index, Field.LEAD.json(), item.leadDepartment(),
                            "不是本区责任分工中的单位，请填单位代码或名称，如jw或区教委 (not a unit of the district's matrix)"));
                }
            }
            LocalDate due = null;
            if (!blank(item.dueDate())) {
                due = date(item.dueDate());
                if (due == null) {
                    problems.add(new Problem(index, Field.DUE.json(), item.dueDate(),
                            "日期格式错误，如2025-12-31 (not a date such as 2025-12-31)"));
                } else if ((issuedOn != null && due.isBefore(issuedOn)) || due.getYear() > 2100) {
                    problems.add(new Problem(index, Field.DUE.json(), item.dueDate(),
                            "整改期限须晚于来文日期、早于2100年 (the due date must follow the source's date)"));
                }
            }
            if (problems.size() == before) {
                items.add(new Item(number, indicator, schoolCode, schoolName, description, lead, due));
            }
        }
        return new Checked(problems.isEmpty() ? items : List.of(), problems);
    }

    /** A name-based UUID of the item in its list: the same list entered twice gives the same findings. */
    public static UUID findingId(String district, int period, ProblemSource source) {
        return UUID.nameUUIDFromBytes(("outside|" + district + "|" + period + "|" + source.kind() + "|"
                + (source.documentNumber() == null ? "" : source.documentNumber()) + "|" + source.issuedOn() + "|"
                + source.item()).getBytes(StandardCharsets.UTF_8));
    }

    /** The task of one item: its unit (as entered, else the matrix's), due date (as entered, else the campaign's). */
    public static TaskOpened opened(String district, int period, ProblemSource source, Item item, UUID taskId,
                                    ResponsibilityMatrix matrix, Campaign campaign, LocalDate today) {
        ResponsibilityMatrix.Responsibility responsible = matrix.responsibleFor(item.indicator());
        Department lead = item.leadDepartment() == null ? responsible.lead() : item.leadDepartment();
        List<Department> helpers = responsible.coDepartments().stream()
                .filter(d -> !d.code().equals(lead.code())).toList();
        if (item.leadDepartment() != null && !responsible.lead().code().equals(lead.code())) {
            helpers = new ArrayList<>(helpers);
            helpers.add(0, responsible.lead()); // the matrix's lead still helps
        }
        Subject subject = item.schoolCode() == null ? Subject.county()
                : Subject.school(item.schoolCode(), item.schoolName());
        String where = item.schoolCode() == null ? "全区" : item.schoolName();
        String gist = item.description().length() > TITLE_CHARS
                ? item.description().substring(0, TITLE_CHARS) + "…" : item.description();
        Severity severity = item.indicator().category() == IndicatorCategory.VETO ? Severity.VETO
                : Severity.COUNTY_RULE;
        LocalDate due = item.dueDate() == null ? campaign.dueDate(item.indicator(), today) : item.dueDate();
        return new TaskOpened(taskId, district, findingId(district, period, source), period, subject,
                item.indicator(), severity, source.kind().label() + "：" + where + gist,
                item.description(), lead, List.copyOf(helpers), due, TaskKind.RECTIFICATION, source);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static @Nullable Integer number(@Nullable String text) {
        if (blank(text)) {
            return null;
        }
        String value = text.strip();
        if (value.endsWith(".0")) {
            value = value.substring(0, value.length() - 2); // a number cell read as 3.0
        }
        if (!value.matches("[0-9]{1,4}")) {
            return null;
        }
        int number = Integer.parseInt(value);
        return number >= 1 ? number : null;
    }

    private static final Pattern LOOSE_DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})日?");

    /** 2025-12-31, 2025/12/31, 2025.12.31 or 2025年12月31日; null when none of these. */
    static @Nullable LocalDate date(String text) {
        Matcher matcher = LOOSE_DATE.matcher(text.strip());
        if (!matcher.matches()) {
            return null;
        }
        try {
            return LocalDate.parse(String.format("%s-%02d-%02d", matcher.group(1),
                    Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))),
                    DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
