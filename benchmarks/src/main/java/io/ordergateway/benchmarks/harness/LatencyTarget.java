package io.ordergateway.benchmarks.harness;

import org.HdrHistogram.Histogram;

/**
 * Something the fixed-rate driver sends orders through: the gateway in one configuration, or a
 * baseline. Each order carries its planned send time; the target records, at its own end point,
 * the time from that plan, so a stall anywhere (including in the driver) shows in the numbers.
 */
interface LatencyTarget extends AutoCloseable
{
    /** @return a short name for tables and file names. */
    String name();

    /**
     * @return the rate the target is warmed up at, before any measurement (by default
     *         {@link LatencyHarness#WARMUP_RATE}; a target that cannot take that much says less).
     */
    default long warmupRate()
    {
        return LatencyHarness.WARMUP_RATE;
    }

    /**
     * Starts the target for one run: fresh journal, fresh histogram.
     *
     * @param capacity how many orders the run may send.
     * @param measureFrom orders with a lower index are warm-up: sent but not recorded.
     * @throws Exception if it cannot start.
     */
    void start(int capacity, int measureFrom) throws Exception;

    /**
     * Sends order number {@code index}, planned for {@code plannedNanos} ({@link System#nanoTime()}).
     *
     * @param index        0, 1, 2...
     * @param plannedNanos when it should have been sent.
     * @return false if the target is full right now (the driver retries; the latency keeps growing).
     */
    boolean offer(int index, long plannedNanos);

    /**
     * Called by the driver while it spins towards the next planned send time: a strategy's moment to
     * take its reports (the gateway target polls here).
     */
    default void idle()
    {
    }

    /**
     * @return the plans and latencies of the current run.
     */
    PlannedTimes times();

    /**
     * Waits until every measured order reached the end point, then stops the target.
     *
     * @param sent how many orders were offered.
     * @return the latencies of the measured orders, in nanoseconds.
     */
    default Histogram finish(final int sent)
    {
        try
        {
            return times().await(sent, this::idle);
        }
        finally
        {
            close();
        }
    }

    @Override
    void close();
}
