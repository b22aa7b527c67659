package io.ordergateway.core.routing;

import io.ordergateway.core.broker.OrderCommand;

/**
 * Sends each new order to the next broker in turn. Deterministic: replaying the same orders gives
 * the same choices.
 */
public final class RoundRobinRouter implements Router
{
    private final int brokers;
    private int next;

    /**
     * @param brokers how many brokers to rotate over, at least 1.
     */
    public RoundRobinRouter(final int brokers)
    {
        if (brokers < 1)
        {
            throw new IllegalArgumentException("need at least one broker");
        }
        this.brokers = brokers;
    }

    @Override
    public int route(final OrderCommand order)
    {
        final int broker = next;
        next = broker + 1 == brokers ? 0 : broker + 1;
        return broker;
    }

    @Override
    public RoutingPolicy policy()
    {
        return RoutingPolicy.ROUND_ROBIN;
    }
}
