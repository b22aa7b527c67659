package io.ordergateway.journal;

import io.ordergateway.journal.sbe.FillDecoder;
import io.ordergateway.journal.sbe.FillSource;
import io.ordergateway.journal.sbe.PartialFillDecoder;

/**
 * A read-only view of one execution record, {@code PartialFill} or {@code Fill} (the last one:
 * nothing left open), valid during the {@link JournalListener#onFill} call that receives it. A
 * flyweight: reading allocates nothing.
 */
public final class FillView
{
    private final PartialFillDecoder partial = new PartialFillDecoder();
    private final FillDecoder last = new FillDecoder();
    private boolean complete;

    FillView wrapPartial(final org.agrona.DirectBuffer buffer, final int offset, final int blockLength,
        final int version)
    {
        partial.wrap(buffer, offset, blockLength, version);
        complete = false;
        return this;
    }

    FillView wrapLast(final org.agrona.DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        last.wrap(buffer, offset, blockLength, version);
        complete = true;
        return this;
    }

    /** @return true for a {@code Fill} (the order is done), false for a {@code PartialFill}. */
    public boolean complete()
    {
        return complete;
    }

    /** @return the ring sequence of the event. */
    public long sequence()
    {
        return complete ? last.sequence() : partial.sequence();
    }

    /** @return the event time, epoch nanoseconds. */
    public long timestamp()
    {
        return complete ? last.timestamp() : partial.timestamp();
    }

    /** @return the gateway's order id. */
    public long orderId()
    {
        return complete ? last.orderId() : partial.orderId();
    }

    /** @return the broker that executed it. */
    public int brokerId()
    {
        return complete ? last.brokerId() : partial.brokerId();
    }

    /** @return the broker's execution id, as a number. */
    public long fillId()
    {
        return complete ? last.fillId() : partial.fillId();
    }

    /** @return the side's code. */
    public int side()
    {
        return JournalAdapter.code(complete ? last.sideRaw() : partial.sideRaw());
    }

    /** @return the symbol's id. */
    public int symbolId()
    {
        return complete ? last.symbolId() : partial.symbolId();
    }

    /** @return this execution's quantity, scaled. */
    public long lastQuantity()
    {
        return complete ? last.lastQuantity() : partial.lastQuantity();
    }

    /** @return this execution's price, scaled. */
    public long lastPrice()
    {
        return complete ? last.lastPrice() : partial.lastPrice();
    }

    /** @return the order's executed quantity so far. */
    public long cumQuantity()
    {
        return complete ? last.cumQuantity() : partial.cumQuantity();
    }

    /** @return the quantity still open. */
    public long leavesQuantity()
    {
        return complete ? last.leavesQuantity() : partial.leavesQuantity();
    }

    /** @return the average price of everything executed so far. */
    public long avgPrice()
    {
        return complete ? last.avgPrice() : partial.avgPrice();
    }

    /** @return the order's state after it (OrderState code). */
    public int state()
    {
        return JournalAdapter.code(complete ? last.stateRaw() : partial.stateRaw());
    }

    /** @return true if start-up reconciliation found it, not the broker's stream (version 1: false). */
    public boolean fromReconciliation()
    {
        return (complete ? last.source() : partial.source()) == FillSource.RECONCILIATION;
    }
}
