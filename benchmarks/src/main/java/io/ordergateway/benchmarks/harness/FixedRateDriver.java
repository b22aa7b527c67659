package io.ordergateway.benchmarks.harness;

/**
 * Sends orders to a target at a fixed rate from one thread, each with its planned send time. It
 * spins up to each planned time (parking would add the OS's wake-up, tens of microseconds on a VM,
 * to every target at low rates), letting the target take its reports meanwhile.
 * The plan never slips: if the driver or the target falls behind, later orders are still measured
 * from when they should have gone (no coordinated omission). If it falls more than a second
 * behind, the run is cut short and reported as not keeping up.
 */
final class FixedRateDriver
{
    /** How far behind plan a run may fall before it counts as not keeping up. */
    static final long MAX_LAG_NANOS = 1_000_000_000L;
    /** The share of the planned rate a run must achieve to count as keeping up. */
    static final double MIN_ACHIEVED = 0.95;
    /** How long the driver waits after the warm-up drained before it measures. */
    static final long SETTLE_NANOS = 250_000_000L;

    /**
     * The outcome of one run.
     *
     * @param sent         orders sent.
     * @param achievedRate orders per second actually sent.
     * @param keptUp       true if the driver never fell more than a second behind plan and achieved 95% of the rate.
     */
    record Run(int sent, double achievedRate, boolean keptUp)
    {
    }

    private FixedRateDriver()
    {
    }

    /**
     * @param target        where to send.
     * @param warmupRate    orders per second of the warm-up (not measured).
     * @param warmupOrders  how many of the orders are warm-up.
     * @param ratePerSecond orders per second of the measured orders.
     * @param orders        how many to send, warm-up included.
     * @return the run (its rate is the measured part's).
     */
    static Run drive(final LatencyTarget target, final long warmupRate, final int warmupOrders,
        final long ratePerSecond, final int orders)
    {
        final long warmupInterval = 1_000_000_000L / warmupRate;
        final long interval = 1_000_000_000L / ratePerSecond;
        final long start = System.nanoTime() + 1_000_000;
        long measureStart = Long.MAX_VALUE;
        int i = 0;
        boolean keptUp = true;
        for (; i < orders; i++)
        {
            if (i == warmupOrders)
            {
                measureStart = settle(target, warmupOrders) + interval;
            }
            final long planned = i < warmupOrders ? start + i * warmupInterval : measureStart + (i - warmupOrders)
                * interval;
            long now;
            while ((now = System.nanoTime()) < planned)
            {
                if (planned - now > 2_000)
                {
                    target.idle(); // the strategy takes its reports while it waits
                }
                Thread.onSpinWait(); // spin, never park: a parked driver wakes tens of microseconds late on this VM
            }
            boolean accepted;
            while (!(accepted = target.offer(i, planned)) && System.nanoTime() - planned <= MAX_LAG_NANOS)
            {
                target.idle();
            }
            if (!accepted)
            {
                keptUp = false; // order i was never taken: it does not count as sent
                break;
            }
            if (System.nanoTime() - planned > MAX_LAG_NANOS)
            {
                keptUp = false;
                i++;
                break;
            }
        }
        final double seconds = (System.nanoTime() - Math.min(measureStart, System.nanoTime())) / 1e9;
        final double achieved = Math.max(0, i - warmupOrders) / seconds;
        return new Run(i, achieved, keptUp && achieved >= MIN_ACHIEVED * ratePerSecond);
    }

    /**
     * Between warm-up and measurement: waits until every warm-up order reached the end point, then a
     * little longer (spinning, taking reports), so neither a backlog of the warm-up nor the JIT
     * compiler's last work lands in the measured orders.
     *
     * @return when the measured orders may start.
     */
    private static long settle(final LatencyTarget target, final int warmupOrders)
    {
        final long giveUp = System.nanoTime() + MAX_LAG_NANOS * 30;
        while (target.times().arrivedCount() < warmupOrders && System.nanoTime() < giveUp)
        {
            target.idle();
        }
        final long quiet = System.nanoTime() + SETTLE_NANOS;
        while (System.nanoTime() < quiet)
        {
            target.idle();
            Thread.onSpinWait();
        }
        return System.nanoTime();
    }
}
