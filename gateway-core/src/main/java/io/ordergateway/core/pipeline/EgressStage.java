package io.ordergateway.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.ordergateway.core.api.ExecutionReportHandler;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.domain.CommandKind;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

import java.util.function.BooleanSupplier;

/**
 * Stage 6: turns each journaled event into an execution report for the strategy: written to the
 * poll queue (an off-heap one-to-one ring the strategy drains with {@code poll}) and/or handed to a
 * listener on this thread. Runs after the journal stage, so the strategy never hears of anything
 * the journal does not hold.
 *
 * <p>Backpressure: when the poll queue is full, this stage waits for the strategy to poll (the ring
 * fills and {@code submit} starts answering RING_FULL) rather than drop a report. Only while the
 * gateway is closing does it give up and count the report as dropped.
 */
public final class EgressStage implements EventHandler<GatewayEvent>
{
    /** Message type of reports in the poll queue. */
    public static final int REPORT_MSG_TYPE = 1;

    private final OneToOneRingBuffer pollQueue;
    private final ExecutionReportHandler listener;
    private final IdleStrategy idle;
    private final BooleanSupplier closing;
    private final RoutingObserver routingObserver;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[ExecutionReportFlyweight.LENGTH]);
    private final ExecutionReportFlyweight flyweight = new ExecutionReportFlyweight();
    private long dropped;

    /**
     * @param pollQueue where the strategy polls reports, or null for listener only.
     * @param listener  called on this thread for each report, or null.
     * @param idle      how to wait while the poll queue is full.
     * @param closing   true once the gateway is closing.
     */
    public EgressStage(
        final OneToOneRingBuffer pollQueue, final ExecutionReportHandler listener, final IdleStrategy idle, final BooleanSupplier closing)
    {
        this(pollQueue, listener, idle, closing, null);
    }

    /**
     * @param pollQueue       where the strategy polls reports, or null for listener only.
     * @param listener        called on this thread for each report, or null.
     * @param idle            how to wait while the poll queue is full.
     * @param closing         true once the gateway is closing.
     * @param routingObserver told of the route stage's journaled decisions (alerts, probes, timeouts), or null.
     */
    public EgressStage(
        final OneToOneRingBuffer pollQueue, final ExecutionReportHandler listener, final IdleStrategy idle, final BooleanSupplier closing,
        final RoutingObserver routingObserver)
    {
        this.routingObserver = routingObserver;
        this.pollQueue = pollQueue;
        this.listener = listener;
        this.idle = idle;
        this.closing = closing;
    }

    @Override
    public void onEvent(final GatewayEvent e, final long sequence, final boolean endOfBatch)
    {
        if (routingObserver != null && e.routingChanges.size() > 0)
        {
            routingObserver.onRoutingChanges(e.timestamp, e.routingChanges);
        }
        final ReportType type = reportType(e);
        if (type == null)
        {
            return;
        }
        ExecutionReportFlyweight.encode(scratch, 0, type, e);
        if (pollQueue != null)
        {
            offer();
        }
        if (listener != null)
        {
            listener.onReport(flyweight.wrap(scratch, 0));
        }
    }

    private void offer()
    {
        while (!pollQueue.write(REPORT_MSG_TYPE, scratch, 0, ExecutionReportFlyweight.LENGTH))
        {
            if (closing.getAsBoolean())
            {
                dropped++;
                return;
            }
            idle.idle();
        }
        idle.reset();
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
