package io.ordergateway.core.routing;

import io.ordergateway.core.broker.OrderCommand;

/**
 * Each eligible broker in turn (brokers that cannot take the order are skipped). Deterministic:
 * replaying the same events gives the same choices.
 */
public final class RoundRobinRouter implements Router
{
    private int next;

    @Override
    public int route(final OrderCommand order, final long now, final BrokerPool pool, final FailoverChain chain)
    {
        final int n = pool.size();
        for (int i = 0; i < n; i++)
        {
            final int b = (next + i) % n;
            if (pool.eligible(b, order, now))
            {
                next = (b + 1) % n;
                return b;
            }
        }
        return -1;
    }

    @Override
    public RoutingPolicy policy()
    {
        return RoutingPolicy.ROUND_ROBIN;
    }
}
