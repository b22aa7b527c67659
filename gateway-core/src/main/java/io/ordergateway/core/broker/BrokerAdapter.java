package io.ordergateway.core.broker;

/**
 * The SPI every broker adapter implements (sim, Alpaca, FIX...).
 *
 * <p>Life cycle: {@link #open} once (the gateway's side; the adapter may now be asked about orders),
 * then {@link #connect} (trading starts: the adapter reports through the sink from now on), then
 * {@link #disconnect}. All three are called by the thread that builds or closes the gateway.
 *
 * <p>Threading: {@code send*} are called on the send stage's thread and must neither block nor
 * throw. An adapter that cannot take a command (queue full, not connected) reports it as a reject
 * through the {@link BrokerEventSink} from its own thread. Everything the broker says comes back
 * through the sink, which publishes it into the gateway's ring. An adapter has no thread of its
 * own: in-process work (a simulator's matching) is an {@link #agent()} the gateway runs by its
 * threading mode, and network I/O runs on event loops made with {@link BrokerContext#threads()}.
 */
public interface BrokerAdapter
{
    /**
     * @return a short name for logs, reports and the journal's broker table.
     */
    String name();

    /**
     * @return the adapter's type as the configuration and the journal's session record name it
     *         ({@code sim}, {@code alpaca}, {@code fix}...); by default the class's simple name.
     */
    default String type()
    {
        return getClass().getSimpleName();
    }

    /**
     * @return what this broker accepts.
     */
    BrokerCapabilities capabilities();

    /**
     * @return true if orders sent here cost no real money (a simulator, a paper account): only then may a tool send
     *         test orders to find out what the broker accepts. False by default.
     */
    default boolean paperTrading()
    {
        return false;
    }

    /**
     * Gives the adapter the gateway's side, once, before anything else: where to report, how orders
     * are named, the event clock and the thread factory. The adapter may make its I/O threads now
     * and answer {@link #queryOrder} and {@link #queryStatement}; it reports nothing to the sink yet.
     *
     * @param context the gateway's side.
     */
    void open(BrokerContext context);

    /**
     * Starts trading: connect sessions and streams. Called once, after {@link #open} and start-up
     * reconciliation, before any send.
     */
    void connect();

    /**
     * The adapter's own work, for the gateway to run on one of its threads (or the caller's, in
     * INVOKER mode) by its threading mode: an in-process simulator's matching, say. Its
     * {@code doWork} must never block.
     *
     * @return the agent, or null for an adapter whose I/O runs on its own event loop.
     */
    default org.agrona.concurrent.Agent agent()
    {
        return null;
    }

    /**
     * Sends a new order. The command is only valid during the call.
     *
     * @param command the order.
     */
    void sendNew(OrderCommand command);

    /**
     * Asks the broker to cancel an order.
     *
     * @param command carries the order id (and its symbol and side).
     */
    void sendCancel(OrderCommand command);

    /**
     * Asks the broker to change an order's quantity or prices.
     *
     * @param command carries the order id and the new quantity, limit and stop prices.
     */
    void sendReplace(OrderCommand command);

    /**
     * @return the adapter's own view of its health.
     */
    BrokerHealth health();

    /**
     * Stops the adapter and its threads; no sink call happens after it returns.
     */
    void disconnect();

    /**
     * Asks the broker about one order without waiting: the answer completes the future later, on
     * the adapter's thread (the broker's view, or null if it does not know the order). For the
     * gateway's agents, which must not block. May be called once the adapter is open.
     *
     * @param orderId       the gateway's order id.
     * @param clientOrderId the id the broker knows the order by.
     * @return the answer to come; failed with {@link UnsupportedOperationException} if the adapter cannot be asked.
     */
    default java.util.concurrent.CompletableFuture<BrokerOrderStatus>
        askOrder(final long orderId, final String clientOrderId)
    {
        return java.util.concurrent.CompletableFuture.failedFuture(new
            UnsupportedOperationException(name() + " cannot be asked about orders"));
    }

    /**
     * Asks the broker about one order and waits, with a time limit: {@link #askOrder} awaited. For
     * start-up reconciliation only (before the gateway's threads run), never on the ring.
     *
     * @param orderId       the gateway's order id.
     * @param clientOrderId the id the broker knows the order by.
     * @param timeoutMillis how long to wait for the answer.
     * @return the broker's view, or null if the broker does not know the order.
     * @throws UnsupportedOperationException if the adapter cannot be asked.
     * @throws java.util.concurrent.TimeoutException if no answer came in time.
     */
    default BrokerOrderStatus queryOrder(final long orderId, final String clientOrderId, final long timeoutMillis)
        throws java.util.concurrent.TimeoutException
    {
        return BrokerAnswers.await(askOrder(orderId, clientOrderId), timeoutMillis, "order " + clientOrderId + " at "
            + name());
    }

    /**
     * {@link #queryOrder(long, String, long)} for a broker that must be told the order's symbol and side to find it
     * (FIX's OrderStatusRequest requires them), and what the journal knows of its fills; by default the same as
     * without them.
     *
     * @param orderId       the gateway's order id.
     * @param clientOrderId the id the broker knows the order by.
     * @param symbol        the order's symbol.
     * @param side          its side.
     * @param filled        what the journal has of its fills (cumulative quantity): an adapter that reports a
     *                      status answer's fills as the part beyond what the gateway knows starts from this.
     * @param averagePrice  the average price of those fills.
     * @param timeoutMillis how long to wait for the answer.
     * @return the broker's view, or null if the broker does not know the order.
     * @throws java.util.concurrent.TimeoutException if no answer came in time.
     */
    default BrokerOrderStatus queryOrder(final long orderId, final String clientOrderId, final String symbol,
        final io.ordergateway.core.domain.Side side, final long filled, final long averagePrice,
        final long timeoutMillis) throws java.util.concurrent.TimeoutException
    {
        return queryOrder(orderId, clientOrderId, timeoutMillis);
    }

    /**
     * Asks the broker for its positions and working orders without waiting; the answer completes
     * the future later, on the adapter's thread. Read-only: an adapter retries transient faults
     * within its own budget and fails the future only when that is spent. May be called once the
     * adapter is open.
     *
     * @param brokerId this adapter's id in the gateway, written into the statement.
     * @return the statement to come; failed with {@link UnsupportedOperationException} if the adapter cannot be asked.
     */
    default java.util.concurrent.CompletableFuture<BrokerStatement> askStatement(final int brokerId)
    {
        return unsupported("a statement");
    }

    /**
     * Asks the broker for its positions and working orders and waits: {@link #askStatement}
     * awaited. For start-up reconciliation and tools only, never on the ring.
     *
     * @param brokerId      this adapter's id in the gateway, written into the statement.
     * @param timeoutMillis how long to wait.
     * @return the statement.
     * @throws UnsupportedOperationException if the adapter cannot be asked.
     * @throws java.util.concurrent.TimeoutException if no answer came in time.
     */
    default BrokerStatement queryStatement(final int brokerId, final long timeoutMillis) throws
        java.util.concurrent.TimeoutException
    {
        return BrokerAnswers.await(askStatement(brokerId), timeoutMillis, "the statement of " + name());
    }

    /**
     * Asks the broker about the account's money (cash, buying power, equity) without waiting.
     *
     * @return the answer to come, on the adapter's thread; failed with {@link UnsupportedOperationException} if the
     *         adapter cannot be asked.
     */
    default java.util.concurrent.CompletableFuture<BrokerAccount> askAccount()
    {
        return unsupported("the account");
    }

    /**
     * Lists the broker's orders (the gateway's and any other), oldest first, without waiting.
     *
     * @param listing   open, closed or all orders.
     * @param fromMillis only orders submitted at or after this (epoch milliseconds), or 0.
     * @param toMillis   only orders submitted before this, or {@code Long.MAX_VALUE}.
     * @return the orders to come, on the adapter's thread.
     */
    default java.util.concurrent.CompletableFuture<java.util.List<BrokerOrder>>
        askOrders(final BrokerOrder.Listing listing, final long fromMillis, final long toMillis)
    {
        return unsupported("orders");
    }

    /**
     * Lists the broker's executions in a time range, oldest first, without waiting.
     *
     * @param fromMillis from this time (epoch milliseconds), or 0.
     * @param toMillis   to this time, or {@code Long.MAX_VALUE}.
     * @return the fills to come, on the adapter's thread.
     */
    default java.util.concurrent.CompletableFuture<java.util.List<BrokerFill>>
        askFills(final long fromMillis, final long toMillis)
    {
        return unsupported("fills");
    }

    /**
     * Asks the broker what it accepts for each symbol (tradable, shortable, fractionable...), without
     * waiting; asked at start and daily, off the ring. An adapter whose broker cannot say answers
     * with its declaration ({@link SymbolTerms#declared}), the default.
     *
     * @param symbols the gateway's symbols.
     * @return one line per symbol, on the adapter's thread.
     */
    default java.util.concurrent.CompletableFuture<java.util.List<SymbolTerms>>
        discoverTerms(final java.util.List<String> symbols)
    {
        return java.util.concurrent.CompletableFuture.completedFuture(
            symbols.stream().map(s -> SymbolTerms.declared(s, capabilities())).toList());
    }

    private <T> java.util.concurrent.CompletableFuture<T> unsupported(final String what)
    {
        return java.util.concurrent.CompletableFuture.failedFuture(new
            UnsupportedOperationException(name() + " cannot be asked for " + what));
    }
}
