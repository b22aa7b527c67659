package io.ordergateway.core.domain;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScaledMathTest
{
    @Test
    void agreesWithBigIntegerOnRandomOperandsOfEveryMagnitude()
    {
        final SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++)
        {
            final long a = random.nextLong() >> random.nextInt(63);
            final long b = random.nextLong() >> random.nextInt(63);
            long c = random.nextLong() >> random.nextInt(63);
            if (c == 0)
            {
                c = 1;
            }
            final BigInteger exact =
                BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c));
            final boolean fits = exact.compareTo(BigInteger.valueOf(Long.MIN_VALUE)) > 0
                && exact.compareTo(BigInteger.valueOf(Long.MAX_VALUE)) <= 0;
            if (fits && a != Long.MIN_VALUE && b != Long.MIN_VALUE && c != Long.MIN_VALUE)
            {
                assertThat(ScaledMath.multiplyDivide(a, b, c)).as("%d * %d / %d", a, b, c)
                    .isEqualTo(exact.longValueExact());
            }
            else
            {
                final long fa = a;
                final long fb = b;
                final long fc = c;
                assertThatThrownBy(() -> ScaledMath.multiplyDivide(fa, fb, fc)).isInstanceOf(ArithmeticException.class);
            }
        }
    }

    @Test
    void notionalAgreesWithExactArithmeticOnEitherSideOfALongsRange()
    {
        final SplittableRandom random = new SplittableRandom(11);
        final BigInteger scale = BigInteger.valueOf(io.ordergateway.journal.FixedPoint.QUANTITY_SCALE);
        for (int i = 0; i < 200_000; i++)
        {
            final long q = random.nextLong() >> random.nextInt(63);
            final long p = random.nextLong() >> random.nextInt(63);
            final BigInteger exact = BigInteger.valueOf(q).multiply(BigInteger.valueOf(p)).divide(scale);
            if (exact.bitLength() < 64 && q != Long.MIN_VALUE && p != Long.MIN_VALUE)
            {
                assertThat(ScaledMath.notional(q, p)).as("%d * %d", q, p).isEqualTo(exact.longValueExact());
            }
            else
            {
                assertThatThrownBy(() -> ScaledMath.notional(q, p)).isInstanceOf(ArithmeticException.class);
            }
        }
    }

    @Test
    void notionalOfRealisticTradesIsExact()
    {
        // 100 shares at $187.25: 1e11 * 1.8725e10 overflows 64 bits before scaling.
        assertThat(ScaledMath.notional(100_000_000_000L, 18_725_000_000L)).isEqualTo(1_872_500_000_000L);
        assertThat(ScaledMath.averagePrice(1_872_500_000_000L, 100_000_000_000L)).isEqualTo(18_725_000_000L);
        assertThat(ScaledMath.notional(-100_000_000_000L, 18_725_000_000L)).isEqualTo(-1_872_500_000_000L);
    }

    @Test
    void divisionByZeroIsRefused()
    {
        assertThatThrownBy(() -> ScaledMath.multiplyDivide(1, 1, 0)).isInstanceOf(ArithmeticException.class);
    }
}
