package io.ordergateway.core.broker;

/**
 * The SPI every broker adapter implements (sim, Alpaca, FIX...).
 *
 * <p>Threading: {@code send*} are called on the send stage's thread and must neither block nor
 * throw. An adapter that cannot take a command (queue full, not connected) reports it as a reject
 * through the {@link BrokerEventSink} from its own thread. Everything the broker says comes back
 * through the sink, which publishes it into the gateway's ring. {@code connect} and
 * {@code disconnect} are called by the gateway's owner thread at start and close.
 */
public interface BrokerAdapter
{
    /**
     * @return a short name for logs, reports and the journal's broker table.
     */
    String name();

    /**
     * @return what this broker accepts.
     */
    BrokerCapabilities capabilities();

    /**
     * Starts the adapter: connect, start its I/O thread. Called once before any send.
     *
     * @param context the gateway's side: where to report events, how to name orders.
     */
    void connect(BrokerContext context);

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
     * Asks the broker about one order. Blocking, with a time limit; for start-up reconciliation
     * only, never on the ring. May be called before {@link #connect}.
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
        throw new UnsupportedOperationException(name() + " cannot be asked about orders");
    }

    /**
     * Asks the broker for its positions and working orders. Blocking, with a time limit; for
     * start-up reconciliation only. May be called before {@link #connect}.
     *
     * @param brokerId      this adapter's id in the gateway, written into the statement.
     * @param timeoutMillis how long to wait.
     * @return the statement.
     * @throws UnsupportedOperationException if the adapter cannot be asked.
     * @throws java.util.concurrent.TimeoutException if no answer came in time.
     */
    default BrokerStatement queryStatement(final int brokerId, final long timeoutMillis) throws java.util.concurrent.TimeoutException
    {
        throw new UnsupportedOperationException(name() + " cannot be asked for a statement");
    }
}
