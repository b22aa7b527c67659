package io.ordergateway.core.domain;

/**
 * Buy or sell.
 * The {@link #code()} is the value in the journal's SBE schema.
 */
public enum Side
{
    BUY(1),
    SELL(2);

    private static final Side[] BY_CODE = new Side[values().length + 1];

    static
    {
        for (final Side value : values())
        {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    Side(final int code)
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
    public static Side fromCode(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
