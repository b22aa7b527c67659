package io.ordergateway.core.broker;

import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.RejectReason;

/**
 * Where an adapter reports what its broker says. Each call publishes one event into the gateway's
 * ring, stamped with the gateway's clock; it may wait for a free slot when the ring is full (it
 * never drops), so call it from the adapter's own I/O thread, never from inside {@code send*}.
 * Safe to call from several threads. Allocates nothing.
 */
public interface BrokerEventSink
{
    /**
     * The broker accepted a new order.
     *
     * @param orderId       the gateway's order id.
     * @param brokerOrderId the broker's id for it.
     */
    void acknowledged(long orderId, long brokerOrderId);

    /**
     * The broker refused a command.
     *
     * @param orderId    the gateway's order id.
     * @param command    which command was refused: a refused cancel or replace leaves the order working.
     * @param reason     the standard reason.
     * @param brokerCode the broker's own error code, 0 if none.
     */
    void rejected(long orderId, CommandKind command, RejectReason reason, int brokerCode);

    /**
     * An execution.
     *
     * @param orderId  the gateway's order id.
     * @param fillId   the broker's id of this execution; a repeated id is refused as a duplicate.
     * @param quantity quantity executed now.
     * @param price    price of this execution.
     */
    void filled(long orderId, long fillId, long quantity, long price);

    /**
     * The broker canceled the rest of an order.
     *
     * @param orderId the gateway's order id.
     */
    void canceled(long orderId);

    /**
     * The broker applied a replace.
     *
     * @param orderId    the gateway's order id.
     * @param quantity   the new total quantity.
     * @param limitPrice the new limit price, or {@code FixedPoint.NULL}.
     * @param stopPrice  the new stop price, or {@code FixedPoint.NULL}.
     */
    void replaced(long orderId, long quantity, long limitPrice, long stopPrice);

    /**
     * The order's time in force ran out.
     *
     * @param orderId the gateway's order id.
     */
    void expired(long orderId);

    /**
     * The broker's own request budget (its rate limit) ran out, or came back: the route stage then
     * sends the broker nothing until the reset (journaled, so replay decides the same). Call it when
     * the state changes, not per request.
     *
     * @param remaining        requests left in the broker's window (0: spent).
     * @param resetEpochMillis when the window resets (epoch milliseconds).
     */
    default void budget(final long remaining, final long resetEpochMillis)
    {
    }
}
