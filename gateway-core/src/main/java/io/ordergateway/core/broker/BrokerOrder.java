package io.ordergateway.core.broker;

import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.Side;

/**
 * One order as the broker lists it (open or closed orders by date), whether the gateway sent it or
 * not. Quantities and prices are scaled longs; a price the broker did not give is
 * {@code FixedPoint.NULL}.
 *
 * @param clientOrderId  the client order id the broker holds (the gateway's own for its orders).
 * @param brokerOrderId  the broker's id for it.
 * @param symbol         the symbol.
 * @param side           buy or sell.
 * @param type           the broker's order type as it names it ({@code market}, {@code limit}...).
 * @param state          the order's state in the gateway's terms.
 * @param quantity       ordered quantity.
 * @param filled         filled so far.
 * @param averagePrice   average fill price, {@code FixedPoint.NULL} if nothing filled.
 * @param limitPrice     limit price, or {@code FixedPoint.NULL}.
 * @param submittedAt    when the broker took it, as the broker wrote it (ISO-8601), or empty.
 */
public record BrokerOrder(String clientOrderId, String brokerOrderId, String symbol, Side side, String type,
    OrderState state, long quantity, long filled, long averagePrice, long limitPrice, String submittedAt)
{
    /**
     * Which orders a listing holds.
     */
    public enum Listing
    {
        /** Orders still working. */
        OPEN,
        /** Orders that ended (filled, canceled, expired, rejected, replaced). */
        CLOSED,
        /** Both. */
        ALL
    }
}
