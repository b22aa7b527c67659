package io.ordergateway.core.validate;

import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.pipeline.EventType;
import com.lmax.disruptor.EventHandler;
import io.ordergateway.core.calendar.MarketCalendar;
import io.ordergateway.core.calendar.SessionPhase;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;

/**
 * Stage 1: is the command well formed and allowed now? Checks what needs no order state:
 * <ul>
 *   <li>a known symbol, every enum present, a positive quantity;</li>
 *   <li>prices present or absent as the order type requires, positive, on the instrument's tick
 *       ($1 and above: 2 decimals, below: 4, per instrument);</li>
 *   <li>quantity within the instrument's minimum and maximum, a multiple of its lot, fractions only
 *       where the instrument allows them and only for market day orders;</li>
 *   <li>the order class's structure: bracket (entry market or limit, take-profit and stop-loss on
 *       the right sides of the entry), OCO (limit, both legs, the right way round), OTO (exactly one
 *       leg), simple (no legs); a trailing stop needs exactly one of trail price and percent;</li>
 *   <li>a time in force the type allows; extended hours only for limit day orders;</li>
 *   <li>the market session at the event's time (never the wall clock): regular session, extended
 *       hours for extended-hours orders, auction cut-offs for OPG and CLS.</li>
 * </ul>
 * Whether a cancel or replace names a live order is checked by the state stage, which owns the
 * orders. Denies with a reason, the field at fault, its value and the bound; allocates nothing.
 */
public final class ValidateStage implements EventHandler<GatewayEvent>
{
    private final Instrument[] instruments;
    private final MarketCalendar[] calendars;

    /**
     * @param instruments the instruments by symbol id.
     * @param calendars   each instrument's calendar, by symbol id.
     */
    public ValidateStage(final Instrument[] instruments, final MarketCalendar[] calendars)
    {
        this.instruments = instruments.clone();
        this.calendars = calendars.clone();
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
        if (!present(e) || !priceFields(e))
        {
            return;
        }
        final Instrument instrument = instruments[e.symbolId];
        if (!quantityRules(e, instrument, e.quantity, e.orderType, e.timeInForce) || !ticks(e, instrument)
            || !orderClass(e))
        {
            return;
        }
        if (!ValidateStage.timeInForceAllowed(e.orderType, e.timeInForce))
        {
            e.deny(RejectReason.UNSUPPORTED_ORDER_TYPE, DetailField.TIME_IN_FORCE, e.timeInForce.code(),
                e.orderType.code());
            return;
        }
        if (e.extendedHours &&
            (e.orderType != OrderType.LIMIT || e.timeInForce != TimeInForce.DAY || e.orderClass != OrderClass.SIMPLE))
        {
            e.deny(RejectReason.UNSUPPORTED_ORDER_TYPE, DetailField.ORDER_TYPE, e.orderType.code(),
                OrderType.LIMIT.code());
            return;
        }
        session(e, calendars[e.symbolId]);
    }

    private boolean present(final GatewayEvent e)
    {
        if (e.side == null)
        {
            e.deny(RejectReason.INVALID_ORDER, DetailField.SIDE, 0, 0);
            return false;
        }
        if (e.orderType == null)
        {
            e.deny(RejectReason.INVALID_ORDER, DetailField.ORDER_TYPE, 0, 0);
            return false;
        }
        if (e.timeInForce == null)
        {
            e.deny(RejectReason.INVALID_ORDER, DetailField.TIME_IN_FORCE, 0, 0);
            return false;
        }
        if (e.orderClass == null)
        {
            e.deny(RejectReason.INVALID_ORDER, DetailField.ORDER_CLASS, 0, 0);
            return false;
        }
        if (e.symbolId < 0 || e.symbolId >= instruments.length)
        {
            e.deny(RejectReason.UNKNOWN_SYMBOL, DetailField.SYMBOL, e.symbolId, instruments.length);
            return false;
        }
        if (e.quantity <= 0)
        {
            e.deny(RejectReason.INVALID_QUANTITY, DetailField.QUANTITY, e.quantity, 0);
            return false;
        }
        return true;
    }

    private static boolean priceFields(final GatewayEvent e)
    {
        final OrderType type = e.orderType;
        return checkPrice(e, DetailField.LIMIT_PRICE, e.limitPrice, type == OrderType.LIMIT
            || type == OrderType.STOP_LIMIT)
            && checkPrice(e, DetailField.STOP_PRICE, e.stopPrice, type == OrderType.STOP
            || type == OrderType.STOP_LIMIT) && checkTrail(e, type == OrderType.TRAILING_STOP);
    }

    /**
     * Quantity within the instrument's bounds and on its lot; a fraction of a lot only where the
     * instrument is fractionable and the order is a market day order.
     */
    public static boolean quantityRules(
        final GatewayEvent e, final Instrument instrument, final long quantity, final OrderType type,
        final TimeInForce tif)
    {
        if (quantity < instrument.minQuantity())
        {
            e.deny(RejectReason.INVALID_QUANTITY, DetailField.MIN_QUANTITY, quantity, instrument.minQuantity());
            return false;
        }
        if (quantity > instrument.maxQuantity())
        {
            e.deny(RejectReason.INVALID_QUANTITY, DetailField.MAX_QUANTITY, quantity, instrument.maxQuantity());
            return false;
        }
        if (quantity % instrument.lotSize() != 0)
        {
            if (!instrument.fractionable())
            {
                e.deny(RejectReason.INVALID_QUANTITY, DetailField.LOT_SIZE, quantity, instrument.lotSize());
                return false;
            }
            if (type != OrderType.MARKET || tif != TimeInForce.DAY)
            {
                e.deny(RejectReason.INVALID_QUANTITY, DetailField.FRACTIONAL, quantity, instrument.lotSize());
                return false;
            }
        }
        return true;
    }

    private static boolean ticks(final GatewayEvent e, final Instrument instrument)
    {
        return onTick(e, instrument, DetailField.LIMIT_PRICE, e.limitPrice)
            && onTick(e, instrument, DetailField.STOP_PRICE, e.stopPrice)
            && onTick(e, instrument, DetailField.TRAIL, e.trailPrice)
            && onTick(e, instrument, DetailField.TAKE_PROFIT, e.takeProfitLimitPrice)
            && onTick(e, instrument, DetailField.STOP_LOSS, e.stopLossStopPrice)
            && onTick(e, instrument, DetailField.STOP_LOSS_LIMIT, e.stopLossLimitPrice);
    }

    /**
     * A price, when present, must be positive and a multiple of the instrument's tick at that price.
     */
    public static boolean
        onTick(final GatewayEvent e, final Instrument instrument, final DetailField field, final long price)
    {
        if (price == FixedPoint.NULL)
        {
            return true;
        }
        if (price <= 0)
        {
            e.deny(RejectReason.INVALID_PRICE, field, price, 0);
            return false;
        }
        final long tick = instrument.tick(price);
        if (price % tick != 0)
        {
            e.deny(RejectReason.INVALID_PRICE, field, price, tick);
            return false;
        }
        return true;
    }

    private static boolean orderClass(final GatewayEvent e)
    {
        final boolean hasTakeProfit = e.takeProfitLimitPrice != FixedPoint.NULL;
        final boolean hasStopLoss = e.stopLossStopPrice != FixedPoint.NULL;
        if (!hasStopLoss && e.stopLossLimitPrice != FixedPoint.NULL)
        {
            e.deny(RejectReason.INVALID_ORDER, DetailField.STOP_LOSS, FixedPoint.NULL, 0);
            return false;
        }
        switch (e.orderClass)
        {
            case SIMPLE:
                if (hasTakeProfit || hasStopLoss)
                {
                    e.deny(RejectReason.INVALID_ORDER, hasTakeProfit ? DetailField.TAKE_PROFIT : DetailField.STOP_LOSS,
                        hasTakeProfit ? e.takeProfitLimitPrice : e.stopLossStopPrice, FixedPoint.NULL);
                    return false;
                }
                return true;
            case BRACKET:
                return entryIsMarketOrLimit(e) && bracketTimeInForce(e) && legPresent(e, hasTakeProfit, hasStopLoss)
                    && legsOrdered(e, e.side, hasTakeProfit, hasStopLoss, true);
            case OCO:
                if (e.orderType != OrderType.LIMIT)
                {
                    e.deny(RejectReason.UNSUPPORTED_ORDER_TYPE, DetailField.ORDER_TYPE, e.orderType.code(),
                        OrderType.LIMIT.code());
                    return false;
                }
                // An OCO closes a position: a sell exits a long (take profit above the stop), a buy exits a short.
                return legPresent(e, hasTakeProfit, hasStopLoss)
                    && legsOrdered(e, e.side == Side.SELL ? Side.BUY : Side.SELL, true, true, false);
            case OTO:
                if (hasTakeProfit == hasStopLoss)
                {
                    e.deny(RejectReason.INVALID_ORDER, DetailField.TAKE_PROFIT, hasTakeProfit ? 2 : 0, 1);
                    return false;
                }
                return entryIsMarketOrLimit(e) && legsOrdered(e, e.side, hasTakeProfit, hasStopLoss, true);
            default:
                return true;
        }
    }

    private static boolean entryIsMarketOrLimit(final GatewayEvent e)
    {
        if (e.orderType != OrderType.MARKET && e.orderType != OrderType.LIMIT)
        {
            e.deny(RejectReason.UNSUPPORTED_ORDER_TYPE, DetailField.ORDER_TYPE, e.orderType.code(),
                OrderType.LIMIT.code());
            return false;
        }
        return true;
    }

    private static boolean bracketTimeInForce(final GatewayEvent e)
    {
        if (e.timeInForce != TimeInForce.DAY && e.timeInForce != TimeInForce.GTC)
        {
            e.deny(RejectReason.UNSUPPORTED_ORDER_TYPE, DetailField.TIME_IN_FORCE, e.timeInForce.code(),
                TimeInForce.GTC.code());
            return false;
        }
        return true;
    }

    private static boolean legPresent(final GatewayEvent e, final boolean hasTakeProfit, final boolean hasStopLoss)
    {
        if (!hasTakeProfit)
        {
            e.deny(RejectReason.INVALID_ORDER, DetailField.TAKE_PROFIT, FixedPoint.NULL, 0);
            return false;
        }
        if (!hasStopLoss)
        {
            e.deny(RejectReason.INVALID_ORDER, DetailField.STOP_LOSS, FixedPoint.NULL, 0);
            return false;
        }
        return true;
    }

    /**
     * For a position entered on {@code entrySide}: the take-profit lies beyond the entry in the
     * profitable direction, the stop-loss beyond it in the other, and a stop-loss limit on the far
     * side of its stop. Buy entry: stop < limit < take-profit; sell entry: the mirror image.
     */
    private static boolean legsOrdered(
        final GatewayEvent e, final Side entrySide, final boolean hasTakeProfit, final boolean hasStopLoss,
        final boolean checkEntry)
    {
        final boolean buy = entrySide == Side.BUY;
        final long tp = e.takeProfitLimitPrice;
        final long sl = e.stopLossStopPrice;
        if (hasTakeProfit && hasStopLoss && (buy ? tp <= sl : tp >= sl))
        {
            e.deny(RejectReason.INVALID_PRICE, DetailField.TAKE_PROFIT, tp, sl);
            return false;
        }
        final boolean hasEntry = checkEntry && e.orderType == OrderType.LIMIT;
        if (hasEntry && hasTakeProfit && (buy ? tp <= e.limitPrice : tp >= e.limitPrice))
        {
            e.deny(RejectReason.INVALID_PRICE, DetailField.TAKE_PROFIT, tp, e.limitPrice);
            return false;
        }
        if (hasEntry && hasStopLoss && (buy ? sl >= e.limitPrice : sl <= e.limitPrice))
        {
            e.deny(RejectReason.INVALID_PRICE, DetailField.STOP_LOSS, sl, e.limitPrice);
            return false;
        }
        final long slLimit = e.stopLossLimitPrice;
        if (hasStopLoss && slLimit != FixedPoint.NULL && (buy ? slLimit > sl : slLimit < sl))
        {
            e.deny(RejectReason.INVALID_PRICE, DetailField.STOP_LOSS_LIMIT, slLimit, sl);
            return false;
        }
        return true;
    }

    private static void session(final GatewayEvent e, final MarketCalendar calendar)
    {
        final long t = e.timestamp;
        if (e.timeInForce == TimeInForce.OPG || e.timeInForce == TimeInForce.CLS)
        {
            if (!calendar.hasAuctions())
            {
                e.deny(RejectReason.UNSUPPORTED_ORDER_TYPE, DetailField.TIME_IN_FORCE, e.timeInForce.code(), 0);
                return;
            }
            final boolean accepted = e.timeInForce == TimeInForce.OPG ? calendar.acceptsOpeningAuction(t)
                : calendar.acceptsClosingAuction(t);
            if (!accepted)
            {
                e.deny(RejectReason.MARKET_CLOSED, DetailField.SESSION, t, calendar.nextRegularOpen(t));
            }
            return;
        }
        final SessionPhase phase = calendar.phase(t);
        if (phase == SessionPhase.REGULAR
            || (e.extendedHours && (phase == SessionPhase.PRE_MARKET || phase == SessionPhase.POST_MARKET)))
        {
            return;
        }
        e.deny(RejectReason.MARKET_CLOSED, DetailField.SESSION, t, calendar.nextRegularOpen(t));
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
    private static boolean
        checkPrice(final GatewayEvent e, final DetailField field, final long price, final boolean required)
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
     * A trailing stop needs exactly one of trail price and trail percent, positive (a percent below
     * 100); other types neither.
     */
    /** A trail percent must be below 100% (percent at the price scale). */
    private static final long MAX_TRAIL_PERCENT = 100 * FixedPoint.PRICE_SCALE;

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
            if (hasPercent && trail >= MAX_TRAIL_PERCENT)
            {
                // a trail of 100% or more never triggers
                e.deny(RejectReason.INVALID_PRICE, DetailField.TRAIL, trail, MAX_TRAIL_PERCENT);
                return false;
            }
            if (e.orderClass != OrderClass.SIMPLE)
            {
                e.deny(RejectReason.UNSUPPORTED_ORDER_TYPE, DetailField.ORDER_CLASS, e.orderClass.code(),
                    OrderClass.SIMPLE.code());
                return false;
            }
        }
        else if (hasPrice || hasPercent)
        {
            e.deny(RejectReason.INVALID_ORDER, DetailField.TRAIL, hasPrice ? e.trailPrice : e.trailPercent,
                FixedPoint.NULL);
            return false;
        }
        return true;
    }

    /**
     * Stops and trailing stops rest until triggered: day or gtc only. Auction (opg, cls) and
     * immediate (ioc, fok) instructions only make sense for market and limit orders.
     *
     * @param type the order type.
     * @param tif  the time in force.
     * @return true if allowed.
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
