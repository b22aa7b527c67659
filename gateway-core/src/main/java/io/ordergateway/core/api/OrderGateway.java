package io.ordergateway.core.api;

import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.metrics.Alerts;
import io.ordergateway.core.metrics.GatewayMetrics;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.ExecutionReportFlyweight;
import io.ordergateway.core.routing.ExecutionStatus;
import io.ordergateway.core.settings.SettingsHistory;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.journal.FixedPoint;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.MessageHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The gateway a strategy embeds: submit orders, cancel and replace them, and receive what happens
 * to them. Made and started by {@link #builder()}.
 *
 * <p>Threads: {@code submit}, {@code cancel} and {@code replace} may be called from any thread;
 * they never block and allocate nothing (they claim a ring slot or say why not). Reports reach the
 * strategy through {@link #poll} (call it from one thread) and/or a listener called on the
 * gateway's egress thread. The gateway's own threads are listed by {@link #threadMap()}; in
 * INVOKER mode there are none and the caller drives everything through {@link #invoker()}.
 * {@link #close()} drains the ring and stops every agent.
 *
 * <p>A facade: the parts are built and wired by {@code GatewayAssembly}; commands enter the ring
 * through {@code CommandPublisher}; settings versions live in a {@code SettingsHistory}.
 */
public final class OrderGateway implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(OrderGateway.class);

    private final GatewayAssembly parts;
    private final io.ordergateway.core.broker.BrokerQueries brokerQueries;
    private final CommandPublisher commands;
    private final ExecutionReportFlyweight pollFlyweight = new ExecutionReportFlyweight();
    private final MessageHandler pollDispatch = (msgTypeId, buffer, index, length) -> onPolled(buffer, index);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final OperatorControls controls;
    private ExecutionReportHandler pollHandler;
    private volatile PortfolioSnapshot finalSnapshot;

    OrderGateway(final GatewayAssembly parts)
    {
        this.parts = parts;
        this.brokerQueries = new io.ordergateway.core.broker.BrokerQueries(parts.brokers);
        this.commands = parts.commands;
        this.controls = new OperatorControls(this, parts);
        parts.start();
    }

    /**
     * @return a builder for a gateway.
     */
    public static GatewayBuilder builder()
    {
        return new GatewayBuilder();
    }

    /**
     * Submits a new order. Never blocks; allocates nothing.
     *
     * @param order the order; on {@link SubmitResult#ACCEPTED} its {@link NewOrder#orderId()} is set.
     * @return whether it entered the ring, or why not.
     */
    public SubmitResult submit(final NewOrder order)
    {
        return commands.submit(order);
    }

    /**
     * Asks to cancel an order. Never blocks; allocates nothing.
     *
     * @param orderId the order.
     * @return whether the request entered the ring, or why not.
     */
    public SubmitResult cancel(final long orderId)
    {
        return commands.request(EventType.CANCEL, orderId, 0, FixedPoint.NULL, FixedPoint.NULL);
    }

    /**
     * Asks to change an order's quantity and/or prices. Never blocks; allocates nothing.
     *
     * @param orderId    the order.
     * @param quantity   the new total quantity (more than what is already filled).
     * @param limitPrice the new limit, or {@link FixedPoint#NULL} to keep it.
     * @param stopPrice  the new stop, or {@link FixedPoint#NULL} to keep it.
     * @return whether the request entered the ring, or why not.
     */
    public SubmitResult replace(final long orderId, final long quantity, final long limitPrice, final long stopPrice)
    {
        return commands.request(EventType.REPLACE, orderId, quantity, limitPrice, stopPrice);
    }

    /**
     * Delivers waiting execution reports on the calling thread. Call from one thread only.
     * Allocates nothing.
     *
     * @param handler receives each report.
     * @param limit   the most reports to deliver in this call.
     * @return how many were delivered.
     * @throws IllegalStateException if the gateway was built without polling.
     */
    public int poll(final ExecutionReportHandler handler, final int limit)
    {
        if (parts.pollQueue == null)
        {
            throw new IllegalStateException("this gateway was built with polling off: reports go to its listener");
        }
        pollHandler = handler;
        try
        {
            return parts.pollQueue.read(pollDispatch, limit);
        }
        finally
        {
            pollHandler = null;
        }
    }

    private void onPolled(final org.agrona.DirectBuffer buffer, final int index)
    {
        pollHandler.onReport(pollFlyweight.wrap(buffer, index));
    }

    /**
     * @return the operators' controls: kill switch, reduce-only, brokers in and out of routing, cancel all.
     */
    public OperatorControls controls()
    {
        return controls;
    }

    /**
     * Risk limits, throttles and split weights while running: {@code settings().apply(...)} checks a
     * change first (refused: nothing changes), then puts it into the ring as one event each stage
     * applies (single writer) and the journal records; every version is kept ({@code versions()}) and
     * {@code rollback(n)} applies an earlier one again. Run-time changes last until the gateway
     * stops; a restart takes the configuration it is built with.
     *
     * @return the settings versions and the way to change them.
     */
    public SettingsHistory settings()
    {
        return parts.settings;
    }

    /**
     * A copy of orders and positions, made by the state stage at its place in the event sequence.
     * After {@link #close()}, the final state. In INVOKER mode the answer comes once the caller has
     * invoked the stages.
     *
     * @return the snapshot, when the state stage gets to it.
     */
    public CompletableFuture<PortfolioSnapshot> snapshot()
    {
        final PortfolioSnapshot last = finalSnapshot;
        if (last != null)
        {
            return CompletableFuture.completedFuture(last);
        }
        return commands.snapshot(parts.threads.mode() != ThreadingMode.INVOKER);
    }

    /**
     * Waits for an answer the stages give (a snapshot): in INVOKER mode by invoking on this thread.
     *
     * @param answer        the answer to come.
     * @param timeoutMillis how long to wait.
     * @param <T>           its type.
     * @return the answer.
     * @throws TimeoutException     if it did not come in time.
     * @throws ExecutionException   if it failed.
     * @throws InterruptedException if interrupted while waiting.
     */
    public <T> T await(final CompletableFuture<T> answer, final long timeoutMillis)
        throws TimeoutException, ExecutionException, InterruptedException
    {
        if (parts.threads.mode() != ThreadingMode.INVOKER)
        {
            return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!answer.isDone() && System.nanoTime() - deadline < 0)
        {
            invoker().invoke();
        }
        return answer.get(0, TimeUnit.MILLISECONDS);
    }

    /**
     * @return the invoker that runs every agent of a gateway built with {@link ThreadingMode#INVOKER}: call
     *         {@code invoke()} from one thread (the one that built the gateway) to move everything on.
     * @throws IllegalStateException if the gateway runs its own threads.
     */
    public AgentInvoker invoker()
    {
        return parts.threads.invoker();
    }

    /**
     * @return how the gateway's agents are put on threads.
     */
    public ThreadingMode threadingMode()
    {
        return parts.threads.mode();
    }

    /**
     * @return one line per thread the gateway made: its name, what runs on it, how it idles.
     */
    public List<String> threadMap()
    {
        return parts.threads.threadMap();
    }

    /**
     * @return the threads the gateway made (none in INVOKER mode), for diagnostics and tests.
     */
    public List<Thread> threads()
    {
        return parts.threads.threads();
    }

    /**
     * Runs one more agent with the gateway's other agents (a configuration watcher, say), closed with
     * the gateway: a thread of its own in DEDICATED mode, the agents' thread in SHARED, the invoker's
     * duty cycle in INVOKER.
     *
     * @param role  its name.
     * @param agent the agent; its {@code doWork} must not block.
     */
    public void addAgent(final String role, final Agent agent)
    {
        parts.threads.add(role, agent);
    }

    /**
     * @param role what the threads do (e.g. {@code admin}).
     * @return a thread factory for a component beside the gateway that runs its own event loop (the
     *         admin endpoint's Netty loop): its threads are named and listed with the gateway's. Close
     *         the component before the gateway.
     */
    public ThreadFactory threadFactory(final String role)
    {
        return parts.threads.threadFactory(role);
    }

    /**
     * Where orders go now: active broker, primary, backups, pause, and per broker its breaker,
     * failures, availability and recent latency. Refreshed on every tenth tick and every switch.
     *
     * @return the latest status (null before the first).
     */
    public ExecutionStatus executionStatus()
    {
        return parts.executionStatus();
    }

    /**
     * The brokers' own view, asked off the ring: account, positions, orders, fills. Answers are
     * futures completed on the adapters' threads.
     *
     * @return the questions.
     */
    public io.ordergateway.core.broker.BrokerQueries brokers()
    {
        return brokerQueries;
    }

    /**
     * @return each broker's account as the running reconciliation last asked it, and totals per currency (empty
     *         until the first pass, or when reconciliation is off).
     */
    public io.ordergateway.core.reconcile.BrokerAccounts brokerAccounts()
    {
        return parts.brokerAccounts;
    }

    /**
     * @return counts of what operators are alerted to (failovers, pauses, kill switch, reconciliation, reports
     *         backlog).
     */
    public Alerts alerts()
    {
        return parts.alerts;
    }

    /**
     * @param brokerId a broker.
     * @return its adapter's own view of its health.
     */
    public BrokerHealth brokerHealth(final int brokerId)
    {
        return parts.brokers[brokerId].health();
    }

    /**
     * @param name a broker's name.
     * @return its id, or -1.
     */
    public int brokerId(final String name)
    {
        return parts.brokerNames().indexOf(name);
    }

    /**
     * @return the brokers' names, by broker id.
     */
    public List<String> brokerNames()
    {
        return parts.brokerNames();
    }

    /**
     * @param symbol a symbol the gateway was built with.
     * @return its id for {@link NewOrder#symbol(int)}, or -1 if unknown.
     */
    public int symbolId(final String symbol)
    {
        return parts.symbols.id(symbol);
    }

    /**
     * @return the instruments, by symbol id.
     */
    public List<Instrument> instruments()
    {
        return List.of(parts.instruments);
    }

    /**
     * @return the gateway's symbols.
     */
    public SymbolTable symbols()
    {
        return parts.symbols;
    }

    /**
     * @return how order ids map to the client order ids brokers see.
     */
    public ClientOrderIds clientOrderIds()
    {
        return parts.clientOrderIds;
    }

    /**
     * @return latency and counters.
     */
    public GatewayMetrics metrics()
    {
        return parts.metrics;
    }

    /**
     * @return where the journal is.
     */
    public Path journalDirectory()
    {
        return parts.journalDirectory;
    }

    /**
     * Stops taking commands, disconnects the brokers, lets every event already in the ring pass
     * every stage (so it is journaled and reported), then stops every agent and closes the journal.
     * Reports already in the poll queue can still be polled. Idempotent. In INVOKER mode, call it
     * from the invoking thread: it invokes until the ring is drained.
     */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true))
        {
            return;
        }
        finalSnapshot = parts.close();
        LOG.info("gateway {} closed", parts.instanceId);
    }
}
