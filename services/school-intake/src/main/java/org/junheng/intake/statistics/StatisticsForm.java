package org.junheng.intake.statistics;

import java.util.List;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent;
import org.junheng.eventsourcing.decider.Decider;
import org.junheng.eventsourcing.decider.Refusal;
import org.junheng.eventsourcing.decider.Violation;
import org.junheng.intake.registry.School;

/**
 * A school's statistics of one reporting year: submitted once, then only corrected, with a reason, so the history of
 * every figure stays auditable (防止弄虚作假). Repeating a submission or a correction with the same figures changes
 * nothing.
 */
public final class StatisticsForm {

    public record State(String districtCode, String schoolCode, int period, SchoolProfile profile,
                        SchoolStatistics statistics) {
        public static State initial(String districtCode, String schoolCode, int period) {
            return new State(districtCode, schoolCode, period, null, null);
        }

        public boolean submitted() {
            return statistics != null;
        }
    }

    public sealed interface Command permits Submit, Correct {
        /** The school's register entry now: the figures are kept with the profile they describe. */
        School.State school();

        SchoolStatistics statistics();

        boolean acceptWarnings();
    }

    public record Submit(School.State school, SchoolStatistics statistics, boolean acceptWarnings) implements Command {
    }

    public record Correct(School.State school, SchoolStatistics statistics, String reason, boolean acceptWarnings)
            implements Command {
    }

    /** A first submission, or a correction of a form already submitted (which then needs a reason). */
    public static Command submitOrCorrect(State state, School.State school, SchoolStatistics statistics, String reason,
                                          boolean acceptWarnings) {
        return state.submitted() ? new Correct(school, statistics, reason, acceptWarnings)
                : new Submit(school, statistics, acceptWarnings);
    }

    public static final Decider<State, Command, SchoolStatisticsEvent> DECIDER =
            Decider.of(StatisticsForm::decide, StatisticsForm::evolve);

    private StatisticsForm() {
    }

    public static String streamId(String districtCode, String schoolCode, int period) {
        return "statistics/" + districtCode + "/" + schoolCode + "/" + period;
    }

    /**
     * The rules of a form, whichever way it arrives (the REST form or a row of an imported file): the school must be
     * registered; a school closed or merged submits no new form but may still correct one; a correction needs a
     * reason unless it changes nothing.
     */
    public static List<SchoolStatisticsEvent> decide(State state, Command command) {
        if (command.statistics() == null) {
            throw Refusal.invalid("统计数据必填 (statistics are required)",
                    List.of(Violation.error("statistics", null, "必填 (required)")));
        }
        School.requireRegistered(command.school());
        if (command instanceof Submit submit) {
            if (state.submitted()) {
                if (state.statistics().equals(submit.statistics())) {
                    return List.of();
                }
                throw Refusal.conflict("statistics-already-submitted", "该年度统计已报送，请以更正提交并说明原因 ("
                        + state.period() + " statistics of " + state.schoolCode()
                        + " were already submitted; send a correction with If-Match and a reason)");
            }
            if (command.school().status() != School.Status.ACTIVE) {
                throw Refusal.conflict("school-not-active", "学校已撤销或合并，不再报送 (school " + state.schoolCode()
                        + " is " + command.school().status().name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
            requireValid(submit);
            return List.of(new SchoolStatisticsEvent.SchoolStatisticsSubmitted(state.districtCode(), state.schoolCode(),
                    state.period(), submit.school().profile(), submit.statistics()));
        }
        Correct correct = (Correct) command;
        if (!state.submitted()) {
            throw Refusal.notFound("statistics-not-found", "该年度统计尚未报送 (no " + state.period()
                    + " statistics of " + state.schoolCode() + " to correct)");
        }
        if (state.statistics().equals(correct.statistics())) {
            return List.of();
        }
        if (correct.reason() == null || correct.reason().isBlank()) {
            throw Refusal.invalid("更正须说明原因 (a correction needs a reason)", List.of(Violation.error("reason",
                    correct.reason(), "本年度统计已报送，更正须填写更正原因 (already submitted: a correction needs a reason)")));
        }
        requireValid(correct);
        return List.of(new SchoolStatisticsEvent.SchoolStatisticsCorrected(state.districtCode(), state.schoolCode(),
                state.period(), correct.school().profile(), correct.statistics(), correct.reason().trim()));
    }

    public static State evolve(State state, SchoolStatisticsEvent event) {
        return new State(event.districtCode(), event.schoolCode(), event.period(),
                event instanceof SchoolStatisticsEvent.SchoolStatisticsSubmitted s ? s.profile()
                        : ((SchoolStatisticsEvent.SchoolStatisticsCorrected) event).profile(),
                event.statistics());
    }

    /** Errors always reject; warnings reject until the submitter confirms them ({@code acceptWarnings}). */
    static void requireValid(Command command) {
        List<Violation> violations = StatisticsValidator.validate(command.school().profile(), command.statistics());
        boolean errors = violations.stream().anyMatch(v -> v.level() == Violation.Level.ERROR);
        if (errors || (!violations.isEmpty() && !command.acceptWarnings())) {
            throw Refusal.invalid(errors ? "统计数据有误 (the statistics have errors)"
                    : "统计数据存疑，请核实后确认 (implausible values: check them and confirm with acceptWarnings)", violations);
        }
    }
}
