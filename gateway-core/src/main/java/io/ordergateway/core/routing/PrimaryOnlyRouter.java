package io.ordergateway.core.routing;

import io.ordergateway.core.broker.OrderCommand;

/**
 * Sends every order to broker 0.
 */
public final class PrimaryOnlyRouter implements Router
{
    @Override
    public int route(final OrderCommand order)
    {
        return 0;
    }

    @Override
    public RoutingPolicy policy()
    {
        return RoutingPolicy.PRIMARY_ONLY;
    }
}
