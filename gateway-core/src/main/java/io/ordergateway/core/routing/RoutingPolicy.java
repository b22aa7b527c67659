package io.ordergateway.core.routing;

/**
 * How the route stage picks a broker for a new order. The {@link #code()} is the journal's.
 */
public enum RoutingPolicy
{
    /** Always the first broker. */
    PRIMARY_ONLY(1),
    /** Each broker in turn. */
    ROUND_ROBIN(2);

    private final int code;

    RoutingPolicy(final int code)
    {
        this.code = code;
    }

    /** @return the code used in the journal. */
    public int code()
    {
        return code;
    }
}
