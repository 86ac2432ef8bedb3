package org.junheng.evaluation.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junheng.contracts.Department;
import org.junheng.contracts.Person;
import org.junheng.contracts.Section;
import org.junheng.contracts.schooldata.AttestationEvent.AttestationRecorded;
import org.junheng.contracts.schooldata.CountyFiguresEvent.CountyFiguresSubmitted;
import org.junheng.contracts.schooldata.Facilities;
import org.junheng.contracts.schooldata.FigureValue;
import org.junheng.contracts.schooldata.Funds;
import org.junheng.contracts.schooldata.QualificationCounts;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SectionStatistics;
import org.junheng.contracts.schooldata.Teachers;
import org.junheng.evaluation.engine.HypotheticalChange.AddFacility;
import org.junheng.evaluation.engine.HypotheticalChange.AddFunds;
import org.junheng.evaluation.engine.HypotheticalChange.AddRoom;
import org.junheng.evaluation.engine.HypotheticalChange.AddTeachers;
import org.junheng.evaluation.engine.HypotheticalChange.Attest;
import org.junheng.evaluation.engine.HypotheticalChange.ChangePupils;
import org.junheng.evaluation.engine.HypotheticalChange.SetCountyFigure;
import org.junheng.evaluation.engine.HypotheticalChange.SetLargestClassSize;
import org.junheng.evaluation.standard.Standard;

/**
 * What-if evaluation: applies hypothetical changes to a copy of the inputs and evaluates them. No side effects: the
 * inputs (immutable records) are not touched and nothing is published; the result says which findings the changes
 * would resolve and which they would cause.
 */
public final class Simulation {

    private static final Department SIMULATION = new Department("simulation", "整改模拟");
    private static final Person SIMULATED_SUPERVISOR = new Person("simulation", "模拟认定");

    private Simulation() {
    }

    public static SimulationResult run(Standard standard, DistrictInputs inputs, List<HypotheticalChange> changes) {
        DistrictEvaluation baseline = Evaluator.evaluate(standard, inputs);
        DistrictEvaluation simulated = Evaluator.evaluate(standard, apply(inputs, changes));
        Map<UUID, ItemResult> before = baseline.items().stream()
                .collect(Collectors.toMap(ItemResult::findingId, Function.identity()));
        List<ItemResult> nowMet = new ArrayList<>();
        List<ItemResult> nowUnmet = new ArrayList<>();
        for (ItemResult item : simulated.items()) {
            ItemResult old = before.get(item.findingId());
            boolean wasUnmet = old != null && old.unmet();
            if (wasUnmet && item.met()) {
                nowMet.add(item);
            } else if (!wasUnmet && item.unmet()) {
                nowUnmet.add(item);
            }
        }
        return new SimulationResult(changes, baseline, simulated, nowMet, nowUnmet);
    }

    /** The inputs with the changes applied in order. */
    public static DistrictInputs apply(DistrictInputs inputs, List<HypotheticalChange> changes) {
        DistrictInputs result = inputs;
        for (HypotheticalChange change : changes) {
            result = apply(result, change);
        }
        return result;
    }

    private static DistrictInputs apply(DistrictInputs inputs, HypotheticalChange change) {
        if (change instanceof AddFacility add) {
            return withStatistics(inputs, add.schoolCode(), s -> withFacilities(s, add.schoolCode(), add.section(),
                    f -> addToFacility(f, add.quantity(), add.amount())));
        }
        if (change instanceof AddRoom room) {
            return withStatistics(inputs, room.schoolCode(), s -> withFacilities(s, room.schoolCode(),
                    room.section(), f -> addRoom(f, room.room(), room.area())));
        }
        if (change instanceof AddTeachers add) {
            return withStatistics(inputs, add.schoolCode(), s -> withSection(s, add.schoolCode(), add.section(),
                    section -> withTeachers(section, addTeachers(section.teachers(), add.count(), add.number()))));
        }
        if (change instanceof ChangePupils pupils) {
            return withStatistics(inputs, pupils.schoolCode(), s -> withSection(s, pupils.schoolCode(),
                    pupils.section(), section -> new SectionStatistics(section.section(),
                            nonNegative(section.pupils() + pupils.delta(), "pupils"), section.classes(),
                            section.largestClassSize(), section.classSizes(), section.migrantPupils(),
                            section.inCatchmentPupils(), section.teachers(), section.facilities())));
        }
        if (change instanceof SetLargestClassSize size) {
            return withStatistics(inputs, size.schoolCode(), s -> withSection(s, size.schoolCode(), size.section(),
                    section -> new SectionStatistics(section.section(), section.pupils(), section.classes(),
                            nonNegative(size.size(), "largest class"), List.of(), section.migrantPupils(),
                            section.inCatchmentPupils(), section.teachers(), section.facilities())));
        }
        if (change instanceof AddFunds funds) {
            return withStatistics(inputs, funds.schoolCode(), s -> new SchoolStatistics(s.sections(),
                    s.seniorPupils(), s.wholeSchoolFacilities(), addFunds(s.funds(), funds), s.retentionCohort()));
        }
        if (change instanceof SetCountyFigure figure) {
            return inputs.withCountyFigures(setFigure(inputs, figure));
        }
        Attest attest = (Attest) change;
        List<AttestationRecorded> attestations = new ArrayList<>(inputs.attestations());
        // dated no earlier than any attestation of the period, and listed last: it is the one in force
        LocalDate latest = attestations.stream().map(AttestationRecorded::assessedOn)
                .max(Comparator.naturalOrder()).orElse(LocalDate.of(inputs.period(), 12, 31));
        attestations.add(new AttestationRecorded(inputs.districtCode(), inputs.period(), attest.indicator(),
                attest.subject(), attest.verdict(), attest.grade(), List.of(), SIMULATED_SUPERVISOR, latest,
                "模拟 (simulated)"));
        return inputs.withAttestations(attestations);
    }

    // ------------------------------------------------------------------------------------------ record surgery

    private static DistrictInputs withStatistics(DistrictInputs inputs, String schoolCode,
                                                 UnaryOperator<SchoolStatistics> change) {
        boolean found = false;
        List<SchoolInput> schools = new ArrayList<>();
        for (SchoolInput school : inputs.schools()) {
            if (school.schoolCode().equals(schoolCode)) {
                if (school.statistics() == null) {
                    throw new IllegalArgumentException("school " + schoolCode + " has no statistics to change");
                }
                school = new SchoolInput(school.schoolCode(), school.profile(), change.apply(school.statistics()));
                found = true;
            }
            schools.add(school);
        }
        if (!found) {
            throw new IllegalArgumentException("no school " + schoolCode + " in the district");
        }
        return inputs.withSchools(schools);
    }

    private static SchoolStatistics withSection(SchoolStatistics statistics, String schoolCode, Section section,
                                                UnaryOperator<SectionStatistics> change) {
        if (statistics.sections().stream().noneMatch(s -> s.section() == section)) {
            throw new IllegalArgumentException("school " + schoolCode + " has no section " + section);
        }
        List<SectionStatistics> sections = statistics.sections().stream()
                .map(s -> s.section() == section ? change.apply(s) : s).toList();
        return new SchoolStatistics(sections, statistics.seniorPupils(), statistics.wholeSchoolFacilities(),
                statistics.funds(), statistics.retentionCohort());
    }

    /** Whole-school facilities when the school reports them (apportioned); else the named (or only) section's. */
    private static SchoolStatistics withFacilities(SchoolStatistics statistics, String schoolCode, Section section,
                                                   UnaryOperator<Facilities> change) {
        boolean everySectionOwn = statistics.sections().stream().allMatch(s -> s.facilities() != null);
        if (!everySectionOwn && statistics.wholeSchoolFacilities() != null) {
            return new SchoolStatistics(statistics.sections(), statistics.seniorPupils(),
                    change.apply(statistics.wholeSchoolFacilities()), statistics.funds(),
                    statistics.retentionCohort());
        }
        Section target = section;
        if (target == null) {
            if (statistics.sections().size() != 1) {
                throw new IllegalArgumentException("school " + schoolCode
                        + " reports facilities per section: name the section");
            }
            target = statistics.sections().get(0).section();
        }
        return withSection(statistics, schoolCode, target, s -> {
            if (s.facilities() == null) {
                throw new IllegalArgumentException("school " + schoolCode + " reports no facilities for "
                        + s.section());
            }
            return new SectionStatistics(s.section(), s.pupils(), s.classes(), s.largestClassSize(), s.classSizes(),
                    s.migrantPupils(), s.inCatchmentPupils(), s.teachers(), change.apply(s.facilities()));
        });
    }

    private static Facilities addToFacility(Facilities f, HypotheticalChange.FacilityQuantity quantity,
                                            BigDecimal amount) {
        BigDecimal teaching = f.teachingAndAuxiliaryArea();
        BigDecimal indoor = f.indoorSportsArea();
        BigDecimal gym = f.gymnasiumArea();
        BigDecimal ground = f.sportsGroundArea();
        BigDecimal leased = f.leasedOrConvertedSportsArea();
        BigDecimal equipment = f.equipmentBookValue();
        int multimedia = f.multimediaClassrooms();
        switch (quantity) {
            case TEACHING_AND_AUXILIARY_AREA -> teaching = add(teaching, amount, "teaching area");
            case INDOOR_SPORTS_AREA -> indoor = add(indoor, amount, "indoor sports area");
            case GYMNASIUM_AREA -> gym = add(gym, amount, "gymnasium area");
            case SPORTS_GROUND_AREA -> ground = add(ground, amount, "sports ground area");
            case LEASED_OR_CONVERTED_SPORTS_AREA -> leased = add(leased, amount, "leased sports area");
            case EQUIPMENT_BOOK_VALUE -> equipment = add(equipment, amount, "equipment value");
            case MULTIMEDIA_CLASSROOMS -> multimedia = nonNegative(multimedia + amount.intValueExact(),
                    "multimedia classrooms");
            default -> throw new IllegalStateException(quantity.name());
        }
        return new Facilities(teaching, indoor, gym, ground, leased, equipment, multimedia, f.musicRoomAreas(),
                f.artRoomAreas());
    }

    private static Facilities addRoom(Facilities f, HypotheticalChange.RoomKind room, BigDecimal area) {
        if (area.signum() <= 0) {
            throw new IllegalArgumentException("a room needs a positive floor area");
        }
        List<BigDecimal> music = new ArrayList<>(f.musicRoomAreas());
        List<BigDecimal> art = new ArrayList<>(f.artRoomAreas());
        (room == HypotheticalChange.RoomKind.MUSIC ? music : art).add(area);
        return new Facilities(f.teachingAndAuxiliaryArea(), f.indoorSportsArea(), f.gymnasiumArea(),
                f.sportsGroundArea(), f.leasedOrConvertedSportsArea(), f.equipmentBookValue(),
                f.multimediaClassrooms(), music, art);
    }

    private static SectionStatistics withTeachers(SectionStatistics s, Teachers teachers) {
        return new SectionStatistics(s.section(), s.pupils(), s.classes(), s.largestClassSize(), s.classSizes(),
                s.migrantPupils(), s.inCatchmentPupils(), teachers, s.facilities());
    }

    private static Teachers addTeachers(Teachers t, HypotheticalChange.TeacherCount count, int n) {
        QualificationCounts q = t.fullTimeByQualification();
        int[] byQualification = {q.highSchoolOrBelow(), q.associate(), q.bachelor(), q.master(), q.doctorate()};
        Integer certified = t.certified();
        int key = t.countyLevelKey();
        int pe = t.physicalEducation();
        int music = t.music();
        int art = t.fineArt();
        int arts = t.integratedArts();
        int rotating = t.rotatingPhysicalEducationAndArts();
        Integer trained = t.completed360TrainingHours();
        switch (count) {
            case HIGH_SCHOOL_OR_BELOW -> byQualification[0] += n;
            case ASSOCIATE -> byQualification[1] += n;
            case BACHELOR -> byQualification[2] += n;
            case MASTER -> byQualification[3] += n;
            case DOCTORATE -> byQualification[4] += n;
            case CERTIFIED -> certified = reported(certified, "certified teachers") + n;
            case COUNTY_LEVEL_KEY -> key += n;
            case PHYSICAL_EDUCATION -> pe += n;
            case MUSIC -> music += n;
            case FINE_ART -> art += n;
            case INTEGRATED_ARTS -> arts += n;
            case ROTATING_PE_AND_ARTS -> rotating += n;
            case COMPLETED_360_HOURS -> trained = reported(trained, "trained teachers") + n;
            default -> throw new IllegalStateException(count.name());
        }
        for (int value : byQualification) {
            nonNegative(value, "teachers");
        }
        return new Teachers(new QualificationCounts(byQualification[0], byQualification[1], byQualification[2],
                byQualification[3], byQualification[4]), certified == null ? null : nonNegative(certified, "certified"),
                nonNegative(key, "key teachers"), nonNegative(pe, "PE teachers"), nonNegative(music, "music teachers"),
                nonNegative(art, "fine-art teachers"), nonNegative(arts, "arts teachers"),
                nonNegative(rotating, "rotating teachers"),
                trained == null ? null : nonNegative(trained, "trained teachers"));
    }

    private static Funds addFunds(Funds funds, AddFunds change) {
        Objects.requireNonNull(funds, "the school reports no funds");
        return switch (change.fund()) {
            case OPERATING_FUND_BUDGET -> new Funds(add(funds.operatingFundBudget(), change.yuan(), "operating"),
                    funds.teacherTrainingBudget(), funds.fundedPupils());
            case TEACHER_TRAINING_BUDGET -> new Funds(funds.operatingFundBudget(),
                    add(funds.teacherTrainingBudget(), change.yuan(), "training"), funds.fundedPupils());
        };
    }

    private static List<CountyFiguresSubmitted> setFigure(DistrictInputs inputs, SetCountyFigure change) {
        List<CountyFiguresSubmitted> sets = new ArrayList<>(inputs.countyFigures());
        CountyFiguresSubmitted current = null;
        for (CountyFiguresSubmitted set : sets) {
            if (set.kind() == change.kind() && set.districtCode().equals(inputs.districtCode())
                    && set.period() == inputs.period()) {
                current = set; // the last one is in force
            }
        }
        List<FigureValue> values = new ArrayList<>(current == null ? List.of() : current.values());
        values.removeIf(v -> v.key().equals(change.key()) && Objects.equals(v.qualifier(), change.qualifier()));
        values.add(new FigureValue(change.key(), change.qualifier(), change.value()));
        sets.add(new CountyFiguresSubmitted(inputs.districtCode(), inputs.period(), change.kind(),
                current == null ? SIMULATION : current.department(), values));
        return sets;
    }

    private static BigDecimal add(BigDecimal value, BigDecimal amount, String what) {
        BigDecimal result = reported(value, what + " budget").add(amount);
        if (result.signum() < 0) {
            throw new IllegalArgumentException(what + " would become negative");
        }
        return result;
    }

    /** An addition to a figure the school left blank has nothing to add to: it is refused, not guessed. */
    private static <T> T reported(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " not reported by the school: nothing to add to");
        }
        return value;
    }

    private static int nonNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " would become negative");
        }
        return value;
    }
}
