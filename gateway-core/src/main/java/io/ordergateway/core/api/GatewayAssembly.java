package io.ordergateway.core.api;

import io.ordergateway.core.agent.GatewayThreads;
import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerCapabilities;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.calendar.MarketCalendar;
import io.ordergateway.core.calendar.MarketCalendars;
import io.ordergateway.core.calendar.SessionCalendar;
import io.ordergateway.core.control.ControlAgent;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.ingress.RingBrokerEventSink;
import io.ordergateway.core.metrics.Alerts;
import io.ordergateway.core.metrics.CountersExporter;
import io.ordergateway.core.metrics.CountersFile;
import io.ordergateway.core.metrics.GatewayMetrics;
import io.ordergateway.core.pipeline.EgressStage;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.GatewayPipeline;
import io.ordergateway.core.pipeline.JournalStage;
import io.ordergateway.core.state.OrderStateStage;
import io.ordergateway.core.risk.RiskStage;
import io.ordergateway.core.routing.RouteStage;
import io.ordergateway.core.pipeline.SendStage;
import io.ordergateway.core.pipeline.StageAgent;
import io.ordergateway.core.throttle.ThrottleStage;
import io.ordergateway.core.validate.ValidateStage;
import io.ordergateway.core.recovery.StartupReconciliation;
import io.ordergateway.core.recovery.StartupRecovery;
import io.ordergateway.core.recovery.UnknownOrderResolver;
import io.ordergateway.core.routing.ExecutionStatus;
import io.ordergateway.core.routing.RoutingConfig;
import io.ordergateway.core.routing.JournaledRouting;
import io.ordergateway.journal.IssuedOrderIds;
import io.ordergateway.journal.JournalRecords;
import io.ordergateway.journal.SessionStart;
import io.ordergateway.core.settings.RuntimeSettings;
import io.ordergateway.core.settings.SettingsHistory;
import io.ordergateway.core.state.Books;
import io.ordergateway.core.throttle.BucketSet;
import io.ordergateway.journal.JournalFiles;
import io.ordergateway.journal.JournalWriter;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's composition root: builds every part from concluded settings (books, stages,
 * ring, sinks, agents), restores the journal, opens the brokers and reconciles with them, hands
 * every agent to {@link GatewayThreads}, and takes it all down again in the right order. The
 * {@link OrderGateway} facade only forwards to these parts.
 */
final class GatewayAssembly
{
    private static final Logger LOG = LoggerFactory.getLogger(GatewayAssembly.class);
    /** How often live counters are copied out, in the gateway's time. */
    private static final long COUNTERS_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * How the agents outside the ring wait in SHARED and DEDICATED modes: a few spins and yields, then park up to 1 ms.
     */
    private static final long AGENT_MIN_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final long AGENT_MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How long the group-commit flusher parks at most between batches: a small part of a device flush. */
    private static final long FLUSHER_MAX_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    final String instanceId;
    final Instrument[] instruments;
    final SymbolTable symbols;
    final ClientOrderIds clientOrderIds;
    final BrokerAdapter[] brokers;
    final GatewayMetrics metrics;
    final Alerts alerts = new Alerts();
    final io.ordergateway.core.reconcile.BrokerAccounts brokerAccounts;
    final Path journalDirectory;
    final EpochNanoClock clock;
    final GatewayPipeline pipeline;
    final OrderStateStage state;
    final OneToOneRingBuffer pollQueue;
    final CommandPublisher commands;
    final SettingsHistory settings;
    final GatewayThreads threads;
    final long closeTimeoutMillis;
    private final RingBrokerEventSink[] sinks;
    private final StartupReconciliation.Plan plan;
    private volatile ExecutionStatus executionStatus;
    private volatile boolean closing;

    /**
     * @param s          the settings, concluded (checked): nothing here checks them again.
     * @param brokerList the brokers' adapters, named in the settings in the same order.
     */
    GatewayAssembly(final GatewaySettings s, final List<BrokerAdapter> brokerList)
    {
        instanceId = s.instanceId();
        instruments = s.instruments().toArray(new Instrument[0]);
        symbols = new SymbolTable(s.symbolNames());
        clientOrderIds = new ClientOrderIds(s.instanceId());
        brokers = brokerList.toArray(new BrokerAdapter[0]);
        brokerAccounts = new io.ordergateway.core.reconcile.BrokerAccounts(brokers.length);
        metrics = new GatewayMetrics(brokers.length);
        journalDirectory = s.journalDirectory();
        clock = s.clock();
        closeTimeoutMillis = s.closeTimeoutMillis();
        final boolean invoker = s.threadingMode() == ThreadingMode.INVOKER;

        final long[] referencePrices = new long[instruments.length];
        for (int i = 0; i < instruments.length; i++)
        {
            referencePrices[i] = instruments[i].referencePrice();
        }
        final Books books = new
            Books(s.expectedOpenOrders(), s.retainFinishedOrders(), brokers.length, referencePrices);
        state = new OrderStateStage(books, symbols, metrics);
        final RiskStage risk = new RiskStage(s.riskLimits(), instruments, books.view());
        final RoutingConfig routing = s.routing();
        state.commandTimeout(routing.sendTimeoutNanos()); // cancels and replaces unanswered this long: ask the broker
        final BrokerCapabilities[] capabilities = new BrokerCapabilities[brokers.length];
        for (int i = 0; i < brokers.length; i++)
        {
            // the configuration knows better than the adapter's declaration, where it says so
            capabilities[i] = s.reconciliation().capabilitiesOf(brokers[i].name()).apply(brokers[i].capabilities());
        }
        final RouteStage route = new RouteStage(routing, symbols, brokerNames().toArray(new String[0]), capabilities,
            status -> executionStatus = status);
        route.pool().positions(books.view()); // route runs in the state stage's group: it may read its books

        final StartupRecovery.Restored restored =
        StartupRecovery.restore(journalDirectory, risk, route, state, symbols, brokers.length);
        metrics.reset(); // the new session counts only what happens in it
        route.publishStatus(); // the status as restored, not as the replay last published it

        pollQueue = s.polling() ? new OneToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(
            s.pollQueueBytes() + RingBufferDescriptor.TRAILER_LENGTH))) : null;
        final JournalWriter writer = new JournalWriter(journalDirectory, JournalFiles.rollCycle(s.journalRollCycle()));
        final JournalStage journal = new JournalStage(writer, symbols, clientOrderIds, restored.nextSequence());
        journal.issuedIds(new IssuedOrderIds(journalDirectory));
        final long startSequence = restored.nextSequence() - 1;
        final long startTime = clock.nanoTime();
        // who writes this session, and its routing, before its events
        journal.preamble(sessionStart(s, routing, startSequence, startTime),
            JournaledRouting.toRecord(routing, symbols, startSequence, startTime));
        final EgressStage egress = new EgressStage(pollQueue, s.listener(), () -> closing);
        pipeline = new GatewayPipeline(s.topology(), s.ringSize(), new GatewayPipeline.Stages(
            new ValidateStage(instruments, calendars(s.clock())),
            new ThrottleStage(new BucketSet(s.accountRatePerSecond(), s.accountBurst()),
                new BucketSet(s.strategyRatePerSecond(), s.strategyBurst()),
                new BucketSet(s.symbolRatePerSecond(), s.symbolBurst())),
            route, risk, state, journal, new SendStage(brokers, metrics), egress), egress::hasRoom, metrics,
            s.journalDurability() == io.ordergateway.journal.JournalDurability.GROUP_COMMIT);
        commands = new CommandPublisher(pipeline, clock, metrics, s.ringSize() / 2, () -> closing);
        commands.continueAfter(restored.highestOrderId());
        settings = new SettingsHistory(instanceId, s::problemsWith, this::publishSettings, s.runtimeSettings("start"));

        threads = new GatewayThreads("gateway-" + instanceId, s.threadingMode(),
            (slot, hasWork) -> s.waitStrategy().stageIdleStrategy(pipeline.wakeup(), slot, hasWork),
            () -> new BackoffIdleStrategy(10, 10, AGENT_MIN_PARK_NANOS, AGENT_MAX_PARK_NANOS));
        final List<io.ordergateway.core.state.PortfolioSnapshot.OrderLine> restoredExternal =
            state.snapshot(0).openOrders().stream()
            .filter(io.ordergateway.core.state.PortfolioSnapshot.OrderLine::external).toList();
        sinks = new RingBrokerEventSink[brokers.length];
        for (int i = 0; i < brokers.length; i++)
        {
            sinks[i] = new RingBrokerEventSink(pipeline.ring(), clock, i, !invoker);
            if (s.reconciliation().adoptExternal())
            {
                final int brokerId = i;
                sinks[i].adoptExternal(commands::nextOrderId, symbols, s.reconciliation().externalAccount(),
                    restoredExternal.stream().filter(o -> o.brokerId() == brokerId)
                    .map(io.ordergateway.core.state.PortfolioSnapshot.OrderLine::brokerClientOrderId).toList());
            }
        }
        compose(s, routing, journal, writer);
        try
        {
            for (int i = 0; i < brokers.length; i++)
            {
                brokers[i].open(new BrokerContext(i, sinks[i], symbols, clientOrderIds, clock,
                    threads.threadFactory(brokers[i].name()), journalDirectory.resolve("brokers")
                    .resolve(brokers[i].name())));
            }
            if (restored.highestOrderId() == 0)
            {
                // a new journal: never reuse a client order id a broker already holds from an earlier one
                final long held = io.ordergateway.core.recovery.HeldClientOrderIds.highest(brokers, clientOrderIds,
                    clock.nanoTime() / 1_000_000L, s.reconcileTimeoutMillis());
                if (held > 0)
                {
                    commands.continueAfter(held);
                }
            }
            plan = StartupRecovery.reconcile(state, brokers, clientOrderIds, s.reconcileTimeoutMillis(),
                s.stopOnUnexplained(), s.reconciliation().adoptExternal(), alerts);
        }
        catch (final RuntimeException ex)
        {
            disconnectBrokers();
            writer.close();
            throw ex;
        }
    }

    /**
     * The session's first record: the instance, its brokers by name and type, its symbols and a
     * digest of the settings it starts with, so the journal can be read without the configuration.
     */
    private SessionStart sessionStart(final GatewaySettings s, final RoutingConfig routing, final long sequence,
        final long timestamp)
    {
        final List<SessionStart.Broker> table = new ArrayList<>();
        for (int i = 0; i < brokers.length; i++)
        {
            table.add(new SessionStart.Broker(i, brokers[i].name(), brokers[i].type()));
        }
        final String configuration = List.of(instruments) + "|" + s.riskLimits() + "|" + s.accountRatePerSecond() + "/"
            + s.accountBurst() + "|" + s.strategyRatePerSecond() + "/" + s.strategyBurst() + "|"
            + s.symbolRatePerSecond() + "/" + s.symbolBurst() + "|" + routing + "|" + table;
        return new SessionStart(sequence, timestamp, instanceId, JournalRecords.SCHEMA_VERSION, digest(configuration),
            table, s.symbolNames());
    }

    /**
     * FNV-1a, 64 bits: enough to tell two configurations apart in a journal, not a security digest.
     */
    private static long digest(final String text)
    {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++)
        {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /**
     * Hands every agent to the thread map: the stage groups, egress, then the agents outside the ring.
     */
    private void compose(final GatewaySettings s, final RoutingConfig routing, final JournalStage journal,
        final JournalWriter writer)
    {
        for (final List<StageAgent> group : pipeline.stageThreads())
        {
            final StageAgent first = group.get(0);
            if (group.size() == 1)
            {
                threads.stage(first.roleName(), first.stageNames(), first, first::hasWork);
            }
            else
            {
                final StageAgent[] agents = group.toArray(new StageAgent[0]);
                threads.stage(first.roleName(), String.join(", ", group.stream().map(StageAgent::stageNames).toList()),
                    new org.agrona.concurrent.CompositeAgent(group), () ->
                    {
                        for (final StageAgent agent : agents)
                        {
                            if (agent.hasWork())
                            {
                                return true;
                            }
                        }
                        return false;
                    });
            }
        }
        threads.egress(pipeline.egressAgent(), pipeline.egressAgent()::hasWork, s.listener() != null);
        if (s.journalPretouch())
        {
            // the journal's fresh pages faulted in ahead of its writer, off the order path: on a real disk the first
            // write to each costs the writer milliseconds otherwise (see JournalPretoucher)
            threads.agent("pretoucher", new io.ordergateway.journal.JournalPretoucher(writer));
        }
        if (pipeline.durable() != null)
        {
            // group commit: forces each batch to the device, then lets the send stage take it; it blocks in fsync, so
            // a thread of its own, which parks briefly between batches
            final com.lmax.disruptor.Sequence durable = pipeline.durable();
            final io.ordergateway.core.agent.RingWakeup wakeup = pipeline.wakeup();
            threads.blocking("flusher", new io.ordergateway.journal.JournalFlusher(writer, pipeline.journaled()::get,
                journal::position, durable.get(), upTo ->
                {
                    durable.set(upTo);
                    wakeup.signalAllWhenBlocking();
                }), new BackoffIdleStrategy(1, 1, 1_000, FLUSHER_MAX_PARK_NANOS));
        }
        threads.agent("timer", new io.ordergateway.core.timer.GatewayTimer(pipeline.ring(), clock, routing.tickNanos(),
            () -> closing));
        final UnknownOrderResolver resolver =
            new UnknownOrderResolver(brokers, sinks, clientOrderIds, clock, s.reconcileTimeoutMillis());
        threads.agent("control",
            new ControlAgent(instanceId, pipeline.newFollower(), pipeline.ring(), brokers, clock, resolver, alerts,
            pipeline::egressBacklog, s.ringSize() / 2));
        if (s.countersFile() != null)
        {
            final Path path = s.countersFile().isAbsolute() ? s.countersFile()
                : journalDirectory.resolve(s.countersFile());
            final long first = commands.lastOrderId();
            threads.agent("counters",
                new CountersExporter(new CountersFile(path, 256, clock.nanoTime() / 1_000_000L), metrics, brokerNames(),
                () -> commands.lastOrderId() - first, () -> pipeline.ring().getBufferSize()
                - pipeline.ring().remainingCapacity(), journal::position, () -> executionStatus, alerts, clock,
                COUNTERS_PERIOD_NANOS));
        }
        // what each broker accepts per symbol, at start and daily, into the ring for the route stage and the journal
        threads.agent("discovery", new io.ordergateway.core.reconcile.BrokerTermsDiscovery(brokers, symbols,
            s.reconciliation(), terms -> commands.operatorEvent(EventType.BROKER_TERMS, e ->
            {
                e.brokerId = terms.brokerId();
                e.attachment = terms;
            }) == SubmitResult.ACCEPTED, clock));
        if (s.reconciliation().intervalSeconds() > 0)
        {
            // off the ring: asks the brokers and compares; what it finds goes into the ring as events
            threads.agent("reconciliation", new io.ordergateway.core.reconcile.LiveReconciliation(instanceId, brokers,
                clientOrderIds, symbols, s.reconciliation(), new RingReconciliationActions(commands, symbols),
                brokerAccounts, alerts, clock));
        }
        for (final BrokerAdapter broker : brokers)
        {
            final Agent agent = broker.agent();
            if (agent != null)
            {
                threads.agent(agent.roleName(), agent);
            }
        }
    }

    private MarketCalendar[] calendars(final EpochNanoClock clock)
    {
        final MarketCalendar[] calendars = new MarketCalendar[instruments.length];
        final Map<String, MarketCalendar> byName = new HashMap<>();
        for (int i = 0; i < instruments.length; i++)
        {
            calendars[i] = byName.computeIfAbsent(instruments[i].calendar(), MarketCalendars::byName);
        }
        byName.values().forEach(c ->
        {
            if (c instanceof SessionCalendar)
            {
                ((SessionCalendar)c).warnIfNotCovered(clock.nanoTime());
            }
        });
        return calendars;
    }

    private String publishSettings(final RuntimeSettings change, final int version)
    {
        final SubmitResult result = commands.operatorEvent(EventType.SETTINGS, e ->
        {
            e.attachment = change;
            e.orderId = version; // SETTINGS: the version number
        });
        return result == SubmitResult.ACCEPTED ? null : result.name();
    }

    /**
     * Starts the threads (or the invoker), journals what reconciliation found, connects the brokers.
     */
    void start()
    {
        threads.start();
        StartupRecovery.publish(plan, sinks);
        for (final BrokerAdapter broker : brokers)
        {
            broker.connect();
        }
        LOG.info("gateway {} started: {} brokers, journal {}, next order id {}, threads:\n  {}", instanceId,
            brokers.length, journalDirectory, commands.lastOrderId() + 1, String.join("\n  ", threads.threadMap()));
    }

    /**
     * @return the latest execution status (null before the first tick).
     */
    ExecutionStatus executionStatus()
    {
        return executionStatus;
    }

    /**
     * @return the brokers' names, by broker id.
     */
    List<String> brokerNames()
    {
        return Arrays.stream(brokers).map(BrokerAdapter::name).toList();
    }

    /**
     * Stops taking commands, disconnects the brokers, lets every event already in the ring pass every
     * stage (in INVOKER mode by invoking on this thread), then stops every agent.
     *
     * @return the state after the last event, or null if the ring did not drain in time.
     */
    io.ordergateway.core.state.PortfolioSnapshot close()
    {
        closing = true;
        disconnectBrokers();
        final java.util.concurrent.CompletableFuture<io.ordergateway.core.state.PortfolioSnapshot> last =
            commands.snapshot(threads.mode() != ThreadingMode.INVOKER);
        drain();
        threads.close();
        return last.getNow(null);
    }

    /**
     * Runs (INVOKER) or waits for the agents until every published event has passed every stage.
     *
     * @return false if it did not happen within the close timeout.
     */
    boolean drain()
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(closeTimeoutMillis);
        final SleepingMillisIdleStrategy idle = new SleepingMillisIdleStrategy(1);
        while (!pipeline.drained())
        {
            if (System.nanoTime() - deadline > 0)
            {
                LOG.warn("gateway {}: the ring did not drain within {} ms; stopping with events unprocessed",
                    instanceId, closeTimeoutMillis);
                return false;
            }
            if (threads.mode() == ThreadingMode.INVOKER)
            {
                threads.invoker().invoke();
            }
            else
            {
                idle.idle();
            }
        }
        return true;
    }

    private void disconnectBrokers()
    {
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
    }
}
