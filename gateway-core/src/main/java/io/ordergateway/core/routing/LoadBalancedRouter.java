package io.ordergateway.core.routing;

import io.ordergateway.core.broker.OrderCommand;

/**
 * The eligible broker with the fewest orders awaiting an answer; ties go to the one used least
 * recently.
 */
public final class LoadBalancedRouter implements Router
{
    @Override
    public int route(final OrderCommand order, final long now, final BrokerPool pool, final FailoverChain chain)
    {
        int best = -1;
        for (int b = 0; b < pool.size(); b++)
        {
            if (pool.eligible(b, order, now)
                && (best < 0 || pool.inFlight[b] < pool.inFlight[best] || pool.inFlight[b] == pool.inFlight[best]
                && pool.lastUsed[b] < pool.lastUsed[best]))
            {
                best = b;
            }
        }
        return best;
    }

    @Override
    public RoutingPolicy policy()
    {
        return RoutingPolicy.LOAD_BALANCED;
    }
}
