package io.ordergateway.core.pipeline;

/**
 * The kinds of event that pass through the ring.
 */
public enum EventType
{
    /** A strategy submitted a new order. */
    NEW_ORDER,
    /** A strategy asked to cancel an order. */
    CANCEL,
    /** A strategy asked to replace an order. */
    REPLACE,
    /** A broker accepted an order. */
    BROKER_ACK,
    /** A broker refused a command (new, cancel or replace: see {@code command}). */
    BROKER_REJECT,
    /** A broker executed (part of) an order. */
    BROKER_FILL,
    /** A broker canceled an order. */
    BROKER_CANCELED,
    /** A broker applied a replace. */
    BROKER_REPLACED,
    /** An order expired at the broker. */
    BROKER_EXPIRED,
    /** A request for a copy of orders and positions, answered by the state stage. */
    SNAPSHOT,
    /** An operator's trading control (kill switch, reduce-only), applied by the risk stage and journaled. */
    CONTROL,
    /** The timer's tick: event time for timeouts, breaker periods and recovery (route and state stages). */
    TICK,
    /** The answer of a broker's health probe (route stage). */
    PROBE_RESULT,
    /** An operator's routing command: force a broker active, disable or enable one (route stage). */
    ROUTING_COMMAND,
    /** A run-time change of risk limits, throttles and split weights: each stage applies its part (attachment). */
    SETTINGS,
    /** A broker's own request budget ran out or came back (route stage). */
    BROKER_BUDGET,
    /**
     * An order at a broker that the gateway never sent (placed by hand, by another system), adopted
     * as EXTERNAL: the state stage books it as working at that broker, the journal writes it; no
     * stage validates, throttles, routes or sends it. The broker's client order id is the attachment.
     */
    EXTERNAL_ORDER,
    /** A difference a running reconciliation confirmed (journaled; the policy is applied off the ring). */
    RECONCILE_DIFFERENCE,
    /** What a broker accepts per symbol, discovered (route stage; journaled). The attachment is the record. */
    BROKER_TERMS;

    /**
     * @return true for the strategy's commands (new, cancel, replace).
     */
    public boolean isCommand()
    {
        return this == NEW_ORDER || this == CANCEL || this == REPLACE;
    }

    /**
     * @return true for what brokers report.
     */
    public boolean isBrokerEvent()
    {
        return ordinal() >= BROKER_ACK.ordinal() && ordinal() <= BROKER_EXPIRED.ordinal();
    }
}
