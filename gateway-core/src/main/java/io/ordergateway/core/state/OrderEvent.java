package io.ordergateway.core.state;

/**
 * What can happen to an order after it was accepted by the gateway: the inputs of the
 * {@link OrderStateMachine}. Requests come from the strategy; the rest come from the broker,
 * except {@link #TIMEOUT}, which the gateway raises when an answer is overdue.
 */
public enum OrderEvent
{
    /** The broker accepted the order. */
    ACK,
    /** The broker refused the order. */
    REJECT,
    /** An execution that leaves quantity open. */
    PARTIAL_FILL,
    /** The execution that completes the order. */
    FILL,
    /** The strategy asked to cancel. */
    CANCEL_REQUEST,
    /** The broker canceled the order (asked for, or on its own). */
    CANCEL_CONFIRMED,
    /** The broker refused the cancel; the order keeps working. */
    CANCEL_REJECTED,
    /** The strategy asked to change quantity or price. */
    REPLACE_REQUEST,
    /** The broker applied the change. */
    REPLACE_CONFIRMED,
    /** The broker refused the change; the order keeps its old terms. */
    REPLACE_REJECTED,
    /** The order's time in force ran out. */
    EXPIRE,
    /** No answer in time, or the connection was lost after sending: the outcome is unknown. */
    TIMEOUT
}
