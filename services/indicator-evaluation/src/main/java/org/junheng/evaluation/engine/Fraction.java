package org.junheng.evaluation.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact rational number. Indicator values are ratios (teachers ×100 ÷ pupils, area × apportioned share ÷ pupils);
 * keeping them exact means a value is compared with its threshold without any rounding, so "exactly at the
 * threshold passes" holds for every input. Rounding happens only when a value is reported ({@link #toBigDecimal}).
 */
public final class Fraction implements Comparable<Fraction> {

    public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
    public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);
    public static final Fraction HUNDRED = of(100);

    private final BigInteger numerator;
    /** Always positive; the fraction is in lowest terms. */
    private final BigInteger denominator;

    private Fraction(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    private static Fraction normalised(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        if (numerator.bitLength() < 63 && denominator.bitLength() < 63) {
            // most terms fit a long, where Euclid is several times cheaper than BigInteger.gcd (its MutableBigIntegers
            // were a tenth of the evaluation's time in the national burst)
            long n = numerator.longValue();
            long d = denominator.longValue();
            long gcd = gcd(Math.abs(n), d);
            return gcd == 1 ? new Fraction(numerator, denominator)
                    : new Fraction(BigInteger.valueOf(n / gcd), BigInteger.valueOf(d / gcd));
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        return new Fraction(numerator, denominator);
    }

    /** Euclid's algorithm; {@code b > 0}. */
    private static long gcd(long a, long b) {
        while (b != 0) {
            long rest = a % b;
            a = b;
            b = rest;
        }
        return a;
    }

    public static Fraction of(long value) {
        return new Fraction(BigInteger.valueOf(value), BigInteger.ONE);
    }

    /** The exact value of a decimal (0.1 is 1/10, not the nearest double). */
    public static Fraction of(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        if (value.scale() <= 0) {
            return new Fraction(value.toBigIntegerExact(), BigInteger.ONE);
        }
        return normalised(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
    }

    /** numerator ÷ denominator; throws {@link ArithmeticException} for a zero denominator. */
    public static Fraction ratio(long numerator, long denominator) {
        return normalised(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public static Fraction ratio(Fraction numerator, Fraction denominator) {
        return numerator.dividedBy(denominator);
    }

    public Fraction plus(Fraction other) {
        return normalised(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Fraction minus(Fraction other) {
        return plus(other.negate());
    }

    public Fraction times(Fraction other) {
        return normalised(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    public Fraction times(long factor) {
        return times(of(factor));
    }

    /** Throws {@link ArithmeticException} when the divisor is zero: callers check and report instead. */
    public Fraction dividedBy(Fraction divisor) {
        if (divisor.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return normalised(numerator.multiply(divisor.denominator), denominator.multiply(divisor.numerator));
    }

    public Fraction dividedBy(long divisor) {
        return dividedBy(of(divisor));
    }

    public Fraction negate() {
        return new Fraction(numerator.negate(), denominator);
    }

    public Fraction square() {
        return times(this);
    }

    public int signum() {
        return numerator.signum();
    }

    public boolean isInteger() {
        return denominator.equals(BigInteger.ONE);
    }

    /** The smallest integer not below this value (a shortfall of 2.1 teachers needs 3). */
    public BigInteger ceiling() {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    public boolean isAtLeast(Fraction other) {
        return compareTo(other) >= 0;
    }

    public boolean isAtLeast(BigDecimal other) {
        return compareTo(of(other)) >= 0;
    }

    public Fraction max(Fraction other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** Rounded half-up to the given number of decimals: the reporting rule of the engine. */
    public BigDecimal toBigDecimal(int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
    }

    /** An approximation with the given precision, for irrational follow-ups (square roots). */
    public BigDecimal toBigDecimal(MathContext context) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), context);
    }

    @Override
    public int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fraction other && numerator.equals(other.numerator)
                && denominator.equals(other.denominator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numerator, denominator);
    }

    @Override
    public String toString() {
        return isInteger() ? numerator.toString() : numerator + "/" + denominator;
    }
}
