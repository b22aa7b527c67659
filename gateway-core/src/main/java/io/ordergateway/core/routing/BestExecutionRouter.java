package io.ordergateway.core.routing;

import io.ordergateway.core.broker.OrderCommand;

/**
 * The eligible broker with the best (lowest) {@link BrokerPool#score}: recent acknowledgement
 * latency, definite failures, rejects and configured cost. Ties go to chain order.
 */
public final class BestExecutionRouter implements Router
{
    @Override
    public int route(final OrderCommand order, final long now, final BrokerPool pool, final FailoverChain chain)
    {
        int best = -1;
        long bestScore = Long.MAX_VALUE;
        for (int i = 0; i < chain.length(); i++)
        {
            final int b = chain.at(i);
            if (pool.eligible(b, order, now))
            {
                final long score = pool.score(b);
                if (score < bestScore)
                {
                    best = b;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    @Override
    public RoutingPolicy policy()
    {
        return RoutingPolicy.BEST_EXECUTION;
    }
}
