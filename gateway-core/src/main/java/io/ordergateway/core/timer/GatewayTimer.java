package io.ordergateway.core.timer;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.agent.Period;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;

import java.util.function.BooleanSupplier;

/**
 * The gateway's clock for decisions that wait, as an agent: publishes a {@link EventType#TICK}
 * into the ring whenever the gateway's clock has moved a tick interval past the last one, stamped
 * with that clock. Handlers only ever see the time of these events, so replaying the journal
 * reproduces every timeout, breaker period and recovery; with a manual clock, a test decides when
 * a tick is due.
 *
 * <p>A tick that finds the ring full is skipped (the next one carries the time on). No ticks once
 * the gateway is closing.
 */
public final class GatewayTimer implements Agent
{
    private final RingBuffer<GatewayEvent> ring;
    private final EpochNanoClock clock;
    private final long tickNanos;
    private final BooleanSupplier closing;
    private Period ticks;

    /**
     * @param ring      the gateway's ring.
     * @param clock     the gateway's clock.
     * @param tickNanos tick interval.
     * @param closing   true once the gateway is closing.
     */
    public GatewayTimer(final RingBuffer<GatewayEvent> ring, final EpochNanoClock clock, final long tickNanos,
        final BooleanSupplier closing)
    {
        this.ring = ring;
        this.clock = clock;
        this.tickNanos = tickNanos;
        this.closing = closing;
    }

    @Override
    public void onStart()
    {
        ticks = new Period(tickNanos, clock.nanoTime());
    }

    @Override
    public int doWork()
    {
        final long now = clock.nanoTime();
        if (closing.getAsBoolean() || !ticks.due(now))
        {
            return 0;
        }
        final long sequence;
        try
        {
            sequence = ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            return 0;
        }
        try
        {
            final GatewayEvent e = ring.get(sequence);
            e.reset();
            e.type = EventType.TICK;
            e.timestamp = now;
            e.ingressNanos = System.nanoTime();
            e.brokerId = -1;
        }
        finally
        {
            ring.publish(sequence);
        }
        return 1;
    }

    @Override
    public String roleName()
    {
        return "timer";
    }
}
