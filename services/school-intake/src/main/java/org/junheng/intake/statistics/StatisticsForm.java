package org.junheng.intake.statistics;

import java.util.List;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.contracts.schooldata.SchoolStatistics;
import org.junheng.contracts.schooldata.SchoolStatisticsEvent;
import org.junheng.intake.common.Rejection;

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
        SchoolProfile profile();

        SchoolStatistics statistics();

        boolean acceptWarnings();
    }

    /** {@code profile} is the school's register entry now: the figures are kept with the profile they describe. */
    public record Submit(SchoolProfile profile, SchoolStatistics statistics, boolean acceptWarnings) implements Command {
    }

    public record Correct(SchoolProfile profile, SchoolStatistics statistics, String reason, boolean acceptWarnings)
            implements Command {
    }

    private StatisticsForm() {
    }

    public static String streamId(String districtCode, String schoolCode, int period) {
        return "statistics/" + districtCode + "/" + schoolCode + "/" + period;
    }

    public static List<SchoolStatisticsEvent> decide(Command command, State state) {
        if (command.statistics() == null) {
            throw Rejection.invalid("统计数据必填 (statistics are required)",
                    List.of(Violation.error("statistics", null, "必填 (required)")));
        }
        if (command instanceof Submit submit) {
            if (state.submitted()) {
                if (state.statistics().equals(submit.statistics())) {
                    return List.of();
                }
                throw Rejection.conflict("statistics-already-submitted", "该年度统计已报送，请以更正提交并说明原因 ("
                        + state.period() + " statistics of " + state.schoolCode()
                        + " were already submitted; send a correction with If-Match and a reason)");
            }
            requireValid(submit);
            return List.of(new SchoolStatisticsEvent.SchoolStatisticsSubmitted(state.districtCode(), state.schoolCode(),
                    state.period(), submit.profile(), submit.statistics()));
        }
        Correct correct = (Correct) command;
        if (!state.submitted()) {
            throw Rejection.notFound("statistics-not-found", "该年度统计尚未报送 (no " + state.period()
                    + " statistics of " + state.schoolCode() + " to correct)");
        }
        if (correct.reason() == null || correct.reason().isBlank()) {
            throw Rejection.invalid("更正须说明原因 (a correction needs a reason)",
                    List.of(Violation.error("reason", correct.reason(), "必填 (required)")));
        }
        if (state.statistics().equals(correct.statistics())) {
            return List.of();
        }
        requireValid(correct);
        return List.of(new SchoolStatisticsEvent.SchoolStatisticsCorrected(state.districtCode(), state.schoolCode(),
                state.period(), correct.profile(), correct.statistics(), correct.reason().trim()));
    }

    public static State evolve(State state, SchoolStatisticsEvent event) {
        return new State(event.districtCode(), event.schoolCode(), event.period(),
                event instanceof SchoolStatisticsEvent.SchoolStatisticsSubmitted s ? s.profile()
                        : ((SchoolStatisticsEvent.SchoolStatisticsCorrected) event).profile(),
                event.statistics());
    }

    /** Errors always reject; warnings reject until the submitter confirms them ({@code acceptWarnings}). */
    static void requireValid(Command command) {
        List<Violation> violations = StatisticsValidator.validate(command.profile(), command.statistics());
        boolean errors = violations.stream().anyMatch(v -> v.level() == Violation.Level.ERROR);
        if (errors || (!violations.isEmpty() && !command.acceptWarnings())) {
            throw Rejection.invalid(errors ? "统计数据有误 (the statistics have errors)"
                    : "统计数据存疑，请核实后确认 (implausible values: check them and confirm with acceptWarnings)", violations);
        }
    }
}
