package io.ordergateway.core.state;

import io.ordergateway.core.domain.ScaledMath;
import io.ordergateway.core.domain.Side;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * Positions and open orders per account and symbol, and each account's gross exposure
 * ({@code (|position| + open buys + open sells) * reference price}, summed over symbols). Owned by
 * the state stage; the risk stage reads it on the same thread. An account's arrays are made the
 * first time it trades; after that nothing allocates.
 */
public final class AccountBook
{
    private final long[] referencePrices;
    private final Int2ObjectHashMap<AccountExposure> accounts = new Int2ObjectHashMap<>();

    /**
     * @param referencePrices by symbol id, 0 where unknown (such symbols add nothing to exposure).
     */
    public AccountBook(final long[] referencePrices)
    {
        this.referencePrices = referencePrices.clone();
    }

    /**
     * @param accountId an account.
     * @return its exposure, or null if it never traded.
     */
    public AccountExposure find(final int accountId)
    {
        return accounts.get(accountId);
    }

    private AccountExposure account(final int accountId)
    {
        AccountExposure a = accounts.get(accountId);
        if (a == null)
        {
            a = new AccountExposure(referencePrices.length);
            accounts.put(accountId, a);
        }
        return a;
    }

    /**
     * A new order is working.
     *
     * @param accountId account.
     * @param symbolId  symbol.
     * @param side      side.
     * @param quantity  its quantity.
     */
    public void opened(final int accountId, final int symbolId, final Side side, final long quantity)
    {
        final AccountExposure a = account(accountId);
        a.openOrders++;
        changeOpen(a, symbolId, side, quantity);
    }

    /**
     * An order's open (leaves) quantity changed, by a fill, a replace, or its end.
     *
     * @param accountId account.
     * @param symbolId  symbol.
     * @param side      side.
     * @param delta     change of open quantity.
     * @param filled    quantity filled by this event (0 if none).
     * @param finished  true if the order just reached a terminal state.
     */
    public void changed(
        final int accountId, final int symbolId, final Side side, final long delta, final long filled,
        final boolean finished)
    {
        final AccountExposure a = account(accountId);
        if (delta != 0)
        {
            changeOpen(a, symbolId, side, delta);
        }
        if (filled != 0)
        {
            final long before = gross(a, symbolId);
            a.position[symbolId] += side == Side.BUY ? filled : -filled;
            exposure(a, symbolId, before);
        }
        if (finished)
        {
            a.openOrders--;
        }
    }

    private void changeOpen(final AccountExposure a, final int symbolId, final Side side, final long delta)
    {
        final long before = gross(a, symbolId);
        if (side == Side.BUY)
        {
            a.openBuy[symbolId] += delta;
        }
        else
        {
            a.openSell[symbolId] += delta;
        }
        exposure(a, symbolId, before);
    }

    private static long gross(final AccountExposure a, final int symbolId)
    {
        return Math.abs(a.position[symbolId]) + a.openBuy[symbolId] + a.openSell[symbolId];
    }

    private void exposure(final AccountExposure a, final int symbolId, final long grossBefore)
    {
        final long price = referencePrices[symbolId];
        if (price != 0)
        {
            a.grossExposure += ScaledMath.notionalSaturated(gross(a, symbolId), price)
                - ScaledMath.notionalSaturated(grossBefore, price);
        }
    }

    /**
     * Visits every account that ever traded. Not for the hot path.
     *
     * @param visitor receives the account id and its exposure.
     */
    public void forEach(final java.util.function.ObjIntConsumer<AccountExposure> visitor)
    {
        accounts.forEach((id, exposure) -> visitor.accept(exposure, id));
    }

    /**
     * @param symbolId a symbol.
     * @return its reference price, 0 if unknown.
     */
    public long referencePrice(final int symbolId)
    {
        return referencePrices[symbolId];
    }
}
