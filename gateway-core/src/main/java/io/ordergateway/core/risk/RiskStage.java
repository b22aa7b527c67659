package io.ordergateway.core.risk;

import io.ordergateway.core.validate.ValidateStage;
import io.ordergateway.core.pipeline.GatewayEvent;
import com.lmax.disruptor.EventHandler;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.ScaledMath;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.state.Books;
import io.ordergateway.core.state.AccountExposure;
import io.ordergateway.core.state.OrderView;
import io.ordergateway.journal.FixedPoint;
import org.agrona.collections.IntHashSet;

/**
 * Pre-trade risk: the last stage that decides, so what it lets through becomes an order and the
 * exposure it counts is exact. Reads the state stage's order and account books, always on the same
 * thread (every topology puts risk and state together), and owns the trading controls.
 *
 * <p>Checks, in order: kill switch (global, then account); order quantity; price band around the
 * reference price; order notional; reduce-only; position per symbol counting open orders on the
 * same side; open orders; gross exposure. Each denial carries the limit, the value and the bound.
 * Cancels always pass. Allocates nothing (an account's first control allocates its set entry).
 */
public final class RiskStage implements EventHandler<GatewayEvent>
{
    private static final long BPS = 10_000;

    private RiskLimits limits;
    private final Instrument[] instruments;
    private final Books.View books;
    private final IntHashSet killedAccounts = new IntHashSet();
    private final IntHashSet reduceOnlyAccounts = new IntHashSet();
    private boolean killAll;
    private boolean reduceOnlyAll;

    /**
     * @param limits      the limits.
     * @param instruments by symbol id.
     * @param books       the state stage's books, read on its thread.
     */
    public RiskStage(final RiskLimits limits, final Instrument[] instruments, final Books.View books)
    {
        this.limits = limits;
        this.instruments = instruments.clone();
        this.books = books;
    }

    @Override
    public void onEvent(final GatewayEvent e, final long sequence, final boolean endOfBatch)
    {
        switch (e.type)
        {
            case SETTINGS:
                limits = ((io.ordergateway.core.settings.RuntimeSettings)e.attachment).risk();
                break;
            case NEW_ORDER:
                if (!e.isDenied())
                {
                    checkNew(e);
                }
                break;
            case REPLACE:
                if (!e.isDenied())
                {
                    checkReplace(e);
                }
                break;
            case CONTROL:
                apply(e.control, e.accountId, e.controlEngaged);
                break;
            default:
                break;
        }
    }

    private void checkNew(final GatewayEvent e)
    {
        if (killed(e.accountId, e))
        {
            return;
        }
        final Instrument instrument = instruments[e.symbolId];
        final long reference = instrument.referencePrice();
        if (!orderLimits(e, e.quantity, reference))
        {
            return;
        }
        final AccountExposure account = books.account(e.accountId);
        final long position = account == null ? 0 : account.position(e.symbolId);
        final long openBuy = account == null ? 0 : account.openBuy(e.symbolId);
        final long openSell = account == null ? 0 : account.openSell(e.symbolId);
        if (reduceOnlyAll || reduceOnlyAccounts.contains(e.accountId))
        {
            // What may still be traded on this side without growing or flipping the position.
            final long reducible = e.side == Side.BUY ? Math.max(0, -position - openBuy)
                : Math.max(0, position - openSell);
            if (e.quantity > reducible)
            {
                e.deny(RejectReason.RISK_LIMIT, DetailField.REDUCE_ONLY, position, reducible);
                return;
            }
        }
        if (!positionLimit(e, e.quantity, position, openBuy, openSell))
        {
            return;
        }
        if (limits.maxOpenOrders() != 0)
        {
            final int open = account == null ? 0 : account.openOrders();
            if (open + 1 > limits.maxOpenOrders())
            {
                e.deny(RejectReason.RISK_LIMIT, DetailField.MAX_OPEN_ORDERS, open + 1, limits.maxOpenOrders());
                return;
            }
        }
        grossLimit(e, account, e.quantity, reference);
    }

    private void checkReplace(final GatewayEvent e)
    {
        final OrderView r = books.order(e.orderId);
        if (r == null)
        {
            return; // the state stage denies it as unknown
        }
        if (killed(r.accountId(), e))
        {
            return;
        }
        final Instrument instrument = instruments[r.symbolId()];
        final long reference = instrument.referencePrice();
        final long price = e.limitPrice != FixedPoint.NULL ? e.limitPrice : e.stopPrice;
        if (!ValidateStage.onTick(e, instrument, DetailField.LIMIT_PRICE, e.limitPrice)
            || !ValidateStage.onTick(e, instrument, DetailField.STOP_PRICE, e.stopPrice)
            || !ValidateStage.quantityRules(e, instrument, e.quantity, r.type(), r.timeInForce()))
        {
            return;
        }
        if (!quantityLimit(e, e.quantity) || !priceBand(e, price, reference))
        {
            return;
        }
        final long valuePrice = price != FixedPoint.NULL ? price
            : (r.limitPrice() != FixedPoint.NULL ? r.limitPrice() : reference);
        if (!notionalLimit(e, e.quantity, valuePrice))
        {
            return;
        }
        final long increase = e.quantity - r.quantity();
        if (increase > 0)
        {
            final AccountExposure account = books.account(r.accountId());
            if (account != null &&
                (!positionLimit(e, increase, r.side(), account.position(r.symbolId()), account.openBuy(r.symbolId()),
                account.openSell(r.symbolId()))))
            {
                return;
            }
            grossLimit(e, account, increase, reference);
        }
    }

    private boolean killed(final int accountId, final GatewayEvent e)
    {
        if (killAll)
        {
            e.deny(RejectReason.KILL_SWITCH, DetailField.ACCOUNT, -1, 0);
            return true;
        }
        if (killedAccounts.contains(accountId))
        {
            e.deny(RejectReason.KILL_SWITCH, DetailField.ACCOUNT, accountId, 0);
            return true;
        }
        return false;
    }

    private boolean orderLimits(final GatewayEvent e, final long quantity, final long reference)
    {
        if (!quantityLimit(e, quantity))
        {
            return false;
        }
        final OrderType type = e.orderType;
        final long price = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT ? e.limitPrice :
            type == OrderType.STOP ? e.stopPrice : FixedPoint.NULL;
        if (!priceBand(e, price, reference) || (type == OrderType.STOP_LIMIT && !priceBand(e, e.stopPrice, reference)))
        {
            return false;
        }
        return notionalLimit(e, quantity, price != FixedPoint.NULL ? price : reference);
    }

    private boolean quantityLimit(final GatewayEvent e, final long quantity)
    {
        if (limits.maxOrderQuantity() != 0 && quantity > limits.maxOrderQuantity())
        {
            e.deny(RejectReason.RISK_LIMIT, DetailField.MAX_ORDER_QUANTITY, quantity, limits.maxOrderQuantity());
            return false;
        }
        return true;
    }

    /**
     * A price must lie within {@code priceBandBps} of the reference price (fat-finger check).
     */
    private boolean priceBand(final GatewayEvent e, final long price, final long reference)
    {
        if (limits.priceBandBps() == 0 || price == FixedPoint.NULL || reference <= 0)
        {
            return true; // the builder requires reference prices when a band is set
        }
        final long width = ScaledMath.multiplyDivide(reference, limits.priceBandBps(), BPS);
        if (price > reference + width)
        {
            e.deny(RejectReason.RISK_LIMIT, DetailField.PRICE_BAND, price, reference + width);
            return false;
        }
        if (price < reference - width)
        {
            e.deny(RejectReason.RISK_LIMIT, DetailField.PRICE_BAND, price, reference - width);
            return false;
        }
        return true;
    }

    private boolean notionalLimit(final GatewayEvent e, final long quantity, final long price)
    {
        if (limits.maxOrderNotional() == 0)
        {
            return true;
        }
        final long notional = ScaledMath.notionalSaturated(quantity, price);
        if (notional > limits.maxOrderNotional())
        {
            e.deny(RejectReason.RISK_LIMIT, DetailField.MAX_ORDER_NOTIONAL, notional, limits.maxOrderNotional());
            return false;
        }
        return true;
    }

    private boolean positionLimit(final GatewayEvent e, final long quantity, final long position, final long openBuy,
        final long openSell)
    {
        return positionLimit(e, quantity, e.side, position, openBuy, openSell);
    }

    /**
     * The position if every open order on the order's side filled, plus this one, must stay within the limit.
     */
    private boolean positionLimit(
        final GatewayEvent e, final long quantity, final Side side, final long position, final long openBuy,
        final long openSell)
    {
        if (limits.maxPosition() == 0)
        {
            return true;
        }
        final long worst = side == Side.BUY ? position + openBuy + quantity : -(position - openSell - quantity);
        if (worst > limits.maxPosition())
        {
            e.deny(RejectReason.RISK_LIMIT, DetailField.MAX_POSITION, worst, limits.maxPosition());
            return false;
        }
        return true;
    }

    private void grossLimit(final GatewayEvent e, final AccountExposure account, final long quantity,
        final long reference)
    {
        if (limits.maxGrossExposure() == 0)
        {
            return;
        }
        final long gross = account == null ? 0 : account.grossExposure();
        final long added = ScaledMath.notionalSaturated(quantity, reference);
        final long after = added > Long.MAX_VALUE - gross ? Long.MAX_VALUE : gross + added;
        if (after > limits.maxGrossExposure())
        {
            e.deny(RejectReason.RISK_LIMIT, DetailField.MAX_GROSS_EXPOSURE, after, limits.maxGrossExposure());
        }
    }

    private void apply(final TradingControl control, final int accountId, final boolean engaged)
    {
        if (control == null)
        {
            return;
        }
        final boolean all = accountId < 0;
        if (control == TradingControl.KILL_SWITCH)
        {
            if (all)
            {
                killAll = engaged;
            }
            else if (engaged)
            {
                killedAccounts.add(accountId);
            }
            else
            {
                killedAccounts.remove(accountId);
            }
        }
        else
        {
            if (all)
            {
                reduceOnlyAll = engaged;
            }
            else if (engaged)
            {
                reduceOnlyAccounts.add(accountId);
            }
            else
            {
                reduceOnlyAccounts.remove(accountId);
            }
        }
    }
}
