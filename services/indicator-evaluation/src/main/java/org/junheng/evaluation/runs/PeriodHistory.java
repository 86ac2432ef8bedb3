package org.junheng.evaluation.runs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.PublishedEvent;
import org.junheng.contracts.evaluation.EvaluationEvent;
import org.junheng.contracts.evaluation.EvaluationEvent.EvaluationCompleted;
import org.junheng.contracts.evaluation.EvaluationEvent.ReadinessChanged;
import org.junheng.contracts.evaluation.FindingEvent;
import org.junheng.contracts.evaluation.FindingEvent.FindingResolved;
import org.junheng.contracts.evaluation.ResolutionBasis;
import org.junheng.evaluation.engine.FindingDiff;

/**
 * What the log says about one district period so far (the state the next run decides against): the results of the
 * last completed run, the readiness last published, and each finding's latest event and stream version.
 */
public final class PeriodHistory {

    /** A finding stream's latest event and version. */
    public record FindingState(FindingEvent latest, long version) {
        public boolean open() {
            return !(latest instanceof FindingResolved);
        }
    }

    private final List<EvaluationEvent> pendingRun = new ArrayList<>();
    private List<EvaluationEvent> lastRun = List.of();
    private ReadinessChanged lastReadiness;
    private long evaluationVersion;
    private final Map<UUID, FindingState> findings = new HashMap<>();
    private final Map<String, Integer> rectifiedEarlier = new HashMap<>();

    public static PeriodHistory empty() {
        return new PeriodHistory();
    }

    /** Folds one event of the evaluation stream ({@code version} is its stream version). */
    public PeriodHistory applyEvaluation(PublishedEvent event, long version) {
        evaluationVersion = version;
        if (event instanceof EvaluationCompleted) {
            lastRun = List.copyOf(pendingRun);
            pendingRun.clear();
        } else if (event instanceof ReadinessChanged readiness) {
            lastReadiness = readiness;
        } else if (event instanceof EvaluationEvent result) {
            pendingRun.add(result);
        }
        return this;
    }

    /** Folds one event of a finding stream. */
    public PeriodHistory applyFinding(FindingEvent event, long version) {
        findings.put(event.findingId(), new FindingState(event, version));
        return this;
    }

    /**
     * Folds the latest event of a finding of an earlier year: rectified (resolved by data or attestation) findings
     * make the same item's failure this year a regression.
     */
    public PeriodHistory applyEarlierFinding(FindingEvent latest) {
        if (latest instanceof FindingResolved resolved && resolved.basis() != ResolutionBasis.NO_LONGER_APPLICABLE) {
            rectifiedEarlier.merge(FindingDiff.regressionKey(latest), latest.period(), Math::max);
        } else {
            rectifiedEarlier.remove(FindingDiff.regressionKey(latest));
        }
        return this;
    }

    public Map<String, Integer> rectifiedEarlier() {
        return Map.copyOf(rectifiedEarlier);
    }

    /** The school section, school and county results of the last completed run, in the order they were appended. */
    public List<EvaluationEvent> lastRunResults() {
        return lastRun;
    }

    public @Nullable ReadinessChanged lastReadiness() {
        return lastReadiness;
    }

    /** The evaluation stream's version: 0 before the first run. */
    public long evaluationVersion() {
        return evaluationVersion;
    }

    public Map<UUID, FindingState> findings() {
        return Map.copyOf(findings);
    }

    public List<FindingEvent> openFindings() {
        return findings.values().stream().filter(FindingState::open).map(FindingState::latest).toList();
    }

    public Set<UUID> resolvedFindings() {
        return findings.entrySet().stream().filter(entry -> !entry.getValue().open()).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
