package io.ordergateway.core.domain;

/**
 * The states of an order. See {@code OrderStateMachine} for the transitions between them.
 * The {@link #code()} is the value in the journal's SBE schema.
 */
public enum OrderState
{
    /** Accepted by the gateway and sent; the broker has not answered yet. */
    PENDING_NEW(1, false),
    /** Acknowledged by the broker, nothing filled. */
    NEW(2, false),
    /** Some quantity filled, the rest still working. */
    PARTIALLY_FILLED(3, false),
    /** Completely filled. */
    FILLED(4, true),
    /** A cancel was sent; the broker has not confirmed it. */
    PENDING_CANCEL(5, false),
    /** Canceled at the broker (what was filled before stays filled). */
    CANCELED(6, true),
    /** A replace was sent; the broker has not confirmed it. */
    PENDING_REPLACE(7, false),
    /** Replaced at the broker: live, with its new terms (as FIX OrdStatus 5). */
    REPLACED(8, false),
    /** Refused by the broker. */
    REJECTED(9, true),
    /** Refused by the gateway; never sent. */
    DENIED(10, true),
    /** The time in force ran out. */
    EXPIRED(11, true),
    /** Sent, but the outcome is not known (timeout, lost connection): resolved by asking the broker. */
    UNKNOWN(12, false);

    private static final OrderState[] BY_CODE = new OrderState[values().length + 1];

    static
    {
        for (final OrderState value : values())
        {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;
    private final boolean terminal;

    OrderState(final int code, final boolean terminal)
    {
        this.code = code;
        this.terminal = terminal;
    }

    /**
     * @return the code used in the journal.
     */
    public int code()
    {
        return code;
    }

    /**
     * @return true when no event can change the order any more.
     */
    public boolean isTerminal()
    {
        return terminal;
    }

    /**
     * @param code a journal code.
     * @return the state, or null when the code is not known.
     */
    public static OrderState fromCode(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
