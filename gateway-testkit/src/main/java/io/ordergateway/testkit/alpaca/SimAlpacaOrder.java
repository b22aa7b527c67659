package io.ordergateway.testkit.alpaca;

import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;

import java.time.Instant;

/**
 * One order as the simulator's account holds it: the fields of Alpaca's Order object. Owned by the
 * simulator's event-loop thread.
 */
final class SimAlpacaOrder
{
    String id;
    String clientOrderId;
    long engineId;
    String symbol;
    Side side;
    OrderType type;
    TimeInForce timeInForce;
    OrderClass orderClass;
    long quantity;
    long limitPrice;
    long stopPrice;
    long trailPrice;
    long trailPercent;
    boolean extendedHours;
    String status;
    long filledQuantity;
    long filledNotional;
    Instant createdAt;
    Instant updatedAt;
    Instant filledAt;
    Instant canceledAt;
    Instant expiredAt;
    Instant replacedAt;
    Instant failedAt;
    String replacedBy;
    String replaces;

    boolean isOpen()
    {
        switch (status)
        {
            case "filled":
            case "canceled":
            case "expired":
            case "rejected":
            case "replaced":
                return false;
            default:
                return true;
        }
    }
}
