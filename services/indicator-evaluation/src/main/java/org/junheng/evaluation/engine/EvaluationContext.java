package org.junheng.evaluation.engine;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.Supplier;
import org.junheng.contracts.FindingIds;
import org.junheng.contracts.IndicatorCode;
import org.junheng.contracts.Nullable;
import org.junheng.contracts.Severity;
import org.junheng.contracts.Subject;
import org.junheng.evaluation.standard.Standard;

/** What every part of one evaluation shares: the standard and the district period; builds item results. */
final class EvaluationContext {

    final Standard standard;
    final String district;
    final int period;

    EvaluationContext(Standard standard, String district, int period) {
        this.standard = standard;
        this.district = district;
        this.period = period;
    }

    UUID findingId(Subject subject, IndicatorCode indicator) {
        return FindingIds.derive(district, period, subject, indicator);
    }

    /** Met or unmet by a measurement, given as it is reported and exactly; the gap text is built only when needed. */
    ItemResult measured(Subject subject, IndicatorCode indicator, boolean met, @Nullable BigDecimal measured,
                        @Nullable String exact, @Nullable BigDecimal required, Severity severityIfUnmet,
                        Supplier<String> gap, String note) {
        return new ItemResult(findingId(subject, indicator), subject, indicator, met ? Outcome.MET : Outcome.UNMET,
                measured, exact, required, false, met ? null : severityIfUnmet, met ? null : gap.get(), note);
    }

    /** Met or unmet by a measurement that is exact as reported (a count, a flag). */
    ItemResult measured(Subject subject, IndicatorCode indicator, boolean met, @Nullable BigDecimal measured,
                        @Nullable BigDecimal required, Severity severityIfUnmet,
                        Supplier<String> gap, String note) {
        return measured(subject, indicator, met, measured, null, required, severityIfUnmet, gap, note);
    }

    /** Met or unmet by a ratio: reported rounded, kept exact. */
    ItemResult measured(Subject subject, IndicatorCode indicator, boolean met, Fraction value,
                        @Nullable BigDecimal required, Severity severityIfUnmet,
                        Supplier<String> gap, String note) {
        return measured(subject, indicator, met, reported(value), value.toString(), required, severityIfUnmet, gap,
                note);
    }

    ItemResult notEvaluable(Subject subject, IndicatorCode indicator, @Nullable BigDecimal required, String why) {
        return new ItemResult(findingId(subject, indicator), subject, indicator, Outcome.NOT_EVALUABLE, null, null,
                required, false, null, null, why);
    }

    /** Declared not applicable by the office, with evidence: neither a finding nor a readiness reason. */
    ItemResult notApplicable(Subject subject, IndicatorCode indicator, String why) {
        return new ItemResult(findingId(subject, indicator), subject, indicator, Outcome.NOT_APPLICABLE, null, null,
                null, true, null, null, why);
    }

    /** Not evaluable until a supervisor's judgment is in force (督导认定): marked as attested, awaiting it. */
    ItemResult awaitingAttestation(Subject subject, IndicatorCode indicator) {
        return new ItemResult(findingId(subject, indicator), subject, indicator, Outcome.NOT_EVALUABLE, null, null,
                null, true, null, null, "尚无督导认定，无法评估 (no attestation in force: not evaluable)");
    }

    ItemResult attested(Subject subject, IndicatorCode indicator, boolean met, @Nullable Severity severityIfUnmet,
                        @Nullable String gapIfUnmet, String note) {
        return new ItemResult(findingId(subject, indicator), subject, indicator, met ? Outcome.MET : Outcome.UNMET,
                null, null, null, true, met ? null : severityIfUnmet, met ? null : gapIfUnmet, note);
    }

    /** Reported measured values: integers as they are, other ratios half-up to 4 decimals. */
    static BigDecimal reported(Fraction value) {
        return value.isInteger() ? value.toBigDecimal(0) : value.toBigDecimal(ResourceValue.SCALE);
    }
}
