package io.ordergateway.core.pipeline;

import io.ordergateway.core.agent.RingWakeup;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import io.ordergateway.core.metrics.GatewayMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The Disruptor ring and its consumers: the stages grouped by a {@link Topology}, each group one
 * {@link StageAgent}, each polling the ring behind the one before; then, both behind the last group,
 * egress and any followers (the control plane). Multi-producer: strategies, broker I/O, the timer and operators publish
 * into it. Which thread runs which agent is not decided here but by the threading mode
 * ({@code agent.GatewayThreads}). Every stage runs inside a {@link GuardedStage}, so nothing thrown
 * stops the ring.
 *
 * <p>The ring's wait strategy is never waited on (agents poll and idle by their own strategy); it is
 * a {@link RingWakeup}, whose publish signal wakes stage threads that sleep (wait strategy BLOCKING)
 * and costs a fence otherwise.
 */
public final class GatewayPipeline
{
    /** The most events a stage agent takes in one duty cycle. */
    static final int BATCH_LIMIT = 256;

    private final RingBuffer<GatewayEvent> ring;
    private final RingWakeup wakeup = new RingWakeup();
    private final List<StageAgent> stageAgents = new ArrayList<>();
    private final List<List<StageAgent>> stageThreads = new ArrayList<>();
    /** How far the journal is on the device (group commit), or null when the send stage does not wait for it. */
    private final com.lmax.disruptor.Sequence durable;
    private com.lmax.disruptor.Sequence journaled;
    private final StageAgent egress;
    private final StageAgent last;

    /**
     * The stages, in pipeline order.
     *
     * @param validate stage 1.
     * @param throttle stage 2.
     * @param route    stage 4: runs after risk, on the state stage's thread, so it routes only orders that will be
     *                 sent.
     * @param risk     stage 3, on the state stage's thread (it reads the state stage's books).
     * @param state    stage 5: the order and position owner.
     * @param journal  stage 6.
     * @param send     stage 7.
     * @param egress   stage 8.
     */
    public record Stages(
        EventHandler<GatewayEvent> validate,
        EventHandler<GatewayEvent> throttle,
        EventHandler<GatewayEvent> route,
        EventHandler<GatewayEvent> risk,
        EventHandler<GatewayEvent> state,
        EventHandler<GatewayEvent> journal,
        EventHandler<GatewayEvent> send,
        EventHandler<GatewayEvent> egress)
    {
    }

    /**
     * @param topology    how stages are grouped onto agents.
     * @param ringSize    slots in the ring, a power of two.
     * @param stages      the stages.
     * @param egressReady whether egress can take the next event (room in the poll queue).
     * @param metrics     where contained errors are counted.
     */
    public GatewayPipeline(
        final Topology topology, final int ringSize, final Stages stages, final BooleanSupplier egressReady,
        final GatewayMetrics metrics)
    {
        this(topology, ringSize, stages, egressReady, metrics, false);
    }

    /**
     * @param topology    how stages are grouped onto agents.
     * @param ringSize    slots in the ring, a power of two.
     * @param stages      the stages.
     * @param egressReady whether egress can take the next event (room in the poll queue).
     * @param metrics     where contained errors are counted.
     * @param durableSend true for group commit: the send stage (a group of its own, on the journal's thread, its own
     *                    with {@code PER_STAGE}) takes an event only once {@link #durable()} is past it too; a
     *                    flusher off the order path moves that sequence ({@code journal.JournalFlusher}).
     */
    public GatewayPipeline(
        final Topology topology, final int ringSize, final Stages stages, final BooleanSupplier egressReady,
        final GatewayMetrics metrics, final boolean durableSend)
    {
        durable = durableSend ? new com.lmax.disruptor.Sequence() : null;
        if (Integer.bitCount(ringSize) != 1 || ringSize < 2)
        {
            throw new IllegalArgumentException("ring size must be a power of two of at least 2, was " + ringSize);
        }
        ring = RingBuffer.createMultiProducer(GatewayEvent::new, ringSize, wakeup);
        final GuardedStage validate = new GuardedStage("validate", stages.validate(), metrics);
        final GuardedStage throttle = new GuardedStage("throttle", stages.throttle(), metrics);
        final GuardedStage risk = new GuardedStage("risk", stages.risk(), metrics);
        final GuardedStage route = new GuardedStage("route", stages.route(), metrics);
        final GuardedStage state = new GuardedStage("state", stages.state(), metrics);
        final GuardedStage journal = new GuardedStage("journal", stages.journal(), metrics);
        final GuardedStage send = new GuardedStage("send", stages.send(), metrics);
        // Risk and route read the state stage's books (state.Books): the three are one unit that every
        // topology places whole in one group (one thread), risk before route so route counts only orders
        // that will be sent (in flight, budgets, timeouts).
        final GuardedStage[] books = {risk, route, state};
        switch (topology)
        {
            case SINGLE:
                group("stages", join(join(new GuardedStage[] {validate, throttle}, books),
                    new GuardedStage[] {journal}));
                send(send, true);
                break;
            case COMPACT:
                group("decide", join(new GuardedStage[] {validate, throttle}, books));
                group("journal", journal);
                send(send, true);
                break;
            case PER_STAGE:
                group("validate", validate);
                group("throttle", throttle);
                group("risk-route-state", books);
                group("journal", journal);
                send(send, false);
                break;
            default:
                throw new IllegalArgumentException("unknown topology " + topology);
        }
        last = stageAgents.get(stageAgents.size() - 1);
        egress = new StageAgent("egress", "egress", ring.newPoller(last.sequence()),
            new GuardedStage("egress", stages.egress(), metrics), BATCH_LIMIT, egressReady, last.sequence(), wakeup);
        ring.addGatingSequences(egress.sequence());
    }

    private static GuardedStage[] join(final GuardedStage[] first, final GuardedStage[] second)
    {
        final GuardedStage[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private void group(final String role, final GuardedStage... stages)
    {
        final EventHandler<GatewayEvent> handler = stages.length == 1 ? stages[0] : new StageGroup(List.of(stages));
        final com.lmax.disruptor.Sequence upstream = stageAgents.isEmpty() ? cursor() : last().sequence();
        final EventPoller<GatewayEvent> poller = stageAgents.isEmpty() ? ring.newPoller() : ring.newPoller(upstream);
        final String names = String.join(", ", java.util.Arrays.stream(stages).map(GuardedStage::name).toList());
        final StageAgent agent = new StageAgent(role, names, poller, handler, BATCH_LIMIT, null, upstream, wakeup);
        stageAgents.add(agent);
        stageThreads.add(new ArrayList<>(List.of(agent)));
    }

    /**
     * The send stage, a group of its own behind the journal's, on its thread unless {@code onJournalThread} is false:
     * the journal appends per batch, so send may take an event only once the journal group has passed the whole
     * batch. With group commit it polls up to the lower of the journal group's sequence and {@link #durable()}.
     */
    private void send(final GuardedStage send, final boolean onJournalThread)
    {
        journaled = last().sequence(); // every topology puts the journal in the group right before send
        final com.lmax.disruptor.Sequence upstream = durable == null ? journaled : new com.lmax.disruptor.Sequence()
        {
            @Override
            public long get()
            {
                return Math.min(journaled.get(), durable.get());
            }
        };
        final StageAgent agent = new StageAgent("send", durable == null ? "send" : "send (once on the device)",
            ring.newPoller(upstream), send, BATCH_LIMIT, null, upstream, wakeup);
        stageAgents.add(agent);
        if (onJournalThread)
        {
            stageThreads.get(stageThreads.size() - 1).add(agent);
        }
        else
        {
            stageThreads.add(new ArrayList<>(List.of(agent)));
        }
    }

    /**
     * The ring's cursor as a sequence (the first group's upstream): reads {@link RingBuffer#getCursor()}.
     */
    private com.lmax.disruptor.Sequence cursor()
    {
        return new com.lmax.disruptor.Sequence()
        {
            @Override
            public long get()
            {
                return ring.getCursor();
            }
        };
    }

    /**
     * @return what wakes sleeping stage threads when events arrive.
     */
    public RingWakeup wakeup()
    {
        return wakeup;
    }

    private StageAgent last()
    {
        return stageAgents.get(stageAgents.size() - 1);
    }

    /**
     * A consumer that sees every event after it was journaled and sent, beside egress and at its own
     * pace (the control plane), so a strategy that stops taking reports does not stop it. It holds
     * the ring back like any consumer: keep it moving. Make every follower before the first event is
     * published.
     *
     * @return its poller.
     */
    public EventPoller<GatewayEvent> newFollower()
    {
        final EventPoller<GatewayEvent> follower = ring.newPoller(last.sequence());
        ring.addGatingSequences(follower.getSequence());
        return follower;
    }

    /**
     * @return the ring to publish into.
     */
    public RingBuffer<GatewayEvent> ring()
    {
        return ring;
    }

    /**
     * @return the stage agents, in pipeline order (one per group of the topology).
     */
    public List<StageAgent> stageAgents()
    {
        return List.copyOf(stageAgents);
    }

    /**
     * @return the stage agents by thread, in pipeline order: the agents of one list share a thread (with group commit
     *         the send stage shares the journal's).
     */
    public List<List<StageAgent>> stageThreads()
    {
        return stageThreads.stream().map(List::copyOf).toList();
    }

    /**
     * @return the sequence of the last event the journal stage appended (advanced after each batch it took).
     */
    public com.lmax.disruptor.Sequence journaled()
    {
        return journaled;
    }

    /**
     * @return how far the journal is on the device, for the flusher to move (group commit), or null when sends do not
     *         wait for it.
     */
    public com.lmax.disruptor.Sequence durable()
    {
        return durable;
    }

    /**
     * @return the egress agent, behind the last stage group.
     */
    public StageAgent egressAgent()
    {
        return egress;
    }

    /**
     * @return true when every event published so far has passed every stage and egress.
     */
    public boolean drained()
    {
        return egress.sequence().get() >= ring.getCursor();
    }

    /**
     * @return events journaled and sent but not yet reported to the strategy.
     */
    public long egressBacklog()
    {
        return last.sequence().get() - egress.sequence().get();
    }
}
