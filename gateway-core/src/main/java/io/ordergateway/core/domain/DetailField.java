package io.ordergateway.core.domain;

/**
 * Which field or limit a denial is about; carried with the value and the bound it broke so the
 * message can be rendered at the edge without building text on the hot path.
 * The {@link #code()} is the value in the journal's SBE schema (0 is {@link #NONE}).
 */
public enum DetailField
{
    NONE, SYMBOL, QUANTITY, LIMIT_PRICE, STOP_PRICE, TRAIL, TIME_IN_FORCE, ORDER_TYPE, ORDER_CLASS, SIDE, ACCOUNT,
    ORDER_ID, TAKE_PROFIT, STOP_LOSS, BROKER, RATE;

    private static final DetailField[] VALUES = values();

    /**
     * @return the code used in the journal.
     */
    public int code()
    {
        return ordinal();
    }

    /**
     * @param code a journal code.
     * @return the field, or {@link #NONE} when the code is not known.
     */
    public static DetailField fromCode(final int code)
    {
        return code >= 0 && code < VALUES.length ? VALUES[code] : NONE;
    }
}
