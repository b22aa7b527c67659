package io.ordergateway.core.api;

import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;

/**
 * What happened to an order, as delivered to the strategy. A flyweight: valid only during the
 * handler call; copy what you keep. Quantities and prices are scaled longs
 * ({@code io.ordergateway.journal.FixedPoint}).
 */
public interface ExecutionReport
{
    /** @return what this report says. */
    ReportType type();

    /** @return the gateway's order id. */
    long orderId();

    /** @return the command this report answers (new, cancel, replace). */
    CommandKind command();

    /** @return the order's state after the event, or null if the gateway holds no such order. */
    OrderState state();

    /** @return the symbol id, or -1. */
    int symbolId();

    /** @return the side, or null. */
    Side side();

    /** @return the broker involved, or -1. */
    int brokerId();

    /** @return the event time, epoch nanoseconds. */
    long timestamp();

    /** @return quantity of this execution (fills). */
    long lastQuantity();

    /** @return price of this execution (fills). */
    long lastPrice();

    /** @return quantity filled so far. */
    long cumQuantity();

    /** @return quantity still open. */
    long leavesQuantity();

    /** @return average fill price so far. */
    long avgPrice();

    /** @return why it was denied or rejected, or null. */
    RejectReason rejectReason();

    /** @return which field or limit a denial is about. */
    DetailField detailField();

    /** @return the offending value of a denial. */
    long detailValue();

    /** @return the bound the value broke. */
    long detailBound();

    /** @return the broker's error code of a reject, 0 if none. */
    int brokerCode();

    /** @return the broker's execution id (fills). */
    long fillId();

    /** @return why a broker event was not applied (EVENT_REFUSED), as the journal's refusal code; 0 if applied. */
    int refusal();

    /** @return {@link System#nanoTime()} at the order's submit, for the strategy's own latency measurement. */
    long submitNanos();

    /**
     * Renders the report as one line of text, with the reason's suggestion for denials.
     * Allocates: for logs and tools, not the hot path.
     *
     * @param out where to append.
     * @return {@code out}.
     */
    StringBuilder appendTo(StringBuilder out);
}
