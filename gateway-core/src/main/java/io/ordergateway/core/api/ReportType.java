package io.ordergateway.core.api;

/**
 * What an {@link ExecutionReport} tells the strategy.
 */
public enum ReportType
{
    /** The command passed the gateway's checks, was journaled and handed to the broker. */
    SENT,
    /** The gateway refused the command; it was not sent. See the reason and detail. */
    DENIED,
    /** The broker accepted the new order. */
    ACKNOWLEDGED,
    /** The broker refused the new order. */
    REJECTED,
    /** Part of the order executed; the rest is still working. */
    PARTIAL_FILL,
    /** The order is completely filled. */
    FILL,
    /** The order was canceled. */
    CANCELED,
    /** The broker refused a cancel; the order keeps working. */
    CANCEL_REJECTED,
    /** The broker applied a replace. */
    REPLACED,
    /** The broker refused a replace; the order keeps its old terms. */
    REPLACE_REJECTED,
    /** The order's time in force ran out. */
    EXPIRED,
    /**
     * The broker said something that does not fit the order (see {@link ExecutionReport#refusal()}): journaled, not
     * applied.
     */
    EVENT_REFUSED
}
