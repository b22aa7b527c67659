package io.ordergateway.core.pipeline;

import io.ordergateway.core.agent.RingWakeup;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.Sequence;
import org.agrona.concurrent.Agent;

import java.util.function.BooleanSupplier;

/**
 * One consumer of the ring as an Agrona {@link Agent}: each duty cycle polls the ring (a Disruptor
 * {@link EventPoller}) and passes what is available, in sequence order, through its stages. Whatever
 * thread runs it (its own, a shared one, or the caller's in INVOKER mode), the stages see the same
 * events in the same order.
 *
 * <p>A duty cycle takes at most {@code batchLimit} events, so agents composed onto one thread take
 * turns. A stage that must not take an event yet (egress while the poll queue has no room) says so
 * through {@code ready}: the agent then leaves the event in the ring and tries again next cycle.
 */
public final class StageAgent implements Agent
{
    private final String roleName;
    private final String stageNames;
    private final EventPoller<GatewayEvent> poller;
    private final EventHandler<GatewayEvent> stages;
    private final int batchLimit;
    private final BooleanSupplier ready;
    private final BooleanSupplier upstreamAhead;
    private final RingWakeup wakeup;
    private final EventPoller.Handler<GatewayEvent> handler = this::onEvent;
    private int taken;

    /**
     * @param roleName   the group's name, for thread names and logs.
     * @param stageNames the stages it runs, in order, for the thread map.
     * @param poller     its place in the ring.
     * @param stages     the stages, guarded: they never throw.
     * @param batchLimit the most events a duty cycle takes.
     * @param ready      whether the stages can take the next event now (null: always).
     * @param upstream   the sequence it polls behind (the ring's cursor for the first group).
     * @param wakeup     signalled after each batch, so sleeping agents behind this one wake.
     */
    StageAgent(
        final String roleName, final String stageNames, final EventPoller<GatewayEvent> poller,
        final EventHandler<GatewayEvent> stages, final int batchLimit, final BooleanSupplier ready,
        final com.lmax.disruptor.Sequence upstream, final RingWakeup wakeup)
    {
        this.upstreamAhead = () -> upstream.get() > poller.getSequence().get();
        this.wakeup = wakeup;
        this.roleName = roleName;
        this.stageNames = stageNames;
        this.poller = poller;
        this.stages = stages;
        this.batchLimit = batchLimit;
        this.ready = ready;
    }

    @Override
    public void onStart()
    {
        stages.onStart();
    }

    @Override
    public int doWork() throws Exception
    {
        if (ready != null && !ready.getAsBoolean())
        {
            return 0;
        }
        taken = 0;
        poller.poll(handler);
        if (taken > 0)
        {
            wakeup.signalAllWhenBlocking();
        }
        return taken;
    }

    /**
     * @return true if events wait for this agent (for a stage thread about to sleep).
     */
    public boolean hasWork()
    {
        return upstreamAhead.getAsBoolean() && (ready == null || ready.getAsBoolean());
    }

    private boolean onEvent(final GatewayEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
        // the batch ends here too when the limit is reached: stages that gather a batch (the journal) close it then
        stages.onEvent(event, sequence, endOfBatch || taken + 1 >= batchLimit);
        return ++taken < batchLimit && (ready == null || ready.getAsBoolean());
    }

    @Override
    public void onClose()
    {
        stages.onShutdown();
    }

    @Override
    public String roleName()
    {
        return roleName;
    }

    /**
     * @return the stages it runs, in order (e.g. {@code validate, throttle, risk}).
     */
    public String stageNames()
    {
        return stageNames;
    }

    /**
     * @return the sequence of the last event this agent has passed through its stages.
     */
    public Sequence sequence()
    {
        return poller.getSequence();
    }
}
