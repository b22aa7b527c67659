package io.ordergateway.core.api;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.calendar.MarketCalendar;
import io.ordergateway.core.calendar.MarketCalendars;
import io.ordergateway.core.calendar.SessionCalendar;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.Instrument;
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
import io.ordergateway.core.pipeline.RiskStage;
import io.ordergateway.core.pipeline.RouteStage;
import io.ordergateway.core.pipeline.SendStage;
import io.ordergateway.core.pipeline.ThrottleStage;
import io.ordergateway.core.pipeline.Topology;
import io.ordergateway.core.pipeline.ValidateStage;
import io.ordergateway.core.pipeline.WaitStrategyKind;
import io.ordergateway.core.recovery.JournalReplayer;
import io.ordergateway.core.recovery.StartupReconciliation;
import io.ordergateway.core.risk.RiskLimits;
import io.ordergateway.core.risk.TradingControl;
import io.ordergateway.core.routing.ExecutionStatus;
import io.ordergateway.core.routing.RoutingChangeKind;
import io.ordergateway.core.routing.RoutingChanges;
import io.ordergateway.core.routing.RoutingCommand;
import io.ordergateway.core.routing.RoutingConfig;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.core.state.AccountBook;
import io.ordergateway.core.state.OrderBook;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.core.state.PositionBook;
import io.ordergateway.core.throttle.BucketSet;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.journal.JournalFiles;
import io.ordergateway.journal.JournalReader;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
    private final Instrument[] instruments;
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
    private final AtomicLong lastOrderId = new AtomicLong();
    private StartupReconciliation.Plan reconciliation;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long closeTimeoutMillis;
    private final int commandReserve;
    private volatile boolean closing;
    private volatile boolean paused;
    private volatile PortfolioSnapshot finalSnapshot;
    private final RoutingConfig routing;
    private final long queryTimeoutMillis;
    private final RouteStage route;
    private volatile ExecutionStatus executionStatus;
    private io.ordergateway.core.timer.GatewayTimer timer;
    private io.ordergateway.core.recovery.UnknownOrderResolver resolver;
    private RingBrokerEventSink[] sinks;
    private final Path countersPath;
    private final JournalStage journalStage;
    private io.ordergateway.core.metrics.CountersExporter counters;
    private long firstOrderId;
    private final List<io.ordergateway.core.settings.RuntimeSettings> settingsVersions = new ArrayList<>();
    private final io.ordergateway.core.metrics.Alerts alerts = new io.ordergateway.core.metrics.Alerts();
    private ExecutionReportHandler pollHandler;
    private final org.agrona.concurrent.MessageHandler pollDispatch =
        (msgTypeId, buffer, index, length) -> pollHandler.onReport(pollFlyweight.wrap(buffer, index));

    private OrderGateway(final Builder b)
    {
        instanceId = b.instanceId;
        instruments = b.instruments.toArray(new Instrument[0]);
        symbols = new SymbolTable(b.symbolNames());
        clientOrderIds = new ClientOrderIds(b.instanceId);
        brokers = b.brokers.toArray(new BrokerAdapter[0]);
        metrics = new GatewayMetrics(brokers.length);
        journalDirectory = b.journalDirectory;
        clock = b.clock;
        closeTimeoutMillis = b.closeTimeoutMillis;
        commandReserve = b.ringSize / 4;
        final long[] referencePrices = new long[instruments.length];
        final MarketCalendar[] calendars = new MarketCalendar[instruments.length];
        final Map<String, MarketCalendar> calendarsByName = new HashMap<>();
        for (int i = 0; i < instruments.length; i++)
        {
            referencePrices[i] = instruments[i].referencePrice();
            calendars[i] = calendarsByName.computeIfAbsent(instruments[i].calendar(), MarketCalendars::byName);
        }
        calendarsByName.values().forEach(c ->
        {
            if (c instanceof SessionCalendar)
            {
                ((SessionCalendar)c).warnIfNotCovered(b.clock.nanoTime());
            }
        });
        final OrderBook orderBook = new OrderBook(b.expectedOpenOrders, b.retainFinishedOrders);
        final AccountBook accounts = new AccountBook(referencePrices);
        final PositionBook positionBook = new PositionBook(brokers.length, symbols.size());
        state = new OrderStateStage(orderBook, positionBook, accounts, symbols, metrics);
        final RiskStage risk = new RiskStage(b.riskLimits, instruments, accounts, orderBook);
        queryTimeoutMillis = b.reconcileTimeoutMillis;
        routing = b.routingConfig != null ? b.routingConfig : RoutingConfig.defaults(brokers.length).withPolicy(b.routingPolicy);
        final String[] brokerNames = new String[brokers.length];
        final io.ordergateway.core.broker.BrokerCapabilities[] capabilities = new io.ordergateway.core.broker.BrokerCapabilities[brokers.length];
        for (int i = 0; i < brokers.length; i++)
        {
            brokerNames[i] = brokers[i].name();
            capabilities[i] = brokers[i].capabilities();
        }
        route = new RouteStage(routing, symbols, brokerNames, capabilities, s -> executionStatus = s);
        route.pool().positions(positionBook); // route runs on the state stage's thread: it may read its positions
        settingsVersions.add(new io.ordergateway.core.settings.RuntimeSettings(b.riskLimits, b.accountRatePerSecond, b.accountBurst,
            b.strategyRatePerSecond, b.strategyBurst, b.symbolRatePerSecond, b.symbolBurst, routing.weights(), "start"));

        final long nextSequence = restore(risk);
        reconciliation = reconcile(b);

        pollQueue = b.polling ? new OneToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(
            b.pollQueueBytes + RingBufferDescriptor.TRAILER_LENGTH))) : null;
        final JournalWriter journal = new JournalWriter(journalDirectory, JournalFiles.rollCycle(b.rollCycle));
        final UnsafeBuffer setup = new UnsafeBuffer(new byte[4096]);
        final int setupLength = io.ordergateway.core.routing.RoutingSetupCodec.encode(routing, symbols, nextSequence - 1, clock.nanoTime(), setup);
        journalStage = new JournalStage(journal, symbols, clientOrderIds, nextSequence);
        countersPath = b.countersFile == null ? null : b.countersFile.isAbsolute() ? b.countersFile : journalDirectory.resolve(b.countersFile);
        journalStage.preamble(java.util.Arrays.copyOf(setup.byteArray(), setupLength)); // this session's routing, before its events
        final GatewayPipeline.Stages stages = new GatewayPipeline.Stages(
            new ValidateStage(instruments, calendars),
            new ThrottleStage(new BucketSet(b.accountRatePerSecond, b.accountBurst), new BucketSet(b.strategyRatePerSecond, b.strategyBurst),
                new BucketSet(b.symbolRatePerSecond, b.symbolBurst)),
            route,
            risk,
            state,
            journalStage,
            new SendStage(brokers, metrics),
            new EgressStage(pollQueue, b.listener, new BackoffIdleStrategy(), () -> closing, this::onRoutingChanges));
        pipeline = new GatewayPipeline("gateway-" + instanceId, b.topology, b.waitStrategy, b.ringSize, stages, metrics);
        ring = pipeline.ringBuffer();
    }

    /**
     * Replays an existing journal into this gateway's own books before any thread starts: open
     * orders, positions, account exposure, trading controls (kill switch, reduce-only) and the order
     * id sequence come back as they were. Journaled decisions are applied as recorded (risk only
     * takes the controls; it does not decide old orders again).
     *
     * @return the journal's next sequence, where this session's records continue.
     */
    private long restore(final RiskStage risk)
    {
        if (!JournalFiles.containsJournal(journalDirectory))
        {
            return 0;
        }
        final JournalReplayer replayer = new JournalReplayer((event, sequence, endOfBatch) ->
        {
            if (event.type == EventType.CONTROL)
            {
                risk.onEvent(event, sequence, endOfBatch);
            }
            route.onEvent(event, sequence, endOfBatch); // breakers, failover chain, orders in flight: as the journal left them
            state.onEvent(event, sequence, endOfBatch);
        }, symbols, brokers.length);
        try (JournalReader reader = new JournalReader(journalDirectory))
        {
            replayer.replay(reader, Long.MAX_VALUE);
        }
        lastOrderId.set(replayer.highestOrderId());
        final long next = replayer.lastSequence() + 1;
        state.sequenceBase(next);
        metrics.reset(); // the new session counts only what happens in it
        LOG.info("gateway {} restored {} events from {}: next order id {}, journal sequence continues at {}", instanceId,
            replayer.events(), journalDirectory, lastOrderId.get() + 1, next);
        return next;
    }

    /**
     * After a restore, asks each broker about the orders the journal left working and plans what the
     * journal lacks. Stops the start on what it cannot explain, unless configured to warn.
     */
    private StartupReconciliation.Plan reconcile(final Builder b)
    {
        final PortfolioSnapshot restored = state.snapshot(0);
        if (restored.openOrders().isEmpty() && restored.positions().isEmpty())
        {
            return new StartupReconciliation.Plan(List.of(), List.of(), 0);
        }
        final StartupReconciliation.Plan plan = StartupReconciliation.plan(restored, state::knowsFill, brokers, clientOrderIds,
            b.reconcileTimeoutMillis);
        if (!plan.unexplained().isEmpty())
        {
            alerts.reconciliationDifferences(plan.unexplained().size());
            final String report = "reconciliation with the brokers at start found what the journal cannot explain:\n  "
                + String.join("\n  ", plan.unexplained());
            if (b.stopOnUnexplained)
            {
                throw new IllegalStateException(report + "\n(start refused: check the journal and the brokers, or build with "
                    + "onUnexplainedDifferences(false) to start anyway)");
            }
            LOG.warn("{}\n(starting anyway, as configured)", report);
        }
        if (!plan.actions().isEmpty())
        {
            LOG.info("reconciliation at start: {} events the journal lacked will be journaled as coming from the brokers", plan.actions().size());
        }
        return plan;
    }

    private void start()
    {
        pipeline.start();
        sinks = new RingBrokerEventSink[brokers.length];
        for (int i = 0; i < brokers.length; i++)
        {
            sinks[i] = new RingBrokerEventSink(ring, clock, i);
        }
        for (final StartupReconciliation.Action action : reconciliation.actions())
        {
            final RingBrokerEventSink sink = sinks[action.brokerId()];
            switch (action.type())
            {
                case ACK: sink.acknowledged(action.orderId(), StartupReconciliation.RECONCILED_BROKER_ORDER_ID); break;
                case FILL: sink.reconciledFill(action.orderId(), action.fillId(), action.quantity(), action.price()); break;
                case CANCELED: sink.canceled(action.orderId()); break;
                case EXPIRED: sink.expired(action.orderId()); break;
                case REJECT:
                    sink.rejected(action.orderId(), io.ordergateway.core.domain.CommandKind.NEW,
                        action.neverReceived() ? io.ordergateway.core.domain.RejectReason.CONNECTION_ERROR
                            : io.ordergateway.core.domain.RejectReason.BROKER_REJECTED, 0);
                    break;
                case CANCEL_LOST:
                    sink.rejected(action.orderId(), io.ordergateway.core.domain.CommandKind.CANCEL,
                        io.ordergateway.core.domain.RejectReason.CONNECTION_ERROR, 0);
                    break;
                case REPLACE_LOST:
                    sink.rejected(action.orderId(), io.ordergateway.core.domain.CommandKind.REPLACE,
                        io.ordergateway.core.domain.RejectReason.CONNECTION_ERROR, 0);
                    break;
                default: break;
            }
        }
        for (int i = 0; i < brokers.length; i++)
        {
            brokers[i].connect(new BrokerContext(i, sinks[i], symbols, clientOrderIds));
        }
        resolver = new io.ordergateway.core.recovery.UnknownOrderResolver("gateway-" + instanceId, brokers, sinks, clientOrderIds,
            queryTimeoutMillis);
        timer = new io.ordergateway.core.timer.GatewayTimer("gateway-" + instanceId, ring, clock, routing.tickNanos(), brokers);
        if (countersPath != null)
        {
            firstOrderId = lastOrderId.get();
            counters = new io.ordergateway.core.metrics.CountersExporter(
                new io.ordergateway.core.metrics.CountersFile(countersPath, 256, System.currentTimeMillis()), metrics, brokerNames(),
                () -> lastOrderId.get() - firstOrderId, () -> ring.getBufferSize() - ring.remainingCapacity(), journalStage::position,
                () -> executionStatus, alerts);
            final io.ordergateway.core.metrics.CountersExporter exporter = counters;
            timer.everyTick(() -> exporter.update(System.currentTimeMillis()));
        }
        timer.start();
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

    /**
     * Switches the kill switch on or off: while on, new orders and replaces are denied with
     * KILL_SWITCH (cancels still pass). Journaled. See {@link #cancelAllOpen} to also pull what is working.
     *
     * @param accountId the account, or -1 for every account.
     * @param engaged   on or off.
     * @return whether the control entered the ring.
     */
    public SubmitResult killSwitch(final int accountId, final boolean engaged)
    {
        final SubmitResult result = control(TradingControl.KILL_SWITCH, accountId, engaged);
        if (result == SubmitResult.ACCEPTED)
        {
            alerts.killSwitchChanged();
            LOG.warn("ALERT gateway {}: kill switch {} for {}", instanceId, engaged ? "ENGAGED" : "released",
                accountId < 0 ? "every account" : "account " + accountId);
        }
        return result;
    }

    /**
     * @return counts of what operators are alerted to (failovers, pauses, kill switch, reconciliation).
     */
    public io.ordergateway.core.metrics.Alerts alerts()
    {
        return alerts;
    }

    /**
     * Puts an account (or all) in reduce-only: only orders that shrink a position pass. Journaled.
     *
     * @param accountId the account, or -1 for every account.
     * @param engaged   on or off.
     * @return whether the control entered the ring.
     */
    public SubmitResult reduceOnly(final int accountId, final boolean engaged)
    {
        return control(TradingControl.REDUCE_ONLY, accountId, engaged);
    }

    private SubmitResult control(final TradingControl control, final int accountId, final boolean engaged)
    {
        return operatorEvent(EventType.CONTROL, e ->
        {
            e.control = control;
            e.accountId = accountId;
            e.controlEngaged = engaged;
        });
    }

    /**
     * Publishes an operator's event (control, routing command). Operator events may use the ring's
     * reserve for broker events: they must get through. Not the hot path (the filler is a lambda).
     */
    private SubmitResult operatorEvent(final EventType type, final java.util.function.Consumer<GatewayEvent> filler)
    {
        if (closing)
        {
            return SubmitResult.CLOSED;
        }
        final long sequence;
        try
        {
            sequence = ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            return SubmitResult.RING_FULL;
        }
        try
        {
            filler.accept(stamp(sequence, type, 0));
        }
        finally
        {
            ring.publish(sequence);
        }
        return SubmitResult.ACCEPTED;
    }

    /**
     * Where orders go now: active broker, primary, backups, pause, and per broker its breaker,
     * failures, availability and recent latency. Refreshed on every tick and every switch.
     *
     * @return the latest status (null before the first tick).
     */
    public ExecutionStatus executionStatus()
    {
        return executionStatus;
    }

    /**
     * Changes risk limits, throttles and split weights while running. Checked first: a change with
     * problems is refused and nothing changes. Otherwise it enters the ring as one event, each stage
     * applies its part as the event passes (single writer), and the journal records it. Versions are
     * kept: see {@link #settingsVersions()} and {@link #rollbackSettings}. Run-time changes last until
     * the gateway stops; a restart takes the configuration it is built with.
     *
     * @param settings the new settings.
     * @return accepted with the new version, or refused with the reasons.
     */
    public synchronized io.ordergateway.core.settings.SettingsResult applySettings(final io.ordergateway.core.settings.RuntimeSettings settings)
    {
        final List<String> problems = settings.problems(brokers.length);
        if (!problems.isEmpty())
        {
            LOG.warn("settings change from {} refused: {}", settings.source(), String.join("; ", problems));
            return new io.ordergateway.core.settings.SettingsResult(false, settingsVersions.size(), problems);
        }
        final int version = settingsVersions.size() + 1;
        final SubmitResult result = operatorEvent(EventType.SETTINGS, e ->
        {
            e.attachment = settings;
            e.orderId = version; // SETTINGS: the version number
        });
        if (result != SubmitResult.ACCEPTED)
        {
            return new io.ordergateway.core.settings.SettingsResult(false, settingsVersions.size(), List.of("not applied: " + result));
        }
        settingsVersions.add(settings);
        LOG.warn("ALERT gateway {}: settings version {} applied: {}", instanceId, version, settings.describe(version));
        return new io.ordergateway.core.settings.SettingsResult(true, version, List.of());
    }

    /**
     * Applies an earlier version again, as a new version.
     *
     * @param version the version to go back to (1 is the settings the gateway started with).
     * @return the outcome.
     */
    public synchronized io.ordergateway.core.settings.SettingsResult rollbackSettings(final int version)
    {
        if (version < 1 || version > settingsVersions.size())
        {
            return new io.ordergateway.core.settings.SettingsResult(false, settingsVersions.size(),
                List.of("no settings version " + version + "; versions are 1 to " + settingsVersions.size()));
        }
        return applySettings(settingsVersions.get(version - 1).from("rollback to version " + version));
    }

    /**
     * @return every settings version, oldest first (version 1 is the start).
     */
    public synchronized List<io.ordergateway.core.settings.RuntimeSettings> settingsVersions()
    {
        return List.copyOf(settingsVersions);
    }

    /**
     * @param brokerId a broker.
     * @return its adapter's own view of its health.
     */
    public io.ordergateway.core.broker.BrokerHealth brokerHealth(final int brokerId)
    {
        return brokers[brokerId].health();
    }

    /**
     * @param name a broker's name.
     * @return its id, or -1.
     */
    public int brokerId(final String name)
    {
        for (int i = 0; i < brokers.length; i++)
        {
            if (brokers[i].name().equals(name))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * Makes a broker the active one (an operator's command; journaled).
     *
     * @param brokerId the broker.
     * @return whether the command entered the ring.
     */
    public SubmitResult forceActive(final int brokerId)
    {
        return routingCommand(RoutingCommand.FORCE_ACTIVE, brokerId);
    }

    /**
     * Takes a broker out of routing (journaled). Orders it holds stay with it.
     *
     * @param brokerId the broker.
     * @return whether the command entered the ring.
     */
    public SubmitResult disableBroker(final int brokerId)
    {
        return routingCommand(RoutingCommand.DISABLE, brokerId);
    }

    /**
     * Puts a broker back into routing (journaled).
     *
     * @param brokerId the broker.
     * @return whether the command entered the ring.
     */
    public SubmitResult enableBroker(final int brokerId)
    {
        return routingCommand(RoutingCommand.ENABLE, brokerId);
    }

    private SubmitResult routingCommand(final RoutingCommand command, final int brokerId)
    {
        if (brokerId < 0 || brokerId >= brokers.length)
        {
            throw new IllegalArgumentException("no broker " + brokerId + ": the gateway has " + brokers.length);
        }
        return operatorEvent(EventType.ROUTING_COMMAND, e ->
        {
            e.routingCommand = command;
            e.brokerId = brokerId;
        });
    }

    /**
     * The route stage's journaled decisions, on the egress thread: alerts as log lines, probes and
     * unknown orders handed to the threads that deal with them.
     */
    private void onRoutingChanges(final long timestamp, final RoutingChanges changes)
    {
        for (int i = 0; i < changes.size(); i++)
        {
            final RoutingChangeKind kind = changes.kind(i);
            final int broker = changes.broker(i);
            switch (kind)
            {
                case PROBE_REQUESTED:
                    timer.requestProbe(broker);
                    break;
                case TIMEOUT:
                    resolver.resolve(broker, changes.value(i));
                    break;
                case FAILOVER:
                case RECOVERY:
                case FORCED_ACTIVE:
                    alerts.brokerSwitched();
                    LOG.warn("ALERT gateway {}: {}: orders now go to {} (was {})", instanceId, kind, brokerName(broker), brokerName(changes.other(i)));
                    break;
                case PAUSED:
                    alerts.paused();
                    LOG.error("ALERT gateway {}: PAUSED: no broker can take orders; new orders are denied with GATEWAY_PAUSED", instanceId);
                    break;
                case RESUMED:
                    LOG.warn("ALERT gateway {}: RESUMED: orders go to {}", instanceId, brokerName(broker));
                    break;
                case BREAKER_OPEN:
                case DISABLED:
                case ENABLED:
                    LOG.warn("ALERT gateway {}: {} {}", instanceId, brokerName(broker), kind);
                    break;
                default:
                    break;
            }
        }
    }

    private String brokerName(final int id)
    {
        return id >= 0 && id < brokers.length ? brokers[id].name() : "none";
    }

    /**
     * Asks to cancel every open order of an account (or all), e.g. after engaging the kill switch.
     * Not for the hot path: takes a snapshot, then sends one cancel per order, retrying while the
     * ring is full (for up to {@code timeoutMillis}).
     *
     * @param accountId     the account, or -1 for every account.
     * @param timeoutMillis how long to keep trying.
     * @return how many cancels entered the ring.
     * @throws Exception if the snapshot could not be taken in time.
     */
    public int cancelAllOpen(final int accountId, final long timeoutMillis) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        final PortfolioSnapshot snapshot = snapshot().get(timeoutMillis, TimeUnit.MILLISECONDS);
        int sent = 0;
        for (final PortfolioSnapshot.OrderLine line : snapshot.openOrders())
        {
            if (accountId >= 0 && line.accountId() != accountId)
            {
                continue;
            }
            SubmitResult result;
            while ((result = cancel(line.orderId())) == SubmitResult.RING_FULL && System.nanoTime() < deadline)
            {
                Thread.onSpinWait();
            }
            if (result == SubmitResult.ACCEPTED)
            {
                sent++;
            }
        }
        return sent;
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
     * @return the instruments, by symbol id.
     */
    public List<Instrument> instruments()
    {
        return List.of(instruments);
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
        if (timer != null)
        {
            timer.stop();
        }
        if (resolver != null)
        {
            resolver.stop();
        }
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
        if (counters != null)
        {
            counters.update(System.currentTimeMillis()); // the final values stay readable; the heartbeat says closed
            counters.close();
        }
        LOG.info("gateway {} closed{}", instanceId, drained ? "" : " (backlog not drained in time)");
    }

    /**
     * Builds and starts an {@link OrderGateway}. Every setting has a default except the brokers and
     * symbols.
     */
    public static final class Builder
    {
        private String instanceId = "gw1";
        private final List<Instrument> instruments = new ArrayList<>();
        private RiskLimits riskLimits = RiskLimits.NONE;
        private long strategyRatePerSecond;
        private long strategyBurst = 1;
        private long symbolRatePerSecond;
        private long symbolBurst = 1;
        private final List<BrokerAdapter> brokers = new ArrayList<>();
        private Path journalDirectory = Path.of("journal");
        private Topology topology = Topology.COMPACT;
        private WaitStrategyKind waitStrategy = WaitStrategyKind.SLEEPING;
        private int ringSize = 1 << 14;
        private RoutingPolicy routingPolicy = RoutingPolicy.PRIMARY_ONLY;
        private RoutingConfig routingConfig;
        private String rollCycle = "daily";
        private Path countersFile;
        private long accountRatePerSecond;
        private long accountBurst = 1;
        private boolean polling = true;
        private int pollQueueBytes = 1 << 22;
        private ExecutionReportHandler listener;
        private EpochNanoClock clock = new OffsetEpochNanoClock();
        private int expectedOpenOrders = 1 << 14;
        private int retainFinishedOrders = 1 << 16;
        private long closeTimeoutMillis = 10_000;
        private long reconcileTimeoutMillis = 5_000;
        private boolean stopOnUnexplained = true;

        private Builder()
        {
        }

        /** @param instanceId names this gateway in client order ids and thread names (default gw1). @return this. */
        public Builder instanceId(final String instanceId)
        {
            this.instanceId = instanceId;
            return this;
        }

        /**
         * Adds symbols with default rules ({@link Instrument#of}: always open, whole units, no reference price).
         *
         * @param symbols the symbols; ids follow the order instruments are added.
         * @return this.
         */
        public Builder symbols(final String... symbols)
        {
            for (final String symbol : symbols)
            {
                instruments.add(Instrument.of(symbol));
            }
            return this;
        }

        /** @param instrument an instrument with its rules; ids follow the order instruments are added. @return this. */
        public Builder instrument(final Instrument instrument)
        {
            instruments.add(instrument);
            return this;
        }

        /** @param limits pre-trade risk limits per account (default none). @return this. */
        public Builder riskLimits(final RiskLimits limits)
        {
            this.riskLimits = limits;
            return this;
        }

        /**
         * @param ratePerSecond orders per second per strategy (0, the default, turns it off).
         * @param burst         orders a strategy may send at once.
         * @return this.
         */
        public Builder strategyRateLimit(final long ratePerSecond, final long burst)
        {
            this.strategyRatePerSecond = ratePerSecond;
            this.strategyBurst = burst;
            return this;
        }

        /**
         * @param ratePerSecond orders per second per symbol (0, the default, turns it off).
         * @param burst         orders in one symbol at once.
         * @return this.
         */
        public Builder symbolRateLimit(final long ratePerSecond, final long burst)
        {
            this.symbolRatePerSecond = ratePerSecond;
            this.symbolBurst = burst;
            return this;
        }

        private List<String> symbolNames()
        {
            final List<String> names = new ArrayList<>(instruments.size());
            for (final Instrument instrument : instruments)
            {
                names.add(instrument.symbol());
            }
            return names;
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

        /**
         * @param file where to publish live counters for {@code gateway stat} (a relative path is under the journal
         *             directory; default none).
         * @return this.
         */
        public Builder countersFile(final Path file)
        {
            this.countersFile = file;
            return this;
        }

        /** @param cycle how often the journal starts a new file: daily (default) or hourly. @return this. */
        public Builder journalRollCycle(final String cycle)
        {
            this.rollCycle = cycle;
            return this;
        }

        /** @param ringSize ring slots, a power of two (default 16384). @return this. */
        public Builder ringSize(final int ringSize)
        {
            this.ringSize = ringSize;
            return this;
        }

        /** @param policy how new orders pick a broker (default primary only), everything else default. @return this. */
        public Builder routing(final RoutingPolicy policy)
        {
            this.routingPolicy = policy;
            return this;
        }

        /**
         * @param config policies per account and symbol, the failover chain, thresholds, periods, weights, costs and API
         *               budgets (default: {@link RoutingConfig#defaults} with the policy of {@link #routing(RoutingPolicy)}).
         * @return this.
         */
        public Builder routing(final RoutingConfig config)
        {
            this.routingConfig = config;
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

        /**
         * @param stop true (the default) to refuse to start when reconciliation with the brokers finds differences it
         *             cannot explain; false to log them as a warning and start.
         * @return this.
         */
        public Builder onUnexplainedDifferences(final boolean stop)
        {
            this.stopOnUnexplained = stop;
            return this;
        }

        /** @param millis how long start-up reconciliation waits for each broker's answer (default 5 s). @return this. */
        public Builder reconcileTimeoutMillis(final long millis)
        {
            this.reconcileTimeoutMillis = millis;
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
            if (instruments.isEmpty())
            {
                errors.add("symbols: at least one symbol or instrument is needed");
            }
            if (riskLimits.needsReferencePrices())
            {
                final List<String> missing = new ArrayList<>();
                for (final Instrument instrument : instruments)
                {
                    if (instrument.referencePrice() == 0)
                    {
                        missing.add(instrument.symbol());
                    }
                }
                if (!missing.isEmpty())
                {
                    errors.add("riskLimits: max order notional, price band and gross exposure need a reference price for every "
                        + "instrument; missing for " + missing);
                }
            }
            for (final Instrument instrument : instruments)
            {
                try
                {
                    MarketCalendars.byName(instrument.calendar());
                }
                catch (final IllegalArgumentException ex)
                {
                    errors.add("instrument " + instrument.symbol() + ": " + ex.getMessage());
                }
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
            if (strategyRatePerSecond < 0 || strategyRatePerSecond > 1_000_000_000L || strategyBurst < 1)
            {
                errors.add("strategyRateLimit: rate must be 0 (off) to 1e9 per second and burst at least 1");
            }
            if (symbolRatePerSecond < 0 || symbolRatePerSecond > 1_000_000_000L || symbolBurst < 1)
            {
                errors.add("symbolRateLimit: rate must be 0 (off) to 1e9 per second and burst at least 1");
            }
            if (journalDirectory == null)
            {
                errors.add("journalDirectory: required");
            }
            if (!"daily".equals(rollCycle) && !"hourly".equals(rollCycle))
            {
                errors.add("journalRollCycle: expected daily or hourly, was " + rollCycle);
            }
            if (routingConfig != null && !brokers.isEmpty())
            {
                errors.addAll(routingConfig.problems(brokers.size()));
            }
            try
            {
                new ClientOrderIds(instanceId);
                new SymbolTable(symbolNames());
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
