package io.ordergateway.adapters.fix;

import uk.co.real_logic.artio.builder.Encoder;
import io.ordergateway.adapters.fix.codec.builder.NewOrderSingleEncoder;
import io.ordergateway.adapters.fix.codec.builder.OrderCancelReplaceRequestEncoder;
import io.ordergateway.adapters.fix.codec.builder.OrderCancelRequestEncoder;
import io.ordergateway.adapters.fix.codec.builder.OrderStatusRequestEncoder;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;
import uk.co.real_logic.artio.fields.DecimalFloat;
import uk.co.real_logic.artio.fields.UtcTimestampEncoder;

import java.nio.charset.StandardCharsets;

/**
 * Writes the adapter's order messages (NewOrderSingle, OrderCancelRequest, OrderCancelReplaceRequest,
 * OrderStatusRequest) into reused Artio encoders, without allocating. Prices and quantities go out as the
 * shortest decimal that holds them; every order carries HandlInst=1 (automated, private) and the configured
 * account. Every field is copied into the encoder: a wrapped array would be overwritten by the encoder's reset,
 * which copies defaults into the buffer it wraps. On a FIX 4.2 session the header's BeginString says so (the
 * application codecs are 4.4's, the same for these fields). Agent thread only.
 */
final class FixOrderEncoder
{
    private static final int QUANTITY_DIGITS = FixedPoint.QUANTITY_DECIMALS;
    private static final int PRICE_DIGITS = FixedPoint.PRICE_DECIMALS;

    private final NewOrderSingleEncoder newOrder = new NewOrderSingleEncoder();
    private final OrderCancelRequestEncoder cancel = new OrderCancelRequestEncoder();
    private final OrderCancelReplaceRequestEncoder replace = new OrderCancelReplaceRequestEncoder();
    private final OrderStatusRequestEncoder status = new OrderStatusRequestEncoder();
    private final UtcTimestampEncoder transactTime = new UtcTimestampEncoder();
    private final DecimalFloat decimal = new DecimalFloat();
    private final FixClOrdIds clOrdIds;
    private final SymbolTable symbols;
    private final byte[] account;
    private final byte[] beginString;
    private final byte[] statusRequestId = new byte[24];

    FixOrderEncoder(final FixClOrdIds clOrdIds, final SymbolTable symbols, final String account,
        final String beginString)
    {
        this.clOrdIds = clOrdIds;
        this.symbols = symbols;
        this.account = account == null ? null : account.getBytes(StandardCharsets.US_ASCII);
        this.beginString = FixConfig.FIX42.equals(beginString) ? beginString.getBytes(StandardCharsets.US_ASCII)
            : null;
    }

    /**
     * @param o           the order.
     * @param epochMillis now.
     * @return the NewOrderSingle.
     */
    Encoder newOrder(final FixOrder o, final long epochMillis)
    {
        final NewOrderSingleEncoder m = newOrder;
        m.reset();
        header(m.header());
        m.clOrdIDAsCopy(clOrdIds.bytes(), 0, clOrdIds.format(o.orderId, 0));
        if (account != null)
        {
            m.accountAsCopy(account, 0, account.length);
        }
        m.handlInst('1');
        final byte[] symbol = symbols.ascii(o.symbolId);
        m.symbolAsCopy(symbol, 0, symbol.length);
        m.side(side(o.side));
        m.transactTimeAsCopy(transactTime.buffer(), 0, transactTime.encode(epochMillis));
        m.orderQty(decimal(o.quantity, QUANTITY_DIGITS));
        m.ordType(ordType(o.type));
        if (hasLimit(o.type, o.limitPrice))
        {
            m.price(decimal(o.limitPrice, PRICE_DIGITS));
        }
        if (hasStop(o.type, o.stopPrice))
        {
            m.stopPx(decimal(o.stopPrice, PRICE_DIGITS));
        }
        m.timeInForce(timeInForce(o.timeInForce));
        return m;
    }

    /**
     * @param o           the order, with its new request number in {@code lastRequest}.
     * @param epochMillis now.
     * @return the OrderCancelRequest.
     */
    Encoder cancel(final FixOrder o, final long epochMillis)
    {
        final OrderCancelRequestEncoder m = cancel;
        m.reset();
        header(m.header());
        m.origClOrdIDAsCopy(clOrdIds.bytes(), 0, clOrdIds.format(o.orderId, o.currentRequest));
        m.clOrdIDAsCopy(clOrdIds.bytes(), 0, clOrdIds.format(o.orderId, o.lastRequest));
        if (account != null)
        {
            m.accountAsCopy(account, 0, account.length);
        }
        final byte[] symbol = symbols.ascii(o.symbolId);
        m.symbolAsCopy(symbol, 0, symbol.length);
        m.side(side(o.side));
        m.transactTimeAsCopy(transactTime.buffer(), 0, transactTime.encode(epochMillis));
        m.orderQty(decimal(o.quantity, QUANTITY_DIGITS));
        return m;
    }

    /**
     * @param o           the order, with its new request number in {@code lastRequest} and the new values pending.
     * @param epochMillis now.
     * @return the OrderCancelReplaceRequest.
     */
    Encoder replace(final FixOrder o, final long epochMillis)
    {
        final OrderCancelReplaceRequestEncoder m = replace;
        m.reset();
        header(m.header());
        m.origClOrdIDAsCopy(clOrdIds.bytes(), 0, clOrdIds.format(o.orderId, o.currentRequest));
        m.clOrdIDAsCopy(clOrdIds.bytes(), 0, clOrdIds.format(o.orderId, o.lastRequest));
        if (account != null)
        {
            m.accountAsCopy(account, 0, account.length);
        }
        m.handlInst('1');
        final byte[] symbol = symbols.ascii(o.symbolId);
        m.symbolAsCopy(symbol, 0, symbol.length);
        m.side(side(o.side));
        m.transactTimeAsCopy(transactTime.buffer(), 0, transactTime.encode(epochMillis));
        m.orderQty(decimal(o.pendingQuantity, QUANTITY_DIGITS));
        m.ordType(ordType(o.type));
        if (hasLimit(o.type, o.pendingLimit))
        {
            m.price(decimal(o.pendingLimit, PRICE_DIGITS));
        }
        if (hasStop(o.type, o.pendingStop))
        {
            m.stopPx(decimal(o.pendingStop, PRICE_DIGITS));
        }
        m.timeInForce(timeInForce(o.timeInForce));
        return m;
    }

    /**
     * @param orderId   the order.
     * @param request   the request number of the ClOrdID the counterparty knows it by.
     * @param symbolId  its symbol, or -1 when unknown.
     * @param side      its side, or null when unknown.
     * @param requestId the status request's number, echoed in OrdStatusReqID.
     * @return the OrderStatusRequest.
     */
    Encoder status(final long orderId, final int request, final int symbolId, final Side side, final long requestId)
    {
        final OrderStatusRequestEncoder m = status;
        m.reset();
        header(m.header());
        m.clOrdIDAsCopy(clOrdIds.bytes(), 0, clOrdIds.format(orderId, request));
        if (account != null)
        {
            m.accountAsCopy(account, 0, account.length);
        }
        if (symbolId >= 0)
        {
            final byte[] symbol = symbols.ascii(symbolId);
        m.symbolAsCopy(symbol, 0, symbol.length);
        }
        if (side != null)
        {
            m.side(side(side));
        }
        statusRequestId[0] = 'q';
        int length = 1;
        final String digits = Long.toString(requestId); // once per status request: off the order path
        for (int i = 0; i < digits.length(); i++)
        {
            statusRequestId[length++] = (byte)digits.charAt(i);
        }
        m.ordStatusReqIDAsCopy(statusRequestId, 0, length);
        return m;
    }

    private void header(final io.ordergateway.adapters.fix.codec.builder.HeaderEncoder header)
    {
        if (beginString != null)
        {
            header.beginStringAsCopy(beginString, 0, beginString.length);
        }
    }

    /**
     * @param scaled a scaled long.
     * @param digits its scale's decimal digits.
     * @return it as the shortest decimal, in the one reused value (the encoders copy it).
     */
    private DecimalFloat decimal(final long scaled, final int digits)
    {
        long v = scaled;
        int s = digits;
        while (s > 0 && v % 10 == 0)
        {
            v /= 10;
            s--;
        }
        return decimal.set(v, s);
    }

    private static boolean hasLimit(final OrderType type, final long price)
    {
        return price != FixedPoint.NULL && (type == OrderType.LIMIT || type == OrderType.STOP_LIMIT);
    }

    private static boolean hasStop(final OrderType type, final long price)
    {
        return price != FixedPoint.NULL && (type == OrderType.STOP || type == OrderType.STOP_LIMIT);
    }

    static char side(final Side side)
    {
        return side == Side.BUY ? '1' : '2';
    }

    static char ordType(final OrderType type)
    {
        return switch (type)
        {
            case MARKET -> '1';
            case LIMIT -> '2';
            case STOP -> '3';
            case STOP_LIMIT -> '4';
            case TRAILING_STOP -> 'P';
        };
    }

    static char timeInForce(final TimeInForce tif)
    {
        return switch (tif)
        {
            case DAY -> '0';
            case GTC -> '1';
            case OPG -> '2';
            case IOC -> '3';
            case FOK -> '4';
            case CLS -> '7';
        };
    }
}
