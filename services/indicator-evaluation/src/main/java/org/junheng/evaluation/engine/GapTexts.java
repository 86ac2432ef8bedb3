package org.junheng.evaluation.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Section;

/**
 * Gap texts of unmet items: Chinese first, English in parentheses, always with the concrete shortfall computed from
 * the pupils (teachers, rooms, m², 元 still needed), rounded up so that adding the stated amount meets the standard.
 */
final class GapTexts {

    private GapTexts() {
    }

    /** What RAk counts, for "还需 … N 名" sentences. */
    private record Noun(String chinese, String measureWord, String englishSingular, String englishPlural,
                        String englishUnit, boolean perHundredPupils) {
    }

    private static Noun noun(IndicatorCode indicator, Section section) {
        return switch (indicator) {
            case RA1 -> section == Section.P
                    ? new Noun("专科及以上学历专任教师", "名", "full-time teacher with an associate degree or above",
                    "full-time teachers with an associate degree or above", "", true)
                    : new Noun("本科及以上学历专任教师", "名", "full-time teacher with a bachelor's degree or above",
                    "full-time teachers with a bachelor's degree or above", "", true);
            case RA2 -> new Noun("县级及以上骨干教师", "名", "county-level-or-above key teacher",
                    "county-level-or-above key teachers", "", true);
            case RA3 -> new Noun("体育、艺术专任教师", "名", "PE or arts teacher", "PE and arts teachers", "", true);
            case RA4 -> new Noun("教学及辅助用房面积", "m²", "teaching and auxiliary floor area",
                    "teaching and auxiliary floor area", "m²", false);
            case RA5 -> new Noun("运动场馆面积", "m²", "sports area", "sports area", "m²", false);
            case RA6 -> new Noun("教学仪器设备值", "元", "teaching equipment value", "teaching equipment value",
                    "yuan", false);
            case RA7 -> new Noun("网络多媒体教室", "间", "networked multimedia classroom",
                    "networked multimedia classrooms", "", true);
            default -> throw new IllegalArgumentException("not a resource indicator: " + indicator.code());
        };
    }

    private static String unit(IndicatorCode indicator) {
        return switch (indicator) {
            case RA4, RA5 -> " m²";
            case RA6 -> " 元";
            default -> "";
        };
    }

    /**
     * E.g. "生均体育运动场馆面积5.20 m²，低于标准7.5 m²（为标准的69.3%）；还需运动场馆面积 5,704 m² (needs 5,704 m² more
     * sports area)". For apportioned facilities the shortfall is the section's, and the whole-school addition that
     * yields it at the section's share is added.
     */
    static String resource(ResourceValue value, Section section, int pupils, Fraction facilityShare,
                           boolean apportioned) {
        IndicatorCode indicator = value.indicator();
        Noun noun = noun(indicator, section);
        Fraction required = Fraction.of(value.required());
        Fraction deficit = required.minus(value.value()).times(pupils);
        if (noun.perHundredPupils()) {
            deficit = deficit.dividedBy(100);
        }
        BigInteger sectionShortfall = deficit.ceiling();
        String unit = unit(indicator);
        StringBuilder zh = new StringBuilder()
                .append(indicator.chineseName()).append(Texts.decimal(value.value(), 2)).append(unit)
                .append("，低于标准").append(Texts.number(value.required())).append(unit)
                .append("（为标准的").append(Texts.percent1(value.shareOfStandard())).append("）；还需")
                .append(noun.chinese()).append(' ').append(Texts.count(sectionShortfall)).append(' ')
                .append(noun.measureWord());
        String amount = Texts.count(sectionShortfall) + (noun.englishUnit().isEmpty() ? "" : " " + noun.englishUnit());
        StringBuilder en = new StringBuilder(" (needs ").append(amount).append(" more ")
                .append(sectionShortfall.equals(BigInteger.ONE) ? noun.englishSingular() : noun.englishPlural());
        boolean facility = indicator.ordinal() >= IndicatorCode.RA4.ordinal();
        if (facility && apportioned) {
            BigInteger whole = deficit.dividedBy(facilityShare).ceiling();
            zh.append("（按学段分摊口径；全校需增加 ").append(Texts.count(whole)).append(' ')
                    .append(noun.measureWord()).append('）');
            en.append(" for this section, ").append(Texts.count(whole))
                    .append(noun.englishUnit().isEmpty() ? "" : " " + noun.englishUnit())
                    .append(" for the whole school at the apportioned share");
        }
        return zh.append(en).append(')').toString();
    }

    /** RA-SCHOOL, e.g. "7项中仅5项达标（RA4、RA5未达标）…". */
    static String schoolRule(SectionResult section, int minimumMet, BigDecimal minimumShare) {
        var unmet = section.unmet();
        String codes = String.join("、", unmet.stream().map(v -> v.indicator().code()).toList());
        String zh;
        String en;
        if (section.itemsMet() < minimumMet) {
            zh = "资源配置7项中仅" + section.itemsMet() + "项达标（" + codes + "未达标），校级达标需至少" + minimumMet
                    + "项达标且未达标项不低于标准的" + Texts.percent(minimumShare);
            en = " (only " + section.itemsMet() + " of 7 resource indicators met; the school pass rule needs "
                    + minimumMet + ")";
        } else {
            ResourceValue worst = unmet.stream().min(Comparator.comparing(ResourceValue::shareOfStandard))
                    .orElseThrow();
            zh = "资源配置7项中" + section.itemsMet() + "项达标，但" + worst.indicator().code() + "仅为标准的"
                    + Texts.percent1(worst.shareOfStandard()) + "，低于" + Texts.percent(minimumShare);
            en = " (" + section.itemsMet() + " of 7 met, but " + worst.indicator().code() + " reaches only "
                    + Texts.percent1(worst.shareOfStandard()) + " of its standard, below "
                    + Texts.percent(minimumShare) + ")";
        }
        return zh + en;
    }

    /** "还需 N 名…" when a share of people must rise to a threshold: ceil(threshold × base − achieved). */
    static BigInteger peopleShort(BigDecimal threshold, long base, long achieved) {
        BigInteger needed = Fraction.of(threshold).times(base).minus(Fraction.of(achieved)).ceiling();
        return needed.max(BigInteger.ZERO);
    }

    static String plural(BigInteger n, String singular, String plural) {
        return n.equals(BigInteger.ONE) ? singular : plural;
    }
}
