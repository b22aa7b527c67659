package io.ordergateway.core.broker;

import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;

/**
 * A command for a broker, as the send stage hands it to an adapter. A view over a ring slot: valid
 * only during the {@code send*} call; copy what you keep. Prices absent for the order type are
 * {@code FixedPoint.NULL}.
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

    /** @return the order class. */
    OrderClass orderClass();

    /** @return the quantity (the new total quantity for a replace). */
    long quantity();

    /** @return the limit price or NULL. */
    long limitPrice();

    /** @return the stop price or NULL. */
    long stopPrice();

    /** @return the trailing amount in price units, or NULL. */
    long trailPrice();

    /** @return the trailing percent (price scale: 1.5% is 1.5e8), or NULL. */
    long trailPercent();

    /** @return take-profit limit price of a bracket/OCO/OTO, or NULL. */
    long takeProfitLimitPrice();

    /** @return stop-loss stop price of a bracket/OCO/OTO, or NULL. */
    long stopLossStopPrice();

    /** @return stop-loss limit price, or NULL. */
    long stopLossLimitPrice();

    /** @return true to allow execution outside the regular session. */
    boolean extendedHours();
}
