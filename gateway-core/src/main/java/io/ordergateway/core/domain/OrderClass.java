package io.ordergateway.core.domain;

/**
 * Order classes: simple, bracket (entry with take-profit and stop-loss), one-cancels-other, one-triggers-other.
 * The {@link #code()} is the value in the journal's SBE schema.
 */
public enum OrderClass
{
    SIMPLE(1),
    BRACKET(2),
    OCO(3),
    OTO(4);

    private static final OrderClass[] BY_CODE = new OrderClass[values().length + 1];

    static
    {
        for (final OrderClass value : values())
        {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    OrderClass(final int code)
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
    public static OrderClass fromCode(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
