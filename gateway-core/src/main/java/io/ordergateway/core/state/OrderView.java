package io.ordergateway.core.state;

import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;

/**
 * An order as the books hold it, read-only: what a stage other than the state stage may see of it.
 * Scaled longs as everywhere ({@code Scales}).
 */
public interface OrderView
{
    /** @return the gateway's order id. */
    long orderId();

    /** @return its account. */
    int accountId();

    /** @return its strategy. */
    int strategyId();

    /** @return its symbol's id. */
    int symbolId();

    /** @return the broker it was routed to, or -1. */
    int brokerId();

    /** @return its side. */
    Side side();

    /** @return its order type. */
    OrderType type();

    /** @return its time in force. */
    TimeInForce timeInForce();

    /** @return its order class. */
    OrderClass orderClass();

    /** @return its quantity now (after replaces). */
    long quantity();

    /** @return its limit price, or NULL. */
    long limitPrice();

    /** @return its stop price, or NULL. */
    long stopPrice();

    /** @return its state. */
    OrderState state();

    /** @return executed quantity. */
    long cumQuantity();

    /** @return quantity still open. */
    long leavesQuantity();
}
