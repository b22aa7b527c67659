package io.ordergateway.core.routing;

import io.ordergateway.core.broker.OrderCommand;

import java.util.List;

/**
 * An A/B split: a deterministic hash of the order id (so of the client order id) picks a number
 * from 0 to 99, and the configured percentages map it to a broker. The same order always lands on
 * the same broker, live or in replay. When that broker cannot take the order, the next eligible
 * broker in chain order does (such orders are counted apart from the split by the comparison report,
 * which reads the journaled policy and broker).
 */
public final class WeightedSplitRouter implements Router
{
    private final int[] upperBounds;

    /**
     * @param weights percent per broker, adding up to 100.
     */
    public WeightedSplitRouter(final List<Integer> weights)
    {
        upperBounds = new int[weights.size()];
        weights(weights);
    }

    /**
     * Changes the split (a run-time settings change, on the route stage's thread).
     *
     * @param weights percent per broker, adding up to 100.
     */
    public void weights(final List<Integer> weights)
    {
        int sum = 0;
        for (int b = 0; b < upperBounds.length; b++)
        {
            sum += weights.get(b);
            upperBounds[b] = sum;
        }
    }

    @Override
    public int route(final OrderCommand order, final long now, final BrokerPool pool, final FailoverChain chain)
    {
        final int target = target(order.orderId());
        if (pool.eligible(target, order, now))
        {
            return target;
        }
        return chain.pick(order, now, pool);
    }

    /**
     * @param orderId an order id.
     * @return the broker its hash falls on.
     */
    public int target(final long orderId)
    {
        final int bucket = (int)Long.remainderUnsigned(mix(orderId), 100);
        for (int b = 0; b < upperBounds.length; b++)
        {
            if (bucket < upperBounds[b])
            {
                return b;
            }
        }
        return upperBounds.length - 1;
    }

    private static long mix(final long v)
    {
        long z = v + 0x9E3779B97F4A7C15L; // SplitMix64's finaliser: consecutive ids spread evenly
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public RoutingPolicy policy()
    {
        return RoutingPolicy.WEIGHTED_SPLIT;
    }
}
