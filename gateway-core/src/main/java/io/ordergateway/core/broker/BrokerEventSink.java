package io.ordergateway.core.broker;

import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.RejectReason;

/**
 * Where an adapter reports what its broker says. Each call publishes one event into the gateway's
 * ring, stamped with the gateway's clock; it may wait for a free slot when the ring is full (it
 * never drops), so call it from the adapter's own I/O thread, never from inside {@code send*}.
 * Safe to call from several threads. Allocates nothing.
 *
 * <p>An in-process broker that runs as an agent on a thread shared with other agents must not wait:
 * a consumer that holds the ring back (the control agent's follower) may be on the same thread, and
 * would then never free the slot waited for. Such a broker reports only as many events per duty
 * cycle as {@link #room()} says, and leaves the rest for its next cycle.
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

    /**
     * A fill the adapter learnt of by asking the broker rather than from its live stream (start-up
     * reconciliation, or what an adopted external order filled): journaled with
     * {@code source=RECONCILIATION}.
     *
     * @param orderId  the gateway's order id.
     * @param fillId   the broker's id of this execution.
     * @param quantity quantity executed.
     * @param price    price of this execution.
     */
    default void reconciledFill(final long orderId, final long fillId, final long quantity, final long price)
    {
        filled(orderId, fillId, quantity, price);
    }

    /**
     * An order at the broker that the gateway never sent (placed by hand, or by another system on the
     * same account). A gateway that adopts external orders books it as EXTERNAL, working at this
     * broker, under a new gateway order id that it returns. From then on the adapter reports the
     * order's events under that id, tracking it to completion, and reports what it had filled before
     * as {@link #reconciledFill}. Not for the hot path: it allocates.
     *
     * @param symbol              the symbol.
     * @param side                buy or sell.
     * @param type                order type.
     * @param timeInForce         time in force.
     * @param quantity            ordered quantity.
     * @param limitPrice          limit price, or {@code FixedPoint.NULL}.
     * @param stopPrice           stop price, or {@code FixedPoint.NULL}.
     * @param brokerClientOrderId the client order id the broker holds for it.
     * @return the gateway's order id for it, or 0 if the gateway does not adopt it (adoption off, a symbol it does
     *         not trade): the adapter then ignores the order.
     */
    default long adopted(final String symbol, final io.ordergateway.core.domain.Side side,
        final io.ordergateway.core.domain.OrderType type, final io.ordergateway.core.domain.TimeInForce timeInForce,
        final long quantity, final long limitPrice, final long stopPrice, final String brokerClientOrderId)
    {
        return 0;
    }

    /**
     * @return how many events can be reported now without waiting (a snapshot: other producers share it).
     */
    default int room()
    {
        return Integer.MAX_VALUE;
    }
}
