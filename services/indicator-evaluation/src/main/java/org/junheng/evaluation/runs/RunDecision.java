package org.junheng.evaluation.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junheng.contracts.evaluation.EvaluationEvent;
import org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged;
import org.junheng.contracts.evaluation.FindingEvent;
import org.junheng.evaluation.engine.DistrictEvaluation;
import org.junheng.evaluation.engine.FindingDiff;
import org.junheng.eventsourcing.published.PublishedEvents;

/**
 * Decides what one evaluation run appends (pure): nothing when the results, the findings and the readiness are as
 * the log already states them; otherwise the run's full results (every school section, school and the county), a
 * {@link ReadinessChanged} when the flag or its reasons changed, the finding events, and
 * {@link EvaluationEvent.EvaluationCompleted} closing the run.
 */
public final class RunDecision {

    /** Values are compared numerically: 7.5 and 7.50 are the same result after a trip through the log. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (left, right) -> {
        if (left instanceof NumericNode && right instanceof NumericNode) {
            return left.decimalValue().compareTo(right.decimalValue());
        }
        return left.equals(right) ? 0 : 1;
    };

    /**
     * @param evaluationEvents the events for the district period's evaluation stream
     * @param findingEvents    the finding events, each for its own stream
     */
    public record Append(List<EvaluationEvent> evaluationEvents, List<FindingEvent> findingEvents, FindingDiff diff) {
    }

    private RunDecision() {
    }

    public static Optional<Append> decide(DistrictEvaluation evaluation, PeriodHistory history) {
        FindingDiff diff = FindingDiff.between(history.openFindings(), history.resolvedFindings(), evaluation)
                .withRegressions(history.rectifiedEarlier());
        List<EvaluationEvent> results = new ArrayList<>(evaluation.schoolSectionEvents());
        results.addAll(evaluation.schoolEvents());
        results.add(evaluation.countyEvent());
        ReadinessChanged readiness = evaluation.readinessEvent();
        boolean readinessChanged = history.lastReadiness() == null
                || history.lastReadiness().ready() != readiness.ready()
                || !sameJson(history.lastReadiness().reasons(), readiness.reasons());

        if (diff.isEmpty() && !readinessChanged && sameJson(history.lastRunResults(), results)) {
            return Optional.empty();
        }
        List<EvaluationEvent> evaluationEvents = new ArrayList<>(results);
        if (readinessChanged) {
            evaluationEvents.add(readiness);
        }
        evaluationEvents.add(evaluation.completedEvent(diff));
        return Optional.of(new Append(evaluationEvents, diff.events(), diff));
    }

    static boolean sameJson(Object left, Object right) {
        JsonNode a = PublishedEvents.JSON.valueToTree(left);
        JsonNode b = PublishedEvents.JSON.valueToTree(right);
        return a.equals(NUMBERS_BY_VALUE, b);
    }
}
