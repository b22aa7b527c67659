package io.ordergateway.core.agent;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.DynamicCompositeAgent;
import org.agrona.concurrent.IdleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one place where the gateway's threads are made: every agent the gateway runs is handed here
 * and put on a thread (or on none) by the {@link ThreadingMode}. The whole thread map:
 *
 * <pre>
 * mode       threads                                           runs
 * DEDICATED  NAME-&lt;group&gt; for each stage group of the topology  the ring stages (stage wait strategy)
 *            NAME-egress (own thread only with a listener)       reports to the strategy
 *            NAME-&lt;agent&gt; for each other agent                  timer, control, counters, each in-process broker
 * SHARED     NAME-&lt;group&gt; for each stage group                  the ring stages (stage wait strategy)
 *            NAME-egress (only with a listener)                  reports to the strategy
 *            NAME-agents                                         every other agent, composed (agent idle strategy)
 * INVOKER    none                                                everything, when the caller invokes
 * any        NAME-&lt;role&gt; from {@link #threadFactory}              event loops of libraries (Netty), made here,
 * closed by their owner
 * </pre>
 *
 * With polling only, egress shares the last stage group's thread: it never waits (a full poll queue
 * leaves its events in the ring), so it cannot hold the journal back. A listener can be slow, so it
 * gets a thread of its own.
 */
public final class GatewayThreads implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(GatewayThreads.class);
    private static final long ADD_TIMEOUT_NANOS = 5_000_000_000L;

    private record Role(String name, String what, Agent agent, BooleanSupplier hasWork)
    {
    }

    /**
     * Makes the idle strategy of one stage thread.
     */
    @FunctionalInterface
    public interface StageIdle
    {
        /**
         * @param slot    the stage thread's number, from 0.
         * @param hasWork whether events wait for the agents on the thread (a strategy that sleeps checks it last).
         * @return the idle strategy.
         */
        IdleStrategy create(int slot, BooleanSupplier hasWork);
    }

    private final String prefix;
    private final ThreadingMode mode;
    private final StageIdle stageIdle;
    private final Supplier<IdleStrategy> agentIdle;
    private final List<Role> stages = new ArrayList<>();
    private final List<Role> agents = new ArrayList<>();
    private final List<Role> blocking = new ArrayList<>();
    private final List<IdleStrategy> blockingIdle = new ArrayList<>();
    private final List<AgentRunner> stageRunners = new ArrayList<>();
    private final List<AgentRunner> agentRunners = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<String> map = new CopyOnWriteArrayList<>();
    private Role egress;
    private boolean egressOwnThread;
    private DynamicCompositeAgent sharedAgents;
    private AgentInvoker invoker;
    private boolean started;

    /**
     * @param prefix    thread names start with it (e.g. {@code gateway-gw1}).
     * @param mode      how agents are put on threads.
     * @param stageIdle idle strategies for stage threads (one per thread).
     * @param agentIdle idle strategies for the other agents' threads.
     */
    public GatewayThreads(final String prefix, final ThreadingMode mode, final StageIdle stageIdle,
        final Supplier<IdleStrategy> agentIdle)
    {
        this.prefix = prefix;
        this.mode = mode;
        this.stageIdle = stageIdle;
        this.agentIdle = agentIdle;
    }

    /**
     * @param role    the stage group's name.
     * @param what    its stages, for the thread map.
     * @param agent   a ring consumer, in pipeline order.
     * @param hasWork whether events wait for it.
     * @return this.
     */
    public GatewayThreads stage(final String role, final String what, final Agent agent, final BooleanSupplier hasWork)
    {
        stages.add(new Role(role, what, agent, hasWork));
        return this;
    }

    /**
     * @param agent     the egress agent.
     * @param hasWork   whether events wait for it.
     * @param ownThread true when it calls a listener (which may be slow).
     * @return this.
     */
    public GatewayThreads egress(final Agent agent, final BooleanSupplier hasWork, final boolean ownThread)
    {
        egress = new Role("egress", "egress", agent, hasWork);
        egressOwnThread = ownThread;
        return this;
    }

    /**
     * @param role  the agent's name.
     * @param agent an agent outside the ring's stages.
     * @return this.
     */
    public GatewayThreads agent(final String role, final Agent agent)
    {
        if (started)
        {
            throw new IllegalStateException("agents are added before start; use add(role, agent) while running");
        }
        agents.add(new Role(role, role, agent, null));
        return this;
    }

    /**
     * An agent that blocks in the kernel for milliseconds at a time (the journal's flusher, in its
     * {@code fsync}): it gets a thread of its own in SHARED mode too, so the other agents never wait
     * behind it. Blocked, it takes no core; in INVOKER mode the caller runs it with the rest.
     *
     * @param role  the agent's name.
     * @param agent the agent.
     * @param idle  how its thread idles.
     * @return this.
     */
    public GatewayThreads blocking(final String role, final Agent agent, final IdleStrategy idle)
    {
        if (started)
        {
            throw new IllegalStateException("agents are added before start");
        }
        blocking.add(new Role(role, role, agent, null));
        blockingIdle.add(idle);
        return this;
    }

    /**
     * Starts every thread (none in INVOKER mode, where the invoker is started instead).
     */
    public void start()
    {
        started = true;
        switch (mode)
        {
            case INVOKER:
            {
                final List<Agent> all = new ArrayList<>();
                stages.forEach(r -> all.add(r.agent()));
                all.add(egress.agent());
                blocking.forEach(r -> all.add(r.agent()));
                agents.forEach(r -> all.add(r.agent()));
                sharedAgents = new DynamicCompositeAgent(prefix + "-invoker", all);
                invoker = new AgentInvoker(errorHandler("invoker"), null, sharedAgents);
                invoker.start();
                map.add("(no threads: the caller invokes) " + names(stages) + ", egress, "
                    + (blocking.isEmpty() ? "" : names(blocking) + ", ") + names(agents));
                break;
            }
            case SHARED:
            case DEDICATED:
                startStages();
                for (int i = 0; i < blocking.size(); i++)
                {
                    agentRunners.add(run(blocking.get(i).name(), blocking.get(i).agent(), blockingIdle.get(i),
                        blocking.get(i).name() + " (blocks in the kernel)"));
                }
                if (mode == ThreadingMode.DEDICATED)
                {
                    agents.forEach(r -> agentRunners.add(run(r.name(), r.agent(), agentIdle.get(), r.name())));
                }
                else
                {
                    sharedAgents = new DynamicCompositeAgent(prefix + "-agents",
                        agents.stream().map(Role::agent).toList());
                    agentRunners.add(run("agents", sharedAgents, agentIdle.get(), names(agents)));
                }
                break;
            default:
                throw new IllegalStateException("unknown threading mode " + mode);
        }
    }

    private void startStages()
    {
        for (int i = 0; i < stages.size(); i++)
        {
            final Role stage = stages.get(i);
            final boolean withEgress = i == stages.size() - 1 && !egressOwnThread;
            final Agent agent = withEgress ? new CompositeAgent(stage.agent(), egress.agent()) : stage.agent();
            final BooleanSupplier hasWork = withEgress
                ? () -> stage.hasWork().getAsBoolean() || egress.hasWork().getAsBoolean() : stage.hasWork();
            stageRunners.add(run(stage.name(), agent, stageIdle.create(i, hasWork), stage.what()
                + (withEgress ? ", egress" : "")));
        }
        if (egressOwnThread)
        {
            stageRunners.add(run("egress", egress.agent(), stageIdle.create(stages.size(), egress.hasWork()),
                "egress (calls the listener)"));
        }
    }

    private AgentRunner run(final String role, final Agent agent, final IdleStrategy idle, final String what)
    {
        final String name = prefix + "-" + role;
        final AgentRunner runner = new AgentRunner(idle, errorHandler(name), null, new RoleAgent(name, agent));
        threads.add(AgentRunner.startOnThread(runner, this::daemon));
        map.add(String.format("%-28s %s (%s)", name, what, idle.alias()));
        return runner;
    }

    private Thread daemon(final Runnable runnable)
    {
        final Thread thread = new Thread(runnable);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Runs one more agent while the gateway runs (a configuration watcher): on a thread of its own in
     * DEDICATED mode, with the other agents otherwise. It is closed with the gateway.
     *
     * @param role  its name.
     * @param agent the agent.
     */
    public void add(final String role, final Agent agent)
    {
        if (mode == ThreadingMode.DEDICATED)
        {
            agentRunners.add(run(role, agent, agentIdle.get(), role));
            return;
        }
        // The composite takes an agent only once its thread has started it, and one at a time: wait (briefly) for both.
        final long deadline = System.nanoTime() + ADD_TIMEOUT_NANOS;
        final IdleStrategy idle = new org.agrona.concurrent.BackoffIdleStrategy(10, 10, 1_000, 1_000_000);
        while (sharedAgents.status() != DynamicCompositeAgent.Status.ACTIVE || !sharedAgents.tryAdd(agent))
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("the agents' thread did not take " + role + " within 5 s (status "
                    + sharedAgents.status() + ")");
            }
            if (invoker != null)
            {
                invoker.invoke(); // INVOKER: the pending add completes in a duty cycle
            }
            idle.idle();
        }
        map.add("  + " + role + " (with the other agents)");
    }

    /**
     * A thread factory for a library that runs its own event loop (Netty): its threads are named
     * {@code NAME-role}, daemons, and listed with the gateway's. Whoever makes the loop closes it.
     *
     * @param role what the threads do.
     * @return the factory.
     */
    public ThreadFactory threadFactory(final String role)
    {
        return runnable ->
        {
            final Thread thread = daemon(runnable);
            thread.setName(prefix + "-" + role);
            threads.add(thread);
            map.add(String.format("%-28s %s", thread.getName(), "event loop (" + role + ")"));
            return thread;
        };
    }

    /**
     * @return the invoker that runs every agent, in INVOKER mode.
     * @throws IllegalStateException in the threaded modes.
     */
    public AgentInvoker invoker()
    {
        if (invoker == null)
        {
            throw new IllegalStateException("the gateway runs its own threads (threading mode " + mode
                + "): there is no invoker");
        }
        return invoker;
    }

    /**
     * @return the mode.
     */
    public ThreadingMode mode()
    {
        return mode;
    }

    /**
     * @return one line per thread made here: its name, what runs on it, how it idles.
     */
    public List<String> threadMap()
    {
        return List.copyOf(map);
    }

    /**
     * @return the threads made here, alive or ended.
     */
    public List<Thread> threads()
    {
        return List.copyOf(threads);
    }

    /**
     * Stops every agent: the other agents first, then the stages in pipeline order (each agent's
     * {@code onClose} runs on its own thread). Call once the ring is drained.
     */
    @Override
    public void close()
    {
        if (invoker != null)
        {
            invoker.close();
            return;
        }
        agentRunners.forEach(AgentRunner::close);
        stageRunners.forEach(AgentRunner::close);
    }

    private static String names(final List<Role> roles)
    {
        return String.join(", ", roles.stream().map(Role::name).toList());
    }

    private static ErrorHandler errorHandler(final String name)
    {
        return error -> LOG.error("agent {} failed; it goes on with its next duty cycle", name, error);
    }
}
