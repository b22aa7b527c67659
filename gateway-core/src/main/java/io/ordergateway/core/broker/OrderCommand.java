package io.ordergateway.core.broker;

import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;

/**
 * A command for a broker, as the send stage hands it to an adapter. A view over a ring slot: valid
 * only during the {@code send*} call; copy what you keep. Prices absent for the order type are
 * {@code FixedPoint.NULL}. The parts a simple order does without (class, trailing amounts, legs,
 * extended hours) default to "simple, none, no", so a command that has none of them need not say so.
 */
public interface OrderCommand
{
    /** @return new, cancel or replace. */
    CommandKind command();

    /** @return the gateway's order id (the client order id is derived from it). */
    long orderId();

    /** @return the interned symbol. */
    int symbolId();

    /** @return buy or sell. */
    Side side();

    /** @return the order type. */
    OrderType orderType();

    /** @return the time in force. */
    TimeInForce timeInForce();

    /** @return the order class; simple by default. */
    default OrderClass orderClass()
    {
        return OrderClass.SIMPLE;
    }

    /** @return the quantity (the new total quantity for a replace). */
    long quantity();

    /** @return the limit price or NULL. */
    long limitPrice();

    /** @return the stop price or NULL. */
    long stopPrice();

    /** @return the trailing amount in price units, or NULL (by default NULL). */
    default long trailPrice()
    {
        return io.ordergateway.journal.FixedPoint.NULL;
    }

    /** @return the trailing percent (price scale: 1.5% is 1.5e8), or NULL (by default NULL). */
    default long trailPercent()
    {
        return io.ordergateway.journal.FixedPoint.NULL;
    }

    /** @return take-profit limit price of a bracket/OCO/OTO, or NULL (by default NULL). */
    default long takeProfitLimitPrice()
    {
        return io.ordergateway.journal.FixedPoint.NULL;
    }

    /** @return stop-loss stop price of a bracket/OCO/OTO, or NULL (by default NULL). */
    default long stopLossStopPrice()
    {
        return io.ordergateway.journal.FixedPoint.NULL;
    }

    /** @return stop-loss limit price, or NULL (by default NULL). */
    default long stopLossLimitPrice()
    {
        return io.ordergateway.journal.FixedPoint.NULL;
    }

    /** @return true to allow execution outside the regular session (by default false). */
    default boolean extendedHours()
    {
        return false;
    }
}
