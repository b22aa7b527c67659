package io.ordergateway.adapters.alpaca;

import io.netty.buffer.ByteBuf;

/**
 * What the adapter knows of one gateway order at Alpaca. Plain fields, loop thread only: the
 * {@link AlpacaOrderTracker} keeps the acknowledgement, the fills reported and the end; the
 * {@link AlpacaOrderSender} keeps the POST and its retries and the cancel or replace in flight;
 * the {@link AlpacaStreamCatchUp} marks which catch-up pass has seen it.
 */
final class AlpacaOrderTrack
{
    /** The gateway's order id. */
    final long orderId;
    /** The client order id Alpaca knows the order by. */
    final String clientOrderId;
    /** Alpaca's id of the order now working for it (the latest replacement), or null while unknown. */
    String alpacaId;
    /**
     * The POST's request bytes, held by the sender until the POST's outcome is definite (then null):
     * while set, the order may or may not exist at Alpaca.
     */
    ByteBuf post;
    /** The gateway was told the order is working. */
    boolean acked;
    /** The order ended (or was never placed): nothing more is reported for it. */
    boolean done;
    /** A cancel came while the POST's outcome was unknown: sent once it is known. */
    boolean cancelRequested;
    /** A replace was sent and neither applied nor refused yet. */
    boolean replacePending;
    /** The pending replace's quantity. */
    long replaceQuantity;
    /** The pending replace's limit price. */
    long replaceLimit;
    /** The pending replace's stop price. */
    long replaceStop;
    /** Cumulative quantity reported to the gateway as filled. */
    long reportedQuantity;
    /** Cumulative notional of the fills reported. */
    long reportedNotional;
    /** Lookups made to settle the POST's unknown outcome (0 while the outcome is not in doubt). */
    int attempts;
    /** The catch-up pass that saw the order last; negative while that pass is fetching it. */
    int seen;
    /**
     * An order the gateway never sent, adopted from Alpaca (EXTERNAL): its fills are reported as
     * found by reconciliation.
     */
    boolean external;

    /**
     * @param orderId       the gateway's order id.
     * @param clientOrderId its client order id.
     */
    AlpacaOrderTrack(final long orderId, final String clientOrderId)
    {
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
    }
}
