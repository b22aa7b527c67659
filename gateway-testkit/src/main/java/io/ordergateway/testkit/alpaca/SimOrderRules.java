package io.ordergateway.testkit.alpaca;

import io.ordergateway.adapters.alpaca.AlpacaWire;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * The checks the reference says Alpaca makes of a new order's body, in the order it makes them:
 * a known symbol, side, type, time in force and class; {@code qty} xor {@code notional}; fractional
 * only for market day orders; only the price fields the type allows, and the ones it needs;
 * no sub-penny prices; extended hours only for limit day orders; legs only as the class wants
 * them; no unknown fields. Also how the simulator reads a body's text and decimal fields. Stateless.
 */
final class SimOrderRules
{
    private static final long CENT = FixedPoint.PRICE_SCALE / 100;

    private static final Set<String> KNOWN_FIELDS =
        Set.of("symbol", "qty", "notional", "side", "type", "time_in_force", "limit_price", "stop_price", "trail_price",
        "trail_percent", "extended_hours", "client_order_id", "order_class", "take_profit", "stop_loss",
        "position_intent");

    private SimOrderRules()
    {
    }

    /**
     * Reads and checks an order body the way the reference says Alpaca does, into {@code o}.
     *
     * @param body    the request body.
     * @param o       the order to fill in.
     * @param symbols the tradable symbols.
     * @return null if the order is valid, else the error reply.
     * @throws IllegalArgumentException when a field has the wrong JSON type or is no decimal (a 400).
     */
    static SimReply readOrder(final Map<String, Object> body, final SimAlpacaOrder o, final SymbolTable symbols)
    {
        o.symbol = text(body, "symbol");
        if (o.symbol == null || symbols.id(o.symbol) == SymbolTable.UNKNOWN)
        {
            return SimReply.error(422, 40010001, "asset not found for " + o.symbol);
        }
        o.side = AlpacaWire.parseSide(text(body, "side"));
        if (o.side == null)
        {
            return SimReply.error(422, 40010001, "invalid side");
        }
        o.type = AlpacaWire.parseType(text(body, "type"));
        if (o.type == null)
        {
            return SimReply.error(422, 40010001, "invalid order type");
        }
        o.timeInForce = AlpacaWire.parseTimeInForce(text(body, "time_in_force"));
        if (o.timeInForce == null)
        {
            return SimReply.error(422, 40010001, "invalid time_in_force");
        }
        o.orderClass = AlpacaWire.parseOrderClass(text(body, "order_class"));
        if (o.orderClass == null)
        {
            return SimReply.error(422, 40010001, "invalid order_class");
        }
        final String qty = text(body, "qty");
        final String notional = text(body, "notional");
        if ((qty == null) == (notional == null))
        {
            return SimReply.error(400, 40010000, "exactly one of qty or notional is required");
        }
        if (notional != null)
        {
            return SimReply.error(422, 40010001, "notional orders are not supported by the simulator");
        }
        o.quantity = decimal(qty, FixedPoint.QUANTITY_DECIMALS, "qty");
        if (o.quantity <= 0)
        {
            return SimReply.error(422, 40010001, "qty must be > 0");
        }
        if (o.quantity % FixedPoint.QUANTITY_SCALE != 0
            && !(o.type == OrderType.MARKET && o.timeInForce == TimeInForce.DAY))
        {
            return SimReply.error(422, 40010001, "fractional orders must be DAY orders");
        }
        final SimReply prices = readPrices(body, o);
        if (prices != null)
        {
            return prices;
        }
        o.extendedHours = Boolean.TRUE.equals(body.get("extended_hours"));
        if (o.extendedHours && !(o.type == OrderType.LIMIT && o.timeInForce == TimeInForce.DAY))
        {
            return SimReply.error(422, 40010001, "only type=\"limit\" is allowed for extended hours orders");
        }
        final SimReply legs = checkLegs(body, o);
        if (legs != null)
        {
            return legs;
        }
        for (final String name : body.keySet())
        {
            if (!KNOWN_FIELDS.contains(name))
            {
                return SimReply.error(422, 40010001, "unknown field " + name);
            }
        }
        return null;
    }

    /**
     * The price fields: only those the type allows, the ones it needs, and no sub-penny prices.
     */
    private static SimReply readPrices(final Map<String, Object> body, final SimAlpacaOrder o)
    {
        final boolean limit = o.type == OrderType.LIMIT || o.type == OrderType.STOP_LIMIT;
        final boolean stop = o.type == OrderType.STOP || o.type == OrderType.STOP_LIMIT;
        final boolean trailing = o.type == OrderType.TRAILING_STOP;
        final SimReply fields = allowOnly(body, limit, "limit_price") != null ? allowOnly(body, limit, "limit_price")
            : allowOnly(body, stop, "stop_price") != null ? allowOnly(body, stop, "stop_price")
            : allowOnly(body, trailing, "trail_price") != null ? allowOnly(body, trailing, "trail_price")
            : allowOnly(body, trailing, "trail_percent");
        if (fields != null)
        {
            return fields;
        }
        o.limitPrice = limit ? decimal(text(body, "limit_price"), FixedPoint.PRICE_DECIMALS, "limit_price")
            : FixedPoint.NULL;
        o.stopPrice = stop ? decimal(text(body, "stop_price"), FixedPoint.PRICE_DECIMALS, "stop_price")
            : FixedPoint.NULL;
        o.trailPrice = trailing && body.get("trail_price") != null
            ? decimal(text(body, "trail_price"), FixedPoint.PRICE_DECIMALS, "trail_price") : FixedPoint.NULL;
        o.trailPercent = trailing && body.get("trail_percent") != null
            ? decimal(text(body, "trail_percent"), FixedPoint.PRICE_DECIMALS, "trail_percent") : FixedPoint.NULL;
        if (limit && o.limitPrice == FixedPoint.NULL || stop && o.stopPrice == FixedPoint.NULL)
        {
            return SimReply.error(422, 40010001,
                (limit && o.limitPrice == FixedPoint.NULL ? "limit_price" : "stop_price") + " is required");
        }
        if (trailing && (o.trailPrice == FixedPoint.NULL) == (o.trailPercent == FixedPoint.NULL))
        {
            return SimReply.error(422, 40010001, "exactly one of trail_price or trail_percent is required");
        }
        return subPenny(o.limitPrice, "limit_price") != null ? subPenny(o.limitPrice, "limit_price")
            : subPenny(o.stopPrice, "stop_price");
    }

    /**
     * The legs ({@code take_profit}, {@code stop_loss}) each order class wants.
     */
    private static SimReply checkLegs(final Map<String, Object> body, final SimAlpacaOrder o)
    {
        final boolean legs = body.get("take_profit") != null || body.get("stop_loss") != null;
        if (o.orderClass == OrderClass.SIMPLE && legs)
        {
            return SimReply.error(422, 40010001, "take_profit and stop_loss need an order_class");
        }
        if (o.orderClass == OrderClass.BRACKET && (body.get("take_profit") == null || body.get("stop_loss") == null))
        {
            return SimReply.error(422, 40010001, "bracket orders need take_profit and stop_loss");
        }
        if (o.orderClass == OrderClass.BRACKET && !(o.type == OrderType.MARKET || o.type == OrderType.LIMIT))
        {
            return SimReply.error(422, 40010001, "bracket orders must be market or limit orders");
        }
        if (o.orderClass == OrderClass.OCO
            && (o.type != OrderType.LIMIT || body.get("take_profit") == null || body.get("stop_loss") == null))
        {
            return SimReply.error(422, 40010001, "oco orders must be limit orders with take_profit and stop_loss");
        }
        if (o.orderClass == OrderClass.OTO && (body.get("take_profit") == null) == (body.get("stop_loss") == null))
        {
            return SimReply.error(422, 40010001, "oto orders need exactly one of take_profit or stop_loss");
        }
        return null;
    }

    private static SimReply allowOnly(final Map<String, Object> body, final boolean allowed, final String field)
    {
        return !allowed && body.get(field) != null
            ? SimReply.error(422, 40010001, field + " is not allowed for this order type") : null;
    }

    private static SimReply subPenny(final long price, final String field)
    {
        if (price == FixedPoint.NULL)
        {
            return null;
        }
        final long tick = price >= FixedPoint.PRICE_SCALE ? CENT : CENT / 100;
        if (price % tick != 0)
        {
            return SimReply.error(422, 42210000, "invalid " + field + " " + FixedPoint.formatPrice(price)
                + ". sub-penny increment does not fulfill minimum pricing criteria");
        }
        return null;
    }

    /**
     * @param body the body.
     * @param name the field.
     * @return the field as text (a JSON number as its plain decimal), null if absent or null.
     * @throws IllegalArgumentException if the field is neither a string nor a number.
     */
    static String text(final Map<String, Object> body, final String name)
    {
        final Object value = body.get(name);
        if (value == null)
        {
            return null;
        }
        if (value instanceof String s)
        {
            return s;
        }
        if (value instanceof BigDecimal d)
        {
            return d.toPlainString(); // Alpaca accepts numbers too (the reference's SDK note)
        }
        throw new IllegalArgumentException(name + " has the wrong JSON type");
    }

    /**
     * @param text     the decimal's text, or null.
     * @param decimals the scale.
     * @param field    the field, for the message.
     * @return the scaled value, {@code FixedPoint.NULL} for null.
     * @throws IllegalArgumentException naming the field when the text is no decimal.
     */
    static long decimal(final String text, final int decimals, final String field)
    {
        if (text == null)
        {
            return FixedPoint.NULL;
        }
        try
        {
            return FixedPoint.parse(text, decimals);
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalArgumentException("invalid " + field + " " + text);
        }
    }
}
