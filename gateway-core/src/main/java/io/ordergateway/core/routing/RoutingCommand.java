package io.ordergateway.core.routing;

/**
 * An operator's routing command. The {@link #code()} is the journal's.
 */
public enum RoutingCommand
{
    /** Make a broker the active one. */
    FORCE_ACTIVE(1),
    /** Take a broker out of routing. */
    DISABLE(2),
    /** Put a broker back. */
    ENABLE(3),
    /** End a pause (names no broker: the active one, or the first available, takes orders again). */
    RESUME(4);

    private final int code;

    RoutingCommand(final int code)
    {
        this.code = code;
    }

    /** @return the journal's code. */
    public int code()
    {
        return code;
    }

    /**
     * @param code a journal code.
     * @return the command.
     */
    public static RoutingCommand fromCode(final int code)
    {
        for (final RoutingCommand c : values())
        {
            if (c.code == code)
            {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown routing command " + code);
    }
}
