package io.ordergateway.core.pipeline;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * How a stage thread waits when the ring has nothing for it: the trade between latency and CPU
 * burnt. Stage threads are agents, so these are Agrona idle strategies.
 */
public enum WaitStrategyKind
{
    /** Spin only: lowest latency; the thread keeps a core busy. */
    BUSY_SPIN,
    /** Spin, yielding the core to any other runnable thread: the latency of a spin, polite to the threads that share the core. */
    YIELDING,
    /** Spin, then yield, then park from 1 us up to 1 ms: little CPU when idle, but an order after a pause waits for the wake-up. */
    BACKOFF,
    /** Park about a microsecond (the OS makes it tens) whenever idle: least CPU of the polling kinds, slowest to react. */
    SLEEPING;

    /**
     * @return a new idle strategy of this kind (they keep state: one per thread).
     */
    public IdleStrategy idleStrategy()
    {
        switch (this)
        {
            case BUSY_SPIN: return new BusySpinIdleStrategy();
            case YIELDING: return new YieldingIdleStrategy();
            case BACKOFF: return new BackoffIdleStrategy(100, 100, 1_000, 1_000_000);
            case SLEEPING: return new SleepingIdleStrategy(1_000);
            default: throw new IllegalStateException("unknown wait strategy " + this);
        }
    }
}
