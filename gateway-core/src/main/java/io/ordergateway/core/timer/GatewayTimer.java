package io.ordergateway.core.timer;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.GatewayEvent;
import org.agrona.concurrent.EpochNanoClock;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The gateway's clock for decisions that wait: a thread ("NAME-timer") that publishes a
 * {@link EventType#TICK} into the ring every tick interval, stamped by the gateway's clock, and runs
 * the health probes the route stage asked for (the adapter's {@code health()}, which never blocks),
 * publishing each answer as a {@link EventType#PROBE_RESULT}. Handlers only ever see the time of
 * these events, so replaying the journal reproduces every timeout, breaker period and recovery.
 *
 * <p>A tick that finds the ring full is skipped (the next one carries the time on); a probe answer
 * waits for room.
 */
public final class GatewayTimer implements Runnable
{
    private final RingBuffer<GatewayEvent> ring;
    private final EpochNanoClock clock;
    private final long tickNanos;
    private final BrokerAdapter[] brokers;
    private final AtomicLong probeRequests = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Runnable periodic;

    /**
     * @param name      thread name prefix.
     * @param ring      the gateway's ring.
     * @param clock     the gateway's clock.
     * @param tickNanos tick interval.
     * @param brokers   the adapters, by id (at most 64).
     */
    public GatewayTimer(final String name, final RingBuffer<GatewayEvent> ring, final EpochNanoClock clock, final long tickNanos,
        final BrokerAdapter[] brokers)
    {
        this.ring = ring;
        this.clock = clock;
        this.tickNanos = tickNanos;
        this.brokers = brokers;
        thread = new Thread(this, name + "-timer");
        thread.setDaemon(true);
    }

    /**
     * @param task run on this thread at every tick (copying live counters, say); must be quick.
     */
    public void everyTick(final Runnable task)
    {
        this.periodic = task;
    }

    /** Starts the thread. */
    public void start()
    {
        thread.start();
    }

    /**
     * Asks for a probe of a broker (any thread).
     *
     * @param brokerId the broker.
     */
    public void requestProbe(final int brokerId)
    {
        probeRequests.getAndUpdate(mask -> mask | 1L << brokerId);
    }

    /** Stops the thread and waits for it. */
    public void stop()
    {
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join(5_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run()
    {
        long next = System.nanoTime() + tickNanos;
        while (running)
        {
            final long wait = next - System.nanoTime();
            if (wait > 0)
            {
                LockSupport.parkNanos(wait); // the timer's own pace, not synchronisation
                continue;
            }
            next += tickNanos;
            final Runnable task = periodic;
            if (task != null)
            {
                task.run();
            }
            probe();
            publish(EventType.TICK, -1, false);
        }
    }

    private void probe()
    {
        long mask = probeRequests.get();
        while (mask != 0)
        {
            final int broker = Long.numberOfTrailingZeros(mask);
            mask &= mask - 1;
            final boolean healthy = brokers[broker].health() == BrokerHealth.HEALTHY;
            if (publish(EventType.PROBE_RESULT, broker, healthy))
            {
                probeRequests.getAndUpdate(m -> m & ~(1L << broker));
            }
        }
    }

    private boolean publish(final EventType type, final int broker, final boolean healthy)
    {
        final long sequence;
        try
        {
            sequence = ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            return false;
        }
        try
        {
            final GatewayEvent e = ring.get(sequence);
            e.reset();
            e.type = type;
            e.timestamp = clock.nanoTime();
            e.ingressNanos = System.nanoTime();
            e.brokerId = broker;
            e.healthy = healthy;
        }
        finally
        {
            ring.publish(sequence);
        }
        return true;
    }
}
