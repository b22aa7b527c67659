package io.ordergateway.core.agent;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Lets stage threads sleep while the ring is empty and be woken by the next publish, instead of
 * spinning a core or sleeping a fixed period. The ring's producers call
 * {@link #signalAllWhenBlocking()} after every publish (the Disruptor does, through its wait
 * strategy): when no stage thread sleeps it costs a fence and a read per parked slot; when one
 * does, an unpark. A stage agent signals too after it passed events on, so the groups behind it
 * wake.
 *
 * <p>No lost wake-up: a thread announces itself, then looks for work, then parks; a producer
 * publishes, then looks for announced threads. With a full fence on both sides, at least one of
 * them sees the other. A park is also bounded ({@link #MAX_PARK_NANOS}), as a safety net.
 */
public final class RingWakeup implements WaitStrategy
{
    /** The longest a stage thread parks without a signal. */
    static final long MAX_PARK_NANOS = 1_000_000L;
    private static final int SLOTS = 8;

    private final AtomicReferenceArray<Thread> parked = new AtomicReferenceArray<>(SLOTS);

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final SequenceBarrier barrier) throws AlertException, InterruptedException, TimeoutException
    {
        throw new UnsupportedOperationException("the gateway's stages poll the ring; nothing waits in it");
    }

    @Override
    public void signalAllWhenBlocking()
    {
        VarHandle.fullFence();
        for (int i = 0; i < SLOTS; i++)
        {
            final Thread thread = parked.get(i);
            if (thread != null)
            {
                LockSupport.unpark(thread);
            }
        }
    }

    /**
     * An idle strategy for one stage thread: spins (yielding) for {@code spinNanos} after its last
     * work, so bursts and high rates never pay a wake-up, then parks until the next publish.
     *
     * @param slot      the thread's slot (0 to 7), one per stage thread.
     * @param spinNanos how long to keep spinning after the last work.
     * @param hasWork   whether the ring holds events for this thread (checked after announcing, before parking).
     * @return the idle strategy.
     */
    public IdleStrategy idleStrategy(final int slot, final long spinNanos, final BooleanSupplier hasWork)
    {
        return new IdleStrategy()
        {
            private long idleSince = Long.MIN_VALUE;

            @Override
            public void idle(final int workCount)
            {
                if (workCount > 0)
                {
                    reset();
                    return;
                }
                idle();
            }

            @Override
            public void idle()
            {
                final long now = System.nanoTime();
                if (idleSince == Long.MIN_VALUE)
                {
                    idleSince = now;
                }
                if (now - idleSince < spinNanos)
                {
                    Thread.yield();
                    return;
                }
                parked.set(slot, Thread.currentThread());
                VarHandle.fullFence();
                if (!hasWork.getAsBoolean())
                {
                    LockSupport.parkNanos(MAX_PARK_NANOS);
                }
                parked.set(slot, null);
            }

            @Override
            public void reset()
            {
                idleSince = Long.MIN_VALUE;
            }

            @Override
            public String alias()
            {
                return "spin " + spinNanos / 1000 + " us, then park until woken";
            }
        };
    }
}
