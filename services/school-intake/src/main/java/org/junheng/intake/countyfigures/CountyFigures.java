package org.junheng.intake.countyfigures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junheng.contracts.Department;
import org.junheng.contracts.schooldata.CountyFigureSetKind;
import org.junheng.contracts.schooldata.CountyFiguresEvent;
import org.junheng.contracts.schooldata.FigureValue;
import org.junheng.eventsourcing.decider.Decider;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;

/** One county figure set of one year (县级数据), owned by a department; a resubmission replaces it. */
public final class CountyFigures {

    /** Sets whose keys repeat per subject or respondent group, told apart by the qualifier. */
    private static final Set<CountyFigureSetKind> QUALIFIED = Set.of(
            CountyFigureSetKind.NATIONAL_QUALITY_MONITORING, CountyFigureSetKind.SATISFACTION_SURVEY);

    public record State(String districtCode, int period, CountyFigureSetKind kind, Department department,
                        List<FigureValue> values) {
        public boolean submitted() {
            return values != null;
        }
    }

    /** A department's submission of the set, replacing any earlier one. */
    public record Submit(Department department, List<FigureValue> values) {
    }

    public static final Decider<State, Submit, CountyFiguresEvent> DECIDER =
            Decider.of(CountyFigures::decide, CountyFigures::evolve);

    private CountyFigures() {
    }

    public static State initial(String districtCode, int period, CountyFigureSetKind kind) {
        return new State(districtCode, period, kind, null, null);
    }

    public static String streamId(String districtCode, int period, CountyFigureSetKind kind) {
        return "county-figures/" + districtCode + "/" + period + "/" + kind.name();
    }

    /**
     * Who may submit a set: the supervision office for any department ({@code actingDepartment} null); a department
     * only in its own name, and only a set no other department has submitted (the first submitter owns it).
     */
    public static void requireMaySubmit(String actingDepartment, Department named, State state) {
        if (actingDepartment == null || named == null) {
            return; // the office acts for anyone; a submission naming no department is refused as invalid
        }
        if (!actingDepartment.equals(named.code())) {
            throw Refusal.forbidden("own-name-only", "部门只能以本单位名义报送 (a department submits in its own name):"
                    + " department.code 应为 (must be) " + actingDepartment);
        }
        if (state.submitted() && !actingDepartment.equals(state.department().code())) {
            throw Refusal.forbidden("owned-by-another-department", "该数据由" + state.department().name()
                    + "报送，只能由其更正 (the set is owned by " + state.department().code() + ")");
        }
    }

    public static List<CountyFiguresEvent> decide(State state, Submit submit) {
        Department department = submit.department();
        List<FigureValue> values = submit.values();
        validate(state.kind(), department, values);
        if (state.submitted() && state.values().equals(values) && state.department().equals(department)) {
            return List.of();
        }
        return List.of(new CountyFiguresEvent.CountyFiguresSubmitted(state.districtCode(), state.period(), state.kind(),
                department, values));
    }

    public static State evolve(State state, CountyFiguresEvent event) {
        CountyFiguresEvent.CountyFiguresSubmitted submitted = (CountyFiguresEvent.CountyFiguresSubmitted) event;
        return new State(submitted.districtCode(), submitted.period(), submitted.kind(), submitted.department(),
                submitted.values());
    }

    static void validate(CountyFigureSetKind kind, Department department, List<FigureValue> values) {
        List<Violation> violations = new ArrayList<>();
        if (department == null || department.code() == null || department.code().isBlank()
                || department.name() == null || department.name().isBlank()) {
            violations.add(Violation.error("department", department, "报送单位代码和名称必填 (department code and name required)"));
        }
        if (values == null || values.isEmpty()) {
            violations.add(Violation.error("values", null, "至少一个数据项 (at least one value)"));
            throw Refusal.invalid("县级数据有误 (invalid county figures)", violations);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            FigureValue value = values.get(i);
            String at = "values[" + i + "]";
            if (value == null || value.key() == null) {
                violations.add(Violation.error(at + ".key", null, "必填 (required)"));
                continue;
            }
            if (!kind.valueKeys().contains(value.key())) {
                violations.add(Violation.error(at + ".key", value.key(), kind.label() + "没有此数据项，可用: "
                        + String.join(", ", kind.valueKeys()) + " (unknown key)"));
            }
            if (QUALIFIED.contains(kind) && kind == CountyFigureSetKind.NATIONAL_QUALITY_MONITORING
                    && (value.qualifier() == null || value.qualifier().isBlank())) {
                violations.add(Violation.error(at + ".qualifier", null, "须注明学科，如 数学 (the subject is required)"));
            }
            if (!seen.add(value.key() + "|" + (value.qualifier() == null ? "" : value.qualifier().trim()))) {
                violations.add(Violation.error(at + ".key", value.key(), "数据项重复 (key reported twice)"));
            }
            checkRange(kind, value, at + ".value", violations);
        }
        if (!QUALIFIED.contains(kind)) {
            for (String key : kind.valueKeys()) {
                if (values.stream().noneMatch(v -> v != null && key.equals(v.key()))) {
                    violations.add(Violation.error("values", key, "缺少数据项 " + key + " (missing value)"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid("县级数据有误 (invalid county figures)", violations);
        }
    }

    private static void checkRange(CountyFigureSetKind kind, FigureValue value, String field, List<Violation> out) {
        BigDecimal number = value.value();
        if (number == null) {
            out.add(Violation.error(field, null, "必填 (required)"));
            return;
        }
        if (number.signum() < 0) {
            out.add(Violation.error(field, number, "不能为负数 (must not be negative)"));
            return;
        }
        boolean fraction = "satisfaction".equals(value.key()) || "differenceRate".equals(value.key());
        if (fraction && number.compareTo(BigDecimal.ONE) > 0) {
            out.add(Violation.error(field, number, "以小数填写比例，如 0.92 (a fraction between 0 and 1, e.g. 0.92)"));
        }
        if (kind == CountyFigureSetKind.VETO_DECLARATION && number.compareTo(BigDecimal.ZERO) != 0
                && number.compareTo(BigDecimal.ONE) != 0) {
            out.add(Violation.error(field, number, "1 表示存在, 0 表示不存在 (1 present, 0 absent)"));
        }
        if (kind == CountyFigureSetKind.PERFORMANCE_PAY && number.compareTo(BigDecimal.ZERO) != 0
                && number.compareTo(BigDecimal.ONE) != 0) {
            out.add(Violation.error(field, number, "1 表示已足额核定, 0 表示未足额核定 (1 fully approved, 0 not)"));
        }
        if ("level".equals(value.key()) && (number.compareTo(BigDecimal.ONE) < 0 || number.compareTo(BigDecimal.valueOf(4)) > 0)) {
            out.add(Violation.error(field, number, "学业水平为1至4级 (level 1 to 4)"));
        }
    }
}
