package io.ordergateway.adapters.fix;

import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;

/**
 * What the adapter knows of one order at the counterparty: its fields (a cancel or replace repeats them), the
 * request number of its current ClOrdID (FIX renames an order with every accepted replace), what was reported to the
 * gateway, and the request waiting for an answer. Owned by the adapter's agent; reused from a pool.
 */
final class FixOrder
{
    long orderId;
    int symbolId;
    Side side;
    OrderType type;
    TimeInForce timeInForce;
    long quantity;
    long limitPrice;
    long stopPrice;
    /** The request number of the ClOrdID the counterparty now knows the order by (0: the new order's own). */
    int currentRequest;
    /** The request number given to the last cancel or replace sent. */
    int lastRequest;
    /** The request number of the cancel or replace waiting for an answer, or 0. */
    int pendingRequest;
    boolean pendingIsReplace;
    long pendingQuantity;
    long pendingLimit;
    long pendingStop;
    /** The counterparty acknowledged the order; the gateway was told. */
    boolean acknowledged;
    /** Finished: nothing more is reported. */
    boolean done;
    /** Cumulative quantity reported to the gateway as filled. */
    long filled;
    /** Cumulative notional of those fills: scaled quantity times scaled price. */
    double notional;
    /** When the last message for it was sent, on the gateway's clock. */
    long sentNanos;

    void reset(final long id)
    {
        orderId = id;
        symbolId = -1;
        side = Side.BUY;
        type = OrderType.MARKET;
        timeInForce = TimeInForce.DAY;
        quantity = 0;
        limitPrice = 0;
        stopPrice = 0;
        currentRequest = 0;
        lastRequest = 0;
        pendingRequest = 0;
        pendingIsReplace = false;
        acknowledged = false;
        done = false;
        filled = 0;
        notional = 0;
        sentNanos = 0;
    }
}
