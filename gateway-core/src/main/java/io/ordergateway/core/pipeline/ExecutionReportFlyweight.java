package io.ordergateway.core.pipeline;

import io.ordergateway.core.api.ExecutionReport;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.DetailField;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.journal.DetailFormat;
import io.ordergateway.journal.FixedPoint;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The fixed binary layout of an execution report on its way to the strategy, and a flyweight that
 * reads it. Encoding and reading allocate nothing.
 */
public final class ExecutionReportFlyweight implements ExecutionReport
{
    /** Bytes per report. */
    public static final int LENGTH = 112;

    private static final int ORDER_ID = 0;
    private static final int TIMESTAMP = 8;
    private static final int LAST_QTY = 16;
    private static final int LAST_PRICE = 24;
    private static final int CUM_QTY = 32;
    private static final int LEAVES_QTY = 40;
    private static final int AVG_PRICE = 48;
    private static final int DETAIL_VALUE = 56;
    private static final int DETAIL_BOUND = 64;
    private static final int FILL_ID = 72;
    private static final int SUBMIT_NANOS = 80;
    private static final int SYMBOL_ID = 88;
    private static final int BROKER_ID = 92;
    private static final int BROKER_CODE = 96;
    private static final int TYPE = 100;
    private static final int STATE = 101;
    private static final int SIDE = 102;
    private static final int REASON = 103;
    private static final int FIELD = 104;
    private static final int COMMAND = 105;
    private static final int REFUSAL = 106;

    private static final ReportType[] TYPES = ReportType.values();

    private DirectBuffer buffer;
    private int offset;

    /**
     * Writes the report for an event.
     *
     * @param dst    where.
     * @param offset at which offset.
     * @param type   what the report says.
     * @param e      the event, after the state stage.
     */
    public static void encode(final MutableDirectBuffer dst, final int offset, final ReportType type,
        final GatewayEvent e)
    {
        dst.putLong(offset + ORDER_ID, e.orderId);
        dst.putLong(offset + TIMESTAMP, e.timestamp);
        dst.putLong(offset + LAST_QTY, e.type == EventType.BROKER_FILL ? e.lastQuantity : 0);
        dst.putLong(offset + LAST_PRICE, e.type == EventType.BROKER_FILL ? e.lastPrice : FixedPoint.NULL);
        dst.putLong(offset + CUM_QTY, e.cumQuantity);
        dst.putLong(offset + LEAVES_QTY, e.leavesQuantity);
        dst.putLong(offset + AVG_PRICE, e.avgPrice);
        dst.putLong(offset + DETAIL_VALUE, e.denyValue);
        dst.putLong(offset + DETAIL_BOUND, e.denyBound);
        dst.putLong(offset + FILL_ID, e.fillId);
        dst.putLong(offset + SUBMIT_NANOS, e.type == EventType.NEW_ORDER ? e.ingressNanos : e.orderSubmitNanos);
        dst.putInt(offset + SYMBOL_ID, e.symbolId);
        dst.putInt(offset + BROKER_ID, e.brokerId);
        dst.putInt(offset + BROKER_CODE, e.brokerCode);
        dst.putByte(offset + TYPE, (byte)type.ordinal());
        dst.putByte(offset + STATE, (byte)(e.stateAfter == null ? 0 : e.stateAfter.code()));
        dst.putByte(offset + SIDE, (byte)(e.side == null ? 0 : e.side.code()));
        final RejectReason reason = e.denyReason != null ? e.denyReason : e.brokerReason;
        dst.putByte(offset + REASON, (byte)(reason == null ? 0 : reason.code()));
        dst.putByte(offset + FIELD, (byte)e.denyField.code());
        final CommandKind command = e.command();
        dst.putByte(offset + COMMAND, (byte)(command == null ? 0 : command.code()));
        dst.putByte(offset + REFUSAL, (byte)e.refusal.ordinal());
    }

    /**
     * Points the flyweight at an encoded report.
     *
     * @param buffer the bytes.
     * @param offset where the report starts.
     * @return this.
     */
    public ExecutionReportFlyweight wrap(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    @Override
    public ReportType type()
    {
        return TYPES[buffer.getByte(offset + TYPE)];
    }

    @Override
    public long orderId()
    {
        return buffer.getLong(offset + ORDER_ID);
    }

    @Override
    public CommandKind command()
    {
        return CommandKind.fromCode(buffer.getByte(offset + COMMAND));
    }

    @Override
    public OrderState state()
    {
        return OrderState.fromCode(buffer.getByte(offset + STATE));
    }

    @Override
    public int symbolId()
    {
        return buffer.getInt(offset + SYMBOL_ID);
    }

    @Override
    public Side side()
    {
        return Side.fromCode(buffer.getByte(offset + SIDE));
    }

    @Override
    public int brokerId()
    {
        return buffer.getInt(offset + BROKER_ID);
    }

    @Override
    public long timestamp()
    {
        return buffer.getLong(offset + TIMESTAMP);
    }

    @Override
    public long lastQuantity()
    {
        return buffer.getLong(offset + LAST_QTY);
    }

    @Override
    public long lastPrice()
    {
        return buffer.getLong(offset + LAST_PRICE);
    }

    @Override
    public long cumQuantity()
    {
        return buffer.getLong(offset + CUM_QTY);
    }

    @Override
    public long leavesQuantity()
    {
        return buffer.getLong(offset + LEAVES_QTY);
    }

    @Override
    public long avgPrice()
    {
        return buffer.getLong(offset + AVG_PRICE);
    }

    @Override
    public RejectReason rejectReason()
    {
        return RejectReason.fromCode(buffer.getByte(offset + REASON));
    }

    @Override
    public DetailField detailField()
    {
        return DetailField.fromCode(buffer.getByte(offset + FIELD));
    }

    @Override
    public long detailValue()
    {
        return buffer.getLong(offset + DETAIL_VALUE);
    }

    @Override
    public long detailBound()
    {
        return buffer.getLong(offset + DETAIL_BOUND);
    }

    @Override
    public int brokerCode()
    {
        return buffer.getInt(offset + BROKER_CODE);
    }

    @Override
    public long fillId()
    {
        return buffer.getLong(offset + FILL_ID);
    }

    @Override
    public int refusal()
    {
        return buffer.getByte(offset + REFUSAL);
    }

    @Override
    public long submitNanos()
    {
        return buffer.getLong(offset + SUBMIT_NANOS);
    }

    @Override
    public StringBuilder appendTo(final StringBuilder out)
    {
        out.append(type()).append(" order=").append(orderId()).append(' ').append(command());
        if (state() != null)
        {
            out.append(" state=").append(state());
        }
        if (brokerId() >= 0)
        {
            out.append(" broker=").append(brokerId());
        }
        if (type() == ReportType.PARTIAL_FILL || type() == ReportType.FILL)
        {
            out.append(" last=").append(FixedPoint.formatQuantity(lastQuantity())).append(" @ ")
                .append(FixedPoint.formatPrice(lastPrice()))
                .append(" cum=").append(FixedPoint.formatQuantity(cumQuantity()))
                .append(" leaves=").append(FixedPoint.formatQuantity(leavesQuantity()));
        }
        final RejectReason reason = rejectReason();
        if (reason != null)
        {
            out.append(" reason=").append(reason);
            if (detailField() != DetailField.NONE)
            {
                final int field = detailField().code();
                out.append(" field=").append(detailField()).append(" value=");
                DetailFormat.append(out, field, detailValue()).append(" bound=");
                DetailFormat.append(out, field, detailBound());
            }
            if (brokerCode() != 0)
            {
                out.append(" brokerCode=").append(brokerCode());
            }
            out.append(" (").append(reason.isRetryable() ? "retryable" : "not retryable").append(": ")
                .append(reason.suggestion()).append(')');
        }
        if (refusal() != 0)
        {
            out.append(" refused=").append(EventRefusal.values()[refusal()]);
        }
        return out;
    }

    @Override
    public String toString()
    {
        return appendTo(new StringBuilder(128)).toString();
    }
}
