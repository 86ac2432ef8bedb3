package org.junheng.contracts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of a finding, derived from what it is about. Evaluating the same input twice, or replaying, yields the same
 * id, so no second finding and no second task can appear. Every service that needs a finding id uses this rule.
 */
public final class FindingIds {

    private FindingIds() {
    }

    /** A name-based (version 3) UUID of {@code finding|<district>|<period>|<subject key>|<indicator code>}. */
    public static UUID derive(String districtCode, int period, Subject subject, IndicatorCode indicator) {
        String name = "finding|" + districtCode + "|" + period + "|" + subject.key() + "|" + indicator.code();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
