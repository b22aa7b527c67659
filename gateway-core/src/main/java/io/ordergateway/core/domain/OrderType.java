package io.ordergateway.core.domain;

/**
 * Order types: market, limit, stop, stop-limit, trailing stop (by price or percent).
 * The {@link #code()} is the value in the journal's SBE schema.
 */
public enum OrderType
{
    MARKET(1),
    LIMIT(2),
    STOP(3),
    STOP_LIMIT(4),
    TRAILING_STOP(5);

    private static final OrderType[] BY_CODE = new OrderType[values().length + 1];

    static
    {
        for (final OrderType value : values())
        {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    OrderType(final int code)
    {
        this.code = code;
    }

    /**
     * @return the code used in the journal.
     */
    public int code()
    {
        return code;
    }

    /**
     * @param code a journal code.
     * @return the value, or null when the code is not known.
     */
    public static OrderType fromCode(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
