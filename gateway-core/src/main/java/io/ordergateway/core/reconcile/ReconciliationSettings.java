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
 * @param discoverySeconds every how many seconds each broker is asked what it accepts per symbol (at start, then
 *                        daily by default; 0: only at start).
 * @param capabilities    per broker name, what the configuration says better than the adapter or the broker.
 */
public record ReconciliationSettings(long intervalSeconds, DifferencePolicy onDifference, boolean adoptExternal,
    int externalAccount, long discoverySeconds,
    java.util.Map<String, io.ordergateway.core.broker.CapabilityOverride> capabilities)
{
    /**
     * The account adopted orders are booked to by default: not 0, which is a new order's own default,
     * so external positions never count toward a strategy's account (its risk, its flatten).
     */
    public static final int EXTERNAL_ACCOUNT = 999_999;

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
        if (discoverySeconds < 0)
        {
            throw new IllegalArgumentException("discovery interval must not be negative, not " + discoverySeconds);
        }
        capabilities = java.util.Map.copyOf(capabilities);
    }

    /**
     * Discovery daily, no overrides.
     *
     * @param intervalSeconds every how many seconds (0: never).
     * @param onDifference    what a confirmed difference does.
     * @param adoptExternal   whether external orders are adopted.
     * @param externalAccount the account adopted orders are booked to.
     */
    public ReconciliationSettings(final long intervalSeconds, final DifferencePolicy onDifference,
        final boolean adoptExternal, final int externalAccount)
    {
        this(intervalSeconds, onDifference, adoptExternal, externalAccount, 86_400, java.util.Map.of());
    }

    /**
     * @param overrides per broker name, the configuration's capabilities.
     * @return a copy with them.
     */
    public ReconciliationSettings withCapabilities(
        final java.util.Map<String, io.ordergateway.core.broker.CapabilityOverride> overrides)
    {
        return new ReconciliationSettings(intervalSeconds, onDifference, adoptExternal, externalAccount,
            discoverySeconds, overrides);
    }

    /**
     * @param broker a broker's name.
     * @return its override, or {@link io.ordergateway.core.broker.CapabilityOverride#NONE}.
     */
    public io.ordergateway.core.broker.CapabilityOverride capabilitiesOf(final String broker)
    {
        return capabilities.getOrDefault(broker, io.ordergateway.core.broker.CapabilityOverride.NONE);
    }

    /**
     * @return every 60 s, warn, adopt external orders into account {@link #EXTERNAL_ACCOUNT}; discovery daily.
     */
    public static ReconciliationSettings defaults()
    {
        return new ReconciliationSettings(60, DifferencePolicy.WARN, true, EXTERNAL_ACCOUNT);
    }
}
