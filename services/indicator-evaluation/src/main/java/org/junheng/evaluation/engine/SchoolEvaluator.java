package org.junheng.evaluation.engine;

import static org.junheng.evaluation.standard.ThresholdKeys.*;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.LocationClass;
import org.junheng.contracts.Ownership;
import org.junheng.contracts.SchoolFlag;
import org.junheng.contracts.SchoolType;
import org.junheng.contracts.Section;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;
import org.junheng.contracts.schooldata.Facilities;
import org.junheng.contracts.schooldata.QualificationCounts;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SectionStatistics;
import org.junheng.contracts.schooldata.Teachers;
import org.junheng.evaluation.standard.Standard;

/**
 * Everything measured on one school and its sections: RA1–RA7 and RA-SCHOOL (in scope), GG5 per section, GG3, GG4,
 * GG6, GG12 and EQ4 per school, and each section's part in the county's GG13 ratio. Items of the government-guarantee and quality parts are county rules, so
 * their findings have {@link Severity#COUNTY_RULE} even when measured on a school.
 */
final class SchoolEvaluator {

    static final List<IndicatorCode> RESOURCES = List.of(IndicatorCode.RA1, IndicatorCode.RA2, IndicatorCode.RA3,
            IndicatorCode.RA4, IndicatorCode.RA5, IndicatorCode.RA6, IndicatorCode.RA7);

    /** The school's results: its in-scope sections, every item measured on it, its parts in the GG13 ratio. */
    record Result(List<SectionResult> sections, List<ItemResult> items, List<CountyCatchment.Part> catchment) {
    }

    /** The facilities a section counts: its own (share 1) or its share of the whole school's. */
    private record FacilityPart(Facilities source, Fraction share, boolean apportioned) {

        Fraction quantity(Function<Facilities, BigDecimal> field) {
            BigDecimal value = field.apply(source);
            return value == null ? Fraction.ZERO : Fraction.of(value).times(share);
        }
    }

    private final EvaluationContext ctx;
    private final Standard standard;

    SchoolEvaluator(EvaluationContext ctx) {
        this.ctx = ctx;
        this.standard = ctx.standard;
    }

    Result evaluate(SchoolInput school) {
        SchoolStatistics statistics = school.statistics();
        SchoolProfile profile = school.profile();
        Map<Section, SectionStatistics> sections = new LinkedHashMap<>();
        Set<Section> reportedTwice = EnumSet.noneOf(Section.class);
        for (SectionStatistics section : statistics.sections()) {
            if (sections.putIfAbsent(section.section(), section) != null) {
                reportedTwice.add(section.section());
            }
        }
        List<ItemResult> items = new ArrayList<>();
        List<SectionResult> sectionResults = new ArrayList<>();
        List<CountyCatchment.Part> catchment = new ArrayList<>();
        int compulsoryPupils = sections.values().stream().mapToInt(SectionStatistics::pupils).sum();
        boolean inScope = inResourceScope(profile.type(), compulsoryPupils);
        Map<Section, FacilityPart> facilities = facilities(profile.type(), statistics, sections);

        for (SectionStatistics section : sections.values()) {
            Subject subject = Subject.schoolSection(school.schoolCode(), school.name(), section.section());
            if (inScope && reportedTwice.contains(section.section())) {
                // one item per subject, so that the finding id stays unique
                items.add(ctx.notEvaluable(subject, IndicatorCode.RA_SCHOOL, null,
                        "同一学段重复填报，无法确定采用哪一行 (section reported twice: ambiguous)"));
            } else if (inScope) {
                resourceAllocation(school, section, subject, facilities.get(section.section()), compulsoryPupils,
                        sectionResults, items);
            }
            if (profile.type() != SchoolType.SPECIAL_EDUCATION) {
                items.add(classSize(subject, section));
            }
            if (catchmentUndecided(profile, section) || catchmentApplies(profile, section)) {
                catchment.add(new CountyCatchment.Part(school.schoolCode(), school.name(), section.section(),
                        section.pupils(), section.inCatchmentPupils(), catchmentUndecided(profile, section)));
            }
        }

        Subject schoolSubject = Subject.school(school.schoolCode(), school.name());
        if (profile.type() != SchoolType.SPECIAL_EDUCATION) {
            items.add(musicAndArtRooms(schoolSubject, profile, statistics, sections));
            items.add(schoolSize(schoolSubject, profile, sections, compulsoryPupils));
        }
        if (smallSchoolFundingUndecided(profile, compulsoryPupils)) {
            items.add(ctx.notEvaluable(schoolSubject, IndicatorCode.GG6, null, "学校的城乡分类尚未登记，无法确定是否按100名"
                    + "学生核定公用经费 (location class not registered: GG6 may apply to this small school)"));
        } else if (smallSchoolFundingApplies(profile, compulsoryPupils)) {
            items.add(smallSchoolFunding(schoolSubject, statistics, compulsoryPupils));
        }
        items.add(certifiedTeachers(schoolSubject, sections));
        items.add(trainingBudget(schoolSubject, statistics));
        return new Result(sectionResults, items, catchment);
    }

    /** STANDARD.md §1 scope: not special-education schools, not teaching points under 50 pupils. */
    boolean inResourceScope(SchoolType type, int compulsoryPupils) {
        if (type == SchoolType.SPECIAL_EDUCATION) {
            return false;
        }
        return type != SchoolType.TEACHING_POINT
                || compulsoryPupils >= standard.setting(TEACHING_POINT_MIN_PUPILS).intValueExact();
    }

    // ------------------------------------------------------------------------------------------ resource allocation

    private Map<Section, FacilityPart> facilities(SchoolType type, SchoolStatistics statistics,
                                                  Map<Section, SectionStatistics> sections) {
        Map<Section, FacilityPart> parts = new EnumMap<>(Section.class);
        boolean everySectionOwn = sections.values().stream().allMatch(s -> s.facilities() != null);
        Facilities whole = statistics.wholeSchoolFacilities();
        if (!everySectionOwn && whole != null) {
            Map<Section, Integer> pupils = new EnumMap<>(Section.class);
            sections.values().forEach(s -> pupils.put(s.section(), s.pupils()));
            int seniors = Math.max(0, statistics.seniorPupils());
            boolean shared = sections.size() > 1 || seniors > 0;
            try {
                FacilityApportioning.shares(standard.apportioning(), type, pupils, seniors)
                        .forEach((section, share) -> parts.put(section, new FacilityPart(whole, share, shared)));
            } catch (IllegalArgumentException noPupils) {
                // nobody to apportion to: the sections are reported as not evaluable below
            }
            return parts;
        }
        sections.values().stream().filter(s -> s.facilities() != null)
                .forEach(s -> parts.put(s.section(), new FacilityPart(s.facilities(), Fraction.ONE, false)));
        return parts;
    }

    private void resourceAllocation(SchoolInput school, SectionStatistics section, Subject subject,
                                    FacilityPart facilities, int compulsoryPupils, List<SectionResult> results,
                                    List<ItemResult> items) {
        if (section.pupils() <= 0) {
            items.add(ctx.notEvaluable(subject, IndicatorCode.RA_SCHOOL, null,
                    "在校生为0，无法计算生均指标 (no pupils: per-pupil indicators cannot be computed)"));
            return;
        }
        if (facilities == null) {
            items.add(ctx.notEvaluable(subject, IndicatorCode.RA_SCHOOL, null,
                    "缺少办学条件数据（既未分学段填报，也未填报全校数据）(facilities missing: neither per section nor "
                            + "for the whole school)"));
            return;
        }
        Section s = section.section();
        SchoolProfile profile = school.profile();
        Fraction pupils = Fraction.of(section.pupils());
        Teachers teachers = section.teachers();
        Map<IndicatorCode, Fraction> values = new EnumMap<>(IndicatorCode.class);
        values.put(IndicatorCode.RA1, perHundred(qualifiedTeachers(teachers.fullTimeByQualification(),
                standard.code(IndicatorCode.RA1, QUALIFYING_FROM, s)), pupils));
        values.put(IndicatorCode.RA2, perHundred(teachers.countyLevelKey(), pupils));
        int artsAndPe = teachers.physicalEducation() + teachers.music() + teachers.fineArt()
                + teachers.integratedArts();
        if (countsRotatingTeachers(profile, compulsoryPupils)) {
            artsAndPe += teachers.rotatingPhysicalEducationAndArts();
        }
        values.put(IndicatorCode.RA3, perHundred(artsAndPe, pupils));
        values.put(IndicatorCode.RA4, facilities.quantity(Facilities::teachingAndAuxiliaryArea)
                .minus(facilities.quantity(Facilities::indoorSportsArea)).dividedBy(pupils));
        Fraction sports = facilities.quantity(Facilities::gymnasiumArea)
                .plus(facilities.quantity(Facilities::sportsGroundArea));
        if (profile.flags().contains(SchoolFlag.DENSE_CITY_CORE)) {
            sports = sports.plus(facilities.quantity(Facilities::leasedOrConvertedSportsArea));
        }
        values.put(IndicatorCode.RA5, sports.dividedBy(pupils));
        values.put(IndicatorCode.RA6, facilities.quantity(Facilities::equipmentBookValue).dividedBy(pupils));
        values.put(IndicatorCode.RA7, Fraction.of(facilities.source().multimediaClassrooms())
                .times(facilities.share()).times(100).dividedBy(pupils));

        Map<IndicatorCode, ResourceValue> resources = new EnumMap<>(IndicatorCode.class);
        values.forEach((indicator, value) -> {
            BigDecimal required = standard.number(indicator, MINIMUM, s);
            resources.put(indicator, new ResourceValue(indicator, value, required, value.isAtLeast(required)));
        });
        int minimumMet = standard.number(IndicatorCode.RA_SCHOOL, MINIMUM_MET).intValueExact();
        BigDecimal minimumShare = standard.number(IndicatorCode.RA_SCHOOL, UNMET_MINIMUM_SHARE_OF_STANDARD);
        int met = (int) resources.values().stream().filter(ResourceValue::met).count();
        boolean passes = met >= minimumMet && resources.values().stream()
                .filter(v -> !v.met())
                .allMatch(v -> v.value().isAtLeast(Fraction.of(minimumShare).times(Fraction.of(v.required()))));
        SectionResult result = new SectionResult(school.schoolCode(), school.name(), profile.type(), s,
                section.pupils(), facilities.apportioned(), facilities.share(), resources, met, passes);
        results.add(result);

        Severity severity = passes ? Severity.UNMET_SCHOOL_STILL_PASSES : Severity.BREAKS_SCHOOL_PASS_RULE;
        for (ResourceValue value : resources.values()) {
            items.add(ctx.measured(subject, value.indicator(), value.met(), value.reported(), value.value().toString(),
                    value.required(),
                    severity, () -> GapTexts.resource(value, s, section.pupils(), facilities.share(),
                            facilities.apportioned()),
                    ""));
        }
        // the rule has two parts (at least 6 met, the rest at 85% of their standard): no single required number
        items.add(ctx.measured(subject, IndicatorCode.RA_SCHOOL, passes, BigDecimal.valueOf(met),
                null, Severity.BREAKS_SCHOOL_PASS_RULE,
                () -> GapTexts.schoolRule(result, minimumMet, minimumShare),
                "7项中" + met + "项达标 (" + met + " of 7 met)"));
    }

    /** RA3 counts rotating, part-time and itinerant teachers only at flagged rural small schools of 50–99 pupils. */
    private boolean countsRotatingTeachers(SchoolProfile profile, int compulsoryPupils) {
        if (!profile.flags().contains(SchoolFlag.RURAL_SMALL_SCHOOL)) {
            return false;
        }
        int from = standard.number(IndicatorCode.RA3, RURAL_SMALL_SCHOOL_MIN_PUPILS).intValueExact();
        int to = standard.number(IndicatorCode.RA3, RURAL_SMALL_SCHOOL_MAX_PUPILS).intValueExact();
        return compulsoryPupils >= from && compulsoryPupils <= to;
    }

    /** Full-time teachers at or above a qualification: P counts 专科 and above, J 本科 and above (data). */
    static int qualifiedTeachers(QualificationCounts counts, String qualifyingFrom) {
        return switch (qualifyingFrom) {
            case "HIGH_SCHOOL_OR_BELOW" -> counts.total();
            case "ASSOCIATE" -> counts.associate() + counts.bachelor() + counts.master() + counts.doctorate();
            case "BACHELOR" -> counts.bachelor() + counts.master() + counts.doctorate();
            case "MASTER" -> counts.master() + counts.doctorate();
            case "DOCTORATE" -> counts.doctorate();
            default -> throw new IllegalArgumentException("unknown qualification in the standard: " + qualifyingFrom);
        };
    }

    private static Fraction perHundred(int count, Fraction pupils) {
        return Fraction.of(count).times(100).dividedBy(pupils);
    }

    // ------------------------------------------------------------------------------------------ per-section items

    /** GG5: the largest class (the larger of the reported maximum and the class-size list) within the cap. */
    private ItemResult classSize(Subject subject, SectionStatistics section) {
        BigDecimal cap = standard.number(IndicatorCode.GG5, MAX_CLASS_SIZE, section.section());
        int largest = section.classSizes().stream().mapToInt(Integer::intValue)
                .reduce(section.largestClassSize(), Math::max);
        int capValue = cap.intValueExact();
        return ctx.measured(subject, IndicatorCode.GG5, largest <= capValue, BigDecimal.valueOf(largest), cap,
                Severity.COUNTY_RULE, () -> {
                    String zh = "最大班额" + largest + "人，超过上限" + capValue + "人";
                    String en = "largest class " + largest + ", over the cap of " + capValue;
                    List<Integer> over = section.classSizes().stream().filter(size -> size > capValue).toList();
                    if (!over.isEmpty()) {
                        int excess = over.stream().mapToInt(size -> size - capValue).sum();
                        zh += "；" + over.size() + "个班超过" + capValue + "人，共需分流 " + Texts.count(excess) + " 人";
                        en += "; " + over.size() + (over.size() == 1 ? " class" : " classes") + " over the cap, "
                                + Texts.count(excess) + " pupils to move";
                    } else {
                        zh += "，最大班须减少 " + (largest - capValue) + " 人";
                        en += "; the largest class needs " + (largest - capValue) + " fewer pupils";
                    }
                    return zh + " (" + en + ")";
                }, "最大班额" + largest + "人 (largest class " + largest + ")");
    }

    /** Whether GG13 would apply if the school's location class and ownership were known (they may follow later). */
    private static boolean catchmentUndecided(SchoolProfile profile, SectionStatistics section) {
        return (profile.locationClass() == null || profile.ownership() == null) && !profile.boarding()
                && profile.type() != SchoolType.SPECIAL_EDUCATION && section.pupils() > 0
                && profile.locationClass() != LocationClass.RURAL && profile.ownership() != Ownership.PRIVATE;
    }

    /** GG13 applies to urban and town public non-boarding schools' sections with pupils. */
    private static boolean catchmentApplies(SchoolProfile profile, SectionStatistics section) {
        return (profile.locationClass() == LocationClass.URBAN || profile.locationClass() == LocationClass.TOWN)
                && profile.ownership() == Ownership.PUBLIC
                && !profile.boarding()
                && profile.type() != SchoolType.SPECIAL_EDUCATION
                && section.pupils() > 0;
    }

    // ------------------------------------------------------------------------------------------ per-school items

    /**
     * GG3: music and art rooms meeting the floor area, each at least ceil(classes/12). The floor is the most lenient
     * one the school qualifies for: national 96/90 m²; built in or before 2016: 73/67; flagged rural small schools
     * whose largest class is under 30: the section floor (P 54, J 61; P when the school has a primary section).
     * Whole-school rooms count against all compulsory classes of the school.
     */
    private ItemResult musicAndArtRooms(Subject subject, SchoolProfile profile, SchoolStatistics statistics,
                                        Map<Section, SectionStatistics> sections) {
        List<Facilities> sources = new ArrayList<>();
        if (sections.values().stream().allMatch(s -> s.facilities() != null) && !sections.isEmpty()) {
            sections.values().forEach(s -> sources.add(s.facilities()));
        } else if (statistics.wholeSchoolFacilities() != null) {
            sources.add(statistics.wholeSchoolFacilities());
        } else {
            return ctx.notEvaluable(subject, IndicatorCode.GG3, null,
                    "缺少专用教室数据 (music and art rooms not reported)");
        }
        BigDecimal musicFloor = standard.number(IndicatorCode.GG3, MUSIC_ROOM_MIN_AREA);
        BigDecimal artFloor = standard.number(IndicatorCode.GG3, ART_ROOM_MIN_AREA);
        // a school whose year built is not registered gets the general floors (the relaxed ones are for older schools)
        if (profile.yearBuilt() != null
                && profile.yearBuilt() <= standard.number(IndicatorCode.GG3, RELAXED_BUILT_UP_TO_YEAR).intValueExact()) {
            musicFloor = musicFloor.min(standard.number(IndicatorCode.GG3, RELAXED_MUSIC_ROOM_MIN_AREA));
            artFloor = artFloor.min(standard.number(IndicatorCode.GG3, RELAXED_ART_ROOM_MIN_AREA));
        }
        int largestClass = sections.values().stream()
                .mapToInt(s -> s.classSizes().stream().mapToInt(Integer::intValue).reduce(s.largestClassSize(),
                        Math::max))
                .max().orElse(0);
        if (profile.flags().contains(SchoolFlag.RURAL_SMALL_SCHOOL) && largestClass
                < standard.number(IndicatorCode.GG3, RURAL_SMALL_LARGEST_CLASS_BELOW).intValueExact()) {
            Section floorSection = sections.containsKey(Section.P) ? Section.P : Section.J;
            BigDecimal ruralFloor = standard.number(IndicatorCode.GG3, RURAL_SMALL_ROOM_MIN_AREA, floorSection);
            musicFloor = musicFloor.min(ruralFloor);
            artFloor = artFloor.min(ruralFloor);
        }
        BigDecimal music = musicFloor;
        BigDecimal art = artFloor;
        long musicRooms = sources.stream().flatMap(f -> f.musicRoomAreas().stream())
                .filter(area -> area.compareTo(music) >= 0).count();
        long artRooms = sources.stream().flatMap(f -> f.artRoomAreas().stream())
                .filter(area -> area.compareTo(art) >= 0).count();
        int classes = sections.values().stream().mapToInt(SectionStatistics::classes).sum();
        int perRoom = standard.number(IndicatorCode.GG3, CLASSES_PER_ROOM).intValueExact();
        long needed = (classes + perRoom - 1) / perRoom;
        boolean met = musicRooms >= needed && artRooms >= needed;
        return ctx.measured(subject, IndicatorCode.GG3, met, BigDecimal.valueOf(Math.min(musicRooms, artRooms)),
                BigDecimal.valueOf(needed), Severity.COUNTY_RULE, () -> {
                    long musicShort = Math.max(0, needed - musicRooms);
                    long artShort = Math.max(0, needed - artRooms);
                    return classes + "个班需音乐、美术专用教室各" + needed + "间；达到面积下限（音乐" + Texts.number(music)
                            + " m²、美术" + Texts.number(art) + " m²）的音乐教室" + musicRooms + "间、美术教室" + artRooms
                            + "间；还需音乐专用教室 " + musicShort + " 间、美术专用教室 " + artShort + " 间 (needs "
                            + musicShort + " more music " + (musicShort == 1 ? "room" : "rooms") + " of at least "
                            + Texts.number(music) + " m² and " + artShort + " more art "
                            + (artShort == 1 ? "room" : "rooms") + " of at least " + Texts.number(art) + " m² for "
                            + classes + " classes)";
                }, "音乐" + musicRooms + "间、美术" + artRooms + "间，需各" + needed + "间 (music " + musicRooms
                        + ", art " + artRooms + ", needed " + needed + " each)");
    }

    /**
     * GG4: compulsory-stage pupils within the cap; 九年/十二年一贯制 have the larger cap; schools built in or before
     * 2010 or with more than 50% migrant pupils the relaxed caps (convention).
     */
    private ItemResult schoolSize(Subject subject, SchoolProfile profile, Map<Section, SectionStatistics> sections,
                                  int compulsoryPupils) {
        boolean oneThrough = profile.type() == SchoolType.NINE_YEAR || profile.type() == SchoolType.TWELVE_YEAR;
        int migrants = sections.values().stream().mapToInt(SectionStatistics::migrantPupils).sum();
        boolean old = profile.yearBuilt() != null && profile.yearBuilt()
                <= standard.number(IndicatorCode.GG4, RELAXED_BUILT_UP_TO_YEAR).intValueExact();
        boolean migrantMajority = compulsoryPupils > 0 && Fraction.ratio(migrants, compulsoryPupils)
                .compareTo(Fraction.of(standard.number(IndicatorCode.GG4, RELAXED_MIGRANT_SHARE_ABOVE))) > 0;
        String key = (old || migrantMajority)
                ? (oneThrough ? RELAXED_MAX_PUPILS_ONE_THROUGH : RELAXED_MAX_PUPILS)
                : (oneThrough ? MAX_PUPILS_ONE_THROUGH : MAX_PUPILS);
        BigDecimal cap = standard.number(IndicatorCode.GG4, key);
        // without the year built, a school over the general cap but within the relaxed one cannot be judged
        BigDecimal relaxedCap = standard.number(IndicatorCode.GG4, oneThrough ? RELAXED_MAX_PUPILS_ONE_THROUGH
                : RELAXED_MAX_PUPILS);
        if (profile.yearBuilt() == null && !migrantMajority && cap.compareTo(BigDecimal.valueOf(compulsoryPupils)) < 0
                && relaxedCap.compareTo(BigDecimal.valueOf(compulsoryPupils)) >= 0) {
            return ctx.notEvaluable(subject, IndicatorCode.GG4, cap, "学校规模" + Texts.count(compulsoryPupils)
                    + "人，超过一般上限" + Texts.number(cap) + "人但未超过2010年前建成学校的放宽上限" + Texts.number(relaxedCap)
                    + "人；建校年份尚未登记，无法判断 (over the general cap, within the relaxed one: register the year built)");
        }
        // which cap applies, and why: people check a school against the number they know
        String which = profile.type().label() + (old ? "（" + profile.yearBuilt() + "年建成，适用放宽上限）"
                : migrantMajority ? "（随迁子女过半，适用放宽上限）" : "");
        String whichEnglish = profile.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " school"
                + (old ? ", built " + profile.yearBuilt() + ": relaxed cap" : migrantMajority
                ? ", migrant majority: relaxed cap" : "");
        return ctx.measured(subject, IndicatorCode.GG4, cap.compareTo(BigDecimal.valueOf(compulsoryPupils)) >= 0,
                BigDecimal.valueOf(compulsoryPupils), cap, Severity.COUNTY_RULE, () -> {
                    String over = Texts.count(compulsoryPupils - cap.longValueExact());
                    return "学校规模" + Texts.count(compulsoryPupils) + "人，超过" + which + "上限" + Texts.number(cap)
                            + "人，需减少 " + over + " 人 (" + Texts.count(compulsoryPupils) + " compulsory-stage pupils, "
                            + over + " over the cap of " + Texts.number(cap) + " for a " + whichEnglish + ")";
                }, "义务教育阶段在校生" + Texts.count(compulsoryPupils) + "人，" + which + "上限" + Texts.number(cap) + "人");
    }

    /** A small primary school whose location class is not registered: GG6 may apply. */
    private boolean smallSchoolFundingUndecided(SchoolProfile profile, int compulsoryPupils) {
        return profile.type() == SchoolType.PRIMARY && profile.locationClass() == null && compulsoryPupils
                < standard.number(IndicatorCode.GG6, SMALL_SCHOOL_PUPILS_BELOW).intValueExact();
    }

    /** GG6 applies to teaching points and rural primary schools (村小学) under 100 pupils. */
    private boolean smallSchoolFundingApplies(SchoolProfile profile, int compulsoryPupils) {
        boolean village = profile.type() == SchoolType.TEACHING_POINT
                || (profile.type() == SchoolType.PRIMARY && profile.locationClass() == LocationClass.RURAL);
        return village && compulsoryPupils
                < standard.number(IndicatorCode.GG6, SMALL_SCHOOL_PUPILS_BELOW).intValueExact();
    }

    private ItemResult smallSchoolFunding(Subject subject, SchoolStatistics statistics, int compulsoryPupils) {
        BigDecimal minimum = standard.number(IndicatorCode.GG6, MINIMUM_FUNDED_PUPILS);
        Integer funded = statistics.funds() == null ? null : statistics.funds().fundedPupils();
        if (funded == null) {
            return ctx.notEvaluable(subject, IndicatorCode.GG6, minimum,
                    "未填报核定公用经费学生数（在校生" + compulsoryPupils + "人）(funded pupils not reported)");
        }
        return ctx.measured(subject, IndicatorCode.GG6, minimum.compareTo(BigDecimal.valueOf(funded)) <= 0,
                BigDecimal.valueOf(funded), minimum, Severity.COUNTY_RULE, () -> {
                    long missing = minimum.longValueExact() - funded;
                    return "核定公用经费学生数" + funded + "人，低于" + Texts.number(minimum) + "人；还需按 " + missing
                            + " 名学生补足公用经费 (operating funds cover " + funded + " pupils; " + missing
                            + " more must be funded to reach " + Texts.number(minimum) + ")";
                }, "在校生" + compulsoryPupils + "人，核定" + funded + "人");
    }

    /** GG12 per school: certified ÷ full-time teachers of all its sections. */
    private ItemResult certifiedTeachers(Subject subject, Map<Section, SectionStatistics> sections) {
        BigDecimal minimum = standard.number(IndicatorCode.GG12, MINIMUM);
        int teachers = sections.values().stream()
                .mapToInt(s -> s.teachers().fullTimeByQualification().total()).sum();
        if (sections.values().stream().anyMatch(s -> s.teachers().certified() == null)) {
            return ctx.notEvaluable(subject, IndicatorCode.GG12, minimum,
                    "未填报持教师资格证专任教师数 (certified teachers not reported)");
        }
        int certified = sections.values().stream().mapToInt(s -> s.teachers().certified()).sum();
        if (teachers <= 0) {
            return ctx.notEvaluable(subject, IndicatorCode.GG12, minimum,
                    "未填报专任教师 (no full-time teachers reported)");
        }
        Fraction share = Fraction.ratio(certified, teachers);
        return ctx.measured(subject, IndicatorCode.GG12, share.isAtLeast(minimum), share,
                minimum, Severity.COUNTY_RULE, () -> {
                    BigInteger short_ = GapTexts.peopleShort(minimum, teachers, certified);
                    return "专任教师持证上岗率" + Texts.percent(share) + "（" + certified + "/" + teachers + "），低于"
                            + Texts.percent(minimum) + "；还需 " + Texts.count(short_) + " 名专任教师取得教师资格证 (needs "
                            + Texts.count(short_) + " more certified "
                            + GapTexts.plural(short_, "teacher", "teachers") + ")";
                }, certified + "/" + teachers);
    }

    /** EQ4: teacher-training budget ÷ operating-fund budget. */
    private ItemResult trainingBudget(Subject subject, SchoolStatistics statistics) {
        BigDecimal minimum = standard.number(IndicatorCode.EQ4, MINIMUM);
        if (statistics.funds() == null || statistics.funds().operatingFundBudget() == null
                || statistics.funds().teacherTrainingBudget() == null
                || statistics.funds().operatingFundBudget().signum() <= 0) {
            return ctx.notEvaluable(subject, IndicatorCode.EQ4, minimum,
                    "未填报公用经费预算或教师培训经费 (operating or training budget not reported)");
        }
        Fraction operating = Fraction.of(statistics.funds().operatingFundBudget());
        Fraction training = Fraction.of(statistics.funds().teacherTrainingBudget());
        Fraction share = training.dividedBy(operating);
        return ctx.measured(subject, IndicatorCode.EQ4, share.isAtLeast(minimum), share,
                minimum, Severity.COUNTY_RULE, () -> {
                    BigInteger yuan = Fraction.of(minimum).times(operating).minus(training).ceiling();
                    return "教师培训经费" + Texts.decimal(training, 0) + "元，占公用经费预算" + Texts.decimal(operating, 0)
                            + "元的" + Texts.percent(share) + "，低于" + Texts.percent(minimum) + "；还需增加培训经费 "
                            + Texts.count(yuan) + " 元 (needs " + Texts.count(yuan)
                            + " yuan more teacher-training budget)";
                }, Texts.percent(share));
    }
}
