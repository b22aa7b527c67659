package io.ordergateway.core.pipeline;

/**
 * Why a broker event was journaled and reported but not applied to the order. The codes match
 * the journal's {@code RefusalKind} (0 is none).
 */
public enum EventRefusal
{
    /** Applied. */
    NONE,
    /** The order's state has no transition for it. */
    ILLEGAL_TRANSITION,
    /** It would fill more than the order's quantity. */
    OVERFILL,
    /** The order has seen this fill id already. */
    DUPLICATE_FILL,
    /** The gateway holds no such order. */
    UNKNOWN_ORDER
}
