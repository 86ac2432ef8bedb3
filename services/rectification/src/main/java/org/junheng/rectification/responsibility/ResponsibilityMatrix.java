package org.junheng.rectification.responsibility;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junheng.contracts.Department;
import org.junheng.contracts.IndicatorCode;
import org.junheng.eventsourcing.decider.Refusal;

/**
 * Who leads and who helps with each indicator's rectification (责任分工), configurable per district. An indicator
 * belongs to at most one rule; the rest fall to the default lead. Coefficients of variation go to the rule of the
 * resource indicator they vary (CV-RA5-P → RA5).
 */
@JsonClassDescription("责任分工 (who leads and who helps with each indicator's rectification)")
public record ResponsibilityMatrix(
        @JsonPropertyDescription("分工规则 (rules)：每个指标至多属于一条") List<Rule> rules,
        @JsonPropertyDescription("其余指标的牵头单位 (the lead of every indicator no rule names)") Department defaultLead) {

    /** One row: the indicators, the lead (牵头单位) and the co-responsible units (配合单位). */
    @JsonClassDescription("一条分工 (one rule: indicators, lead and co-responsible units)")
    public record Rule(@JsonPropertyDescription("指标代码 (indicators)，至少一个") Set<IndicatorCode> indicators,
                       @JsonPropertyDescription("牵头单位 (lead)") Department lead,
                       @JsonPropertyDescription("配合单位 (co-responsible units)，不含牵头单位，不重复")
                       List<Department> coDepartments) {
        public Rule {
            if (indicators == null || indicators.isEmpty()) {
                throw new IllegalArgumentException("a rule names at least one indicator");
            }
            java.util.Objects.requireNonNull(lead, "lead");
            indicators = Set.copyOf(indicators);
            coDepartments = List.copyOf(coDepartments);
            if (coDepartments.stream().map(Department::code).distinct().count() != coDepartments.size()) {
                throw new IllegalArgumentException("a co-responsible unit is listed twice");
            }
        }
    }

    /** The lead and co-responsible units of one indicator. */
    public record Responsibility(Department lead, List<Department> coDepartments) {
    }

    public static final Department EDUCATION_COMMISSION = new Department("jw", "区教委");
    public static final Department STAFFING_OFFICE = new Department("bb", "区委编办");
    public static final Department HUMAN_RESOURCES = new Department("rs", "区人力社保局");
    public static final Department DEVELOPMENT_REFORM = new Department("fg", "区发展改革委");
    public static final Department PLANNING_RESOURCES = new Department("gh", "区规划自然资源局");
    public static final Department HOUSING_CONSTRUCTION = new Department("zj", "区住房城乡建委");
    public static final Department FINANCE = new Department("cz", "区财政局");
    public static final Department STREETS_AND_TOWNS = new Department("jz", "街镇");
    public static final Department PUBLIC_SECURITY = new Department("ga", "区公安分局");

    public ResponsibilityMatrix {
        java.util.Objects.requireNonNull(defaultLead, "defaultLead");
        rules = List.copyOf(rules);
        Map<IndicatorCode, Rule> seen = new EnumMap<>(IndicatorCode.class);
        for (Rule rule : rules) {
            for (IndicatorCode indicator : rule.indicators()) {
                if (seen.put(indicator, rule) != null) {
                    throw new IllegalArgumentException(indicator.code() + " is in two rules");
                }
            }
            if (rule.coDepartments().stream().anyMatch(d -> d.code().equals(rule.lead().code()))) {
                throw new IllegalArgumentException(rule.lead().name() + " cannot lead and help at once");
            }
        }
    }

    /** STANDARD.md §8, the district plan's division of work. */
    public static ResponsibilityMatrix standard() {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(Set.of(IndicatorCode.RA1, IndicatorCode.RA2, IndicatorCode.RA3, IndicatorCode.GG9,
                IndicatorCode.GG11, IndicatorCode.GG12), EDUCATION_COMMISSION, List.of(STAFFING_OFFICE, HUMAN_RESOURCES)));
        rules.add(new Rule(Set.of(IndicatorCode.RA4, IndicatorCode.RA5, IndicatorCode.GG3, IndicatorCode.GG4),
                EDUCATION_COMMISSION, List.of(DEVELOPMENT_REFORM, PLANNING_RESOURCES, HOUSING_CONSTRUCTION, FINANCE,
                STREETS_AND_TOWNS)));
        rules.add(new Rule(Set.of(IndicatorCode.RA6, IndicatorCode.RA7), EDUCATION_COMMISSION, List.of(FINANCE)));
        rules.add(new Rule(Set.of(IndicatorCode.GG5, IndicatorCode.GG13, IndicatorCode.GG15, IndicatorCode.GG15_CARE),
                EDUCATION_COMMISSION,
                List.of(PUBLIC_SECURITY, STREETS_AND_TOWNS)));
        rules.add(new Rule(Set.of(IndicatorCode.GG6, IndicatorCode.GG7, IndicatorCode.EQ4), FINANCE,
                List.of(EDUCATION_COMMISSION)));
        rules.add(new Rule(Set.of(IndicatorCode.GG8), HUMAN_RESOURCES, List.of(FINANCE)));
        rules.add(new Rule(Set.of(IndicatorCode.GG10, IndicatorCode.V4), STAFFING_OFFICE,
                List.of(EDUCATION_COMMISSION, HUMAN_RESOURCES)));
        return new ResponsibilityMatrix(rules, EDUCATION_COMMISSION);
    }

    public Responsibility responsibleFor(IndicatorCode indicator) {
        IndicatorCode ruled = indicator.variedIndicator().orElse(indicator);
        for (Rule rule : rules) {
            if (rule.indicators().contains(ruled)) {
                return new Responsibility(rule.lead(), rule.coDepartments());
            }
        }
        return new Responsibility(defaultLead, List.of());
    }

    /** A unit of the matrix by its code; a 400 naming {@code field} when the matrix has no such unit. */
    public Department department(String field, String code) {
        return departments().stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> org.junheng.eventsourcing.decider.Refusal.invalidField(field, code,
                        "不是本区责任分工中的单位 (not a unit of the district's responsibility matrix)"));
    }

    /** A unit of the matrix by its code (jw) or its name (区教委). */
    public java.util.Optional<Department> unitNamed(String codeOrName) {
        String wanted = codeOrName.strip();
        return departments().stream().filter(d -> d.code().equals(wanted) || d.name().equals(wanted)).findFirst();
    }

    /**
     * The units a district answers with: those of the matrix, the supervision office and the leading group's office
     * (a 责任领导 each, 约谈 of each, a project led by any).
     */
    public List<Department> answerableUnits() {
        List<Department> units = new java.util.ArrayList<>(departments());
        for (Department office : List.of(Department.SUPERVISION_OFFICE, Department.LEADING_GROUP_OFFICE)) {
            if (units.stream().noneMatch(d -> d.code().equals(office.code()))) {
                units.add(office);
            }
        }
        return List.copyOf(units);
    }

    /** One of {@link #answerableUnits()} by its code or its name. */
    public java.util.Optional<Department> answerableUnit(String codeOrName) {
        String wanted = codeOrName.strip();
        return answerableUnits().stream().filter(d -> d.code().equals(wanted) || d.name().equals(wanted)).findFirst();
    }

    /** Every unit named in the matrix, lead or co-responsible, once. */
    public List<Department> departments() {
        Map<String, Department> all = new java.util.LinkedHashMap<>();
        all.put(defaultLead.code(), defaultLead);
        for (Rule rule : rules) {
            all.putIfAbsent(rule.lead().code(), rule.lead());
            rule.coDepartments().forEach(d -> all.putIfAbsent(d.code(), d));
        }
        return List.copyOf(all.values());
    }
}
