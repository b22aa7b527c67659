package io.ordergateway.core.agent;

/**
 * Something an agent does every so often by a clock it is given (the timer's ticks, the counters'
 * copy, the configuration watcher's look at its file): {@link #due} says whether the period has
 * passed, and if so starts the next one from now. Single-threaded: the agent's own.
 */
public final class Period
{
    private final long nanos;
    private long next;

    /**
     * @param nanos     the period.
     * @param nowNanos  the clock's time now: the first one is due a period from it.
     */
    public Period(final long nanos, final long nowNanos)
    {
        this.nanos = nanos;
        this.next = nowNanos + nanos;
    }

    /**
     * @param nowNanos the clock's time now.
     * @return true if the period has passed (the next one then runs from now).
     */
    public boolean due(final long nowNanos)
    {
        if (nowNanos - next < 0)
        {
            return false;
        }
        next = nowNanos + nanos;
        return true;
    }
}
