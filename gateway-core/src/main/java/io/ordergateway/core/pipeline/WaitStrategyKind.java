package io.ordergateway.core.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

import java.util.concurrent.TimeUnit;

/**
 * How a pipeline thread waits for the next event: the trade between latency and CPU burnt.
 */
public enum WaitStrategyKind
{
    /** Lock and condition: least CPU, highest wake-up latency. */
    BLOCKING,
    /** Spin, then yield, then park 100 ns at a time: low CPU when idle, good latency. */
    SLEEPING,
    /** Spin, then yield: low latency, a core per thread when busy. */
    YIELDING,
    /** Spin only: lowest latency; needs a core per pipeline thread. */
    BUSY_SPIN,
    /** Spin 10 us, yield 100 us, then block. */
    PHASED_BACKOFF;

    /**
     * @return a new Disruptor wait strategy of this kind.
     */
    public WaitStrategy create()
    {
        switch (this)
        {
            case BLOCKING: return new BlockingWaitStrategy();
            case SLEEPING: return new SleepingWaitStrategy();
            case YIELDING: return new YieldingWaitStrategy();
            case BUSY_SPIN: return new BusySpinWaitStrategy();
            case PHASED_BACKOFF: return PhasedBackoffWaitStrategy.withLock(10, 100, TimeUnit.MICROSECONDS);
            default: throw new IllegalStateException("unknown wait strategy " + this);
        }
    }
}
