package io.ordergateway.benchmarks.harness;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Planned send times by order, and the histogram their latencies go into. The driver writes a
 * plan before it hands the order to the target (which publishes it to the recording thread); one
 * thread records. Made once per run.
 */
final class PlannedTimes
{
    private final long[] planned;
    private final int measureFrom;
    private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final AtomicInteger arrived = new AtomicInteger();

    PlannedTimes(final int capacity, final int measureFrom)
    {
        this.planned = new long[capacity];
        this.measureFrom = measureFrom;
    }

    void plan(final int index, final long plannedNanos)
    {
        planned[index] = plannedNanos;
    }

    /**
     * Records order {@code index} arriving now (the recording thread only).
     */
    void arrived(final int index)
    {
        if (index >= 0 && index < planned.length)
        {
            if (index >= measureFrom)
            {
                histogram.recordValue(Math.min(Math.max(System.nanoTime() - planned[index], 0),
                    histogram.getHighestTrackableValue()));
            }
            arrived.lazySet(arrived.get() + 1);
        }
    }

    /**
     * @return how many orders arrived so far.
     */
    int arrivedCount()
    {
        return arrived.get();
    }

    /**
     * Waits until {@code count} orders arrived.
     *
     * @param count   how many.
     * @param waiting run while waiting (a target that must poll for its end point polls).
     * @return the histogram.
     * @throws IllegalStateException if they did not within 30 seconds.
     */
    Histogram await(final int count, final Runnable waiting)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (arrived.get() < count)
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("only " + arrived.get() + " of " + count
                    + " orders arrived within 30 s");
            }
            waiting.run();
            Thread.onSpinWait();
        }
        return histogram;
    }
}
