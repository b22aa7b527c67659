package io.ordergateway.adapters.support;

import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A whole {@link OrderCommand} as bytes, for a {@link CommandQueue}: {@link #write} copies a
 * command (the send stage's ring slot view) into a buffer, and the flyweight reads it back on the
 * adapter's thread as an {@code OrderCommand} again. Fixed length, no allocation.
 */
public final class QueuedCommand implements OrderCommand
{
    /** Bytes one command takes. */
    public static final int LENGTH = 112;

    private static final int ORDER_ID = 0;
    private static final int QUANTITY = 8;
    private static final int LIMIT = 16;
    private static final int STOP = 24;
    private static final int TRAIL_PRICE = 32;
    private static final int TRAIL_PERCENT = 40;
    private static final int TAKE_PROFIT = 48;
    private static final int STOP_LOSS_STOP = 56;
    private static final int STOP_LOSS_LIMIT = 64;
    private static final int SYMBOL = 72;
    private static final int KIND = 76;
    private static final int SIDE = 77;
    private static final int TYPE = 78;
    private static final int TIF = 79;
    private static final int CLASS = 80;
    private static final int EXTENDED = 81;

    private DirectBuffer buffer;
    private int offset;

    /**
     * @param c   the command.
     * @param out where to write, at offset 0, {@link #LENGTH} bytes.
     */
    public static void write(final OrderCommand c, final MutableDirectBuffer out)
    {
        out.putLong(ORDER_ID, c.orderId());
        out.putLong(QUANTITY, c.quantity());
        out.putLong(LIMIT, c.limitPrice());
        out.putLong(STOP, c.stopPrice());
        out.putLong(TRAIL_PRICE, c.trailPrice());
        out.putLong(TRAIL_PERCENT, c.trailPercent());
        out.putLong(TAKE_PROFIT, c.takeProfitLimitPrice());
        out.putLong(STOP_LOSS_STOP, c.stopLossStopPrice());
        out.putLong(STOP_LOSS_LIMIT, c.stopLossLimitPrice());
        out.putInt(SYMBOL, c.symbolId());
        out.putByte(KIND, (byte)c.command().code());
        out.putByte(SIDE, (byte)c.side().code());
        out.putByte(TYPE, (byte)c.orderType().code());
        out.putByte(TIF, (byte)c.timeInForce().code());
        out.putByte(CLASS, (byte)c.orderClass().code());
        out.putByte(EXTENDED, (byte)(c.extendedHours() ? 1 : 0));
    }

    /**
     * Points the flyweight at a written command.
     *
     * @param buffer the buffer.
     * @param offset where the command starts.
     * @return this.
     */
    public QueuedCommand wrap(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    @Override
    public CommandKind command()
    {
        return CommandKind.fromCode(buffer.getByte(offset + KIND));
    }

    @Override
    public long orderId()
    {
        return buffer.getLong(offset + ORDER_ID);
    }

    @Override
    public int symbolId()
    {
        return buffer.getInt(offset + SYMBOL);
    }

    @Override
    public Side side()
    {
        return Side.fromCode(buffer.getByte(offset + SIDE));
    }

    @Override
    public OrderType orderType()
    {
        return OrderType.fromCode(buffer.getByte(offset + TYPE));
    }

    @Override
    public TimeInForce timeInForce()
    {
        return TimeInForce.fromCode(buffer.getByte(offset + TIF));
    }

    @Override
    public OrderClass orderClass()
    {
        return OrderClass.fromCode(buffer.getByte(offset + CLASS));
    }

    @Override
    public long quantity()
    {
        return buffer.getLong(offset + QUANTITY);
    }

    @Override
    public long limitPrice()
    {
        return buffer.getLong(offset + LIMIT);
    }

    @Override
    public long stopPrice()
    {
        return buffer.getLong(offset + STOP);
    }

    @Override
    public long trailPrice()
    {
        return buffer.getLong(offset + TRAIL_PRICE);
    }

    @Override
    public long trailPercent()
    {
        return buffer.getLong(offset + TRAIL_PERCENT);
    }

    @Override
    public long takeProfitLimitPrice()
    {
        return buffer.getLong(offset + TAKE_PROFIT);
    }

    @Override
    public long stopLossStopPrice()
    {
        return buffer.getLong(offset + STOP_LOSS_STOP);
    }

    @Override
    public long stopLossLimitPrice()
    {
        return buffer.getLong(offset + STOP_LOSS_LIMIT);
    }

    @Override
    public boolean extendedHours()
    {
        return buffer.getByte(offset + EXTENDED) != 0;
    }
}
