package io.ordergateway.core.domain;

/**
 * What a strategy asks of an order: a new one, a cancel, or a replace (change of quantity or price).
 * The {@link #code()} is the value in the journal's SBE schema.
 */
public enum CommandKind
{
    NEW(1),
    CANCEL(2),
    REPLACE(3);

    private static final CommandKind[] BY_CODE = new CommandKind[values().length + 1];

    static
    {
        for (final CommandKind value : values())
        {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;

    CommandKind(final int code)
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
    public static CommandKind fromCode(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
