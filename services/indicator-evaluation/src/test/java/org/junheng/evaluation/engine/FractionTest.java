package org.junheng.evaluation.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FractionTest {

    @Test
    void termsThatFitALongAreReducedAsBigIntegerWouldReduceThem() {
        Random random = new Random(20261207);
        for (int i = 0; i < 20_000; i++) {
            long numerator = random.nextLong() >> random.nextInt(63);
            long denominator = Math.max(1, random.nextLong() >>> 1 >> random.nextInt(62));
            long factor = 1 + random.nextInt(1000);
            Fraction reduced = Fraction.ratio(numerator, denominator);
            // the same value with a common factor that may push it past a long: reduced the BigInteger way
            Fraction scaled = Fraction.ratio(
                    Fraction.of(BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(factor))),
                    Fraction.of(BigDecimal.valueOf(denominator).multiply(BigDecimal.valueOf(factor))));
            assertEquals(scaled, reduced, numerator + "/" + denominator + " ×" + factor);
            BigInteger gcd = BigInteger.valueOf(numerator).gcd(BigInteger.valueOf(denominator));
            BigInteger n = BigInteger.valueOf(numerator).divide(gcd);
            BigInteger d = BigInteger.valueOf(denominator).divide(gcd);
            assertEquals(d.equals(BigInteger.ONE) ? n.toString() : n + "/" + d, reduced.toString());
        }
    }

    @Test
    void signsZeroAndDivisionByZero() {
        assertEquals("-1/2", Fraction.ratio(3, -6).toString());
        assertEquals("0", Fraction.ratio(0, -7).toString());
        assertEquals(Fraction.ZERO, Fraction.ratio(0, 5));
        assertThrows(ArithmeticException.class, () -> Fraction.ratio(1, 0));
        assertEquals(Fraction.ONE, Fraction.of(new BigDecimal("0.1")).times(Fraction.of(10)));
    }
}
