package io.ordergateway.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.ordergateway.core.api.ExecutionReportHandler;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.domain.CommandKind;
import org.agrona.BitUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;

import java.util.function.BooleanSupplier;

/**
 * Stage 8: turns each journaled event into an execution report for the strategy: written to the
 * poll queue (an off-heap one-to-one ring the strategy drains with {@code poll}) and/or handed to a
 * listener on this agent's thread. Runs behind the journal stage, so the strategy never hears of
 * anything the journal does not hold.
 *
 * <p>Backpressure without waiting: while the poll queue has no room for a report, {@link #hasRoom()}
 * says so and the egress agent leaves the events in the ring; the journal and send stages go on.
 * The backlog then grows until commands are refused with {@code REPORTS_BACKLOG} (and an alert
 * says why); no report is dropped. Only while the gateway is closing does a report that finds no
 * room count as dropped.
 */
public final class EgressStage implements EventHandler<GatewayEvent>
{
    /** Message type of reports in the poll queue. */
    public static final int REPORT_MSG_TYPE = 1;
    /**
     * Room for one report wherever the queue's end falls: a record that does not fit before the end pads it out first.
     */
    private static final int ROOM_FOR_ONE = 2
        * BitUtil.align(RecordDescriptor.HEADER_LENGTH + ExecutionReportFlyweight.LENGTH, RecordDescriptor.ALIGNMENT);

    private final OneToOneRingBuffer pollQueue;
    private final ExecutionReportHandler listener;
    private final BooleanSupplier closing;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[ExecutionReportFlyweight.LENGTH]);
    private final ExecutionReportFlyweight flyweight = new ExecutionReportFlyweight();
    private long dropped;

    /**
     * @param pollQueue where the strategy polls reports, or null for listener only.
     * @param listener  called on this agent's thread for each report, or null.
     * @param closing   true once the gateway is closing.
     */
    public EgressStage(final OneToOneRingBuffer pollQueue, final ExecutionReportHandler listener,
        final BooleanSupplier closing)
    {
        this.pollQueue = pollQueue;
        this.listener = listener;
        this.closing = closing;
    }

    /**
     * @return true if the next event can be reported now: the poll queue has room for one report
     *         (an event makes at most one), or there is no poll queue, or the gateway is closing.
     */
    public boolean hasRoom()
    {
        return pollQueue == null || pollQueue.capacity() - pollQueue.size() >= ROOM_FOR_ONE || closing.getAsBoolean();
    }

    @Override
    public void onEvent(final GatewayEvent e, final long sequence, final boolean endOfBatch)
    {
        final ReportType type = reportType(e);
        if (type == null)
        {
            return;
        }
        ExecutionReportFlyweight.encode(scratch, 0, type, e);
        if (pollQueue != null && !pollQueue.write(REPORT_MSG_TYPE, scratch, 0, ExecutionReportFlyweight.LENGTH))
        {
            dropped++; // only while closing: otherwise hasRoom() held the event back
        }
        if (listener != null)
        {
            listener.onReport(flyweight.wrap(scratch, 0));
        }
    }

    /**
     * @return reports dropped because the strategy stopped polling while the gateway closed.
     */
    public long dropped()
    {
        return dropped;
    }

    static ReportType reportType(final GatewayEvent e)
    {
        if (e.type.isCommand())
        {
            return e.isDenied() ? ReportType.DENIED : ReportType.SENT;
        }
        if (e.refusal != EventRefusal.NONE)
        {
            return e.type.isBrokerEvent() ? ReportType.EVENT_REFUSED : null;
        }
        switch (e.type)
        {
            case BROKER_ACK: return ReportType.ACKNOWLEDGED;
            case BROKER_REJECT:
                if (e.command == CommandKind.CANCEL)
                {
                    return ReportType.CANCEL_REJECTED;
                }
                return e.command == CommandKind.REPLACE ? ReportType.REPLACE_REJECTED : ReportType.REJECTED;
            case BROKER_FILL: return e.leavesQuantity == 0 ? ReportType.FILL : ReportType.PARTIAL_FILL;
            case BROKER_CANCELED: return ReportType.CANCELED;
            case BROKER_REPLACED: return ReportType.REPLACED;
            case BROKER_EXPIRED: return ReportType.EXPIRED;
            default: return null;
        }
    }
}
