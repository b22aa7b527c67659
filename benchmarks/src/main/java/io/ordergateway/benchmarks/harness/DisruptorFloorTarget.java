package io.ordergateway.benchmarks.harness;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ordergateway.core.agent.RingWakeup;
import io.ordergateway.core.pipeline.WaitStrategyKind;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;

/**
 * The floor of a ring hop, made the way the gateway makes its hops: a bare multi-producer
 * Disruptor ring of the same size, and one agent on its own thread polling it with the same idle
 * strategy as the gateway's stage threads, doing no work but record.
 */
final class DisruptorFloorTarget implements LatencyTarget
{
    /** A slot carrying only the order's index. */
    private static final class Slot
    {
        int index;
    }

    private final WaitStrategyKind waitStrategy;
    private RingBuffer<Slot> ring;
    private AgentRunner runner;
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
        final RingWakeup wakeup = new RingWakeup();
        ring = RingBuffer.createMultiProducer(Slot::new, 1 << 16, wakeup);
        final EventPoller<Slot> poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        final EventPoller.Handler<Slot> record = (slot, sequence, endOfBatch) ->
        {
            planned.arrived(slot.index);
            return true;
        };
        final RingBuffer<Slot> slots = ring;
        runner = new AgentRunner(waitStrategy.stageIdleStrategy(wakeup, 0,
            () -> slots.getCursor() > poller.getSequence().get()), Throwable::printStackTrace, null, new Agent()
        {
            private int polled;

            @Override
            public int doWork() throws Exception
            {
                final long before = poller.getSequence().get();
                poller.poll(record);
                polled = (int)(poller.getSequence().get() - before);
                return polled;
            }

            @Override
            public String roleName()
            {
                return "floor-disruptor-hop";
            }
        });
        AgentRunner.startOnThread(runner);
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
        if (runner != null)
        {
            runner.close();
            runner = null;
        }
    }
}
