package io.ordergateway.core.routing;

import io.ordergateway.core.broker.OrderCommand;

/**
 * Picks the broker for a new order. Implementations keep their own state, owned by the route
 * stage's thread, and allocate nothing.
 */
public interface Router
{
    /**
     * @param order the new order.
     * @return the broker id, or -1 if no broker can take it.
     */
    int route(OrderCommand order);

    /**
     * @return the policy, as journaled with each decision.
     */
    RoutingPolicy policy();

    /**
     * Creates the router for a policy.
     *
     * @param policy  the policy.
     * @param brokers how many brokers there are (at least one).
     * @return a new router.
     */
    static Router create(final RoutingPolicy policy, final int brokers)
    {
        switch (policy)
        {
            case PRIMARY_ONLY:
                return new PrimaryOnlyRouter();
            case ROUND_ROBIN:
                return new RoundRobinRouter(brokers);
            default:
                throw new IllegalArgumentException("unknown routing policy " + policy);
        }
    }
}
