package io.ordergateway.core.agent;

import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;

import java.util.concurrent.TimeUnit;

/**
 * An event clock that moves only when told to: with {@link ThreadingMode#INVOKER}, a test decides
 * when time passes, so every tick, timeout, breaker period and simulated broker latency happens at
 * a time the test chose. Also a {@link NanoClock}, for agents beside the gateway that pace themselves
 * (a configuration watcher). Safe to read from any thread.
 */
public final class ManualClock implements EpochNanoClock, NanoClock
{
    private volatile long nanos;

    /**
     * @param startEpochNanos the time it shows first (epoch nanoseconds).
     */
    public ManualClock(final long startEpochNanos)
    {
        this.nanos = startEpochNanos;
    }

    /**
     * A clock at 2026-01-05T14:30:00Z, a Monday during US market hours.
     */
    public ManualClock()
    {
        this(1_767_623_400_000_000_000L);
    }

    @Override
    public long nanoTime()
    {
        return nanos;
    }

    /**
     * @param amount how much time passes.
     * @param unit   its unit.
     * @return the new time (epoch nanoseconds).
     */
    public long advance(final long amount, final TimeUnit unit)
    {
        return advanceNanos(unit.toNanos(amount));
    }

    /**
     * @param deltaNanos how many nanoseconds pass (not negative: the clock never goes back).
     * @return the new time (epoch nanoseconds).
     */
    public synchronized long advanceNanos(final long deltaNanos)
    {
        if (deltaNanos < 0)
        {
            throw new IllegalArgumentException("time does not go back: " + deltaNanos + " ns");
        }
        nanos += deltaNanos;
        return nanos;
    }
}
