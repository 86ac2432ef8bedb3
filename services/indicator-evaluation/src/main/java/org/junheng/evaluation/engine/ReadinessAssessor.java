package org.junheng.evaluation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junheng.contracts.IndicatorCategory;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Subject;
import org.junheng.contracts.SubjectLevel;
import org.junheng.contracts.evaluation.ReadinessReason;
import org.junheng.contracts.schooldata.CountyFigureSetKind;
import org.junheng.evaluation.standard.Standard;
import org.junheng.evaluation.standard.ThresholdKeys;

/**
 * STANDARD.md §6: a county is ready for the municipal check when every school section passes RA-SCHOOL, every
 * CV-RAk-* holds, all GG and EQ items hold, SR1 holds, no veto is present, and it was recognised as 基本均衡 at least
 * 3 years earlier. Anything not evaluable (missing data, attestation or declaration) is a reason too: readiness is
 * never assumed. Single RA items that leave the school pass rule intact are findings but not reasons.
 */
final class ReadinessAssessor {

    private static final int NAMES_LISTED = 5;

    private ReadinessAssessor() {
    }

    static Readiness assess(Standard standard, DistrictInputs inputs, List<SchoolInput> notReported,
                            List<ItemResult> items) {
        List<ReadinessReason> reasons = new ArrayList<>();
        precondition(standard, inputs, reasons);
        if (!notReported.isEmpty()) {
            reasons.add(new ReadinessReason(null, notReported.size() + "所学校未报送" + inputs.period() + "年统计数据："
                    + names(notReported.stream().map(SchoolInput::name).toList()) + " (" + notReported.size()
                    + " registered schools have not reported statistics for " + inputs.period() + ")",
                    ReadinessReason.Kind.DATA_MISSING));
        }
        Map<IndicatorCode, List<ItemResult>> byIndicator = new TreeMap<>();
        items.forEach(item -> byIndicator.computeIfAbsent(item.indicator(), k -> new ArrayList<>()).add(item));
        byIndicator.forEach((indicator, results) -> {
            if (blocksReadiness(indicator)) {
                unmet(indicator, results, reasons);
                notEvaluable(indicator, results, reasons);
            }
        });
        return Readiness.of(reasons, provisional(inputs, items));
    }

    /**
     * SR1 and EQ9 are decided by the national survey and monitoring: a met result resting on a county's own (or an
     * unstated) source makes the verdict provisional (初步结论).
     */
    private static List<String> provisional(DistrictInputs inputs, List<ItemResult> items) {
        CountyFigures figures = CountyFigures.inForce(inputs.districtCode(), inputs.period(), inputs.countyFigures());
        List<String> provisional = new ArrayList<>();
        for (var item : List.of(Map.entry(IndicatorCode.SR1, CountyFigureSetKind.SATISFACTION_SURVEY),
                Map.entry(IndicatorCode.EQ9, CountyFigureSetKind.NATIONAL_QUALITY_MONITORING))) {
            boolean met = items.stream().anyMatch(i -> i.indicator() == item.getKey() && i.met());
            if (met && !figures.allNational(item.getValue())) {
                provisional.add(item.getKey().code() + " " + item.getKey().shortName() + "依据区县自查或未注明来源的数据，"
                        + "须以国家调查或监测结果为准 (rests on the county's own or an unstated source)");
            }
        }
        return provisional;
    }

    /** RA1–RA7 alone do not block: the national rule is RA-SCHOOL (the district plan's stricter goal is findings). */
    private static boolean blocksReadiness(IndicatorCode indicator) {
        return indicator.category() != IndicatorCategory.RESOURCE_ALLOCATION || indicator == IndicatorCode.RA_SCHOOL;
    }

    private static void precondition(Standard standard, DistrictInputs inputs, List<ReadinessReason> reasons) {
        int years = standard.setting(ThresholdKeys.BASIC_BALANCE_MIN_YEARS_BEFORE).intValueExact();
        Integer recognised = inputs.basicBalanceRecognisedIn();
        if (recognised == null) {
            reasons.add(new ReadinessReason(null, "未登记基本均衡认定年份，无法确认验收前提（须至少提前" + years
                    + "年通过基本均衡认定）(basic-balance recognition year not recorded; it must be at least " + years
                    + " years earlier)", ReadinessReason.Kind.DATA_MISSING));
        } else if (inputs.period() - recognised < years) {
            reasons.add(new ReadinessReason(null, recognised + "年通过基本均衡认定，距" + inputs.period() + "年不足"
                    + years + "年 (basic balance recognised in " + recognised + ", less than " + years
                    + " years before " + inputs.period() + ")", ReadinessReason.Kind.UNMET));
        } else {
            monitoring(inputs, recognised, reasons);
        }
    }

    /** The second part: every year's 基本均衡 monitoring since the recognition found the county still at a high level. */
    private static void monitoring(DistrictInputs inputs, int recognised, List<ReadinessReason> reasons) {
        List<Integer> missing = new ArrayList<>();
        List<Integer> slipped = new ArrayList<>();
        for (int year = recognised + 1; year < inputs.period(); year++) {
            Boolean high = inputs.basicBalanceMonitoring().get(year);
            if (high == null) {
                missing.add(year);
            } else if (!high) {
                slipped.add(year);
            }
        }
        if (!slipped.isEmpty()) {
            reasons.add(new ReadinessReason(null, years(slipped) + "年基本均衡年度监测未保持高位 (the yearly basic-balance"
                    + " monitoring did not stay at a high level in " + slipped + ")", ReadinessReason.Kind.UNMET));
        }
        if (!missing.isEmpty()) {
            reasons.add(new ReadinessReason(null, "未登记" + years(missing) + "年基本均衡年度监测结果，无法确认认定后保持高位"
                    + " (basic-balance monitoring not recorded for " + missing + ")", ReadinessReason.Kind.DATA_MISSING));
        }
    }

    /** 2015–2017、2019. */
    private static String years(List<Integer> years) {
        List<String> runs = new ArrayList<>();
        int start = years.get(0);
        int end = start;
        for (int i = 1; i <= years.size(); i++) {
            if (i < years.size() && years.get(i) == end + 1) {
                end = years.get(i);
                continue;
            }
            runs.add(start == end ? Integer.toString(start) : start + "–" + end);
            if (i < years.size()) {
                start = years.get(i);
                end = start;
            }
        }
        return String.join("、", runs);
    }

    private static void unmet(IndicatorCode indicator, List<ItemResult> results, List<ReadinessReason> reasons) {
        List<ItemResult> unmet = results.stream().filter(ItemResult::unmet).toList();
        if (unmet.isEmpty()) {
            return;
        }
        String text;
        if (indicator.category() == IndicatorCategory.VETO) {
            text = "存在一票否决情形：" + indicator.chineseName() + " (veto condition present: " + indicator.englishName()
                    + ")";
        } else if (indicator == IndicatorCode.RA_SCHOOL) {
            text = unmet.size() + "个学校学段未达到校级资源配置标准：" + subjects(unmet) + " (" + unmet.size()
                    + " school sections fail the school pass rule RA-SCHOOL)";
        } else if (unmet.stream().allMatch(i -> i.subject().level() == SubjectLevel.COUNTY)) {
            text = indicator.code() + " " + indicator.shortName() + "：" + unmet.get(0).gap();
        } else {
            text = indicator.code() + " " + indicator.shortName() + "：" + unmet.size() + levelWord(unmet)
                    + "未达标：" + subjects(unmet) + " (" + indicator.code() + " unmet at " + unmet.size() + " "
                    + englishLevelWord(unmet) + ")";
        }
        reasons.add(new ReadinessReason(indicator, text, ReadinessReason.Kind.UNMET));
    }

    private static void notEvaluable(IndicatorCode indicator, List<ItemResult> results,
                                     List<ReadinessReason> reasons) {
        List<ItemResult> open = results.stream().filter(i -> i.outcome() == Outcome.NOT_EVALUABLE).toList();
        if (open.isEmpty()) {
            return;
        }
        if (open.size() == 1 && open.get(0).subject().level() == SubjectLevel.COUNTY) {
            reasons.add(new ReadinessReason(indicator, indicator.code() + " " + indicator.shortName() + "："
                    + open.get(0).note(), kind(open)));
            return;
        }
        // group by the explanation so that 30 schools without an attestation make one reason, not 30
        Map<String, List<ItemResult>> byNote = open.stream()
                .collect(Collectors.groupingBy(ItemResult::note, TreeMap::new, Collectors.toList()));
        byNote.forEach((note, group) -> reasons.add(new ReadinessReason(indicator, indicator.code() + " "
                + indicator.shortName() + "：" + group.size() + levelWord(group) + "无法评估（" + subjects(group)
                + "）：" + note, kind(group))));
    }

    /** Awaiting a supervisor's judgment when the items are decided by attestation; else their data is missing. */
    private static ReadinessReason.Kind kind(List<ItemResult> notEvaluable) {
        return notEvaluable.stream().allMatch(ItemResult::attested) ? ReadinessReason.Kind.AWAITING_ATTESTATION
                : ReadinessReason.Kind.DATA_MISSING;
    }

    private static String levelWord(List<ItemResult> items) {
        SubjectLevel level = items.get(0).subject().level();
        return switch (level) {
            case SCHOOL -> "所学校";
            case SCHOOL_SECTION -> "个学校学段";
            case COUNTY -> "项";
        };
    }

    private static String englishLevelWord(List<ItemResult> items) {
        boolean one = items.size() == 1;
        return switch (items.get(0).subject().level()) {
            case SCHOOL -> one ? "school" : "schools";
            case SCHOOL_SECTION -> one ? "school section" : "school sections";
            case COUNTY -> one ? "item" : "items";
        };
    }

    private static String subjects(List<ItemResult> items) {
        return names(items.stream().map(item -> describe(item.subject())).toList());
    }

    static String describe(Subject subject) {
        return switch (subject.level()) {
            case COUNTY -> "全区";
            case SCHOOL -> subject.schoolName();
            case SCHOOL_SECTION -> subject.schoolName() + "（" + subject.section().label() + "）";
        };
    }

    private static String names(List<String> names) {
        if (names.size() <= NAMES_LISTED) {
            return String.join("、", names);
        }
        return String.join("、", names.subList(0, NAMES_LISTED)) + "等" + names.size() + "个";
    }
}
