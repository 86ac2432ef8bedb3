package org.junheng.evaluation.engine;

import java.util.List;

/**
 * A what-if evaluation beside the baseline.
 *
 * @param nowMet   items unmet in the baseline and met with the changes: the findings the changes would resolve
 * @param nowUnmet items not unmet in the baseline and unmet with the changes (e.g. more pupils break a class cap)
 */
public record SimulationResult(List<HypotheticalChange> changes, DistrictEvaluation baseline,
                               DistrictEvaluation simulated, List<ItemResult> nowMet, List<ItemResult> nowUnmet) {

    public SimulationResult {
        changes = List.copyOf(changes);
        nowMet = List.copyOf(nowMet);
        nowUnmet = List.copyOf(nowUnmet);
    }

    public boolean readyBefore() {
        return baseline.readiness().ready();
    }

    public boolean readyAfter() {
        return simulated.readiness().ready();
    }
}
