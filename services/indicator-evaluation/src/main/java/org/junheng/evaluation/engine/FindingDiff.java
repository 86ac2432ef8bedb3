package org.junheng.evaluation.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junheng.contracts.SubjectLevel;
import org.junheng.contracts.evaluation.FindingEvent.FindingRaised;
import org.junheng.contracts.evaluation.FindingEvent.FindingReopened;
import org.junheng.contracts.evaluation.FindingEvent.FindingResolved;
import org.junheng.contracts.evaluation.FindingEvent;
import org.junheng.contracts.evaluation.ResolutionBasis;

/**
 * What a new evaluation changes about the findings of its district period (decide step of the finding streams):
 * <ul>
 *   <li>unmet and never seen → {@link FindingRaised};</li>
 *   <li>unmet and resolved before → {@link FindingReopened} (same id);</li>
 *   <li>open before and now met → {@link FindingResolved} by {@link ResolutionBasis#DATA} or
 *   {@link ResolutionBasis#ATTESTATION}; open before and no longer measured (school gone, item no longer applies) →
 *   {@link ResolutionBasis#NO_LONGER_APPLICABLE};</li>
 *   <li>open and still unmet, or now not evaluable, or its school has not reported yet → nothing.</li>
 * </ul>
 * Re-evaluating unchanged data therefore emits nothing.
 */
public record FindingDiff(List<FindingRaised> raised, List<FindingReopened> reopened,
                          List<FindingResolved> resolved) {

    public FindingDiff {
        raised = List.copyOf(raised);
        reopened = List.copyOf(reopened);
        resolved = List.copyOf(resolved);
    }

    /** A first evaluation or one without resolved findings. */
    public static FindingDiff between(Collection<? extends FindingEvent> previouslyOpen,
                                      DistrictEvaluation evaluation) {
        return between(previouslyOpen, Set.of(), evaluation);
    }

    /**
     * @param previouslyOpen     the open findings as last raised or reopened ({@link FindingRaised} or
     *                           {@link FindingReopened}); findings of other districts or periods are ignored
     * @param previouslyResolved ids of findings of the period resolved before
     */
    public static FindingDiff between(Collection<? extends FindingEvent> previouslyOpen, Set<UUID> previouslyResolved,
                                      DistrictEvaluation evaluation) {
        Map<UUID, FindingEvent> open = new LinkedHashMap<>();
        for (FindingEvent finding : previouslyOpen) {
            if (finding instanceof FindingResolved) {
                throw new IllegalArgumentException("a resolved finding is not open: " + finding.findingId());
            }
            if (finding.districtCode().equals(evaluation.districtCode()) && finding.period() == evaluation.period()) {
                open.put(finding.findingId(), finding);
            }
        }
        Map<UUID, ItemResult> items = new HashMap<>();
        evaluation.items().forEach(item -> items.put(item.findingId(), item));

        List<FindingRaised> raised = new ArrayList<>();
        List<FindingReopened> reopened = new ArrayList<>();
        for (FindingRaised finding : evaluation.findings()) {
            if (open.containsKey(finding.findingId())) {
                continue;
            }
            if (previouslyResolved.contains(finding.findingId())) {
                boolean attested = items.get(finding.findingId()).attested();
                reopened.add(new FindingReopened(finding.findingId(), finding.districtCode(), finding.period(),
                        finding.subject(), finding.indicator(), finding.measured(), finding.required(), finding.gap(),
                        finding.severity(), finding.standardVersion(), attested
                        ? "督导重新认定为未达标 (a new attestation judges the item unmet)"
                        : "复核数据再次未达标 (the corrected data no longer meet the standard)",
                        finding.measuredExact()));
            } else {
                raised.add(finding);
            }
        }

        List<FindingResolved> resolved = new ArrayList<>();
        for (FindingEvent finding : open.values()) {
            ItemResult item = items.get(finding.findingId());
            if (item != null && item.outcome() == Outcome.NOT_APPLICABLE) {
                resolved.add(new FindingResolved(finding.findingId(), evaluation.districtCode(),
                        evaluation.period(), finding.subject(), finding.indicator(),
                        ResolutionBasis.NO_LONGER_APPLICABLE, null, null, evaluation.standardVersion()));
            } else if (item == null) {
                boolean awaitingReport = finding.subject().level() != SubjectLevel.COUNTY
                        && evaluation.schoolsNotEvaluated().contains(finding.subject().schoolCode());
                if (!awaitingReport) {
                    resolved.add(new FindingResolved(finding.findingId(), evaluation.districtCode(),
                            evaluation.period(), finding.subject(), finding.indicator(),
                            ResolutionBasis.NO_LONGER_APPLICABLE, null, null, evaluation.standardVersion()));
                }
            } else if (item.met()) {
                resolved.add(item.attested()
                        ? new FindingResolved(item.findingId(), evaluation.districtCode(), evaluation.period(),
                        item.subject(), item.indicator(), ResolutionBasis.ATTESTATION, null, null,
                        evaluation.standardVersion())
                        : new FindingResolved(item.findingId(), evaluation.districtCode(), evaluation.period(),
                        item.subject(), item.indicator(), ResolutionBasis.DATA, item.measured(), item.required(),
                        evaluation.standardVersion(), item.measuredExact()));
            }
        }
        return new FindingDiff(raised, reopened, resolved);
    }

    /**
     * Dynamic monitoring (三年动态监测): an item whose finding of an earlier year was rectified (resolved by data or
     * attestation) and that is unmet again is a regression. Its finding of this year is new (ids are per year), and it
     * starts as {@link FindingReopened}, so rectification and notices treat it as a regression, not a first finding.
     *
     * @param rectifiedEarlier year of the rectified earlier finding per {@link #regressionKey subject and indicator}
     */
    public FindingDiff withRegressions(Map<String, Integer> rectifiedEarlier) {
        if (rectifiedEarlier.isEmpty()) {
            return this;
        }
        List<FindingRaised> stillRaised = new ArrayList<>();
        List<FindingReopened> allReopened = new ArrayList<>(reopened);
        for (FindingRaised finding : raised) {
            Integer year = rectifiedEarlier.get(regressionKey(finding));
            if (year == null) {
                stillRaised.add(finding);
            } else {
                allReopened.add(new FindingReopened(finding.findingId(), finding.districtCode(), finding.period(),
                        finding.subject(), finding.indicator(), finding.measured(), finding.required(), finding.gap(),
                        finding.severity(), finding.standardVersion(), FindingReopened.REGRESSION_PREFIX + "：" + year + "年已整改销号，"
                        + finding.period() + "年再次未达标 (regression: rectified in " + year + ", unmet again in "
                        + finding.period() + ")", finding.measuredExact()));
            }
        }
        return new FindingDiff(stillRaised, allReopened, resolved);
    }

    /** Identity of an item across years: subject and indicator. */
    public static String regressionKey(FindingEvent finding) {
        return finding.subject().key() + "|" + finding.indicator().code();
    }

    public boolean isEmpty() {
        return raised.isEmpty() && reopened.isEmpty() && resolved.isEmpty();
    }

    /** The events to append: raised, reopened, resolved. */
    public List<FindingEvent> events() {
        List<FindingEvent> events = new ArrayList<>(raised);
        events.addAll(reopened);
        events.addAll(resolved);
        return events;
    }
}
