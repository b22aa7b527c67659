package io.ordergateway.core.routing;

import io.ordergateway.core.broker.OrderCommand;

/**
 * Everything to the failover chain's active broker (the primary until it fails); an order the
 * active broker cannot take right now goes to the next broker in chain order that can.
 */
public final class PrimaryOnlyRouter implements Router
{
    @Override
    public int route(final OrderCommand order, final long now, final BrokerPool pool, final FailoverChain chain)
    {
        return chain.pick(order, now, pool);
    }

    @Override
    public RoutingPolicy policy()
    {
        return RoutingPolicy.PRIMARY_ONLY;
    }
}
