package io.ordergateway.journal;

import io.ordergateway.journal.sbe.BooleanType;
import io.ordergateway.journal.sbe.OrderNewDecoder;

/**
 * A read-only view of one {@code OrderNew} record, valid during the {@link JournalListener} call
 * that receives it: a flyweight over the record's bytes, so reading allocates nothing (except
 * {@link #symbolName()}). Closed sets come as their schema codes, {@link JournalListener#NULL_CODE}
 * when absent.
 */
public final class OrderNewView
{
    private final OrderNewDecoder decoder = new OrderNewDecoder();

    OrderNewView wrap(final org.agrona.DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        decoder.wrap(buffer, offset, blockLength, version);
        return this;
    }

    /** @return the ring sequence of the event. */
    public long sequence()
    {
        return decoder.sequence();
    }

    /** @return the event time, epoch nanoseconds. */
    public long timestamp()
    {
        return decoder.timestamp();
    }

    /** @return the gateway's order id. */
    public long orderId()
    {
        return decoder.orderId();
    }

    /** @return the account. */
    public int accountId()
    {
        return decoder.accountId();
    }

    /** @return the strategy. */
    public int strategyId()
    {
        return decoder.strategyId();
    }

    /** @return the symbol's id in the session's symbol table. */
    public int symbolId()
    {
        return decoder.symbolId();
    }

    /** @return the symbol's name as journaled (allocates: for tools and checks, not the hot path). */
    public String symbolName()
    {
        return decoder.symbolName().trim();
    }

    /** @return the side's code. */
    public int side()
    {
        return JournalAdapter.code(decoder.sideRaw());
    }

    /** @return the order type's code. */
    public int orderType()
    {
        return JournalAdapter.code(decoder.orderTypeRaw());
    }

    /** @return the time in force's code. */
    public int timeInForce()
    {
        return JournalAdapter.code(decoder.timeInForceRaw());
    }

    /** @return the order class's code. */
    public int orderClass()
    {
        return JournalAdapter.code(decoder.orderClassRaw());
    }

    /** @return whether it may execute outside regular hours. */
    public boolean extendedHours()
    {
        return decoder.extendedHours() == BooleanType.TRUE;
    }

    /** @return the quantity, scaled. */
    public long quantity()
    {
        return decoder.quantity();
    }

    /** @return the limit price, or NULL. */
    public long limitPrice()
    {
        return decoder.limitPrice();
    }

    /** @return the stop price, or NULL. */
    public long stopPrice()
    {
        return decoder.stopPrice();
    }

    /** @return the trail as a price, or NULL. */
    public long trailPrice()
    {
        return decoder.trailPrice();
    }

    /** @return the trail as a percent (price scale), or NULL. */
    public long trailPercent()
    {
        return decoder.trailPercent();
    }

    /** @return a bracket's take-profit limit price, or NULL. */
    public long takeProfitLimitPrice()
    {
        return decoder.takeProfitLimitPrice();
    }

    /** @return a bracket's stop-loss stop price, or NULL. */
    public long stopLossStopPrice()
    {
        return decoder.stopLossStopPrice();
    }

    /** @return a bracket's stop-loss limit price, or NULL. */
    public long stopLossLimitPrice()
    {
        return decoder.stopLossLimitPrice();
    }
}
