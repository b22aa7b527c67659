package io.ordergateway.core.reconcile;

/**
 * What a running reconciliation found different. The codes are the journal's {@code DifferenceKind}.
 */
public enum DifferenceKind
{
    /** A position differs. */
    POSITION(1),
    /** The broker has a working order the gateway does not (not adopted, or closed in the gateway). */
    ORDER_ONLY_AT_BROKER(2),
    /** The gateway holds an order working that the broker does not. */
    ORDER_ONLY_IN_GATEWAY(3),
    /** Both hold the order working, with different filled quantities. */
    ORDER_FILLED_QUANTITY(4);

    private final int code;

    DifferenceKind(final int code)
    {
        this.code = code;
    }

    /**
     * @return the journal's code.
     */
    public int code()
    {
        return code;
    }
}
