package org.junheng.rectification.recognition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Person;
import org.junheng.contracts.rectification.RecognitionEvent;
import org.junheng.contracts.rectification.RecognitionEvent.Outcome;
import org.junheng.contracts.rectification.RecognitionEvent.RecognitionAtRisk;
import org.junheng.contracts.rectification.RecognitionEvent.RecognitionStageRecorded;
import org.junheng.contracts.rectification.RecognitionEvent.Stage;
import org.junheng.eventsourcing.decider.Decider;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;

/**
 * A district's road to recognition (创建进程) as decide/evolve. The office records each stage with its date and
 * document; the stages go in order — 自评 → 市级督导评估 → 申报国家认定 → 国家认定 → 动态监测 (each year) — an assessment
 * or the recognition must be passed before the next stage, and one not passed may be repeated or the road taken up
 * again from an earlier stage. After recognition, a regression the evaluation finds (动态监测) puts the recognition at
 * risk, until a later monitoring year is passed.
 */
public final class Recognition {

    public static final Decider<State, Command, RecognitionEvent> DECIDER = Decider.of(Recognition::decide,
            Recognition::evolve);

    /** Stages concluded with an outcome; the others are steps the office takes. */
    private static final Set<Stage> WITH_OUTCOME = Set.of(Stage.MUNICIPAL_ASSESSMENT, Stage.NATIONAL_RECOGNITION,
            Stage.MONITORING);
    /** Stages that rest on a document with a 文号. */
    private static final Set<Stage> WITH_DOCUMENT = Set.of(Stage.MUNICIPAL_ASSESSMENT, Stage.NATIONAL_APPLICATION,
            Stage.NATIONAL_RECOGNITION);

    public sealed interface Command {
    }

    /** The office records a stage. */
    public record RecordStage(@Nullable Stage stage, @Nullable LocalDate date, @Nullable Outcome outcome,
                              @Nullable Integer monitoringYear, @Nullable String documentNumber,
                              @Nullable String remarks, Person by, LocalDate today) implements Command {
    }

    /** The evaluation found a regression (动态监测): a finding rectified before is unmet again. */
    public record Regression(int period, UUID findingId, IndicatorCode indicator, String reason) implements Command {
    }

    /** Where the district stands: the latest stage and its outcome, every stage recorded, every risk raised. */
    public record State(String districtCode, List<RecognitionStageRecorded> history, List<RecognitionAtRisk> risks) {

        public State {
            history = List.copyOf(history);
            risks = List.copyOf(risks);
        }

        public static State none(String districtCode) {
            return new State(districtCode, List.of(), List.of());
        }

        public @Nullable RecognitionStageRecorded latest() {
            return history.isEmpty() ? null : history.get(history.size() - 1);
        }

        public @Nullable Stage stage() {
            return latest() == null ? null : latest().stage();
        }

        /** 国家认定 passed (and the monitoring that follows it). */
        public boolean recognised() {
            return history.stream().anyMatch(r -> r.stage() == Stage.NATIONAL_RECOGNITION
                    && r.outcome() == Outcome.PASSED);
        }

        /** At risk while a regression is newer than the last monitoring year passed. */
        public boolean atRisk() {
            int lastPassed = history.stream().filter(r -> r.stage() == Stage.MONITORING
                    && r.outcome() == Outcome.PASSED).mapToInt(RecognitionStageRecorded::monitoringYear).max()
                    .orElse(Integer.MIN_VALUE);
            return risks.stream().anyMatch(risk -> risk.period() > lastPassed);
        }

        @Nullable Integer lastMonitoringYear() {
            return history.stream().filter(r -> r.stage() == Stage.MONITORING)
                    .map(RecognitionStageRecorded::monitoringYear).reduce((a, b) -> b).orElse(null);
        }
    }

    private Recognition() {
    }

    public static List<RecognitionEvent> decide(State state, Command command) {
        if (command instanceof RecordStage record) {
            return List.of(record(state, record));
        }
        Regression regression = (Regression) command;
        boolean known = state.risks().stream().anyMatch(risk -> risk.findingId().equals(regression.findingId()));
        if (!state.recognised() || known) {
            return List.of(); // before recognition a regression is a finding like any other
        }
        return List.of(new RecognitionAtRisk(state.districtCode(), regression.period(), regression.findingId(),
                regression.indicator(), regression.reason()));
    }

    private static RecognitionStageRecorded record(State state, RecordStage record) {
        List<Violation> problems = new ArrayList<>();
        Stage stage = record.stage();
        if (stage == null) {
            problems.add(Violation.error("stage", null, "请选择阶段：SELF_ASSESSMENT（自评）、MUNICIPAL_ASSESSMENT（市级督导评估）、"
                    + "NATIONAL_APPLICATION（申报国家认定）、NATIONAL_RECOGNITION（国家认定）、MONITORING（动态监测） (stage required)"));
        }
        RecognitionStageRecorded latest = state.latest();
        if (record.date() == null) {
            problems.add(Violation.error("date", null, "请填写日期 (date required)"));
        } else if (record.date().isAfter(record.today()) || record.date().getYear() < 2000) {
            problems.add(Violation.error("date", record.date(), "日期须在2000年至今之间 (between 2000 and today)"));
        } else if (latest != null && record.date().isBefore(latest.date())) {
            problems.add(Violation.error("date", record.date(), "日期不能早于上一阶段（" + latest.stage().label() + "，"
                    + latest.date() + "）(not before the previous stage)"));
        }
        if (stage != null) {
            if (WITH_OUTCOME.contains(stage) && record.outcome() == null) {
                problems.add(Violation.error("outcome", null, stage.label() + "须填写结论：PASSED（通过）或 NOT_PASSED（未通过）"
                        + " (outcome required)"));
            }
            if (!WITH_OUTCOME.contains(stage) && record.outcome() != null) {
                problems.add(Violation.error("outcome", record.outcome(), stage.label() + "没有结论 (no outcome for "
                        + "this stage)"));
            }
            if (WITH_DOCUMENT.contains(stage) && (record.documentNumber() == null || record.documentNumber().isBlank())) {
                problems.add(Violation.error("documentNumber", null, stage.label() + "须填写文号 (document number "
                        + "required)"));
            }
            Integer lastYear = state.lastMonitoringYear();
            if (stage == Stage.MONITORING) {
                if (record.monitoringYear() == null) {
                    problems.add(Violation.error("monitoringYear", null, "请填写监测年度 (monitoringYear required)"));
                } else if (lastYear != null && record.monitoringYear() <= lastYear) {
                    problems.add(Violation.error("monitoringYear", record.monitoringYear(), "监测年度须晚于已记录的"
                            + lastYear + "年 (after the last year recorded)"));
                } else if (record.monitoringYear() < 2000 || record.monitoringYear() > record.today().getYear()) {
                    problems.add(Violation.error("monitoringYear", record.monitoringYear(),
                            "监测年度须在2000年至今之间 (between 2000 and this year)"));
                }
            } else if (record.monitoringYear() != null) {
                problems.add(Violation.error("monitoringYear", record.monitoringYear(),
                        "只有动态监测填写监测年度 (only for 动态监测)"));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("创建阶段记录有误 (the stage record is malformed)", problems);
        }
        if (latest != null && !allowedAfter(latest, stage)) {
            throw Refusal.conflict("stage-out-of-order", "当前阶段为“" + latest.stage().label()
                    + (latest.outcome() == null ? "" : "（" + latest.outcome().label() + "）") + "”，不能记录“"
                    + stage.label() + "” (" + stage + " cannot follow " + latest.stage() + ")");
        }
        return new RecognitionStageRecorded(state.districtCode(), stage, record.date(), record.outcome(),
                record.monitoringYear(), blankToNull(record.documentNumber()), blankToNull(record.remarks()),
                record.by());
    }

    /**
     * After a stage: the same again (a repeated assessment, the next monitoring year), or the next one — once an
     * assessment or the recognition has been passed; after one not passed, the road may be taken up again earlier.
     */
    static boolean allowedAfter(RecognitionStageRecorded latest, Stage next) {
        int from = latest.stage().ordinal();
        int to = next.ordinal();
        if (to == from) {
            return latest.stage() != Stage.NATIONAL_APPLICATION && latest.stage() != Stage.NATIONAL_RECOGNITION
                    || latest.outcome() == Outcome.NOT_PASSED;
        }
        if (latest.outcome() == Outcome.NOT_PASSED) {
            return to < from;
        }
        return to == from + 1 || (latest.stage() == Stage.MONITORING && to == from);
    }

    public static State evolve(State state, RecognitionEvent event) {
        if (event instanceof RecognitionStageRecorded recorded) {
            List<RecognitionStageRecorded> history = new ArrayList<>(state.history());
            history.add(recorded);
            return new State(state.districtCode(), history, state.risks());
        }
        List<RecognitionAtRisk> risks = new ArrayList<>(state.risks());
        risks.add((RecognitionAtRisk) event);
        return new State(state.districtCode(), state.history(), risks);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
