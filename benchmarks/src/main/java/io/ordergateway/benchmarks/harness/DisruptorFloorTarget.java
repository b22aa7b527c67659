package io.ordergateway.benchmarks.harness;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import io.ordergateway.core.pipeline.WaitStrategyKind;

/**
 * The floor of a ring hop: a bare Disruptor (same size, producer type and wait strategy as the
 * gateway's), publish to one handler that does no work but record.
 */
final class DisruptorFloorTarget implements LatencyTarget
{
    /** A slot carrying only the order's index. */
    private static final class Slot
    {
        int index;
    }

    private final WaitStrategyKind waitStrategy;
    private Disruptor<Slot> disruptor;
    private RingBuffer<Slot> ring;
    private PlannedTimes times;

    DisruptorFloorTarget(final WaitStrategyKind waitStrategy)
    {
        this.waitStrategy = waitStrategy;
    }

    @Override
    public String name()
    {
        return "floor-disruptor-hop-" + waitStrategy.name().toLowerCase();
    }

    @Override
    public void start(final int capacity, final int measureFrom)
    {
        final PlannedTimes planned = new PlannedTimes(capacity, measureFrom);
        times = planned;
        disruptor = new Disruptor<>(Slot::new, 1 << 16, DaemonThreadFactory.INSTANCE, ProducerType.MULTI, waitStrategy.create());
        disruptor.handleEventsWith((slot, sequence, endOfBatch) -> planned.arrived(slot.index));
        ring = disruptor.start();
    }

    @Override
    public boolean offer(final int index, final long plannedNanos)
    {
        times.plan(index, plannedNanos);
        final long sequence;
        try
        {
            sequence = ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            return false;
        }
        ring.get(sequence).index = index;
        ring.publish(sequence);
        return true;
    }

    @Override
    public PlannedTimes times()
    {
        return times;
    }

    @Override
    public void close()
    {
        if (disruptor != null)
        {
            disruptor.halt();
            disruptor = null;
        }
    }
}
