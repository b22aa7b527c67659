package io.ordergateway.core.reconcile;

/**
 * How the gateway reconciles with its brokers while it runs.
 *
 * @param intervalSeconds every how many seconds each broker is compared with the gateway (0: never; only at start).
 * @param onDifference    what a confirmed difference does.
 * @param adoptExternal   whether orders at a broker that the gateway never sent are adopted (tracked as EXTERNAL,
 *                        their fills journaled), so positions stay equal to the broker's; also at start, where such an
 *                        order is then no reason to refuse to start.
 * @param externalAccount the gateway account adopted orders are booked to.
 */
public record ReconciliationSettings(long intervalSeconds, DifferencePolicy onDifference, boolean adoptExternal,
    int externalAccount)
{
    /** The longest interval: a day. */
    public static final long MAX_INTERVAL_SECONDS = 86_400;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException naming what is wrong.
     */
    public ReconciliationSettings
    {
        if (intervalSeconds < 0 || intervalSeconds > MAX_INTERVAL_SECONDS)
        {
            throw new IllegalArgumentException("reconciliation.intervalSeconds must be 0 (off) to "
                + MAX_INTERVAL_SECONDS + ", not " + intervalSeconds);
        }
        if (onDifference == null)
        {
            throw new IllegalArgumentException("reconciliation.onDifference must be warn, reduce_only or kill_switch");
        }
        if (externalAccount < 0)
        {
            throw new IllegalArgumentException("reconciliation.externalAccount must not be negative, not "
                + externalAccount);
        }
    }

    /**
     * @return every 60 s, warn, adopt external orders into account 0.
     */
    public static ReconciliationSettings defaults()
    {
        return new ReconciliationSettings(60, DifferencePolicy.WARN, true, 0);
    }
}
