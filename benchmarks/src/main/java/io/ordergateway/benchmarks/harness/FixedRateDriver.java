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
     * @param target       where to send.
     * @param ratePerSecond orders per second.
     * @param orders       how many to send.
     * @return the run.
     */
    static Run drive(final LatencyTarget target, final long ratePerSecond, final int orders)
    {
        final long interval = 1_000_000_000L / ratePerSecond;
        final long start = System.nanoTime() + 1_000_000;
        int i = 0;
        boolean keptUp = true;
        for (; i < orders; i++)
        {
            final long planned = start + i * interval;
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
        final double seconds = (System.nanoTime() - start) / 1e9;
        final double achieved = i / seconds;
        return new Run(i, achieved, keptUp && achieved >= MIN_ACHIEVED * ratePerSecond);
    }
}
