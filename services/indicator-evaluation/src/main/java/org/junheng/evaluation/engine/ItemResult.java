package org.junheng.evaluation.engine;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;
import org.junheng.contracts.evaluation.IndicatorValue;

/**
 * One item of the standard for one subject (a school section, a school or the county): the row of the met and unmet
 * ledgers (已达标台账 / 未达标台账). Every {@link Outcome#UNMET} item is a finding with {@link #findingId()}.
 *
 * @param findingId the id a finding about this item has (derived, so also known while the item is met)
 * @param measured  the measured value, rounded half-up to 4 decimals (integers as they are); null for attested or
 *                  not evaluable items
 * @param measuredExact the measured value exactly: a fraction {@code p/q} or an integer, or 34 significant digits for
 *                  a coefficient of variation; null when {@code measured} is
 * @param required  the threshold applied; null for attested and declared items
 * @param attested  true when the outcome rests on a supervisor's attestation rather than data
 * @param severity  set for unmet items only
 * @param gap       set for unmet items only: Chinese with English, with the concrete shortfall
 * @param note      what was measured or why the item is not evaluable (Chinese with English)
 */
public record ItemResult(
        UUID findingId,
        Subject subject,
        IndicatorCode indicator,
        Outcome outcome,
        @Nullable BigDecimal measured,
        @Nullable String measuredExact,
        @Nullable BigDecimal required,
        boolean attested,
        @Nullable Severity severity,
        @Nullable String gap,
        String note) {

    public ItemResult {
        Objects.requireNonNull(findingId, "findingId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.UNMET) != (severity != null && gap != null)) {
            throw new IllegalArgumentException("severity and gap belong to unmet items only: " + indicator.code());
        }
        note = note == null ? "" : note;
        measuredExact = measured == null ? null : measuredExact != null ? measuredExact : measured.toPlainString();
    }

    public boolean met() {
        return outcome == Outcome.MET;
    }

    public boolean unmet() {
        return outcome == Outcome.UNMET;
    }

    /** Met or unmet: a value the ledgers and events state (not evaluable and not applicable items are not). */
    public boolean stated() {
        return outcome == Outcome.MET || outcome == Outcome.UNMET;
    }

    public IndicatorValue toIndicatorValue() {
        return new IndicatorValue(indicator, measured, required, met(), severity, gap, measuredExact);
    }
}
