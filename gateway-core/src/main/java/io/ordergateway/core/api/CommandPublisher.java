package io.ordergateway.core.api;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ordergateway.core.metrics.GatewayMetrics;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.pipeline.GatewayPipeline;
import io.ordergateway.core.state.PortfolioSnapshot;
import org.agrona.concurrent.EpochNanoClock;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Puts the strategy's and operators' commands into the ring: claims a slot or says at once why not,
 * stamps the event with the gateway's clock (stages never read one) and publishes it. Safe from any
 * thread; the strategy's commands allocate nothing.
 *
 * <p>Admission, in order: closed; the reports backlog (the strategy stopped taking reports, so
 * commands are refused with {@link SubmitResult#REPORTS_BACKLOG} rather than let the ring fill);
 * the command reserve (a quarter of the ring is kept for what brokers send back, so commands get
 * {@link SubmitResult#RING_FULL} first and broker events always find room).
 */
final class CommandPublisher
{
    private final RingBuffer<GatewayEvent> ring;
    private final GatewayPipeline pipeline;
    private final EpochNanoClock clock;
    private final GatewayMetrics metrics;
    private final int commandReserve;
    private final long backlogLimit;
    private final AtomicLong lastOrderId = new AtomicLong();
    private final BooleanSupplier closing;

    /**
     * @param pipeline     the ring and its consumers.
     * @param clock        the gateway's event clock.
     * @param metrics      where refusals for a reports backlog are counted.
     * @param backlogLimit reports waiting for the strategy at which commands are refused.
     * @param closing      true once the gateway is closing: everything is refused.
     */
    CommandPublisher(final GatewayPipeline pipeline, final EpochNanoClock clock, final GatewayMetrics metrics,
        final long backlogLimit, final BooleanSupplier closing)
    {
        this.closing = closing;
        this.pipeline = pipeline;
        this.ring = pipeline.ring();
        this.clock = clock;
        this.metrics = metrics;
        this.commandReserve = ring.getBufferSize() / 4;
        this.backlogLimit = backlogLimit;
    }

    /**
     * @param orderId the last order id already used (restored from the journal).
     */
    void continueAfter(final long orderId)
    {
        lastOrderId.set(orderId);
    }

    /**
     * @return a new order id from the strategy's sequence, for an order adopted from a broker.
     */
    long nextOrderId()
    {
        return lastOrderId.incrementAndGet();
    }

    /**
     * @return the last order id given out.
     */
    long lastOrderId()
    {
        return lastOrderId.get();
    }

    SubmitResult submit(final NewOrder order)
    {
        final long sequence = claimForCommand();
        if (sequence < 0)
        {
            return refusal(sequence);
        }
        final long orderId = lastOrderId.incrementAndGet();
        try
        {
            final GatewayEvent e = stamp(sequence, EventType.NEW_ORDER, orderId);
            e.accountId = order.accountId;
            e.strategyId = order.strategyId;
            e.symbolId = order.symbolId;
            e.side = order.side;
            e.orderType = order.type;
            e.timeInForce = order.timeInForce;
            e.orderClass = order.orderClass;
            e.extendedHours = order.extendedHours;
            e.quantity = order.quantity;
            e.limitPrice = order.limitPrice;
            e.stopPrice = order.stopPrice;
            e.trailPrice = order.trailPrice;
            e.trailPercent = order.trailPercent;
            e.takeProfitLimitPrice = order.takeProfitLimitPrice;
            e.stopLossStopPrice = order.stopLossStopPrice;
            e.stopLossLimitPrice = order.stopLossLimitPrice;
        }
        finally
        {
            ring.publish(sequence);
        }
        order.orderId = orderId;
        return SubmitResult.ACCEPTED;
    }

    SubmitResult request(final EventType type, final long orderId, final long quantity, final long limitPrice,
        final long stopPrice)
    {
        final long sequence = claimForCommand();
        if (sequence < 0)
        {
            return refusal(sequence);
        }
        try
        {
            final GatewayEvent e = stamp(sequence, type, orderId);
            e.quantity = quantity;
            e.limitPrice = limitPrice;
            e.stopPrice = stopPrice;
        }
        finally
        {
            ring.publish(sequence);
        }
        return SubmitResult.ACCEPTED;
    }

    private static final long CLOSED = -1;
    private static final long BACKLOG = -2;
    private static final long FULL = -3;

    /**
     * @return the sequence, or a negative code for the refusal.
     */
    private long claimForCommand()
    {
        if (closing.getAsBoolean())
        {
            return CLOSED;
        }
        if (ring.remainingCapacity() <= commandReserve)
        {
            return pipeline.egressBacklog() >= backlogLimit ? BACKLOG : FULL;
        }
        try
        {
            return ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            return FULL;
        }
    }

    private SubmitResult refusal(final long code)
    {
        if (code == CLOSED)
        {
            return SubmitResult.CLOSED;
        }
        if (code == BACKLOG)
        {
            metrics.incrementFromAnyThread(GatewayMetrics.Counter.REFUSED_REPORTS_BACKLOG);
            return SubmitResult.REPORTS_BACKLOG;
        }
        return SubmitResult.RING_FULL;
    }

    /**
     * Publishes an operator's event (control, routing command, settings). Operator events may use the
     * ring's reserve for broker events: they must get through. Not the hot path (the filler is a lambda).
     *
     * @param type   the event type.
     * @param filler fills the event's fields.
     * @return whether it entered the ring.
     */
    SubmitResult operatorEvent(final EventType type, final Consumer<GatewayEvent> filler)
    {
        if (closing.getAsBoolean())
        {
            return SubmitResult.CLOSED;
        }
        final long sequence;
        try
        {
            sequence = ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            return SubmitResult.RING_FULL;
        }
        try
        {
            filler.accept(stamp(sequence, type, 0));
        }
        finally
        {
            ring.publish(sequence);
        }
        return SubmitResult.ACCEPTED;
    }

    /**
     * Asks the state stage for a copy of orders and positions at its place in the sequence. Waits for
     * a slot if the ring is full, unless {@code mayWait} is false (INVOKER mode), where a full ring
     * fails the answer instead.
     *
     * @param mayWait whether waiting for a slot can end (another thread drains the ring).
     * @return the answer to come.
     */
    CompletableFuture<PortfolioSnapshot> snapshot(final boolean mayWait)
    {
        final CompletableFuture<PortfolioSnapshot> answer = new CompletableFuture<>();
        final long sequence;
        if (mayWait)
        {
            sequence = ring.next();
        }
        else
        {
            try
            {
                sequence = ring.tryNext();
            }
            catch (final InsufficientCapacityException ex)
            {
                answer.completeExceptionally(new
                    IllegalStateException("the ring is full: invoke() to drain it, then ask again"));
                return answer;
            }
        }
        try
        {
            stamp(sequence, EventType.SNAPSHOT, 0).attachment = answer;
        }
        finally
        {
            ring.publish(sequence);
        }
        return answer;
    }

    private GatewayEvent stamp(final long sequence, final EventType type, final long orderId)
    {
        final GatewayEvent e = ring.get(sequence);
        e.reset();
        e.type = type;
        e.orderId = orderId;
        e.timestamp = clock.nanoTime();
        e.ingressNanos = System.nanoTime();
        return e;
    }
}
