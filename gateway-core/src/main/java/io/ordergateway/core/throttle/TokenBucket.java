package io.ordergateway.core.throttle;

/**
 * A token bucket of {@code ratePerSecond} tokens a second holding at most {@code burst} tokens,
 * refilled from the time carried by events, never from a clock (so replay gives the same answers).
 *
 * <p>Kept as the generic cell rate algorithm: one "theoretical arrival time" instead of a token
 * count, which is exact in integer nanoseconds and needs no refill step. A request at time
 * {@code t} conforms if {@code t >= tat - burst * interval}; then {@code tat = max(tat, t) + interval}.
 * Single writer; allocates nothing.
 */
public final class TokenBucket
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long intervalNanos;
    private final long toleranceNanos;
    private long theoreticalArrival = Long.MIN_VALUE;

    /**
     * @param ratePerSecond tokens added per second, 1 to 1e9.
     * @param burst         the most tokens the bucket holds (orders that may go at once), at least 1.
     */
    public TokenBucket(final long ratePerSecond, final long burst)
    {
        if (ratePerSecond < 1 || ratePerSecond > NANOS_PER_SECOND)
        {
            throw new IllegalArgumentException("rate must be 1 to 1e9 per second, was " + ratePerSecond);
        }
        if (burst < 1)
        {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
        this.intervalNanos = NANOS_PER_SECOND / ratePerSecond;
        this.toleranceNanos = Math.multiplyHigh(burst, intervalNanos) != 0 ? Long.MAX_VALUE / 4 : burst * intervalNanos;
    }

    /**
     * Takes a token if there is one.
     *
     * @param nowNanos the event's time.
     * @return 0 if a token was taken, else how many nanoseconds until one is back (at least 1).
     */
    public long tryAcquire(final long nowNanos)
    {
        final long wait = waitNanos(nowNanos);
        if (wait == 0)
        {
            take(nowNanos);
        }
        return wait;
    }

    /**
     * Looks without taking.
     *
     * @param nowNanos the event's time.
     * @return 0 if a token is there, else how many nanoseconds until one is.
     */
    public long waitNanos(final long nowNanos)
    {
        final long tat = theoreticalArrival == Long.MIN_VALUE ? nowNanos : theoreticalArrival;
        final long earliest = tat - toleranceNanos + intervalNanos;
        return nowNanos < earliest ? earliest - nowNanos : 0;
    }

    /**
     * Takes a token that {@link #waitNanos} said is there.
     *
     * @param nowNanos the event's time.
     */
    public void take(final long nowNanos)
    {
        final long tat = theoreticalArrival == Long.MIN_VALUE ? nowNanos : theoreticalArrival;
        theoreticalArrival = Math.max(tat, nowNanos) + intervalNanos;
    }

    /**
     * @return nanoseconds between tokens.
     */
    public long intervalNanos()
    {
        return intervalNanos;
    }
}
