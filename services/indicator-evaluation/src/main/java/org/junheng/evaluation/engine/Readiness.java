package org.junheng.evaluation.engine;

import java.util.List;
import org.junheng.contracts.evaluation.ReadinessReason;

/**
 * Whether the county is ready for the municipal check (STANDARD.md §6), with every reason it is not.
 *
 * @param reasons empty exactly when ready
 */
public record Readiness(boolean ready, List<ReadinessReason> reasons, List<String> provisional) {

    public Readiness {
        reasons = List.copyOf(reasons);
        provisional = List.copyOf(provisional);
        if (ready != reasons.isEmpty()) {
            throw new IllegalArgumentException("a county is ready exactly when nothing stands in the way");
        }
    }

    public static Readiness of(List<ReadinessReason> reasons) {
        return new Readiness(reasons.isEmpty(), reasons, List.of());
    }

    /** With the met items that rest on the county's own survey: the verdict holds until the national results. */
    public static Readiness of(List<ReadinessReason> reasons, List<String> provisional) {
        return new Readiness(reasons.isEmpty(), reasons, provisional);
    }
}
