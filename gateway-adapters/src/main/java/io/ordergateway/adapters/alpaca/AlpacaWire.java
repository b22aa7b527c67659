package io.ordergateway.adapters.alpaca;

import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;

/**
 * The words Alpaca's Trading API uses for the gateway's enums, in both directions. One table shared
 * by the adapter's encoder and the simulator, so the two can never disagree.
 */
public final class AlpacaWire
{
    private AlpacaWire()
    {
    }

    /**
     * @param side the gateway's side.
     * @return {@code buy} or {@code sell}.
     */
    public static String side(final Side side)
    {
        return side == Side.BUY ? "buy" : "sell";
    }

    /**
     * @param type the gateway's order type.
     * @return Alpaca's {@code type}.
     */
    public static String type(final OrderType type)
    {
        switch (type)
        {
            case MARKET: return "market";
            case LIMIT: return "limit";
            case STOP: return "stop";
            case STOP_LIMIT: return "stop_limit";
            default: return "trailing_stop";
        }
    }

    /**
     * @param tif the gateway's time in force.
     * @return Alpaca's {@code time_in_force}.
     */
    public static String timeInForce(final TimeInForce tif)
    {
        return tif.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param orderClass the gateway's order class.
     * @return Alpaca's {@code order_class}.
     */
    public static String orderClass(final OrderClass orderClass)
    {
        return orderClass.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param text Alpaca's side.
     * @return the side, or null when the word is not one.
     */
    public static Side parseSide(final String text)
    {
        return "buy".equals(text) ? Side.BUY : "sell".equals(text) ? Side.SELL : null;
    }

    /**
     * @param text Alpaca's type.
     * @return the order type, or null when the word is not one.
     */
    public static OrderType parseType(final String text)
    {
        for (final OrderType t : OrderType.values())
        {
            if (type(t).equals(text))
            {
                return t;
            }
        }
        return null;
    }

    /**
     * @param text Alpaca's time in force.
     * @return the time in force, or null when the word is not one.
     */
    public static TimeInForce parseTimeInForce(final String text)
    {
        for (final TimeInForce t : TimeInForce.values())
        {
            if (timeInForce(t).equals(text))
            {
                return t;
            }
        }
        return null;
    }

    /**
     * @param text Alpaca's order class; empty or null means simple.
     * @return the class, or null when the word is not one.
     */
    public static OrderClass parseOrderClass(final String text)
    {
        if (text == null || text.isEmpty())
        {
            return OrderClass.SIMPLE;
        }
        for (final OrderClass c : OrderClass.values())
        {
            if (orderClass(c).equals(text))
            {
                return c;
            }
        }
        return null;
    }

    /**
     * Maps an order status to the gateway's state. {@code replaced} maps to REPLACED: the caller
     * follows {@code replaced_by}. Statuses that mean "still working" (accepted, pending_new, held,
     * done_for_day, ...) map to NEW or PARTIALLY_FILLED by the filled quantity.
     *
     * @param status Alpaca's status.
     * @param filled the order's filled quantity.
     * @return the state.
     */
    public static OrderState state(final String status, final long filled)
    {
        switch (status)
        {
            case "filled": return OrderState.FILLED;
            case "canceled": return OrderState.CANCELED;
            case "expired": return OrderState.EXPIRED;
            case "rejected": return OrderState.REJECTED;
            case "replaced": return OrderState.REPLACED;
            default: return filled > 0 ? OrderState.PARTIALLY_FILLED : OrderState.NEW;
        }
    }
}
