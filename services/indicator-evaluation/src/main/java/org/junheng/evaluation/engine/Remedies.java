package org.junheng.evaluation.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Section;
import org.junheng.evaluation.engine.HypotheticalChange.FacilityQuantity;
import org.junheng.evaluation.engine.HypotheticalChange.TeacherCount;

/**
 * What would bring a failing coefficient of variation (差异系数) within its limit: the smallest addition of the
 * indicator's resource at one school section, for each school where one addition can do it, and a spread plan that
 * lifts the sections furthest below the mean to a common level (the least in total when every unit costs the same).
 *
 * <p>Adding Δ units at section j raises its value by d = Δ·e_j (e_j: the value one unit adds — 100/P_j for teachers
 * and classrooms per 100 pupils, the section's share of whole-school facilities ÷ P_j for areas and equipment).
 * With w = P_j/P, the mean becomes X̄ + w·d and S² becomes S² + 2w·d·(X_j − X̄) + w(1 − w)·d², so CV ≤ L is the
 * quadratic [w(1 − w) − L²w²]·d² + 2w[(X_j − X̄) − L²X̄]·d + (S² − L²X̄²) ≤ 0, solved for its least positive d.
 * Every amount is rounded up to the unit's step and checked exactly ({@link WeightedVariation#withinLimit}).
 */
public final class Remedies {

    /** How many single-school options are offered. */
    static final int OPTIONS = 3;
    private static final int CHECKS = 200;

    private Remedies() {
    }

    /** What is added for a resource indicator, in what unit and steps, and as which what-if change. */
    public enum Lever {
        RA1("名本科及以上学历专任教师", "full-time teachers with a degree", BigDecimal.ONE, true, TeacherCount.BACHELOR, null),
        RA2("名县级及以上骨干教师", "county-level key teachers", BigDecimal.ONE, true, TeacherCount.COUNTY_LEVEL_KEY, null),
        RA3("名体育艺术专任教师", "PE and arts teachers", BigDecimal.ONE, true, TeacherCount.PHYSICAL_EDUCATION, null),
        RA4("m² 教学及辅助用房", "m² teaching and auxiliary floor area", BigDecimal.ONE, false, null,
                FacilityQuantity.TEACHING_AND_AUXILIARY_AREA),
        RA5("m² 体育运动场馆", "m² sports ground", BigDecimal.ONE, false, null, FacilityQuantity.SPORTS_GROUND_AREA),
        RA6("元 教学仪器设备", "yuan of teaching equipment", BigDecimal.valueOf(100), false, null,
                FacilityQuantity.EQUIPMENT_BOOK_VALUE),
        RA7("间 网络多媒体教室", "networked multimedia classrooms", BigDecimal.ONE, true, null,
                FacilityQuantity.MULTIMEDIA_CLASSROOMS);

        private final String unit;
        private final String unitEnglish;
        private final BigDecimal step;
        private final boolean perHundredPupils;
        private final TeacherCount teachers;
        private final FacilityQuantity facility;

        Lever(String unit, String unitEnglish, BigDecimal step, boolean perHundredPupils, TeacherCount teachers,
              FacilityQuantity facility) {
            this.unit = unit;
            this.unitEnglish = unitEnglish;
            this.step = step;
            this.perHundredPupils = perHundredPupils;
            this.teachers = teachers;
            this.facility = facility;
        }

        public static Lever of(IndicatorCode resource) {
            return valueOf(resource.code());
        }

        /** In words, e.g. {@code m² 体育运动场馆}. */
        public String unit() {
            return unit;
        }

        public String unitEnglish() {
            return unitEnglish;
        }

        /** The value one unit adds to the section: 100/P_j or the facility share ÷ P_j. */
        Fraction effect(SectionResult section) {
            Fraction share = teachers != null || !section.facilitiesApportioned() ? Fraction.ONE
                    : section.facilityShare();
            Fraction perPupil = share.dividedBy(section.pupils());
            return perHundredPupils ? perPupil.times(100) : perPupil;
        }

        /** The what-if change that adds {@code amount} at the section (checked by {@link Simulation}). */
        public HypotheticalChange change(String schoolCode, Section section, BigDecimal amount) {
            return teachers != null ? new HypotheticalChange.AddTeachers(schoolCode, section, teachers,
                    amount.intValueExact())
                    : new HypotheticalChange.AddFacility(schoolCode, section, facility, amount);
        }
    }

    public enum Kind {
        /** everything at one school section */
        ONE_SCHOOL,
        /** the sections furthest below the mean lifted to a common level */
        SPREAD
    }

    /** An addition at one school section. */
    public record Addition(String schoolCode, String schoolName, Section section, BigDecimal amount) {
    }

    /** A way to bring the coefficient within its limit, and the coefficient it would then have. */
    public record Remedy(Kind kind, List<Addition> additions, BigDecimal total, BigDecimal coefficientAfter) {
        public Remedy {
            additions = List.copyOf(additions);
        }
    }

    /**
     * The remedies of a coefficient (none when it is within its limit), single-school options first, smallest first.
     *
     * @param sections the school sections the coefficient is computed over, by school code
     */
    public static List<Remedy> of(CountyVariation variation, Map<String, SectionResult> sections) {
        if (variation.met()) {
            return List.of();
        }
        Lever lever = Lever.of(variation.indicator().variedIndicator().orElseThrow());
        List<Point> points = variation.contributions().stream()
                .map(c -> new Point(c, sections.get(c.schoolCode()), lever.effect(sections.get(c.schoolCode()))))
                .toList();
        List<Remedy> remedies = new ArrayList<>();
        for (int j = 0; j < points.size(); j++) {
            Remedy one = oneSchool(variation, points, j, lever);
            if (one != null) {
                remedies.add(one);
            }
        }
        remedies.sort(Comparator.comparing(Remedy::total));
        List<Remedy> offered = new ArrayList<>(remedies.subList(0, Math.min(OPTIONS, remedies.size())));
        Remedy spread = spread(variation, points, lever);
        if (spread != null && spread.additions().size() > 1) {
            offered.add(spread);
        }
        return offered;
    }

    private record Point(CountyVariation.Contribution contribution, SectionResult section, Fraction effect) {
        long pupils() {
            return contribution.pupils();
        }

        Fraction value() {
            return contribution.value();
        }
    }

    private static Remedy oneSchool(CountyVariation variation, List<Point> points, int j, Lever lever) {
        WeightedVariation v = variation.variation();
        double limit = variation.limit().doubleValue();
        double mean = v.mean().toBigDecimal(WeightedVariation.PRECISION).doubleValue();
        double s2 = v.variance().toBigDecimal(WeightedVariation.PRECISION).doubleValue();
        Point point = points.get(j);
        double w = (double) point.pupils() / v.pupils();
        double x = point.value().toBigDecimal(WeightedVariation.PRECISION).doubleValue();
        double l2 = limit * limit;
        double a = w * (1 - w) - l2 * w * w;
        double b = 2 * w * ((x - mean) - l2 * mean);
        double c = s2 - l2 * mean * mean;
        double d = leastPositiveRoot(a, b, c);
        if (Double.isNaN(d)) {
            return null;
        }
        double effect = point.effect().toBigDecimal(WeightedVariation.PRECISION).doubleValue();
        BigDecimal amount = roundUp(BigDecimal.valueOf(d / effect), lever.step);
        for (int check = 0; check < CHECKS; check++) {
            WeightedVariation after = with(points, List.of(new Lift(j, amount)));
            if (after.withinLimit(variation.limit())) {
                return new Remedy(Kind.ONE_SCHOOL, List.of(addition(point, amount)), amount,
                        after.coefficient().setScale(ResourceValue.SCALE, RoundingMode.HALF_UP));
            }
            amount = amount.add(lever.step.max(amount.divide(BigDecimal.valueOf(200), 0, RoundingMode.UP)));
        }
        return null;
    }

    /** Lifts every section below a level to that level; the least level that brings the coefficient within. */
    private static Remedy spread(CountyVariation variation, List<Point> points, Lever lever) {
        double low = points.stream().mapToDouble(p -> p.value().toBigDecimal(WeightedVariation.PRECISION)
                .doubleValue()).min().orElse(0);
        double high = points.stream().mapToDouble(p -> p.value().toBigDecimal(WeightedVariation.PRECISION)
                .doubleValue()).max().orElse(0);
        double limit = variation.limit().doubleValue();
        for (int i = 0; i < 100; i++) {
            double level = (low + high) / 2;
            if (coefficient(points, level) <= limit) {
                high = level;
            } else {
                low = level;
            }
        }
        double level = high;
        for (int check = 0; check < CHECKS; check++) {
            List<Lift> lifts = new ArrayList<>();
            for (int j = 0; j < points.size(); j++) {
                double x = points.get(j).value().toBigDecimal(WeightedVariation.PRECISION).doubleValue();
                if (x < level) {
                    double effect = points.get(j).effect().toBigDecimal(WeightedVariation.PRECISION).doubleValue();
                    lifts.add(new Lift(j, roundUp(BigDecimal.valueOf((level - x) / effect), lever.step)));
                }
            }
            WeightedVariation after = with(points, lifts);
            if (after.withinLimit(variation.limit())) {
                List<Addition> additions = lifts.stream()
                        .sorted(Comparator.comparing(Lift::amount).reversed())
                        .map(lift -> addition(points.get(lift.index()), lift.amount())).toList();
                BigDecimal total = lifts.stream().map(Lift::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                return new Remedy(Kind.SPREAD, additions, total,
                        after.coefficient().setScale(ResourceValue.SCALE, RoundingMode.HALF_UP));
            }
            level += (level - low) * 0.01 + 1e-9;
        }
        return null;
    }

    private record Lift(int index, BigDecimal amount) {
    }

    /** The coefficient with every value below {@code level} raised to it, in doubles (for the search only). */
    private static double coefficient(List<Point> points, double level) {
        double total = 0;
        double weighted = 0;
        double squares = 0;
        for (Point point : points) {
            double x = Math.max(level, point.value().toBigDecimal(WeightedVariation.PRECISION).doubleValue());
            total += point.pupils();
            weighted += point.pupils() * x;
            squares += point.pupils() * x * x;
        }
        double mean = weighted / total;
        double variance = Math.max(0, squares / total - mean * mean);
        return Math.sqrt(variance) / mean;
    }

    /** The coefficient with the lifts applied, exact. */
    private static WeightedVariation with(List<Point> points, List<Lift> lifts) {
        List<WeightedVariation.Point> lifted = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Fraction value = points.get(i).value();
            for (Lift lift : lifts) {
                if (lift.index() == i) {
                    value = value.plus(points.get(i).effect().times(Fraction.of(lift.amount())));
                }
            }
            lifted.add(new WeightedVariation.Point(points.get(i).pupils(), value));
        }
        return WeightedVariation.of(lifted);
    }

    /** The least positive d with a·d² + b·d + c ≤ 0, where c &gt; 0 (the coefficient is over its limit now). */
    static double leastPositiveRoot(double a, double b, double c) {
        if (Math.abs(a) < 1e-15) {
            return b < 0 ? -c / b : Double.NaN;
        }
        double discriminant = b * b - 4 * a * c;
        if (discriminant < 0) {
            return Double.NaN;
        }
        double root = Math.sqrt(discriminant);
        double first = (-b - root) / (2 * a);
        double second = (-b + root) / (2 * a);
        double least = Double.NaN;
        for (double candidate : new double[] {first, second}) {
            if (candidate > 0 && (Double.isNaN(least) || candidate < least)) {
                least = candidate;
            }
        }
        return least;
    }

    /** The plan in words, e.g. 在某小学增加 5,704 m² 体育运动场馆，差异系数降至 0.4998，约需 456.3 万元. */
    public static String describe(Remedy remedy, Lever lever, BigDecimal coefficientAfter, BigDecimal cost) {
        String plan = remedy.kind() == Kind.ONE_SCHOOL
                ? "在" + remedy.additions().get(0).schoolName() + "增加" + amount(remedy.total(), lever)
                : "分别在" + remedy.additions().stream().map(a -> a.schoolName() + "增加" + amount(a.amount(), lever))
                        .collect(java.util.stream.Collectors.joining("、")) + "，共" + amount(remedy.total(), lever);
        return plan + "，差异系数降至 " + coefficientAfter.toPlainString() + (cost == null ? ""
                : "，约需 " + Texts.number(cost.divide(BigDecimal.valueOf(10_000), 1, RoundingMode.HALF_UP)) + " 万元");
    }

    private static String amount(BigDecimal amount, Lever lever) {
        return " " + Texts.number(amount) + (lever.unit().startsWith("m²") || lever.unit().startsWith("元") ? " " : "")
                + lever.unit();
    }

    private static BigDecimal roundUp(BigDecimal amount, BigDecimal step) {
        BigInteger steps = amount.divide(step, 0, RoundingMode.CEILING).toBigInteger().max(BigInteger.ONE);
        return new BigDecimal(steps).multiply(step);
    }

    private static Addition addition(Point point, BigDecimal amount) {
        SectionResult section = point.section();
        return new Addition(section.schoolCode(), section.schoolName(), section.section(), amount);
    }
}
