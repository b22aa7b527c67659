package io.ordergateway.core.domain;

/**
 * Time in force: day, good till canceled, immediate or cancel, fill or kill, at the open, at the close.
 * The {@link #code()} is the value in the journal's SBE schema.
 */
public enum TimeInForce
{
    DAY(1),
    GTC(2),
    IOC(3),
    FOK(4),
    OPG(5),
    CLS(6);

    private static final TimeInForce[] BY_CODE = new TimeInForce[values().length + 1];

    static
    {
        for (final TimeInForce value : values())
        {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    TimeInForce(final int code)
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
    public static TimeInForce fromCode(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
