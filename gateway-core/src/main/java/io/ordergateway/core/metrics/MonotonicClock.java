package io.ordergateway.core.metrics;

/**
 * The monotonic clock used to measure latency, and only for that: no stage decision may depend on
 * it (decisions use the time carried by events, so replay reproduces them).
 */
public final class MonotonicClock
{
    private MonotonicClock()
    {
    }

    /**
     * @return {@link System#nanoTime()}.
     */
    public static long nanoTime()
    {
        return System.nanoTime();
    }
}
