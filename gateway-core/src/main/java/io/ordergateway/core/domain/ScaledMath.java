package io.ordergateway.core.domain;

import io.ordergateway.journal.FixedPoint;

/**
 * Exact arithmetic on the gateway's scaled longs (see {@link FixedPoint}) without allocation.
 *
 * <p>A quantity (scale 1e9) times a price (scale 1e8) needs up to 128 bits before it is scaled
 * back down: 100 shares at $100 is already 1e11 * 1e10 = 1e21. {@link #multiplyDivide} keeps the
 * full 128-bit product ({@link Math#multiplyHigh}) and divides it by a 64-bit divisor exactly
 * (Knuth's algorithm D for two 32-bit digits, as in Hacker's Delight {@code divlu}).
 */
public final class ScaledMath
{
    private static final long HALF_WORD = 1L << 32;
    private static final long LOW_MASK = 0xFFFF_FFFFL;

    private ScaledMath()
    {
    }

    /**
     * The notional of a quantity at a price, in the price scale (money): {@code quantity * price / 1e9},
     * rounded toward zero.
     *
     * @param quantity scaled quantity, may be negative.
     * @param price    scaled price, may be negative.
     * @return the scaled amount of money.
     * @throws ArithmeticException if the result does not fit a long.
     */
    public static long notional(final long quantity, final long price)
    {
        return multiplyDivide(quantity, price, FixedPoint.QUANTITY_SCALE);
    }

    /**
     * Like {@link #notional} but never throws: a result beyond a long's range is clamped to
     * {@code Long.MAX_VALUE} (or {@code -Long.MAX_VALUE}). For limit checks on untrusted input, where
     * "too large" is the answer either way.
     *
     * @param quantity scaled quantity.
     * @param price    scaled price.
     * @return the notional, clamped.
     */
    public static long notionalSaturated(final long quantity, final long price)
    {
        if (quantity == Long.MIN_VALUE || price == Long.MIN_VALUE)
        {
            return (quantity < 0) ^ (price < 0) ? -Long.MAX_VALUE : Long.MAX_VALUE;
        }
        final long x = Math.abs(quantity);
        final long y = Math.abs(price);
        final long high = Math.multiplyHigh(x, y);
        final boolean negative = (quantity < 0) ^ (price < 0);
        if (Long.compareUnsigned(high, FixedPoint.QUANTITY_SCALE) >= 0)
        {
            return negative ? -Long.MAX_VALUE : Long.MAX_VALUE;
        }
        final long q = high == 0 && x * y >= 0 ? (x * y) / FixedPoint.QUANTITY_SCALE
            : divide128(high, x * y, FixedPoint.QUANTITY_SCALE);
        final long clamped = q < 0 ? Long.MAX_VALUE : q;
        return negative ? -clamped : clamped;
    }

    /**
     * The price that a notional amount implies for a quantity: {@code notional * 1e9 / quantity}.
     *
     * @param notional scaled money.
     * @param quantity scaled quantity, not zero.
     * @return the scaled price, rounded toward zero.
     */
    public static long averagePrice(final long notional, final long quantity)
    {
        return multiplyDivide(notional, FixedPoint.QUANTITY_SCALE, quantity);
    }

    /**
     * Computes {@code a * b / c} with a 128-bit intermediate product, rounding toward zero.
     *
     * @param a first factor.
     * @param b second factor.
     * @param c divisor, not zero.
     * @return the quotient.
     * @throws ArithmeticException if {@code c} is zero or the quotient does not fit a long.
     */
    public static long multiplyDivide(final long a, final long b, final long c)
    {
        if (c == 0)
        {
            throw new ArithmeticException("division by zero");
        }
        if (a == Long.MIN_VALUE || b == Long.MIN_VALUE || c == Long.MIN_VALUE)
        {
            throw new ArithmeticException("operand out of range");
        }
        final boolean negative = (a < 0) ^ (b < 0) ^ (c < 0);
        final long x = Math.abs(a);
        final long y = Math.abs(b);
        final long z = Math.abs(c);
        final long high = Math.multiplyHigh(x, y); // x, y >= 0: the signed high word equals the unsigned one
        final long low = x * y;
        final long quotient;
        if (high == 0 && low >= 0)
        {
            quotient = low / z;
        }
        else
        {
            if (Long.compareUnsigned(high, z) >= 0)
            {
                throw new ArithmeticException("overflow: " + a + " * " + b + " / " + c);
            }
            quotient = divide128(high, low, z);
            if (quotient < 0)
            {
                throw new ArithmeticException("overflow: " + a + " * " + b + " / " + c);
            }
        }
        return negative ? -quotient : quotient;
    }

    /**
     * Unsigned division of the 128-bit value {@code high:low} by {@code divisor}, requiring
     * {@code high < divisor} (unsigned) so the quotient fits 64 bits.
     */
    static long divide128(final long high, final long low, final long divisor)
    {
        final int shift = Long.numberOfLeadingZeros(divisor);
        final long v = divisor << shift;
        final long vHigh = v >>> 32;
        final long vLow = v & LOW_MASK;

        final long numeratorHigh = shift == 0 ? high : (high << shift) | (low >>> (64 - shift));
        final long numeratorLow = low << shift;
        final long n1 = numeratorLow >>> 32;
        final long n0 = numeratorLow & LOW_MASK;

        long q1 = Long.divideUnsigned(numeratorHigh, vHigh);
        long remainder = numeratorHigh - q1 * vHigh;
        while (Long.compareUnsigned(q1, HALF_WORD) >= 0 || Long.compareUnsigned(q1 * vLow, (remainder << 32) | n1) > 0)
        {
            q1--;
            remainder += vHigh;
            if (Long.compareUnsigned(remainder, HALF_WORD) >= 0)
            {
                break;
            }
        }

        final long middle = ((numeratorHigh << 32) | n1) - q1 * v;
        long q0 = Long.divideUnsigned(middle, vHigh);
        remainder = middle - q0 * vHigh;
        while (Long.compareUnsigned(q0, HALF_WORD) >= 0 || Long.compareUnsigned(q0 * vLow, (remainder << 32) | n0) > 0)
        {
            q0--;
            remainder += vHigh;
            if (Long.compareUnsigned(remainder, HALF_WORD) >= 0)
            {
                break;
            }
        }
        return (q1 << 32) | q0;
    }
}
