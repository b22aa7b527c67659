package io.ordergateway.core.domain;

/**
 * Which field or limit a denial is about; carried with the value and the bound it broke so the
 * message can be rendered at the edge without building text on the hot path.
 * The {@link #code()} is the value in the journal's SBE schema (0 is {@link #NONE}).
 */
public enum DetailField
{
    /** No detail. */
    NONE,
    /** The symbol (value: the id given). */
    SYMBOL,
    /** The quantity. */
    QUANTITY,
    /** The limit price. */
    LIMIT_PRICE,
    /** The stop price. */
    STOP_PRICE,
    /** The trail price or percent. */
    TRAIL,
    /** The time in force. */
    TIME_IN_FORCE,
    /** The order type. */
    ORDER_TYPE,
    /** The order class. */
    ORDER_CLASS,
    /** The side. */
    SIDE,
    /** The account. */
    ACCOUNT,
    /** The order id. */
    ORDER_ID,
    /** The take-profit leg. */
    TAKE_PROFIT,
    /** The stop-loss leg (its stop price). */
    STOP_LOSS,
    /** The broker. */
    BROKER,
    /** The account's order rate (value: nanoseconds until a token; bound: orders per second). */
    RATE,
    /** The strategy's order rate. */
    STRATEGY_RATE,
    /** The symbol's order rate. */
    SYMBOL_RATE,
    /** Risk: the largest quantity one order may have. */
    MAX_ORDER_QUANTITY,
    /** Risk: the largest notional one order may have (money). */
    MAX_ORDER_NOTIONAL,
    /** Risk: how far a price may be from the reference price (value: price; bound: the band's edge). */
    PRICE_BAND,
    /** Risk: the largest position per symbol, counting open orders. */
    MAX_POSITION,
    /** Risk: the largest gross exposure per account, counting open orders (money). */
    MAX_GROSS_EXPOSURE,
    /** Risk: the most open orders per account. */
    MAX_OPEN_ORDERS,
    /** Risk: the account may only reduce positions (value: the position; bound: what may still be traded). */
    REDUCE_ONLY,
    /** The instrument's lot size (bound: the lot). */
    LOT_SIZE,
    /** The instrument's smallest quantity. */
    MIN_QUANTITY,
    /** The instrument's largest quantity. */
    MAX_QUANTITY,
    /** Fractional quantities are not allowed here (bound: the lot size). */
    FRACTIONAL,
    /** The market session (value: the event time; bound: when the next allowed window opens, 0 if unknown). */
    SESSION,
    /** The take-profit leg's limit price. */
    TAKE_PROFIT_LIMIT,
    /** The stop-loss leg's limit price. */
    STOP_LOSS_LIMIT;

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
