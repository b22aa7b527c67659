package io.ordergateway.core.routing;

import io.ordergateway.core.broker.OrderCommand;

/**
 * Picks the broker for a new order among those that can take it now ({@link BrokerPool#eligible}:
 * available, breaker allowing, capabilities, API budget). Implementations keep their own state,
 * owned by the route stage's thread, decide only from what the events told them (replay decides
 * the same), and allocate nothing.
 */
public interface Router
{
    /**
     * @param order the new order.
     * @param now   the event's time.
     * @param pool  the brokers.
     * @param chain the failover chain.
     * @return the broker id, or -1 if none can take it.
     */
    int route(OrderCommand order, long now, BrokerPool pool, FailoverChain chain);

    /**
     * @return the policy, as journaled with each decision.
     */
    RoutingPolicy policy();

    /**
     * Creates the router for a policy.
     *
     * @param policy the policy.
     * @param config weights and the rest.
     * @return a new router.
     */
    static Router create(final RoutingPolicy policy, final RoutingConfig config)
    {
        switch (policy)
        {
            case PRIMARY_ONLY: return new PrimaryOnlyRouter();
            case ROUND_ROBIN: return new RoundRobinRouter();
            case LOAD_BALANCED: return new LoadBalancedRouter();
            case WEIGHTED_SPLIT: return new WeightedSplitRouter(config.weights());
            case BEST_EXECUTION: return new BestExecutionRouter();
            default: throw new IllegalArgumentException("unknown routing policy " + policy);
        }
    }
}
