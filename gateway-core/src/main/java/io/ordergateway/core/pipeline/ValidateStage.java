package io.ordergateway.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;

/**
 * Stage 1: is the command well formed? Checks what needs no state: a known symbol, every enum
 * present, a positive quantity, prices present or absent as the order type requires, and a time
 * in force the type allows. Whether a cancel or replace names a live order is checked by the state
 * stage, which owns the orders. Denies with a reason and the field at fault; allocates nothing.
 */
public final class ValidateStage implements EventHandler<GatewayEvent>
{
    private final SymbolTable symbols;

    /**
     * @param symbols the known symbols.
     */
    public ValidateStage(final SymbolTable symbols)
    {
        this.symbols = symbols;
    }

    @Override
    public void onEvent(final GatewayEvent event, final long sequence, final boolean endOfBatch)
    {
        if (event.type == EventType.NEW_ORDER)
        {
            validateNew(event);
        }
        else if (event.type == EventType.REPLACE)
        {
            validateReplace(event);
        }
    }

    private void validateNew(final GatewayEvent e)
    {
        if (e.side == null)
        {
            e.deny(RejectReason.INVALID_ORDER, DetailField.SIDE, 0, 0);
            return;
        }
        if (e.orderType == null)
        {
            e.deny(RejectReason.INVALID_ORDER, DetailField.ORDER_TYPE, 0, 0);
            return;
        }
        if (e.timeInForce == null)
        {
            e.deny(RejectReason.INVALID_ORDER, DetailField.TIME_IN_FORCE, 0, 0);
            return;
        }
        if (e.orderClass == null)
        {
            e.deny(RejectReason.INVALID_ORDER, DetailField.ORDER_CLASS, 0, 0);
            return;
        }
        if (!symbols.contains(e.symbolId))
        {
            e.deny(RejectReason.UNKNOWN_SYMBOL, DetailField.SYMBOL, e.symbolId, symbols.size());
            return;
        }
        if (e.quantity <= 0)
        {
            e.deny(RejectReason.INVALID_QUANTITY, DetailField.QUANTITY, e.quantity, 0);
            return;
        }
        if (e.orderClass != OrderClass.SIMPLE)
        {
            e.deny(RejectReason.UNSUPPORTED_ORDER_TYPE, DetailField.ORDER_CLASS, e.orderClass.code(), OrderClass.SIMPLE.code());
            return;
        }
        final OrderType type = e.orderType;
        if (!checkPrice(e, DetailField.LIMIT_PRICE, e.limitPrice, type == OrderType.LIMIT || type == OrderType.STOP_LIMIT) ||
            !checkPrice(e, DetailField.STOP_PRICE, e.stopPrice, type == OrderType.STOP || type == OrderType.STOP_LIMIT) ||
            !checkTrail(e, type == OrderType.TRAILING_STOP))
        {
            return;
        }
        if (!timeInForceAllowed(type, e.timeInForce))
        {
            e.deny(RejectReason.UNSUPPORTED_ORDER_TYPE, DetailField.TIME_IN_FORCE, e.timeInForce.code(), type.code());
            return;
        }
        if (e.extendedHours && (type != OrderType.LIMIT || e.timeInForce != TimeInForce.DAY))
        {
            e.deny(RejectReason.UNSUPPORTED_ORDER_TYPE, DetailField.ORDER_TYPE, type.code(), OrderType.LIMIT.code());
        }
    }

    private static void validateReplace(final GatewayEvent e)
    {
        if (e.quantity <= 0)
        {
            e.deny(RejectReason.INVALID_QUANTITY, DetailField.QUANTITY, e.quantity, 0);
        }
        else if (e.limitPrice != FixedPoint.NULL && e.limitPrice <= 0)
        {
            e.deny(RejectReason.INVALID_PRICE, DetailField.LIMIT_PRICE, e.limitPrice, 0);
        }
        else if (e.stopPrice != FixedPoint.NULL && e.stopPrice <= 0)
        {
            e.deny(RejectReason.INVALID_PRICE, DetailField.STOP_PRICE, e.stopPrice, 0);
        }
    }

    /**
     * A price the type requires must be present and positive; one it does not use must be absent.
     */
    private static boolean checkPrice(final GatewayEvent e, final DetailField field, final long price, final boolean required)
    {
        if (required)
        {
            if (price == FixedPoint.NULL || price <= 0)
            {
                e.deny(RejectReason.INVALID_PRICE, field, price, 0);
                return false;
            }
        }
        else if (price != FixedPoint.NULL)
        {
            e.deny(RejectReason.INVALID_ORDER, field, price, FixedPoint.NULL);
            return false;
        }
        return true;
    }

    /**
     * A trailing stop needs exactly one of trail price and trail percent, positive; other types neither.
     */
    private static boolean checkTrail(final GatewayEvent e, final boolean trailing)
    {
        final boolean hasPrice = e.trailPrice != FixedPoint.NULL;
        final boolean hasPercent = e.trailPercent != FixedPoint.NULL;
        if (trailing)
        {
            if (hasPrice == hasPercent)
            {
                e.deny(RejectReason.INVALID_ORDER, DetailField.TRAIL, hasPrice ? 2 : 0, 1);
                return false;
            }
            final long trail = hasPrice ? e.trailPrice : e.trailPercent;
            if (trail <= 0)
            {
                e.deny(RejectReason.INVALID_PRICE, DetailField.TRAIL, trail, 0);
                return false;
            }
        }
        else if (hasPrice || hasPercent)
        {
            e.deny(RejectReason.INVALID_ORDER, DetailField.TRAIL, hasPrice ? e.trailPrice : e.trailPercent, FixedPoint.NULL);
            return false;
        }
        return true;
    }

    /**
     * Stops and trailing stops rest until triggered: day or gtc only. Auction (opg, cls) and
     * immediate (ioc, fok) instructions only make sense for market and limit orders.
     */
    static boolean timeInForceAllowed(final OrderType type, final TimeInForce tif)
    {
        switch (type)
        {
            case MARKET:
            case LIMIT:
                return true;
            default:
                return tif == TimeInForce.DAY || tif == TimeInForce.GTC;
        }
    }
}
