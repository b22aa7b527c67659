package io.ordergateway.adapters.sim;

import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;

/**
 * An order as the simulated broker holds it. Pooled; owned by the sim's thread.
 */
final class SimOrder
{
    long orderId;
    int symbolId;
    Side side;
    OrderType type;
    TimeInForce timeInForce;
    long quantity;
    long filled;
    long limitPrice;
    long stopPrice;
    long trailPrice;
    long trailPercent;
    long filledNotional;
    final java.util.List<io.ordergateway.core.broker.BrokerOrderStatus.Fill> fills = new java.util.ArrayList<>();
    boolean triggered;
    long waterMark;
    int restingIndex = -1;
    long submittedNanos;

    long leaves()
    {
        return quantity - filled;
    }
}
