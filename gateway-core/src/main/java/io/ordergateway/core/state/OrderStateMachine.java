package io.ordergateway.core.state;

import io.ordergateway.core.domain.OrderState;

import static io.ordergateway.core.domain.OrderState.*;
import static io.ordergateway.core.state.OrderEvent.*;

/**
 * The order life cycle as a transition table: (state, event) to next state, or illegal.
 * Orders start in {@link OrderState#PENDING_NEW} when the gateway sends them ({@link OrderState#DENIED}
 * orders never enter the table). An event that does not fit is not applied: the caller journals
 * and reports it.
 *
 * <p>{@link #RESTORE} marks the answers to a pending request that was refused (cancel or replace
 * rejected): the order goes back to where it was before the request, which the caller remembers.
 *
 * <p>Stateless and immutable; lookups allocate nothing.
 */
public final class OrderStateMachine
{
    /** The next state is the one before the pending request. */
    public static final OrderState RESTORE = null;

    private static final int STATES = OrderState.values().length;
    private static final int EVENTS = OrderEvent.values().length;
    private static final byte ILLEGAL = -1;
    private static final byte RESTORE_CODE = -2;
    private static final byte[] TABLE = new byte[STATES * EVENTS];
    private static final OrderState[] STATE_VALUES = OrderState.values();

    static
    {
        java.util.Arrays.fill(TABLE, ILLEGAL);

        allow(PENDING_NEW, ACK, NEW);
        allow(PENDING_NEW, REJECT, REJECTED);
        allow(PENDING_NEW, PARTIAL_FILL, PARTIALLY_FILLED);
        allow(PENDING_NEW, FILL, FILLED);
        allow(PENDING_NEW, CANCEL_REQUEST, PENDING_CANCEL);
        allow(PENDING_NEW, CANCEL_CONFIRMED, CANCELED);
        allow(PENDING_NEW, EXPIRE, EXPIRED);
        allow(PENDING_NEW, TIMEOUT, UNKNOWN);

        // a broker that accepts first and checks later (Alpaca: "accepted", then "rejected")
        allow(NEW, REJECT, REJECTED);
        allow(NEW, PARTIAL_FILL, PARTIALLY_FILLED);
        allow(NEW, FILL, FILLED);
        allow(NEW, CANCEL_REQUEST, PENDING_CANCEL);
        allow(NEW, CANCEL_CONFIRMED, CANCELED);
        allow(NEW, REPLACE_REQUEST, PENDING_REPLACE);
        allow(NEW, EXPIRE, EXPIRED);

        allow(PARTIALLY_FILLED, ACK, PARTIALLY_FILLED); // a fill can overtake the ack
        allow(PARTIALLY_FILLED, PARTIAL_FILL, PARTIALLY_FILLED);
        allow(PARTIALLY_FILLED, FILL, FILLED);
        allow(PARTIALLY_FILLED, CANCEL_REQUEST, PENDING_CANCEL);
        allow(PARTIALLY_FILLED, CANCEL_CONFIRMED, CANCELED);
        allow(PARTIALLY_FILLED, REPLACE_REQUEST, PENDING_REPLACE);
        allow(PARTIALLY_FILLED, EXPIRE, EXPIRED);

        allow(PENDING_CANCEL, ACK, PENDING_CANCEL); // the ack of the new order overtaken by our cancel
        allow(PENDING_CANCEL, REJECT, REJECTED);
        allow(PENDING_CANCEL, PARTIAL_FILL, PENDING_CANCEL);
        allow(PENDING_CANCEL, FILL, FILLED);
        allow(PENDING_CANCEL, CANCEL_CONFIRMED, CANCELED);
        allow(PENDING_CANCEL, CANCEL_REJECTED, RESTORE);
        allow(PENDING_CANCEL, EXPIRE, EXPIRED);

        allow(PENDING_REPLACE, PARTIAL_FILL, PENDING_REPLACE);
        allow(PENDING_REPLACE, FILL, FILLED);
        allow(PENDING_REPLACE, REPLACE_CONFIRMED, REPLACED);
        allow(PENDING_REPLACE, REPLACE_REJECTED, RESTORE);
        allow(PENDING_REPLACE, CANCEL_CONFIRMED, CANCELED);
        allow(PENDING_REPLACE, EXPIRE, EXPIRED);

        allow(REPLACED, PARTIAL_FILL, PARTIALLY_FILLED);
        allow(REPLACED, FILL, FILLED);
        allow(REPLACED, CANCEL_REQUEST, PENDING_CANCEL);
        allow(REPLACED, CANCEL_CONFIRMED, CANCELED);
        allow(REPLACED, REPLACE_REQUEST, PENDING_REPLACE);
        allow(REPLACED, EXPIRE, EXPIRED);

        allow(UNKNOWN, ACK, NEW);
        allow(UNKNOWN, REJECT, REJECTED);
        allow(UNKNOWN, PARTIAL_FILL, PARTIALLY_FILLED);
        allow(UNKNOWN, FILL, FILLED);
        allow(UNKNOWN, CANCEL_CONFIRMED, CANCELED);
        allow(UNKNOWN, EXPIRE, EXPIRED);
        // FILLED, CANCELED, REJECTED, DENIED, EXPIRED are terminal: every event is illegal.
    }

    private OrderStateMachine()
    {
    }

    private static void allow(final OrderState from, final OrderEvent event, final OrderState to)
    {
        TABLE[from.ordinal() * EVENTS + event.ordinal()] = to == RESTORE ? RESTORE_CODE : (byte)to.ordinal();
    }

    /**
     * @param from  the order's state.
     * @param event what happened.
     * @return true when the table has a transition for it.
     */
    public static boolean isLegal(final OrderState from, final OrderEvent event)
    {
        return TABLE[from.ordinal() * EVENTS + event.ordinal()] != ILLEGAL;
    }

    /**
     * @param from  the order's state.
     * @param event what happened; must be legal (see {@link #isLegal}).
     * @return the next state, or {@link #RESTORE} (null) when the order returns to its state before
     *         the pending request.
     * @throws IllegalStateException if the transition is illegal.
     */
    public static OrderState next(final OrderState from, final OrderEvent event)
    {
        final byte code = TABLE[from.ordinal() * EVENTS + event.ordinal()];
        if (code == ILLEGAL)
        {
            throw new IllegalStateException("illegal transition: " + event + " in " + from);
        }
        return code == RESTORE_CODE ? RESTORE : STATE_VALUES[code];
    }
}
