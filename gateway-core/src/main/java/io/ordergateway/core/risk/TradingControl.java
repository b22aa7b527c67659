package io.ordergateway.core.risk;

/**
 * Operator controls of trading, for one account or all. The {@link #code()} is the journal's.
 */
public enum TradingControl
{
    /** Deny every new order and replace (cancels still pass). */
    KILL_SWITCH(1),
    /** Only let through orders that shrink a position. */
    REDUCE_ONLY(2);

    private final int code;

    TradingControl(final int code)
    {
        this.code = code;
    }

    /** @return the code used in the journal. */
    public int code()
    {
        return code;
    }
}
