package io.ordergateway.core.routing;

/**
 * What the route stage decided about a broker. The {@link #code()} is the journal's.
 */
public enum RoutingChangeKind
{
    /** A definite failure counted (value: consecutive failures). */
    FAILURE_COUNTED(1),
    /** An answer reset the failure count. */
    SUCCESS_RESET(2),
    /** The breaker opened. */
    BREAKER_OPEN(3),
    /** The breaker let a trial through. */
    BREAKER_HALF_OPEN(4),
    /** The breaker closed. */
    BREAKER_CLOSED(5),
    /** The active broker changed away from a failing one (other: the broker before). */
    FAILOVER(6),
    /** The primary is due for a health probe. */
    PROBE_REQUESTED(7),
    /** The primary is active again (other: the broker before). */
    RECOVERY(8),
    /** No broker can take orders: new orders are denied with GATEWAY_PAUSED. */
    PAUSED(9),
    /** A broker is available again: orders flow. */
    RESUMED(10),
    /** An operator made a broker active (other: the broker before). */
    FORCED_ACTIVE(11),
    /** An operator disabled a broker. */
    DISABLED(12),
    /** An operator enabled a broker. */
    ENABLED(13),
    /** A new order got no answer in time (the order goes to UNKNOWN). */
    TIMEOUT(14);

    private static final RoutingChangeKind[] BY_CODE = new RoutingChangeKind[16];

    static
    {
        for (final RoutingChangeKind k : values())
        {
            BY_CODE[k.code] = k;
        }
    }

    private final int code;

    RoutingChangeKind(final int code)
    {
        this.code = code;
    }

    /** @return the journal's code. */
    public int code()
    {
        return code;
    }

    /**
     * @param code a journal code.
     * @return the kind, or null if unknown.
     */
    public static RoutingChangeKind fromCode(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /**
     * @return true for the switches an operator cares about (failover, recovery, pause, resume, forced, disabled,
     *         enabled).
     */
    public boolean isSwitch()
    {
        return this == FAILOVER || this == RECOVERY || this == PAUSED || this == RESUMED || this == FORCED_ACTIVE
            || this == DISABLED || this == ENABLED;
    }
}
