package org.junheng.intake.importing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent;
import org.junheng.eventsourcing.EventMetadata;
import org.junheng.eventsourcing.EventStore;
import org.junheng.eventsourcing.ExpectedVersion;
import org.junheng.eventsourcing.NewEvent;
import org.junheng.eventsourcing.StoredEvent;
import org.junheng.eventsourcing.StreamAppend;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.eventsourcing.published.PublishedEvents;
import org.junheng.intake.registry.School;
import org.junheng.intake.registry.SchoolRegistry;
import org.junheng.intake.statistics.StatisticsDesk;
import org.junheng.intake.statistics.StatisticsForm;
import org.junheng.service.documents.ImportProblem;

/**
 * Imports a district's year from a file, atomically: every school of the file is checked (well-formed cells,
 * registered and active school, name, every domain rule), and either all their events are appended in one statement
 * or nothing is stored and every problem is reported with its row and column. A school whose figures equal those on
 * record produces no event, so importing the same file twice changes nothing.
 */
@ApplicationScoped
public class ImportDesk {

    private final EventStore store;
    private final SchoolRegistry registry;

    public ImportDesk(EventStore store, SchoolRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    public record Summary(String fileName, int schools, int sections, int submitted, int corrected, int unchanged) {
    }

    /**
     * The file refused with every problem at its row and column; {@code onlyWarnings} when confirming
     * ({@code acceptWarnings}) would let it through. Nothing of the file is stored.
     */
    static Refusal rejected(List<ImportProblem> problems, boolean onlyWarnings) {
        return onlyWarnings
                ? new Refusal(Refusal.Kind.UNPROCESSABLE, "import-implausible-values",
                        "导入数据存疑，请核实后确认 (implausible values: check them, then import with acceptWarnings)",
                        ImportProblem.detail(problems), problems)
                : ImportProblem.rejected(problems);
    }

    /** @param mayImport whether the caller may import a row of this school (a school: only its own) */
    public Uni<Summary> importFile(String district, int period, byte[] content, String fileName, String reason,
                                   boolean acceptWarnings, java.util.function.Predicate<String> mayImport,
                                   EventMetadata metadata) {
        org.junheng.service.DistrictCode.require(district);
        org.junheng.service.ReportingYear.require(period);
        ImportResult result = StatisticsImport.parse(content, fileName);
        List<ImportProblem> cellProblems = result instanceof ImportResult.Rejected rejected ? rejected.problems() : List.of();
        if (!cellProblems.isEmpty() && ((ImportResult.Rejected) result).wellFormed().isEmpty()) {
            throw rejected(cellProblems, false);
        }
        ImportResult.Parsed parsed = result instanceof ImportResult.Rejected rejected
                ? new ImportResult.Parsed(rejected.wellFormed()) : (ImportResult.Parsed) result;
        Uni<List<SchoolRegistry.Entry>> schools = registry.list(district);
        Uni<List<StoredEvent>> forms = store.readStreamsWithPrefix("statistics/" + district + "/");
        return Uni.combine().all().unis(schools, forms).asTuple().flatMap(both -> {
            Map<String, School.State> register = new HashMap<>();
            both.getItem1().forEach(entry -> register.put(entry.school().schoolCode(), entry.school()));
            Map<String, Current> current = currentForms(both.getItem2(), district, period);

            List<ImportProblem> errors = new ArrayList<>(cellProblems);
            List<ImportProblem> warnings = new ArrayList<>();
            List<StreamAppend> appends = new ArrayList<>();
            int submitted = 0;
            int corrected = 0;
            int unchanged = 0;
            for (ParsedSchool school : parsed.schools()) {
                School.State registered = register.getOrDefault(school.schoolCode(),
                        School.State.initial(district, school.schoolCode()));
                CellRef codeCell = school.locate("schoolCode").orElse(firstCell(school));
                if (!mayImport.test(school.schoolCode())) {
                    errors.add(codeCell.problem("学校只能导入本校数据 (a school imports its own rows only)"));
                    continue;
                }
                if (registered.exists() && !school.schoolName().isBlank()
                        && !school.schoolName().equals(registered.profile().name())) {
                    CellRef nameCell = school.locate("schoolName").orElse(codeCell);
                    warnings.add(nameCell.problem("学校名称与名录不符，名录为 " + registered.profile().name()
                            + " (name differs from the register)"));
                }
                Current form = current.getOrDefault(school.schoolCode(), new Current(
                        StatisticsForm.State.initial(district, school.schoolCode(), period), 0));
                // the same rules as a form sent over REST, row by row
                List<SchoolStatisticsEvent> events;
                try {
                    events = StatisticsForm.decide(form.state(), StatisticsForm.submitOrCorrect(form.state(),
                            registered, school.statistics(), reason, acceptWarnings));
                } catch (Refusal refusal) {
                    if (refusal.errors().isEmpty()) {
                        errors.add(codeCell.problem(refusal.getMessage()));
                    }
                    for (Object error : refusal.errors()) {
                        Violation violation = (Violation) error;
                        CellRef cell = school.locate(violation.field()).orElse(codeCell);
                        ImportProblem problem = new ImportProblem(cell.row(), cell.column(), cell.header(),
                                violation.value() == null ? cell.value() : String.valueOf(violation.value()),
                                violation.reason());
                        (violation.level() == Violation.Level.ERROR ? errors : warnings).add(problem);
                    }
                    continue;
                }
                if (events.isEmpty()) {
                    unchanged++;
                    continue;
                }
                if (form.state().submitted()) {
                    corrected++;
                } else {
                    submitted++;
                }
                EventMetadata schoolMetadata = metadata.withSubject(district + "/" + school.schoolCode() + "/" + period);
                List<NewEvent> newEvents = events.stream().map(e -> PublishedEvents.toNewEvent(e, schoolMetadata)).toList();
                appends.add(new StreamAppend(StatisticsForm.streamId(district, school.schoolCode(), period),
                        StatisticsDesk.STREAM_TYPE, ExpectedVersion.exactly(form.version()), newEvents));
            }
            if (!errors.isEmpty() || (!warnings.isEmpty() && !acceptWarnings)) {
                List<ImportProblem> all = new ArrayList<>(errors);
                all.addAll(warnings);
                all.sort(ImportProblem.SHEET_ORDER);
                throw rejected(all, errors.isEmpty());
            }
            int sections = parsed.schools().stream().mapToInt(s -> s.statistics().sections().size()).sum();
            Summary summary = new Summary(fileName, parsed.schools().size(), sections, submitted, corrected, unchanged);
            if (appends.isEmpty()) {
                return Uni.createFrom().item(summary);
            }
            return store.append(store.pool(), appends).replaceWith(summary);
        });
    }

    private record Current(StatisticsForm.State state, long version) {
    }

    /**
     * The figures on record of a district's year, school by school in register order, for the schools
     * {@code mayImport} accepts: the rows of a pre-filled template.
     */
    public Uni<List<FilledTemplate.SchoolFigures>> onRecord(String district, int period,
                                                           java.util.function.Predicate<String> mayImport) {
        org.junheng.service.DistrictCode.require(district);
        org.junheng.service.ReportingYear.require(period);
        return Uni.combine().all().unis(registry.list(district),
                        store.readStreamsWithPrefix("statistics/" + district + "/")).asTuple()
                .map(both -> {
                    Map<String, Current> forms = currentForms(both.getItem2(), district, period);
                    List<FilledTemplate.SchoolFigures> figures = new ArrayList<>();
                    for (SchoolRegistry.Entry entry : both.getItem1()) {
                        String code = entry.school().schoolCode();
                        Current form = forms.get(code);
                        if (form != null && form.state().submitted() && mayImport.test(code)) {
                            figures.add(new FilledTemplate.SchoolFigures(code, entry.school().profile().name(),
                                    form.state().statistics()));
                        }
                    }
                    return figures;
                });
    }

    private static Map<String, Current> currentForms(List<StoredEvent> events, String district, int period) {
        Map<String, Current> forms = new HashMap<>();
        String suffix = "/" + period;
        for (StoredEvent stored : events) {
            if (!stored.streamId().endsWith(suffix)) {
                continue;
            }
            SchoolStatisticsEvent event = (SchoolStatisticsEvent) PublishedEvents.read(stored);
            Current before = forms.getOrDefault(event.schoolCode(),
                    new Current(StatisticsForm.State.initial(district, event.schoolCode(), period), 0));
            forms.put(event.schoolCode(), new Current(StatisticsForm.evolve(before.state(), event), stored.version()));
        }
        return forms;
    }

    private static CellRef firstCell(ParsedSchool school) {
        int row = school.rows().isEmpty() ? 0 : school.rows().get(0);
        return new CellRef(row, StatisticsColumn.SCHOOL_CODE.letter(), StatisticsColumn.SCHOOL_CODE.header(),
                school.schoolCode());
    }


    static void requireContent(byte[] content) {
        if (content == null || content.length == 0) {
            throw Refusal.invalid("未上传文件 (no file uploaded)", List.of(Violation.error("file", null, "必填 (required)")));
        }
    }
}
