package io.ordergateway.adapters.alpaca;

import io.netty.buffer.ByteBuf;
import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.journal.FixedPoint;

import java.nio.charset.StandardCharsets;

/**
 * Encodes the gateway's commands as Alpaca requests, straight from the command into the (pooled)
 * request buffer: no strings, no intermediate objects. Decimals go out as JSON strings (the
 * reference's rule), with no trailing zeros. A request carries exactly the fields its order type
 * and class allow: {@code limit_price} only for limit and stop-limit, {@code stop_price} only for
 * stop and stop-limit, one of {@code trail_price}/{@code trail_percent} only for trailing stops,
 * {@code extended_hours} only when set, {@code order_class} and the legs only for non-simple classes.
 */
public final class AlpacaOrderEncoder
{
    private static final byte[][] SIDES = ascii("buy", "sell");
    private static final byte[][] TYPES = ascii("market", "limit", "stop", "stop_limit", "trailing_stop");
    private static final byte[][] TIFS = ascii("day", "gtc", "ioc", "fok", "opg", "cls");
    private static final byte[][] CLASSES = ascii("simple", "bracket", "oco", "oto");

    private final AlpacaRequests requests;
    private final SymbolTable symbols;
    private final ClientOrderIds clientOrderIds;
    private final byte[] clientOrderId = new byte[ClientOrderIds.MAX_LENGTH];
    private final StringBuilder path = new StringBuilder(64);

    /**
     * @param requests       the request framing (host, credentials).
     * @param symbols        the gateway's symbols.
     * @param clientOrderIds how order ids become client order ids.
     */
    public AlpacaOrderEncoder(final AlpacaRequests requests, final SymbolTable symbols,
        final ClientOrderIds clientOrderIds)
    {
        this.requests = requests;
        this.symbols = symbols;
        this.clientOrderIds = clientOrderIds;
    }

    private static byte[][] ascii(final String... words)
    {
        final byte[][] out = new byte[words.length][];
        for (int i = 0; i < words.length; i++)
        {
            out[i] = words[i].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    /**
     * Writes {@code POST /v2/orders} for a new order.
     *
     * @param c   the command.
     * @param out the request buffer.
     */
    public void encodeNew(final OrderCommand c, final ByteBuf out)
    {
        final int lengthAt = requests.beginBody(out, "POST", "/v2/orders");
        out.writeByte('{');
        name(out, "symbol");
        quoted(out, symbols.ascii(c.symbolId()));
        comma(out, "qty");
        decimal(out, c.quantity(), FixedPoint.QUANTITY_DECIMALS);
        comma(out, "side");
        quoted(out, SIDES[c.side().ordinal()]);
        comma(out, "type");
        quoted(out, TYPES[c.orderType().ordinal()]);
        comma(out, "time_in_force");
        quoted(out, TIFS[c.timeInForce().ordinal()]);
        prices(out, c.orderType(), c.limitPrice(), c.stopPrice());
        if (c.orderType() == OrderType.TRAILING_STOP)
        {
            if (c.trailPrice() != FixedPoint.NULL)
            {
                comma(out, "trail_price");
                decimal(out, c.trailPrice(), FixedPoint.PRICE_DECIMALS);
            }
            else
            {
                comma(out, "trail_percent");
                decimal(out, c.trailPercent(), FixedPoint.PRICE_DECIMALS);
            }
        }
        if (c.extendedHours())
        {
            comma(out, "extended_hours");
            out.writeCharSequence("true", StandardCharsets.US_ASCII);
        }
        comma(out, "client_order_id");
        final int length = clientOrderIds.format(c.orderId(), clientOrderId, 0);
        out.writeByte('"').writeBytes(clientOrderId, 0, length).writeByte('"');
        if (c.orderClass() != OrderClass.SIMPLE)
        {
            comma(out, "order_class");
            quoted(out, CLASSES[c.orderClass().ordinal()]);
            if (c.takeProfitLimitPrice() != FixedPoint.NULL)
            {
                comma(out, "take_profit");
                out.writeByte('{');
                name(out, "limit_price");
                decimal(out, c.takeProfitLimitPrice(), FixedPoint.PRICE_DECIMALS);
                out.writeByte('}');
            }
            if (c.stopLossStopPrice() != FixedPoint.NULL)
            {
                comma(out, "stop_loss");
                out.writeByte('{');
                name(out, "stop_price");
                decimal(out, c.stopLossStopPrice(), FixedPoint.PRICE_DECIMALS);
                if (c.stopLossLimitPrice() != FixedPoint.NULL)
                {
                    comma(out, "limit_price");
                    decimal(out, c.stopLossLimitPrice(), FixedPoint.PRICE_DECIMALS);
                }
                out.writeByte('}');
            }
        }
        out.writeByte('}');
        AlpacaRequests.endBody(out, lengthAt);
    }

    /**
     * Writes {@code PATCH /v2/orders/{id}} for a replace: the new total quantity and the prices its
     * type has (Alpaca keeps what is not sent).
     *
     * @param c             the command.
     * @param alpacaOrderId Alpaca's id of the order being replaced.
     * @param out           the request buffer.
     */
    public void encodeReplace(final OrderCommand c, final CharSequence alpacaOrderId, final ByteBuf out)
    {
        path.setLength(0);
        path.append("/v2/orders/").append(alpacaOrderId);
        final int lengthAt = requests.beginBody(out, "PATCH", path);
        out.writeByte('{');
        name(out, "qty");
        decimal(out, c.quantity(), FixedPoint.QUANTITY_DECIMALS);
        prices(out, c.orderType(), c.limitPrice(), c.stopPrice());
        if (c.orderType() == OrderType.TRAILING_STOP && c.trailPrice() != FixedPoint.NULL)
        {
            comma(out, "trail");
            decimal(out, c.trailPrice(), FixedPoint.PRICE_DECIMALS);
        }
        out.writeByte('}');
        AlpacaRequests.endBody(out, lengthAt);
    }

    private static void prices(final ByteBuf out, final OrderType type, final long limitPrice, final long stopPrice)
    {
        if ((type == OrderType.LIMIT || type == OrderType.STOP_LIMIT) && limitPrice != FixedPoint.NULL)
        {
            comma(out, "limit_price");
            decimal(out, limitPrice, FixedPoint.PRICE_DECIMALS);
        }
        if ((type == OrderType.STOP || type == OrderType.STOP_LIMIT) && stopPrice != FixedPoint.NULL)
        {
            comma(out, "stop_price");
            decimal(out, stopPrice, FixedPoint.PRICE_DECIMALS);
        }
    }

    private static void name(final ByteBuf out, final String field)
    {
        out.writeByte('"');
        out.writeCharSequence(field, StandardCharsets.US_ASCII);
        out.writeByte('"').writeByte(':');
    }

    private static void comma(final ByteBuf out, final String field)
    {
        out.writeByte(',');
        name(out, field);
    }

    private static void quoted(final ByteBuf out, final byte[] value)
    {
        out.writeByte('"').writeBytes(value).writeByte('"');
    }

    /**
     * Writes a scaled long as a JSON string decimal with no trailing zeros ({@code "10"}, {@code "150.25"}).
     *
     * @param out      the buffer.
     * @param value    the scaled value.
     * @param decimals the scale's decimals.
     */
    static void decimal(final ByteBuf out, final long value, final int decimals)
    {
        out.writeByte('"');
        long v = value;
        if (v < 0)
        {
            out.writeByte('-');
            v = -v;
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++)
        {
            scale *= 10;
        }
        writeDigits(out, v / scale);
        long fraction = v % scale;
        if (fraction != 0)
        {
            out.writeByte('.');
            int digits = decimals;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            long divisor = 1;
            for (int i = 1; i < digits; i++)
            {
                divisor *= 10;
            }
            while (divisor > 0)
            {
                out.writeByte('0' + (int)(fraction / divisor % 10));
                divisor /= 10;
            }
        }
        out.writeByte('"');
    }

    private static void writeDigits(final ByteBuf out, final long value)
    {
        long divisor = 1;
        while (value / divisor >= 10)
        {
            divisor *= 10;
        }
        while (divisor > 0)
        {
            out.writeByte('0' + (int)(value / divisor % 10));
            divisor /= 10;
        }
    }
}
