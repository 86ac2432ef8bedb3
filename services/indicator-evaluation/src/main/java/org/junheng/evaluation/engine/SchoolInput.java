package org.junheng.evaluation.engine;

import java.util.Objects;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.schooldata.SchoolProfile;
import org.junheng.contracts.schooldata.SchoolStatistics;

/**
 * A registered school with the profile in force and its statistics of the period evaluated.
 *
 * @param statistics null when the school has not reported for the period: it is then not evaluable (a readiness
 *                   reason), never silently skipped
 */
public record SchoolInput(String schoolCode, SchoolProfile profile, @Nullable SchoolStatistics statistics) {

    public SchoolInput {
        Objects.requireNonNull(schoolCode, "schoolCode");
        Objects.requireNonNull(profile, "profile");
    }

    public String name() {
        return profile.name();
    }
}
