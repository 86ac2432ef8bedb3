package org.junheng.evaluation.engine;

import java.math.BigDecimal;
import org.junheng.contracts.IndicatorCode;

/**
 * One resource indicator (RA1–RA7) of one school section, exact.
 *
 * @param value    the exact value; {@link #reported()} rounds it for display
 * @param required the section's threshold
 * @param met      value ≥ required, decided on the exact value (exactly at the threshold passes)
 */
public record ResourceValue(IndicatorCode indicator, Fraction value, BigDecimal required, boolean met) {

    /** Reporting scale of indicator values. */
    public static final int SCALE = 4;

    /** value ÷ required: how close an unmet item is to its standard (RA-SCHOOL allows one item at ≥ 85%). */
    public Fraction shareOfStandard() {
        return value.dividedBy(Fraction.of(required));
    }

    /** The value rounded half-up to 4 decimals. */
    public BigDecimal reported() {
        return value.toBigDecimal(SCALE);
    }
}
