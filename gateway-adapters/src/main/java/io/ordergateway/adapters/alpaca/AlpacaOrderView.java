package io.ordergateway.adapters.alpaca;

import io.ordergateway.journal.FixedPoint;

/**
 * The fields of Alpaca's Order object the adapter acts on, read by {@link AlpacaJsonReader}.
 * Mutable and reused; decimals are scaled longs ({@code FixedPoint.NULL} when absent or null).
 */
public final class AlpacaOrderView
{
    /** Alpaca's order id. */
    public String id;
    /** The client order id. */
    public String clientOrderId;
    /** The status word. */
    public String status;
    /** The symbol. */
    public String symbol;
    /** {@code buy} or {@code sell}. */
    public String side;
    /** Id of the order that replaced this one, or null. */
    public String replacedBy;
    /** Id of the order this one replaces, or null. */
    public String replaces;
    /** Ordered quantity. */
    public long quantity;
    /** Filled quantity. */
    public long filledQuantity;
    /** Average fill price. */
    public long filledAveragePrice;
    /** Limit price. */
    public long limitPrice;
    /** Stop price. */
    public long stopPrice;
    /** {@code type} ({@code market}, {@code limit}...), or null. */
    public String type;
    /** {@code submitted_at}, as written, or null. */
    public String submittedAt;
    /** {@code time_in_force}, or null. */
    public String timeInForce;
    /** {@code order_class} ({@code simple}, {@code bracket}, {@code oco}, {@code oto}...), or null. */
    public String orderClass;

    /**
     * Forgets the previous order.
     */
    public void clear()
    {
        id = null;
        clientOrderId = null;
        status = null;
        symbol = null;
        side = null;
        replacedBy = null;
        replaces = null;
        quantity = 0;
        filledQuantity = 0;
        filledAveragePrice = FixedPoint.NULL;
        limitPrice = FixedPoint.NULL;
        stopPrice = FixedPoint.NULL;
        type = null;
        submittedAt = null;
        timeInForce = null;
        orderClass = null;
    }

    /**
     * @param other where to copy from.
     */
    public void copyFrom(final AlpacaOrderView other)
    {
        id = other.id;
        clientOrderId = other.clientOrderId;
        status = other.status;
        symbol = other.symbol;
        side = other.side;
        replacedBy = other.replacedBy;
        replaces = other.replaces;
        quantity = other.quantity;
        filledQuantity = other.filledQuantity;
        filledAveragePrice = other.filledAveragePrice;
        limitPrice = other.limitPrice;
        stopPrice = other.stopPrice;
        type = other.type;
        submittedAt = other.submittedAt;
        timeInForce = other.timeInForce;
        orderClass = other.orderClass;
    }
}
