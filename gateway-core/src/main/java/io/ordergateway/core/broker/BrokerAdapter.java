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
}
