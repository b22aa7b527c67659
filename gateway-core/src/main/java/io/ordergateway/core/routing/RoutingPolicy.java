package io.ordergateway.core.routing;

/**
 * How the route stage picks a broker for a new order. The {@link #code()} is the journal's.
 */
public enum RoutingPolicy
{
    /** The failover chain's active broker (the primary until it fails). */
    PRIMARY_ONLY(1),
    /** Each available broker in turn. */
    ROUND_ROBIN(2),
    /** The best score from recent acknowledgement latency, fill rate, error rate and configured cost. */
    BEST_EXECUTION(3),
    /** The fewest orders awaiting an answer; ties to the least recently used. */
    LOAD_BALANCED(4),
    /** A deterministic hash of the client order id split by configured percentages (A/B comparison). */
    WEIGHTED_SPLIT(5);

    private final int code;

    RoutingPolicy(final int code)
    {
        this.code = code;
    }

    /**
     * @param code a journal code.
     * @return the policy.
     * @throws IllegalArgumentException for an unknown code.
     */
    public static RoutingPolicy fromCode(final int code)
    {
        for (final RoutingPolicy p : values())
        {
            if (p.code == code)
            {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown routing policy code " + code);
    }

    /** @return the code used in the journal. */
    public int code()
    {
        return code;
    }
}
