package io.ordergateway.core.state;

/**
 * One account's positions, open quantities and gross exposure, kept current by the state stage
 * and read by the risk stage on the same thread. Arrays are by symbol id.
 */
public final class AccountExposure
{
    int openOrders;
    final long[] position;
    final long[] openBuy;
    final long[] openSell;
    long grossExposure;

    AccountExposure(final int symbols)
    {
        position = new long[symbols];
        openBuy = new long[symbols];
        openSell = new long[symbols];
    }

    /** @return orders not yet finished. */
    public int openOrders()
    {
        return openOrders;
    }

    /** @param symbolId a symbol. @return signed position. */
    public long position(final int symbolId)
    {
        return position[symbolId];
    }

    /** @param symbolId a symbol. @return quantity of open buy orders. */
    public long openBuy(final int symbolId)
    {
        return openBuy[symbolId];
    }

    /** @param symbolId a symbol. @return quantity of open sell orders. */
    public long openSell(final int symbolId)
    {
        return openSell[symbolId];
    }

    /** @return positions and open orders at reference prices (money, price scale). */
    public long grossExposure()
    {
        return grossExposure;
    }
}
