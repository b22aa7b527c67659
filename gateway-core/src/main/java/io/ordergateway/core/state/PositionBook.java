package io.ordergateway.core.state;

import io.ordergateway.core.domain.Side;

/**
 * Positions per broker and symbol, and in total per symbol. Symbols and brokers are fixed when the
 * gateway is built, so the positions are preallocated arrays: applying a fill allocates nothing.
 * Owned by the state stage's thread.
 */
public final class PositionBook
{
    private final Position[] total;
    private final Position[][] byBroker;

    /**
     * @param brokers number of brokers.
     * @param symbols number of symbols.
     */
    public PositionBook(final int brokers, final int symbols)
    {
        total = new Position[symbols];
        byBroker = new Position[brokers][symbols];
        for (int s = 0; s < symbols; s++)
        {
            total[s] = new Position();
            for (int b = 0; b < brokers; b++)
            {
                byBroker[b][s] = new Position();
            }
        }
    }

    /**
     * Applies one fill to the broker's position and the total.
     *
     * @param brokerId the broker that filled.
     * @param symbolId the symbol.
     * @param side     buy or sell.
     * @param qty      filled quantity.
     * @param price    fill price.
     */
    public void apply(final int brokerId, final int symbolId, final Side side, final long qty, final long price)
    {
        byBroker[brokerId][symbolId].apply(side, qty, price);
        total[symbolId].apply(side, qty, price);
    }

    /**
     * @param symbolId a symbol.
     * @return the total position in it.
     */
    public Position total(final int symbolId)
    {
        return total[symbolId];
    }

    /**
     * @param brokerId a broker.
     * @param symbolId a symbol.
     * @return that broker's position.
     */
    public Position at(final int brokerId, final int symbolId)
    {
        return byBroker[brokerId][symbolId];
    }

    /** @return number of brokers. */
    public int brokers()
    {
        return byBroker.length;
    }

    /** @return number of symbols. */
    public int symbols()
    {
        return total.length;
    }
}
