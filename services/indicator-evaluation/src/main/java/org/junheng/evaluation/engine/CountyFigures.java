package org.junheng.evaluation.engine;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junheng.contracts.schooldata.CountyFigureSetKind;
import org.junheng.contracts.schooldata.CountyFiguresEvent.CountyFiguresSubmitted;
import org.junheng.contracts.schooldata.FigureValue;

/** The county figure sets in force for one district period: per kind, the last set submitted. */
final class CountyFigures {

    private final Map<CountyFigureSetKind, CountyFiguresSubmitted> sets;

    private CountyFigures(Map<CountyFigureSetKind, CountyFiguresSubmitted> sets) {
        this.sets = sets;
    }

    static CountyFigures inForce(String district, int period, List<CountyFiguresSubmitted> submitted) {
        Map<CountyFigureSetKind, CountyFiguresSubmitted> sets = new EnumMap<>(CountyFigureSetKind.class);
        for (CountyFiguresSubmitted set : submitted) {
            if (set.districtCode().equals(district) && set.period() == period) {
                sets.put(set.kind(), set); // a resubmission replaces the previous set of the kind
            }
        }
        return new CountyFigures(sets);
    }

    boolean submitted(CountyFigureSetKind kind) {
        return sets.containsKey(kind);
    }

    /** A value without qualifier, e.g. an average pay; empty when not reported. */
    Optional<Fraction> single(CountyFigureSetKind kind, String key) {
        return values(kind, key).stream().filter(v -> v.qualifier() == null || v.qualifier().isBlank())
                .reduce((first, second) -> second).map(v -> Fraction.of(v.value()));
    }

    /**
     * A count: the value without qualifier, else the sum of the qualified values (e.g. places per senior high school);
     * empty when not reported.
     */
    Optional<Fraction> count(CountyFigureSetKind kind, String key) {
        Optional<Fraction> single = single(kind, key);
        if (single.isPresent()) {
            return single;
        }
        List<FigureValue> qualified = values(kind, key);
        if (qualified.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(qualified.stream().map(v -> Fraction.of(v.value())).reduce(Fraction.ZERO, Fraction::plus));
    }

    /** qualifier → key → value (the last one of a repeated pair); "" stands for no qualifier. */
    Map<String, Map<String, BigDecimal>> byQualifier(CountyFigureSetKind kind) {
        Map<String, Map<String, BigDecimal>> result = new LinkedHashMap<>();
        CountyFiguresSubmitted set = sets.get(kind);
        if (set != null) {
            for (FigureValue value : set.values()) {
                String qualifier = value.qualifier() == null ? "" : value.qualifier().trim();
                result.computeIfAbsent(qualifier, q -> new LinkedHashMap<>()).put(value.key(), value.value());
            }
        }
        return result;
    }

    private List<FigureValue> values(CountyFigureSetKind kind, String key) {
        CountyFiguresSubmitted set = sets.get(kind);
        if (set == null) {
            return List.of();
        }
        return set.values().stream().filter(v -> v.key().equals(key) && v.value() != null).toList();
    }

    /** Whether every value of the set comes from the national survey or monitoring; false when none was submitted. */
    boolean allNational(CountyFigureSetKind kind) {
        CountyFiguresSubmitted set = sets.get(kind);
        return set != null && set.values().stream()
                .allMatch(v -> v.source() == org.junheng.contracts.schooldata.FigureSource.NATIONAL);
    }

    /** "尚未报送教师交流轮岗数据（eligibleTeachers）(county figure … not submitted)". */
    static String missing(CountyFigureSetKind kind, String key) {
        return "尚未报送" + kind.label() + "数据（" + key + "），无法评估 (county figure " + kind.name() + "." + key
                + " not submitted: not evaluable)";
    }
}
