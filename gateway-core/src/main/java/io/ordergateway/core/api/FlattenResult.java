package io.ordergateway.core.api;

import io.ordergateway.core.domain.Side;

import java.util.List;

/**
 * What {@link OperatorControls#flatten} sent: the cancels, and one closing market order per
 * position it found (or why it did not send one). What became of them comes as execution reports
 * and is in the journal.
 *
 * @param accountId       the account flattened, or -1 for every account.
 * @param symbol          the symbol flattened, or null for every symbol.
 * @param cancelsSent     cancels that entered the ring, one per open order found.
 * @param ordersStillOpen open orders of the account and symbol that were still open when the time ran out (their
 *                        positions were held back, so a late fill cannot turn a close into a new position).
 * @param closes          one line per position that was not flat, in account then symbol order.
 */
public record FlattenResult(int accountId, String symbol, int cancelsSent, int ordersStillOpen, List<Close> closes)
{
    /** {@link Close#outcome()}: the closing order entered the ring. */
    public static final String SENT = "SENT";
    /** {@link Close#outcome()}: orders of that account and symbol were still open when the time ran out. */
    public static final String HELD_BACK = "HELD_BACK";

    /**
     * Copies the list.
     */
    public FlattenResult
    {
        closes = List.copyOf(closes);
    }

    /**
     * @return the order ids of the closing orders that entered the ring.
     */
    public List<Long> closingOrderIds()
    {
        return closes.stream().filter(c -> c.orderId() != 0).map(Close::orderId).toList();
    }

    /**
     * One position and its closing order.
     *
     * @param accountId the account.
     * @param symbol    the symbol.
     * @param position  the signed position found (scaled quantity).
     * @param side      the closing order's side (the opposite of the position's).
     * @param quantity  the closing order's quantity (the position's size).
     * @param orderId   the closing order's id, or 0 when it was not sent.
     * @param outcome   {@link #SENT}, {@link #HELD_BACK}, or the {@link SubmitResult} that refused it.
     */
    public record Close(int accountId, String symbol, long position, Side side, long quantity, long orderId,
        String outcome)
    {
    }
}
