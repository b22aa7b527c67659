package io.ordergateway.core.state;

/**
 * The books the decision stages share: open and recent orders, positions per broker and symbol,
 * and each account's exposure. One owner: the state stage writes them ({@link OrderStateStage} is
 * built from this object and reaches the books themselves); risk and route read them only through
 * {@link #view()}, which hands out nothing that can change them.
 *
 * <p>The readers run on the writer's thread: the pipeline places risk, route and state as one
 * group in every topology ({@code GatewayPipeline}), so a read never races a write and needs no
 * barrier. A stage that needs the books takes a {@link View}, which is the mark that it must stay
 * in that group.
 */
public final class Books
{
    private final OrderBook orders;
    private final PositionBook positions;
    private final AccountBook accounts;
    private final View view = new View();

    /**
     * @param expectedOpenOrders orders open at once the order book is sized for (it grows past it).
     * @param retainFinished     finished orders kept for late broker events and lookups.
     * @param brokers            brokers, for positions per broker.
     * @param referencePrices    each symbol's reference price, by symbol id (for exposure).
     */
    public Books(final int expectedOpenOrders, final int retainFinished, final int brokers,
        final long[] referencePrices)
    {
        this.orders = new OrderBook(expectedOpenOrders, retainFinished);
        this.positions = new PositionBook(Math.max(1, brokers), referencePrices.length);
        this.accounts = new AccountBook(referencePrices);
    }

    /**
     * @return the read-only side, for the stages that decide on the state stage's thread.
     */
    public View view()
    {
        return view;
    }

    OrderBook orders()
    {
        return orders;
    }

    PositionBook positions()
    {
        return positions;
    }

    AccountBook accounts()
    {
        return accounts;
    }

    /**
     * What risk and route may read of the books. Valid only on the state stage's thread.
     */
    public final class View
    {
        private View()
        {
        }

        /**
         * @param orderId a gateway order id.
         * @return the order, or null if the gateway does not know it (or no longer remembers it).
         */
        public OrderView order(final long orderId)
        {
            return orders.get(orderId);
        }

        /**
         * @param accountId an account.
         * @return its exposure, or null if it never traded.
         */
        public AccountExposure account(final int accountId)
        {
            return accounts.find(accountId);
        }

        /**
         * @param brokerId a broker.
         * @param symbolId a symbol.
         * @return the position at that broker.
         */
        public PositionView position(final int brokerId, final int symbolId)
        {
            return positions.at(brokerId, symbolId);
        }

        /**
         * @return how many symbols the positions cover.
         */
        public int symbols()
        {
            return positions.symbols();
        }
    }
}
