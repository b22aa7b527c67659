package io.ordergateway.core.state;

import io.ordergateway.core.domain.ScaledMath;
import io.ordergateway.core.domain.Side;

/**
 * A position in one symbol: signed quantity (long is positive), average entry price and realised
 * profit and loss, all scaled longs. Changed only by fills, on the state stage's thread.
 *
 * <p>Buying into a long (or selling into a short) adds to the cost and moves the average; the
 * opposite side closes at the average and realises {@code (fill price - average) * closed quantity}
 * (sign flipped for shorts); a fill larger than the position flips it, opening the rest at the
 * fill price.
 */
public final class Position implements PositionView
{
    private long quantity;
    private long cost;
    private long averagePrice;
    private long realisedPnl;
    private long boughtQuantity;
    private long soldQuantity;

    /**
     * Applies one fill.
     *
     * @param side  the fill's side.
     * @param qty   the filled quantity, positive.
     * @param price the fill price.
     */
    public void apply(final Side side, final long qty, final long price)
    {
        final long signed = side == Side.BUY ? qty : -qty;
        if (side == Side.BUY)
        {
            boughtQuantity += qty;
        }
        else
        {
            soldQuantity += qty;
        }
        if (quantity == 0 || (quantity > 0) == (signed > 0))
        {
            cost += ScaledMath.notional(qty, price);
            quantity += signed;
            averagePrice = ScaledMath.averagePrice(cost, Math.abs(quantity));
            return;
        }
        final long held = Math.abs(quantity);
        final long closed = Math.min(qty, held);
        final long pnlPerClose = ScaledMath.notional(closed, price) - ScaledMath.notional(closed, averagePrice);
        realisedPnl += quantity > 0 ? pnlPerClose : -pnlPerClose;
        if (qty < held)
        {
            quantity += signed;
            cost = ScaledMath.notional(Math.abs(quantity), averagePrice);
        }
        else if (qty == held)
        {
            quantity = 0;
            cost = 0;
            averagePrice = 0;
        }
        else
        {
            final long opened = qty - held;
            quantity = signed > 0 ? opened : -opened;
            cost = ScaledMath.notional(opened, price);
            averagePrice = price;
        }
    }

    /** @return signed quantity: positive long, negative short. */
    @Override
    public long quantity()
    {
        return quantity;
    }

    /** @return the average entry price of the open quantity, 0 when flat. */
    @Override
    public long averagePrice()
    {
        return averagePrice;
    }

    /** @return realised profit and loss (price scale). */
    @Override
    public long realisedPnl()
    {
        return realisedPnl;
    }

    /** @return total quantity bought. */
    public long boughtQuantity()
    {
        return boughtQuantity;
    }

    /** @return total quantity sold. */
    public long soldQuantity()
    {
        return soldQuantity;
    }

    /**
     * @return true when nothing was ever traded in this position.
     */
    public boolean isUntouched()
    {
        return boughtQuantity == 0 && soldQuantity == 0;
    }
}
