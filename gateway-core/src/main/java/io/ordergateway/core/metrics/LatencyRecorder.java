package io.ordergateway.core.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A latency distribution recorded wait-free on a pipeline thread and read from any other thread.
 * Values are nanoseconds, 1 ns to 1 minute at 3 significant digits; larger values are clamped to
 * one minute (and still counted). Recording allocates nothing.
 */
public final class LatencyRecorder
{
    /** The largest value kept exactly: one minute in nanoseconds. */
    public static final long HIGHEST_NANOS = 60_000_000_000L;

    private final String name;
    private final Recorder recorder = new Recorder(HIGHEST_NANOS, 3);
    private final Histogram accumulated = new Histogram(HIGHEST_NANOS, 3);
    private Histogram interval;

    /**
     * @param name what is measured, e.g. {@code submit->send}.
     */
    public LatencyRecorder(final String name)
    {
        this.name = name;
    }

    /**
     * Records one latency.
     *
     * @param nanos the latency; negative values count as 0.
     */
    public void record(final long nanos)
    {
        recorder.recordValue(Math.min(Math.max(nanos, 0), HIGHEST_NANOS));
    }

    /**
     * @return what is measured.
     */
    public String name()
    {
        return name;
    }

    /**
     * Forgets everything recorded. Not while others record.
     */
    public synchronized void reset()
    {
        recorder.reset();
        accumulated.reset();
    }

    /**
     * Quantiles of everything recorded so far, without copying the histogram (for frequent scrapes:
     * a copy is hundreds of kilobytes of garbage each time). Reader side; safe from any thread.
     *
     * @param percentiles the percentiles wanted (0 to 100).
     * @param values      where their values go (nanoseconds), same length.
     * @return how many values were recorded in all.
     */
    public synchronized long percentiles(final double[] percentiles, final long[] values)
    {
        interval = recorder.getIntervalHistogram(interval);
        accumulated.add(interval);
        for (int i = 0; i < percentiles.length; i++)
        {
            values[i] = accumulated.getValueAtPercentile(percentiles[i]);
        }
        return accumulated.getTotalCount();
    }

    /**
     * @return the mean of everything recorded so far (nanoseconds), as of the last {@link #percentiles} or {@link
     *         #snapshot}.
     */
    public synchronized double mean()
    {
        return accumulated.getMean();
    }

    /**
     * A copy of everything recorded so far. Reader side: allocates; safe from any thread.
     *
     * @return the distribution since the start.
     */
    public synchronized Histogram snapshot()
    {
        interval = recorder.getIntervalHistogram(interval);
        accumulated.add(interval);
        return accumulated.copy();
    }
}
