package org.junheng.evaluation.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting of user-facing texts: grouped thousands ("5,704"), thresholds without trailing zeros. */
final class Texts {

    private Texts() {
    }

    /** 5704 → "5,704". */
    static String count(BigInteger value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A threshold as the standard publishes it: 4.5, 1.0, 0.50, 2,000. */
    static String number(BigDecimal value) {
        return grouped(value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value);
    }

    /** A measured value with a fixed number of decimals, half-up: 3,283.43. */
    static String decimal(Fraction value, int scale) {
        return grouped(value.toBigDecimal(scale));
    }

    static String decimal(BigDecimal value, int scale) {
        return grouped(value.setScale(scale, RoundingMode.HALF_UP));
    }

    /** A measured share as a percentage with 2 decimals: 0.97323 → 97.32%. */
    static String percent(Fraction share) {
        return share.times(100).toBigDecimal(2).toPlainString() + "%";
    }

    /** A measured share as a percentage with 1 decimal: 69.3%. */
    static String percent1(Fraction share) {
        return share.times(100).toBigDecimal(1).toPlainString() + "%";
    }

    /** A threshold share as a percentage: 0.95 → 95%, 1.00 → 100%. */
    static String percent(BigDecimal share) {
        BigDecimal percent = share.movePointRight(2).stripTrailingZeros();
        return number(percent.scale() < 0 ? percent.setScale(0, RoundingMode.UNNECESSARY) : percent) + "%";
    }

    private static String grouped(BigDecimal value) {
        String plain = value.toPlainString();
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String integer = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot);
        return (negative ? "-" : "") + count(new BigInteger(integer)) + fraction;
    }
}
