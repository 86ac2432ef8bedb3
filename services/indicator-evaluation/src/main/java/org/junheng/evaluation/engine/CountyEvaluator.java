package org.junheng.evaluation.engine;

import static org.junheng.evaluation.standard.ThresholdKeys.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junheng.contracts.IndicatorCategory;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;
import org.junheng.contracts.schooldata.AttestationEvent.AttestationRecorded;
import org.junheng.contracts.schooldata.AttestationGrade;
import org.junheng.contracts.schooldata.AttestationVerdict;
import org.junheng.contracts.schooldata.CountyFigureSetKind;
import org.junheng.contracts.schooldata.RetentionCohort;
import org.junheng.contracts.schooldata.SectionStatistics;
import org.junheng.evaluation.standard.Standard;

/**
 * County-level items: the coefficients of variation, items computed over all schools (GG9, GG13, EQ1), items from county
 * figure sets (GG7, GG8, GG11, GG14, GG15, EQ2, EQ9, SR1, V1–V6) and attested items.
 */
final class CountyEvaluator {

    /** Attested items judged once for the county. */
    static final List<IndicatorCode> COUNTY_ATTESTED = List.of(IndicatorCode.GG1, IndicatorCode.GG2,
            IndicatorCode.GG10, IndicatorCode.GG15_CARE, IndicatorCode.EQ5, IndicatorCode.EQ7, IndicatorCode.EQ8,
            IndicatorCode.EQ10);
    /** Attested items judged per school, or once for every school without its own attestation. */
    static final List<IndicatorCode> SCHOOL_ATTESTED = List.of(IndicatorCode.EQ3, IndicatorCode.EQ6);

    private static final Subject COUNTY = Subject.county();
    private static final String[] ROMAN = {"0", "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ"};

    record Balance(List<CountyVariation> variations, List<ItemResult> items) {
    }

    private final EvaluationContext ctx;
    private final Standard standard;

    CountyEvaluator(EvaluationContext ctx) {
        this.ctx = ctx;
        this.standard = ctx.standard;
    }

    // ------------------------------------------------------------------------------------------ county balance

    /**
     * CV-RAk-P and CV-RAk-J over the in-scope sections, each indicator and section set separately. A coefficient
     * over part of the county's sections (a school with such a section has not reported) is never met: within its
     * limit it is not evaluable until every school has reported; over it, unmet.
     */
    Balance balance(List<SectionResult> sections, List<SchoolInput> notReported) {
        List<CountyVariation> variations = new ArrayList<>();
        List<ItemResult> items = new ArrayList<>();
        for (IndicatorCode resource : SchoolEvaluator.RESOURCES) {
            for (Section section : Section.values()) {
                IndicatorCode code = IndicatorCode.coefficientOfVariation(resource, section);
                BigDecimal limit = standard.number(code, MAXIMUM);
                List<SectionResult> set = sections.stream().filter(s -> s.section() == section).toList();
                if (set.isEmpty()) {
                    items.add(ctx.notEvaluable(COUNTY, code, limit, "全区无参评的" + section.label()
                            + "学段，无法计算差异系数 (no " + (section == Section.P ? "primary" : "junior")
                            + " sections to compare)"));
                    continue;
                }
                WeightedVariation variation;
                try {
                    variation = WeightedVariation.of(set.stream()
                            .map(s -> new WeightedVariation.Point(s.pupils(), s.resource(resource).value()))
                            .toList());
                } catch (IllegalArgumentException undefined) {
                    items.add(ctx.notEvaluable(COUNTY, code, limit, section.label() + resource.code()
                            + "均值为0，差异系数无法计算 (weighted mean is zero: the coefficient is undefined)"));
                    continue;
                }
                List<CountyVariation.Contribution> contributions = new ArrayList<>();
                for (int i = 0; i < set.size(); i++) {
                    SectionResult s = set.get(i);
                    contributions.add(new CountyVariation.Contribution(s.schoolCode(), s.schoolName(), s.pupils(),
                            s.resource(resource).value(), variation.shares().get(i)));
                }
                List<String> missing = notReported.stream()
                        .filter(school -> school.profile().type().sections().contains(section))
                        .map(school -> school.profile().name()).toList();
                boolean within = variation.withinLimit(limit);
                boolean met = within && missing.isEmpty();
                CountyVariation result = new CountyVariation(code, section, variation, limit, met, contributions,
                        missing);
                variations.add(result);
                BigDecimal coefficient = variation.coefficient().setScale(ResourceValue.SCALE,
                        RoundingMode.HALF_UP);
                if (within && !missing.isEmpty()) {
                    items.add(ctx.notEvaluable(COUNTY, code, limit, "差异系数按已报送的" + set.size() + "个学段计为"
                            + coefficient.toPlainString() + "，尚有" + missing.size() + "所学校未报送（"
                            + String.join("、", missing.stream().limit(5).toList()) + (missing.size() > 5 ? "等" : "")
                            + "），暂不认定达标 (computed over the reported sections only; " + missing.size()
                            + " schools have not reported)"));
                    continue;
                }
                items.add(ctx.measured(COUNTY, code, met, coefficient, variation.coefficient().toPlainString(), limit,
                        Severity.COUNTY_RULE,
                        () -> coefficientGap(result), "差异系数 " + coefficient.toPlainString()));
            }
        }
        return new Balance(variations, items);
    }

    private static String coefficientGap(CountyVariation variation) {
        BigDecimal coefficient = variation.variation().coefficient();
        String cv = Texts.decimal(coefficient, 4);
        String excess = Texts.decimal(coefficient.subtract(variation.limit()), 4);
        List<CountyVariation.Contribution> drivers = variation.largestFirst().stream().limit(3).toList();
        String zhDrivers = drivers.stream().map(c -> c.schoolName() + "（" + (variation.aboveMean(c) ? "高于" : "低于")
                        + "均值，占" + Texts.percent1(c.share()) + "）")
                .collect(Collectors.joining("、"));
        String enDrivers = drivers.stream().map(c -> c.schoolCode() + " " + (variation.aboveMean(c) ? "above" : "below")
                        + " the mean, " + Texts.percent1(c.share()))
                .collect(Collectors.joining("; "));
        return variation.section().label() + variation.indicator().variedIndicator().orElseThrow().chineseName()
                + "差异系数" + cv + "，超过标准" + Texts.number(variation.limit()) + "，超出 " + excess
                + "；差异主要来自：" + zhDrivers + " (coefficient of variation " + cv + " exceeds "
                + Texts.number(variation.limit()) + " by " + excess + "; largest variance shares: " + enDrivers + ")";
    }

    // ------------------------------------------------------------------------------------------ from school data

    /** GG9 over every reporting school's full-time teachers; a school that left the count blank leaves it open. */
    ItemResult training(List<SchoolInput> schools) {
        BigDecimal minimum = standard.number(IndicatorCode.GG9, MINIMUM);
        List<String> blank = schoolsLeavingBlank(schools, s -> s.teachers().completed360TrainingHours());
        if (!blank.isEmpty()) {
            return ctx.notEvaluable(COUNTY, IndicatorCode.GG9, minimum, blank.size() + "所学校未填报完成360学时培训的教师数："
                    + String.join("、", blank) + " (" + blank.size() + " school(s) left the trained-teacher count blank)");
        }
        long teachers = 0;
        long completed = 0;
        for (SchoolInput school : schools) {
            for (SectionStatistics section : school.statistics().sections()) {
                teachers += section.teachers().fullTimeByQualification().total();
                completed += section.teachers().completed360TrainingHours();
            }
        }
        if (teachers <= 0) {
            return ctx.notEvaluable(COUNTY, IndicatorCode.GG9, minimum,
                    "尚无专任教师数据，无法评估 (no teacher data: not evaluable)");
        }
        Fraction share = Fraction.ratio(completed, teachers);
        long t = teachers;
        long c = completed;
        return ctx.measured(COUNTY, IndicatorCode.GG9, share.isAtLeast(minimum), share,
                minimum, Severity.COUNTY_RULE, () -> {
                    BigInteger short_ = GapTexts.peopleShort(minimum, t, c);
                    return "全区教师5年360学时培训完成率" + Texts.percent(share) + "（" + Texts.count(c) + "/"
                            + Texts.count(t) + "），低于" + Texts.percent(minimum) + "；还需 " + Texts.count(short_)
                            + " 名教师完成培训 (needs " + Texts.count(short_) + " more "
                            + GapTexts.plural(short_, "teacher", "teachers") + " to complete 360 training hours)";
                }, Texts.count(completed) + "/" + Texts.count(teachers));
    }

    /** The minimum in-catchment share of each section (P 100%, J 95% in CN-2017). */
    java.util.Map<Section, BigDecimal> catchmentMinimum() {
        java.util.Map<Section, BigDecimal> minimum = new java.util.EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            minimum.put(section, standard.number(IndicatorCode.GG13, MINIMUM, section));
        }
        return minimum;
    }

    /**
     * GG13, one item for the county: every section's ratio at or above its minimum. Open while a school's profile
     * leaves undecided whether it counts or its figure is blank; absent where no school section counts. The value
     * shown is the first failing section's ratio (else the primary one), the note gives both.
     */
    Optional<ItemResult> catchment(CountyCatchment catchment) {
        java.util.Map<Section, BigDecimal> minimum = catchmentMinimum();
        List<CountyCatchment.Part> open = catchment.open();
        if (!open.isEmpty()) {
            String which = open.stream().map(part -> part.schoolName() + part.section().label()
                    + (part.undecided() ? "（城乡分类或办学性质未登记）" : "（未填报划片就近入学学生数）"))
                    .distinct().collect(Collectors.joining("、"));
            return Optional.of(ctx.notEvaluable(COUNTY, IndicatorCode.GG13, null, "就近划片入学比例暂无法计算：" + which
                    + " (" + open.size() + " school section(s) undecided or not reported)"));
        }
        List<CountyCatchment.Ratio> ratios = catchment.ratios();
        if (ratios.isEmpty()) {
            return Optional.empty();
        }
        List<CountyCatchment.Ratio> unmet = ratios.stream()
                .filter(r -> !r.value().isAtLeast(minimum.get(r.section()))).toList();
        CountyCatchment.Ratio shown = unmet.isEmpty() ? ratios.get(0) : unmet.get(0);
        String note = ratios.stream().map(r -> r.section().label() + " " + Texts.count(r.inCatchment()) + "/"
                + Texts.count(r.pupils()) + "（" + Texts.percent(r.value()) + "）").collect(Collectors.joining("，"));
        return Optional.of(ctx.measured(COUNTY, IndicatorCode.GG13, unmet.isEmpty(), shown.value(),
                minimum.get(shown.section()), Severity.COUNTY_RULE, () -> unmet.stream()
                        .map(r -> catchmentGap(r, minimum.get(r.section()))).collect(Collectors.joining("；")),
                note));
    }

    /** A section below its minimum: how many pupils came from outside the catchment, how many too many, and where. */
    private static String catchmentGap(CountyCatchment.Ratio ratio, BigDecimal minimum) {
        BigInteger tooMany = GapTexts.peopleShort(minimum, ratio.pupils(), ratio.inCatchment());
        List<CountyCatchment.Part> top = ratio.outside().stream().limit(3).toList();
        String where = top.stream().map(part -> part.schoolName() + " " + Texts.count(part.outside()) + " 名")
                .collect(Collectors.joining("、")) + (ratio.outside().size() > top.size()
                ? "等" + ratio.outside().size() + "所" : "");
        String whereEnglish = top.stream().map(part -> part.schoolCode() + " " + part.outside())
                .collect(Collectors.joining(", "));
        String section = ratio.section() == Section.P ? "primary" : "junior";
        return "全区" + ratio.section().label() + "就近划片入学比例" + Texts.percent(ratio.value()) + "，低于"
                + Texts.percent(minimum) + "；非划片入学学生 " + Texts.count(ratio.outsidePupils()) + " 名，还需减少 "
                + Texts.count(tooMany) + " 名；非划片入学在：" + where + " (" + section + " in-catchment admission "
                + Texts.percent(ratio.value()) + " is below " + Texts.percent(minimum) + "; "
                + Texts.count(ratio.outsidePupils()) + " pupils admitted from outside the catchment, "
                + Texts.count(tooMany) + " too many; at " + whereEnglish + ")";
    }

    /** GG12 for the county as a whole: certified ÷ full-time teachers (the findings are raised per school). */
    Optional<Fraction> certifiedShare(List<SchoolInput> schools) {
        if (!schoolsLeavingBlank(schools, s -> s.teachers().certified()).isEmpty()) {
            return Optional.empty();
        }
        long teachers = 0;
        long certified = 0;
        for (SchoolInput school : schools) {
            for (SectionStatistics section : school.statistics().sections()) {
                teachers += section.teachers().fullTimeByQualification().total();
                certified += section.teachers().certified();
            }
        }
        return teachers <= 0 ? Optional.empty() : Optional.of(Fraction.ratio(certified, teachers));
    }

    /** The names of the schools with a section whose {@code figure} is blank (not reported), in input order. */
    private static List<String> schoolsLeavingBlank(List<SchoolInput> schools,
                                                    java.util.function.Function<SectionStatistics, Object> figure) {
        return schools.stream()
                .filter(school -> school.statistics().sections().stream().anyMatch(s -> figure.apply(s) == null))
                .map(SchoolInput::name).toList();
    }

    /** EQ1: (graduates − transfers in + transfers out) ÷ (grade-7 enrolment − deaths), summed over the cohorts. */
    ItemResult retention(List<SchoolInput> schools) {
        BigDecimal minimum = standard.number(IndicatorCode.EQ1, MINIMUM);
        long retained = 0;
        long base = 0;
        int cohorts = 0;
        for (SchoolInput school : schools) {
            RetentionCohort cohort = school.statistics().retentionCohort();
            if (cohort != null) {
                cohorts++;
                retained += (long) cohort.graduates() - cohort.transfersIn() + cohort.transfersOut();
                base += (long) cohort.grade7Enrolment() - cohort.deaths();
            }
        }
        if (cohorts == 0 || base <= 0) {
            return ctx.notEvaluable(COUNTY, IndicatorCode.EQ1, minimum,
                    "尚无初中巩固率数据，无法评估 (no junior retention cohorts reported: not evaluable)");
        }
        Fraction share = Fraction.ratio(retained, base);
        long r = retained;
        long b = base;
        return ctx.measured(COUNTY, IndicatorCode.EQ1, share.isAtLeast(minimum), share,
                minimum, Severity.COUNTY_RULE, () -> {
                    BigInteger short_ = GapTexts.peopleShort(minimum, b, r);
                    return "初中三年巩固率" + Texts.percent(share) + "（" + Texts.count(r) + "/" + Texts.count(b)
                            + "），低于" + Texts.percent(minimum) + "；还需巩固 " + Texts.count(short_)
                            + " 名学生 (needs " + Texts.count(short_) + " more "
                            + GapTexts.plural(short_, "pupil", "pupils") + " retained)";
                }, Texts.count(retained) + "/" + Texts.count(base) + "，" + cohorts + "所学校");
    }

    // ------------------------------------------------------------------------------------------ from county figures

    List<ItemResult> fromFigures(CountyFigures figures, Attestations attestations) {
        List<ItemResult> items = new ArrayList<>();
        items.add(specialEducationFunding(figures, attestations));
        items.add(teacherPay(figures));
        items.add(rotation(figures, attestations));
        items.add(seniorHighQuota(figures));
        items.add(migrantPlacement(figures, attestations));
        items.add(disabledEnrolment(figures, attestations));
        items.add(qualityMonitoring(figures));
        items.add(satisfaction(figures));
        for (IndicatorCode veto : IndicatorCode.ofCategory(IndicatorCategory.VETO)) {
            items.add(veto(figures, veto));
        }
        return items;
    }

    /** The items whose base may be zero in a county, and what a zero base means. */
    static final java.util.Set<IndicatorCode> ZERO_BASE = java.util.EnumSet.of(IndicatorCode.GG7, IndicatorCode.GG11,
            IndicatorCode.GG15, IndicatorCode.EQ2);

    /**
     * A zero base (no special-education school, no teacher eligible for rotation, no eligible migrant child, no
     * school-age disabled child): not applicable once the office declared it with evidence (督导认定 “不适用”), else not
     * evaluable and awaiting that declaration.
     */
    private ItemResult zeroBase(IndicatorCode indicator, String why, Attestations attestations) {
        boolean declared = attestations.inForce(indicator, COUNTY)
                .filter(a -> a.verdict() == org.junheng.contracts.schooldata.AttestationVerdict.NOT_APPLICABLE)
                .isPresent();
        return declared ? ctx.notApplicable(COUNTY, indicator, "不适用：" + why + "（督导认定，附佐证） (not applicable:"
                + " declared by the supervision office with evidence)")
                : new ItemResult(ctx.findingId(COUNTY, indicator), COUNTY, indicator, Outcome.NOT_EVALUABLE, null, null,
                null, true, null, null, why + "；如确属不适用，请由督导室认定“不适用”并附佐证 (a zero base: if the item"
                + " does not apply, the supervision office declares it not applicable, with evidence)");
    }

    private ItemResult specialEducationFunding(CountyFigures figures, Attestations attestations) {
        CountyFigureSetKind kind = CountyFigureSetKind.SPECIAL_EDUCATION_FUNDING;
        BigDecimal minimum = standard.number(IndicatorCode.GG7, MINIMUM);
        Optional<Fraction> pupils = figures.count(kind, "specialEducationPupils");
        Optional<Fraction> funds = figures.count(kind, "specialEducationOperatingFunds");
        if (pupils.isEmpty() || funds.isEmpty()) {
            return ctx.notEvaluable(COUNTY, IndicatorCode.GG7, minimum, CountyFigures.missing(kind,
                    pupils.isEmpty() ? "specialEducationPupils" : "specialEducationOperatingFunds"));
        }
        if (pupils.get().signum() <= 0) {
            return zeroBase(IndicatorCode.GG7, "特殊教育学校在校生为0", attestations);
        }
        Fraction perPupil = funds.get().dividedBy(pupils.get());
        return ctx.measured(COUNTY, IndicatorCode.GG7, perPupil.isAtLeast(minimum), perPupil, minimum,
                Severity.COUNTY_RULE, () -> {
                    BigInteger yuan = Fraction.of(minimum).times(pupils.get()).minus(funds.get()).ceiling();
                    return "特殊教育学校生均公用经费" + Texts.decimal(perPupil, 2) + "元，低于" + Texts.number(minimum)
                            + "元；还需增加公用经费 " + Texts.count(yuan) + " 元 (needs " + Texts.count(yuan)
                            + " yuan more special-education operating funds)";
                }, Texts.decimal(perPupil, 2) + "元/生");
    }

    private ItemResult teacherPay(CountyFigures figures) {
        CountyFigureSetKind kind = CountyFigureSetKind.TEACHER_PAY;
        BigDecimal ratio = standard.number(IndicatorCode.GG8, MINIMUM_PAY_RATIO);
        Optional<Fraction> teachers = figures.single(kind, "teacherAveragePay");
        Optional<Fraction> civilServants = figures.single(kind, "civilServantAveragePay");
        if (teachers.isEmpty() || civilServants.isEmpty()) {
            return ctx.notEvaluable(COUNTY, IndicatorCode.GG8, null, CountyFigures.missing(kind,
                    teachers.isEmpty() ? "teacherAveragePay" : "civilServantAveragePay"));
        }
        // the second half: the performance-pay totals fully approved (足额核定绩效工资总量)
        Optional<Fraction> approved = figures.single(CountyFigureSetKind.PERFORMANCE_PAY, "performancePayFullyApproved");
        if (approved.isEmpty()) {
            return ctx.notEvaluable(COUNTY, IndicatorCode.GG8, null, CountyFigures.missing(
                    CountyFigureSetKind.PERFORMANCE_PAY, "performancePayFullyApproved"));
        }
        Fraction required = civilServants.get().times(Fraction.of(ratio));
        boolean paid = teachers.get().isAtLeast(required);
        boolean fullyApproved = approved.get().signum() > 0;
        return ctx.measured(COUNTY, IndicatorCode.GG8, paid && fullyApproved, teachers.get(),
                EvaluationContext.reported(required),
                Severity.COUNTY_RULE, () -> {
                    List<String> zh = new ArrayList<>();
                    List<String> en = new ArrayList<>();
                    if (!paid) {
                        BigInteger yuan = required.minus(teachers.get()).ceiling();
                        zh.add("教师年平均工资收入" + Texts.decimal(teachers.get(), 0) + "元，低于公务员平均工资收入"
                                + Texts.decimal(required, 0) + "元；教师人均还需增加 " + Texts.count(yuan) + " 元");
                        en.add("teachers' average pay is " + Texts.count(yuan) + " yuan below civil servants'");
                    }
                    if (!fullyApproved) {
                        zh.add("教师绩效工资总量未足额核定");
                        en.add("the performance-pay totals are not fully approved");
                    }
                    return String.join("；", zh) + " (" + String.join("; ", en) + ")";
                }, "教师" + Texts.decimal(teachers.get(), 0) + "元，公务员" + Texts.decimal(civilServants.get(), 0) + "元，"
                        + (fullyApproved ? "绩效工资总量已足额核定" : "绩效工资总量未足额核定"));
    }

    private ItemResult rotation(CountyFigures figures, Attestations attestations) {
        CountyFigureSetKind kind = CountyFigureSetKind.TEACHER_ROTATION;
        BigDecimal minRotation = standard.number(IndicatorCode.GG11, MINIMUM_ROTATION_SHARE);
        BigDecimal minKey = standard.number(IndicatorCode.GG11, MINIMUM_KEY_TEACHER_SHARE);
        Optional<Fraction> eligible = figures.count(kind, "eligibleTeachers");
        Optional<Fraction> rotated = figures.count(kind, "rotatedTeachers");
        Optional<Fraction> rotatedKey = figures.count(kind, "rotatedKeyTeachers");
        if (eligible.isEmpty() || rotated.isEmpty() || rotatedKey.isEmpty()) {
            String key = eligible.isEmpty() ? "eligibleTeachers"
                    : rotated.isEmpty() ? "rotatedTeachers" : "rotatedKeyTeachers";
            return ctx.notEvaluable(COUNTY, IndicatorCode.GG11, minRotation, CountyFigures.missing(kind, key));
        }
        if (eligible.get().signum() <= 0) {
            return zeroBase(IndicatorCode.GG11, "符合交流条件的教师数为0", attestations);
        }
        Fraction rotationShare = rotated.get().dividedBy(eligible.get());
        Fraction keyShare = rotated.get().signum() > 0 ? rotatedKey.get().dividedBy(rotated.get()) : Fraction.ZERO;
        boolean rotationMet = rotationShare.isAtLeast(minRotation);
        boolean keyMet = rotated.get().signum() > 0 && keyShare.isAtLeast(minKey);
        // one value per item: the part that fails (rotation first), else the rotation share
        boolean reportKey = rotationMet && !keyMet;
        Fraction measured = reportKey ? keyShare : rotationShare;
        BigDecimal required = reportKey ? minKey : minRotation;
        return ctx.measured(COUNTY, IndicatorCode.GG11, rotationMet && keyMet, measured,
                required, Severity.COUNTY_RULE, () -> {
                    Fraction neededRotated = Fraction.of(Fraction.of(minRotation).times(eligible.get()).ceiling()
                            .longValueExact()).max(rotated.get());
                    BigInteger moreRotated = neededRotated.minus(rotated.get()).ceiling();
                    BigInteger moreKey = Fraction.of(minKey).times(neededRotated).minus(rotatedKey.get()).ceiling()
                            .max(BigInteger.ZERO);
                    return "交流轮岗教师占符合条件教师的" + Texts.percent(rotationShare) + "（标准"
                            + Texts.percent(minRotation) + "），其中骨干教师占" + Texts.percent(keyShare) + "（标准"
                            + Texts.percent(minKey) + "）；还需交流轮岗教师 " + Texts.count(moreRotated) + " 名，其中骨干教师 "
                            + Texts.count(moreKey) + " 名 (needs " + Texts.count(moreRotated) + " more rotated "
                            + GapTexts.plural(moreRotated, "teacher", "teachers") + ", " + Texts.count(moreKey)
                            + " more rotated key " + GapTexts.plural(moreKey, "teacher", "teachers") + ")";
                }, "交流" + Texts.percent(rotationShare) + "，骨干" + Texts.percent(keyShare));
    }

    private ItemResult seniorHighQuota(CountyFigures figures) {
        CountyFigureSetKind kind = CountyFigureSetKind.SENIOR_HIGH_QUOTA;
        BigDecimal minimum = standard.number(IndicatorCode.GG14, MINIMUM);
        Optional<Fraction> plan = figures.count(kind, "intakePlan");
        Optional<Fraction> allocated = figures.count(kind, "allocatedPlaces");
        if (plan.isEmpty() || allocated.isEmpty()) {
            return ctx.notEvaluable(COUNTY, IndicatorCode.GG14, minimum,
                    CountyFigures.missing(kind, plan.isEmpty() ? "intakePlan" : "allocatedPlaces"));
        }
        if (plan.get().signum() <= 0) {
            return ctx.notEvaluable(COUNTY, IndicatorCode.GG14, minimum,
                    "优质高中招生计划为0，无法计算分配比例 (intake plan is zero: share undefined)");
        }
        Fraction share = allocated.get().dividedBy(plan.get());
        String rural = figures.count(kind, "allocatedToRuralJuniorSchools")
                .filter(r -> allocated.get().signum() > 0)
                .map(r -> "；其中分配到农村初中" + Texts.percent(r.dividedBy(allocated.get())) + " (rural share "
                        + Texts.percent(r.dividedBy(allocated.get())) + ")")
                .orElse("");
        return ctx.measured(COUNTY, IndicatorCode.GG14, share.isAtLeast(minimum), share,
                minimum, Severity.COUNTY_RULE, () -> {
                    BigInteger places = Fraction.of(minimum).times(plan.get()).minus(allocated.get()).ceiling();
                    return "优质高中招生名额分配比例" + Texts.percent(share) + "，低于" + Texts.percent(minimum)
                            + "；还需分配 " + Texts.count(places) + " 个名额到初中 (needs " + Texts.count(places)
                            + " more places allocated to junior schools)" + rural;
                }, "分配比例" + Texts.percent(share) + rural);
    }

    private ItemResult migrantPlacement(CountyFigures figures, Attestations attestations) {
        CountyFigureSetKind kind = CountyFigureSetKind.MIGRANT_CHILDREN_PLACEMENT;
        BigDecimal minimum = standard.number(IndicatorCode.GG15, MINIMUM);
        Optional<Fraction> eligible = figures.count(kind, "eligibleMigrantChildren");
        Optional<Fraction> publicPlaces = figures.count(kind, "publicSchoolPlaces");
        Optional<Fraction> purchased = figures.count(kind, "purchasedPrivatePlaces");
        if (eligible.isEmpty() || publicPlaces.isEmpty() || purchased.isEmpty()) {
            String key = eligible.isEmpty() ? "eligibleMigrantChildren"
                    : publicPlaces.isEmpty() ? "publicSchoolPlaces" : "purchasedPrivatePlaces";
            return ctx.notEvaluable(COUNTY, IndicatorCode.GG15, minimum, CountyFigures.missing(kind, key));
        }
        if (eligible.get().signum() <= 0) {
            return zeroBase(IndicatorCode.GG15, "符合条件的随迁子女数为0", attestations);
        }
        Fraction placed = publicPlaces.get().plus(purchased.get());
        Fraction share = placed.dividedBy(eligible.get());
        return ctx.measured(COUNTY, IndicatorCode.GG15, share.isAtLeast(minimum), share,
                minimum, Severity.COUNTY_RULE, () -> {
                    BigInteger children = Fraction.of(minimum).times(eligible.get()).minus(placed).ceiling();
                    return "随迁子女在公办学校和政府购买服务的民办学校就读比例" + Texts.percent(share) + "，低于"
                            + Texts.percent(minimum) + "；还需安排 " + Texts.count(children) + " 名随迁子女 (needs "
                            + Texts.count(children)
                            + " more public or government-purchased places for migrant children)";
                }, Texts.percent(share));
    }

    private ItemResult disabledEnrolment(CountyFigures figures, Attestations attestations) {
        CountyFigureSetKind kind = CountyFigureSetKind.DISABLED_CHILDREN_ENROLMENT;
        BigDecimal minimum = standard.number(IndicatorCode.EQ2, MINIMUM);
        List<String> keys = List.of("schoolAgeDisabledChildren", "mainstreamEnrolled", "specialSchoolEnrolled",
                "homeDelivered");
        List<Optional<Fraction>> values = keys.stream().map(key -> figures.count(kind, key)).toList();
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i).isEmpty()) {
                return ctx.notEvaluable(COUNTY, IndicatorCode.EQ2, minimum, CountyFigures.missing(kind, keys.get(i)));
            }
        }
        Fraction children = values.get(0).orElseThrow();
        if (children.signum() <= 0) {
            return zeroBase(IndicatorCode.EQ2, "适龄残疾儿童少年数为0", attestations);
        }
        Fraction enrolled = values.get(1).orElseThrow().plus(values.get(2).orElseThrow())
                .plus(values.get(3).orElseThrow());
        Fraction share = enrolled.dividedBy(children);
        return ctx.measured(COUNTY, IndicatorCode.EQ2, share.isAtLeast(minimum), share,
                minimum, Severity.COUNTY_RULE, () -> {
                    BigInteger more = Fraction.of(minimum).times(children).minus(enrolled).ceiling();
                    return "残疾儿童少年入学率" + Texts.percent(share) + "，低于" + Texts.percent(minimum) + "；还需 "
                            + Texts.count(more) + " 名残疾儿童少年入学（随班就读、特教学校或送教上门）(needs "
                            + Texts.count(more) + " more disabled "
                            + GapTexts.plural(more, "child", "children") + " enrolled)";
                }, Texts.percent(share));
    }

    /** EQ9: every monitored subject at level Ⅲ or above and a difference rate strictly below 0.15. */
    private ItemResult qualityMonitoring(CountyFigures figures) {
        CountyFigureSetKind kind = CountyFigureSetKind.NATIONAL_QUALITY_MONITORING;
        BigDecimal minLevel = standard.number(IndicatorCode.EQ9, MINIMUM_LEVEL);
        BigDecimal rateBelow = standard.number(IndicatorCode.EQ9, DIFFERENCE_RATE_BELOW);
        Map<String, Map<String, BigDecimal>> subjects = figures.byQualifier(kind);
        if (subjects.isEmpty()) {
            return ctx.notEvaluable(COUNTY, IndicatorCode.EQ9, minLevel, CountyFigures.missing(kind, "level"));
        }
        List<String> incomplete = subjects.entrySet().stream()
                .filter(e -> !e.getValue().containsKey("level") || !e.getValue().containsKey("differenceRate"))
                .map(e -> subjectName(e.getKey())).toList();
        if (!incomplete.isEmpty()) {
            return ctx.notEvaluable(COUNTY, IndicatorCode.EQ9, minLevel, "监测结果不完整（" + String.join("、", incomplete)
                    + "缺少学业水平或差异率）(monitoring result incomplete: level or difference rate missing)");
        }
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        BigDecimal lowestLevel = null;
        BigDecimal highestRate = null;
        for (Map.Entry<String, Map<String, BigDecimal>> subject : subjects.entrySet()) {
            BigDecimal level = subject.getValue().get("level");
            BigDecimal rate = subject.getValue().get("differenceRate");
            lowestLevel = lowestLevel == null ? level : lowestLevel.min(level);
            highestRate = highestRate == null ? rate : highestRate.max(rate);
            String name = subjectName(subject.getKey());
            if (level.compareTo(minLevel) < 0) {
                zh.add(name + "学业水平" + roman(level) + "级，低于" + roman(minLevel) + "级");
                en.add(name + " at level " + Texts.number(level) + ", below " + Texts.number(minLevel));
            }
            if (rate.compareTo(rateBelow) >= 0) {
                zh.add(name + "校际差异率" + Texts.number(rate) + "，未低于" + Texts.number(rateBelow));
                en.add(name + " difference rate " + Texts.number(rate) + ", not below " + Texts.number(rateBelow));
            }
        }
        boolean levelsMet = lowestLevel.compareTo(minLevel) >= 0;
        // one value per item: the lowest level when a level fails, else the highest difference rate
        BigDecimal measured = levelsMet ? highestRate : lowestLevel;
        BigDecimal required = levelsMet ? rateBelow : minLevel;
        return ctx.measured(COUNTY, IndicatorCode.EQ9, zh.isEmpty(), measured, required, Severity.COUNTY_RULE,
                () -> String.join("；", zh) + " (" + String.join("; ", en) + ")",
                subjects.size() + "个监测科目，最低" + roman(lowestLevel) + "级，最高差异率" + Texts.number(highestRate));
    }

    private static String subjectName(String qualifier) {
        return qualifier.isEmpty() ? "监测科目" : qualifier;
    }

    private static String roman(BigDecimal level) {
        if (level.stripTrailingZeros().scale() <= 0 && level.signum() > 0 && level.intValue() < ROMAN.length) {
            return ROMAN[level.intValue()];
        }
        return Texts.number(level);
    }

    /**
     * SR1: the satisfaction without qualifier when reported; else the respondent-weighted mean of the groups (the
     * plain mean when a group lacks its respondent count).
     */
    private ItemResult satisfaction(CountyFigures figures) {
        CountyFigureSetKind kind = CountyFigureSetKind.SATISFACTION_SURVEY;
        BigDecimal minimum = standard.number(IndicatorCode.SR1, MINIMUM);
        Map<String, Map<String, BigDecimal>> groups = figures.byQualifier(kind);
        Fraction overall;
        if (groups.containsKey("") && groups.get("").containsKey("satisfaction")) {
            overall = Fraction.of(groups.get("").get("satisfaction"));
        } else {
            List<Map<String, BigDecimal>> rated = groups.values().stream()
                    .filter(g -> g.containsKey("satisfaction")).toList();
            if (rated.isEmpty()) {
                return ctx.notEvaluable(COUNTY, IndicatorCode.SR1, minimum,
                        CountyFigures.missing(kind, "satisfaction"));
            }
            boolean weighted = rated.stream().allMatch(g -> g.containsKey("respondents")
                    && g.get("respondents").signum() > 0);
            Fraction sum = Fraction.ZERO;
            Fraction weights = Fraction.ZERO;
            for (Map<String, BigDecimal> group : rated) {
                Fraction weight = weighted ? Fraction.of(group.get("respondents")) : Fraction.ONE;
                sum = sum.plus(Fraction.of(group.get("satisfaction")).times(weight));
                weights = weights.plus(weight);
            }
            overall = sum.dividedBy(weights);
        }
        Fraction value = overall;
        return ctx.measured(COUNTY, IndicatorCode.SR1, overall.isAtLeast(minimum), overall,
                minimum, Severity.COUNTY_RULE, () -> {
                    String points = Texts.decimal(Fraction.of(minimum).minus(value).times(100), 2);
                    return "社会认可度" + Texts.percent(value) + "，低于" + Texts.percent(minimum) + "，差 " + points
                            + " 个百分点 (satisfaction " + Texts.percent(value) + " is " + points
                            + " percentage points below " + Texts.percent(minimum) + ")";
                }, Texts.percent(overall));
    }

    /** V1–V6: declared 1 when present, 0 when absent; a missing declaration is not evaluable. */
    private ItemResult veto(CountyFigures figures, IndicatorCode veto) {
        Optional<Fraction> declared = figures.single(CountyFigureSetKind.VETO_DECLARATION, veto.code());
        if (declared.isEmpty()) {
            return ctx.notEvaluable(COUNTY, veto, BigDecimal.ZERO,
                    "尚未申报是否存在以下情形：" + veto.chineseName() + " (veto condition " + veto.code() + " not declared)");
        }
        boolean present = declared.get().signum() > 0;
        return ctx.measured(COUNTY, veto, !present, present ? BigDecimal.ONE : BigDecimal.ZERO, BigDecimal.ZERO,
                Severity.VETO,
                () -> "存在一票否决情形：" + veto.chineseName() + " (veto condition present: " + veto.englishName() + ")",
                present ? "存在" : "不存在");
    }

    // ------------------------------------------------------------------------------------------ attested items

    List<ItemResult> attested(Attestations attestations, List<SchoolInput> schools) {
        List<ItemResult> items = new ArrayList<>();
        for (IndicatorCode indicator : COUNTY_ATTESTED) {
            items.add(attestedItem(indicator, COUNTY, attestations.inForce(indicator, COUNTY)));
        }
        for (IndicatorCode indicator : SCHOOL_ATTESTED) {
            Optional<AttestationRecorded> countyWide = attestations.inForce(indicator, COUNTY);
            boolean someWithoutOwn = false;
            for (SchoolInput school : schools) {
                Subject subject = Subject.school(school.schoolCode(), school.name());
                Optional<AttestationRecorded> own = attestations.inForce(indicator, subject);
                if (own.isPresent()) {
                    items.add(attestedItem(indicator, subject, own));
                } else if (countyWide.isEmpty()) {
                    items.add(attestedItem(indicator, subject, Optional.empty()));
                } else {
                    someWithoutOwn = true;
                }
            }
            if (countyWide.isPresent() && (someWithoutOwn || schools.isEmpty())) {
                // one judgment for every school without its own: one item (and at most one finding) for the county
                items.add(attestedItem(indicator, COUNTY, countyWide));
            }
        }
        return items;
    }

    private ItemResult attestedItem(IndicatorCode indicator, Subject subject,
                                    Optional<AttestationRecorded> attestation) {
        if (attestation.isEmpty()) {
            return ctx.awaitingAttestation(subject, indicator);
        }
        AttestationRecorded a = attestation.get();
        String by = "（" + a.supervisor().name() + "，" + a.assessedOn() + "）";
        boolean met = a.verdict() == AttestationVerdict.MET;
        String gradeProblem = null;
        if (indicator == IndicatorCode.EQ6 && a.grade() != null) {
            AttestationGrade minimum = AttestationGrade.valueOf(standard.code(IndicatorCode.EQ6, MINIMUM_GRADE, null));
            if (a.grade().ordinal() > minimum.ordinal()) {
                met = false;
                gradeProblem = "评定等级为" + a.grade().label() + "，低于" + minimum.label() + " (graded "
                        + a.grade().name() + ", below " + minimum.name() + ")";
            }
        }
        String remarks = a.remarks() == null || a.remarks().isBlank() ? "" : "：" + a.remarks();
        String gap = gradeProblem != null ? "督导认定" + by + gradeProblem
                : "督导认定未达标" + by + remarks + " (supervisor judged the item unmet)";
        // an overlay may make an attested item a veto (a province making 双减 one): its "veto" parameter set to 1
        boolean veto = standard.rule(indicator).thresholds().stream().anyMatch(t -> "veto".equals(t.key())
                && t.value() != null && t.value().signum() > 0);
        return ctx.attested(subject, indicator, met, veto ? Severity.VETO : Severity.COUNTY_RULE, gap,
                "督导认定" + a.verdict().label() + by + (a.grade() == null ? "" : "，等级" + a.grade().label()));
    }
}
