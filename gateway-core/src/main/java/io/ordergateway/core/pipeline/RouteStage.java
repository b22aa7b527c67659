package io.ordergateway.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.routing.Router;

/**
 * Stage 3: picks the broker for each new order that passed validation and throttling. Cancels and
 * replaces go to the broker that holds the order; the state stage, which owns the orders, sets it.
 */
public final class RouteStage implements EventHandler<GatewayEvent>
{
    private final Router router;

    /**
     * @param router the routing policy's implementation.
     */
    public RouteStage(final Router router)
    {
        this.router = router;
    }

    @Override
    public void onEvent(final GatewayEvent event, final long sequence, final boolean endOfBatch)
    {
        if (event.type != EventType.NEW_ORDER || event.isDenied())
        {
            return;
        }
        final int broker = router.route(event);
        if (broker < 0)
        {
            event.deny(RejectReason.NO_BROKER_AVAILABLE, DetailField.BROKER, broker, 0);
            return;
        }
        event.brokerId = broker;
        event.routingPolicyCode = router.policy().code();
    }
}
