package io.ordergateway.core.api;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.ingress.RingBrokerEventSink;
import io.ordergateway.core.metrics.GatewayMetrics;
import io.ordergateway.core.pipeline.EgressStage;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.ExecutionReportFlyweight;
import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.pipeline.GatewayPipeline;
import io.ordergateway.core.pipeline.JournalStage;
import io.ordergateway.core.pipeline.OrderStateStage;
import io.ordergateway.core.pipeline.RouteStage;
import io.ordergateway.core.pipeline.SendStage;
import io.ordergateway.core.pipeline.ThrottleStage;
import io.ordergateway.core.pipeline.Topology;
import io.ordergateway.core.pipeline.ValidateStage;
import io.ordergateway.core.pipeline.WaitStrategyKind;
import io.ordergateway.core.recovery.OrderIdRecovery;
import io.ordergateway.core.routing.Router;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.core.state.OrderBook;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.core.state.PositionBook;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.journal.JournalFiles;
import io.ordergateway.journal.JournalWriter;
import org.agrona.BitUtil;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway a strategy embeds: submit orders, cancel and replace them, and receive what happens
 * to them. Made and started by {@link #builder()}.
 *
 * <p>Threads: {@code submit}, {@code cancel} and {@code replace} may be called from any thread;
 * they never block and allocate nothing (they claim a ring slot or say why not). Reports reach the
 * strategy through {@link #poll} (call it from one thread) and/or a listener called on the
 * gateway's egress thread. {@link #close()} drains the ring and stops every thread.
 */
public final class OrderGateway implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(OrderGateway.class);

    private final String instanceId;
    private final SymbolTable symbols;
    private final ClientOrderIds clientOrderIds;
    private final BrokerAdapter[] brokers;
    private final GatewayMetrics metrics;
    private final Path journalDirectory;
    private final EpochNanoClock clock;
    private final GatewayPipeline pipeline;
    private final RingBuffer<GatewayEvent> ring;
    private final OrderStateStage state;
    private final OneToOneRingBuffer pollQueue;
    private final ExecutionReportFlyweight pollFlyweight = new ExecutionReportFlyweight();
    private final AtomicLong lastOrderId;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long closeTimeoutMillis;
    private final int commandReserve;
    private volatile boolean closing;
    private volatile boolean paused;
    private volatile PortfolioSnapshot finalSnapshot;
    private ExecutionReportHandler pollHandler;
    private final org.agrona.concurrent.MessageHandler pollDispatch =
        (msgTypeId, buffer, index, length) -> pollHandler.onReport(pollFlyweight.wrap(buffer, index));

    private OrderGateway(final Builder b)
    {
        instanceId = b.instanceId;
        symbols = new SymbolTable(b.symbols);
        clientOrderIds = new ClientOrderIds(b.instanceId);
        brokers = b.brokers.toArray(new BrokerAdapter[0]);
        metrics = new GatewayMetrics(brokers.length);
        journalDirectory = b.journalDirectory;
        clock = b.clock;
        closeTimeoutMillis = b.closeTimeoutMillis;
        commandReserve = b.ringSize / 4;
        lastOrderId = new AtomicLong(OrderIdRecovery.highestOrderId(journalDirectory));

        pollQueue = b.polling ? new OneToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(
            b.pollQueueBytes + RingBufferDescriptor.TRAILER_LENGTH))) : null;
        state = new OrderStateStage(new OrderBook(b.expectedOpenOrders, b.retainFinishedOrders),
            new PositionBook(brokers.length, symbols.size()), symbols, metrics);
        final JournalWriter journal = new JournalWriter(journalDirectory, JournalFiles.DEFAULT_ROLL_CYCLE);
        final GatewayPipeline.Stages stages = new GatewayPipeline.Stages(
            new ValidateStage(symbols),
            new ThrottleStage(b.accountRatePerSecond, b.accountBurst),
            new RouteStage(Router.create(b.routingPolicy, brokers.length)),
            state,
            new JournalStage(journal, symbols, clientOrderIds),
            new SendStage(brokers, metrics),
            new EgressStage(pollQueue, b.listener, new BackoffIdleStrategy(), () -> closing));
        pipeline = new GatewayPipeline("gateway-" + instanceId, b.topology, b.waitStrategy, b.ringSize, stages, metrics);
        ring = pipeline.ringBuffer();
    }

    private void start()
    {
        pipeline.start();
        for (int i = 0; i < brokers.length; i++)
        {
            brokers[i].connect(new BrokerContext(i, new RingBrokerEventSink(ring, clock, i), symbols, clientOrderIds));
        }
        LOG.info("gateway {} started: {} brokers, journal {}, next order id {}", instanceId, brokers.length, journalDirectory,
            lastOrderId.get() + 1);
    }

    /**
     * @return a builder for a gateway.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * Submits a new order. Never blocks; allocates nothing.
     *
     * @param order the order; on {@link SubmitResult#ACCEPTED} its {@link NewOrder#orderId()} is set.
     * @return whether it entered the ring, or why not.
     */
    public SubmitResult submit(final NewOrder order)
    {
        final SubmitResult refusal = admission();
        if (refusal != null)
        {
            return refusal;
        }
        final long sequence = claimForCommand();
        if (sequence < 0)
        {
            return SubmitResult.RING_FULL;
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

    /**
     * Asks to cancel an order. Never blocks; allocates nothing.
     *
     * @param orderId the order.
     * @return whether the request entered the ring, or why not.
     */
    public SubmitResult cancel(final long orderId)
    {
        return request(EventType.CANCEL, orderId, 0, FixedPoint.NULL, FixedPoint.NULL);
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
        return request(EventType.REPLACE, orderId, quantity, limitPrice, stopPrice);
    }

    private SubmitResult request(final EventType type, final long orderId, final long quantity, final long limitPrice, final long stopPrice)
    {
        if (closing)
        {
            return SubmitResult.CLOSED;
        }
        final long sequence = claimForCommand();
        if (sequence < 0)
        {
            return SubmitResult.RING_FULL;
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

    /**
     * Claims a slot for a strategy's command, leaving a quarter of the ring to broker events.
     *
     * <p>Without the reserve, a strategy submitting faster than the pipeline drains fills the ring
     * with commands; broker I/O threads then wait for room to publish acks and fills, their own
     * queues back up, and the gateway falls behind on exactly the events that would free it.
     * Commands are refused first (RING_FULL); broker events always find room.
     *
     * @return the sequence, or -1 when the ring is too full for a command.
     */
    private long claimForCommand()
    {
        if (ring.remainingCapacity() <= commandReserve)
        {
            return -1;
        }
        try
        {
            return ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            return -1;
        }
    }

    private SubmitResult admission()
    {
        if (closing)
        {
            return SubmitResult.CLOSED;
        }
        return paused ? SubmitResult.PAUSED : null;
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
        if (pollQueue == null)
        {
            throw new IllegalStateException("this gateway was built with polling off: reports go to its listener");
        }
        pollHandler = handler;
        try
        {
            return pollQueue.read(pollDispatch, limit);
        }
        finally
        {
            pollHandler = null;
        }
    }

    /**
     * A copy of orders and positions, made by the state stage at its place in the event sequence.
     * After {@link #close()}, the final state.
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
        final CompletableFuture<PortfolioSnapshot> answer = new CompletableFuture<>();
        final long sequence = ring.next();
        try
        {
            final GatewayEvent e = stamp(sequence, EventType.SNAPSHOT, 0);
            e.attachment = answer;
        }
        finally
        {
            ring.publish(sequence);
        }
        return answer;
    }

    /**
     * @param symbol a symbol the gateway was built with.
     * @return its id for {@link NewOrder#symbol(int)}, or -1 if unknown.
     */
    public int symbolId(final String symbol)
    {
        return symbols.id(symbol);
    }

    /**
     * @return the gateway's symbols.
     */
    public SymbolTable symbols()
    {
        return symbols;
    }

    /**
     * @return how order ids map to the client order ids brokers see.
     */
    public ClientOrderIds clientOrderIds()
    {
        return clientOrderIds;
    }

    /**
     * @return the brokers' names, by broker id.
     */
    public List<String> brokerNames()
    {
        final List<String> names = new ArrayList<>(brokers.length);
        for (final BrokerAdapter broker : brokers)
        {
            names.add(broker.name());
        }
        return names;
    }

    /**
     * @return latency and counters.
     */
    public GatewayMetrics metrics()
    {
        return metrics;
    }

    /**
     * @return where the journal is.
     */
    public Path journalDirectory()
    {
        return journalDirectory;
    }

    /**
     * @return the pipeline's threads (for tests and diagnostics).
     */
    public List<Thread> pipelineThreads()
    {
        return pipeline.threads();
    }

    /**
     * Stops taking commands, disconnects the brokers, lets every event already in the ring pass
     * every stage (so it is journaled and reported), then stops all threads and closes the journal.
     * Reports already in the poll queue can still be polled. Idempotent.
     */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true))
        {
            return;
        }
        closing = true;
        for (final BrokerAdapter broker : brokers)
        {
            try
            {
                broker.disconnect();
            }
            catch (final RuntimeException ex)
            {
                LOG.warn("broker {} failed to disconnect cleanly", broker.name(), ex);
            }
        }
        final CompletableFuture<PortfolioSnapshot> last = snapshot();
        final boolean drained = pipeline.shutdown(closeTimeoutMillis);
        finalSnapshot = last.getNow(null);
        LOG.info("gateway {} closed{}", instanceId, drained ? "" : " (backlog not drained in time)");
    }

    /**
     * Builds and starts an {@link OrderGateway}. Every setting has a default except the brokers and
     * symbols.
     */
    public static final class Builder
    {
        private String instanceId = "gw1";
        private final List<String> symbols = new ArrayList<>();
        private final List<BrokerAdapter> brokers = new ArrayList<>();
        private Path journalDirectory = Path.of("journal");
        private Topology topology = Topology.COMPACT;
        private WaitStrategyKind waitStrategy = WaitStrategyKind.SLEEPING;
        private int ringSize = 1 << 14;
        private RoutingPolicy routingPolicy = RoutingPolicy.PRIMARY_ONLY;
        private long accountRatePerSecond;
        private long accountBurst = 1;
        private boolean polling = true;
        private int pollQueueBytes = 1 << 22;
        private ExecutionReportHandler listener;
        private EpochNanoClock clock = new OffsetEpochNanoClock();
        private int expectedOpenOrders = 1 << 14;
        private int retainFinishedOrders = 1 << 16;
        private long closeTimeoutMillis = 10_000;

        private Builder()
        {
        }

        /** @param instanceId names this gateway in client order ids and thread names (default gw1). @return this. */
        public Builder instanceId(final String instanceId)
        {
            this.instanceId = instanceId;
            return this;
        }

        /** @param symbols the symbols the gateway trades; ids follow this order. @return this. */
        public Builder symbols(final String... symbols)
        {
            this.symbols.addAll(Arrays.asList(symbols));
            return this;
        }

        /** @param broker a broker adapter; the first added is broker 0, the primary. @return this. */
        public Builder broker(final BrokerAdapter broker)
        {
            brokers.add(broker);
            return this;
        }

        /** @param directory the journal directory (created if absent; an existing journal is continued). @return this. */
        public Builder journalDirectory(final Path directory)
        {
            this.journalDirectory = directory;
            return this;
        }

        /** @param topology stages to threads (default compact). @return this. */
        public Builder topology(final Topology topology)
        {
            this.topology = topology;
            return this;
        }

        /** @param waitStrategy how pipeline threads wait (default sleeping). @return this. */
        public Builder waitStrategy(final WaitStrategyKind waitStrategy)
        {
            this.waitStrategy = waitStrategy;
            return this;
        }

        /** @param ringSize ring slots, a power of two (default 16384). @return this. */
        public Builder ringSize(final int ringSize)
        {
            this.ringSize = ringSize;
            return this;
        }

        /** @param policy how new orders pick a broker (default primary only). @return this. */
        public Builder routing(final RoutingPolicy policy)
        {
            this.routingPolicy = policy;
            return this;
        }

        /**
         * @param ratePerSecond orders per second per account (0, the default, turns throttling off).
         * @param burst         orders an account may send at once.
         * @return this.
         */
        public Builder accountRateLimit(final long ratePerSecond, final long burst)
        {
            this.accountRatePerSecond = ratePerSecond;
            this.accountBurst = burst;
            return this;
        }

        /** @param polling keep a queue for {@link OrderGateway#poll} (default on). @return this. */
        public Builder polling(final boolean polling)
        {
            this.polling = polling;
            return this;
        }

        /** @param bytes size of the poll queue, a power of two (default 4 MiB, about 37,000 reports). @return this. */
        public Builder pollQueueBytes(final int bytes)
        {
            this.pollQueueBytes = bytes;
            return this;
        }

        /** @param listener called on the egress thread for every report (default none). @return this. */
        public Builder listener(final ExecutionReportHandler listener)
        {
            this.listener = listener;
            return this;
        }

        /** @param clock the clock producers stamp events with (default system time; tests pass their own). @return this. */
        public Builder clock(final EpochNanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        /**
         * @param expectedOpenOrders   orders open at once, to presize (default 16384).
         * @param retainFinishedOrders finished orders kept findable for late events (default 65536).
         * @return this.
         */
        public Builder orderCapacity(final int expectedOpenOrders, final int retainFinishedOrders)
        {
            this.expectedOpenOrders = expectedOpenOrders;
            this.retainFinishedOrders = retainFinishedOrders;
            return this;
        }

        /** @param millis how long close waits for the ring to drain (default 10 s). @return this. */
        public Builder closeTimeoutMillis(final long millis)
        {
            this.closeTimeoutMillis = millis;
            return this;
        }

        /**
         * Checks the settings, opens the journal, starts the pipeline and connects the brokers.
         *
         * @return the running gateway.
         * @throws IllegalArgumentException listing every setting that is wrong.
         */
        public OrderGateway build()
        {
            final List<String> errors = new ArrayList<>();
            if (brokers.isEmpty())
            {
                errors.add("brokers: at least one broker is needed");
            }
            if (symbols.isEmpty())
            {
                errors.add("symbols: at least one symbol is needed");
            }
            if (!BitUtil.isPowerOfTwo(ringSize) || ringSize < 2)
            {
                errors.add("ringSize: must be a power of two of at least 2, was " + ringSize);
            }
            if (polling && (!BitUtil.isPowerOfTwo(pollQueueBytes) || pollQueueBytes < 4096))
            {
                errors.add("pollQueueBytes: must be a power of two of at least 4096, was " + pollQueueBytes);
            }
            if (!polling && listener == null)
            {
                errors.add("polling: with polling off a listener is needed, or reports go nowhere");
            }
            if (accountRatePerSecond < 0 || accountRatePerSecond > 1_000_000_000L || accountBurst < 1)
            {
                errors.add("accountRateLimit: rate must be 0 (off) to 1e9 per second and burst at least 1");
            }
            if (journalDirectory == null)
            {
                errors.add("journalDirectory: required");
            }
            try
            {
                new ClientOrderIds(instanceId);
                new SymbolTable(symbols);
            }
            catch (final IllegalArgumentException ex)
            {
                errors.add(ex.getMessage());
            }
            if (!errors.isEmpty())
            {
                throw new IllegalArgumentException("invalid gateway settings:\n  " + String.join("\n  ", errors));
            }
            final OrderGateway gateway = new OrderGateway(this);
            gateway.start();
            return gateway;
        }
    }
}
