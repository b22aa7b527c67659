package io.ordergateway.core.api;

import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.pipeline.Topology;
import io.ordergateway.core.pipeline.WaitStrategyKind;
import io.ordergateway.core.risk.RiskLimits;
import io.ordergateway.core.routing.ResumeAfterPause;
import io.ordergateway.core.routing.RoutingConfig;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.journal.JournalRollCycle;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and starts an {@link OrderGateway}: {@code OrderGateway.builder()}. Every setting has a default except the
 * brokers and
 * symbols. The settings are collected in a {@link GatewaySettings} and checked once, by its {@link
 * GatewaySettings#conclude()},
 * when the gateway is built; the brokers' adapters are kept here and named there.
 */
public final class GatewayBuilder
{
    /** The default threading mode ({@link GatewaySettings#DEFAULT_THREADING_MODE}). */
    public static final ThreadingMode DEFAULT_THREADING_MODE = GatewaySettings.DEFAULT_THREADING_MODE;
    /** The default topology ({@link GatewaySettings#DEFAULT_TOPOLOGY}). */
    public static final Topology DEFAULT_TOPOLOGY = GatewaySettings.DEFAULT_TOPOLOGY;
    /** How stage threads wait by default ({@link GatewaySettings#DEFAULT_WAIT_STRATEGY}). */
    public static final WaitStrategyKind DEFAULT_WAIT_STRATEGY = GatewaySettings.DEFAULT_WAIT_STRATEGY;

    private GatewaySettings settings = new GatewaySettings();
    private final List<BrokerAdapter> brokers = new ArrayList<>();

    GatewayBuilder()
    {
    }

    /**
     * Starts from other settings (a configuration file's, say): every setting is replaced by a copy
     * of theirs; the brokers added here stay, and are named when the gateway is built.
     *
     * @param from the settings to copy.
     * @return this.
     */
    public GatewayBuilder settings(final GatewaySettings from)
    {
        this.settings = new GatewaySettings(from);
        return this;
    }

    /**
     * @return a copy of the settings collected so far, the brokers named.
     */
    public GatewaySettings settings()
    {
        return new GatewaySettings(settings).brokerNames(brokerNames());
    }

    /** @param instanceId names this gateway in client order ids and thread names (default gw1). @return this. */
    public GatewayBuilder instanceId(final String instanceId)
    {
        settings.instanceId(instanceId);
        return this;
    }

    /**
     * Adds symbols with default rules ({@link Instrument#of}: always open, whole units, no reference price).
     *
     * @param symbols the symbols; ids follow the order instruments are added.
     * @return this.
     */
    public GatewayBuilder symbols(final String... symbols)
    {
        for (final String symbol : symbols)
        {
            settings.instrument(Instrument.of(symbol));
        }
        return this;
    }

    /** @param instrument an instrument with its rules; ids follow the order instruments are added. @return this. */
    public GatewayBuilder instrument(final Instrument instrument)
    {
        settings.instrument(instrument);
        return this;
    }

    /** @param limits pre-trade risk limits per account (default none). @return this. */
    public GatewayBuilder riskLimits(final RiskLimits limits)
    {
        settings.riskLimits(limits);
        return this;
    }

    /**
     * @param ratePerSecond orders per second per strategy (0, the default, turns it off).
     * @param burst         orders a strategy may send at once.
     * @return this.
     */
    public GatewayBuilder strategyRateLimit(final long ratePerSecond, final long burst)
    {
        settings.strategyRateLimit(ratePerSecond, burst);
        return this;
    }

    /**
     * @param ratePerSecond orders per second per symbol (0, the default, turns it off).
     * @param burst         orders in one symbol at once.
     * @return this.
     */
    public GatewayBuilder symbolRateLimit(final long ratePerSecond, final long burst)
    {
        settings.symbolRateLimit(ratePerSecond, burst);
        return this;
    }

    /** @param broker a broker adapter; the first added is broker 0, the primary. @return this. */
    public GatewayBuilder broker(final BrokerAdapter broker)
    {
        brokers.add(broker);
        return this;
    }

    /** @param directory the journal directory (created if absent; an existing journal is continued). @return this. */
    public GatewayBuilder journalDirectory(final Path directory)
    {
        settings.journalDirectory(directory);
        return this;
    }

    /**
     * @param mode how agents are put on threads (default SHARED: the stages on their thread, every other agent on one
     *             more); INVOKER starts no thread and the caller drives {@link OrderGateway#invoker()}.
     * @return this.
     */
    public GatewayBuilder threadingMode(final ThreadingMode mode)
    {
        settings.threadingMode(mode);
        return this;
    }

    /**
     * @param topology how stages are grouped onto threads (default single: one thread for every stage). @return this.
     */
    public GatewayBuilder topology(final Topology topology)
    {
        settings.topology(topology);
        return this;
    }

    /** @param waitStrategy how stage threads wait when idle (default yielding). @return this. */
    public GatewayBuilder waitStrategy(final WaitStrategyKind waitStrategy)
    {
        settings.waitStrategy(waitStrategy);
        return this;
    }

    /**
     * @param file where to publish live counters for {@code gateway stat} (a relative path is under the journal
     *             directory; default none).
     * @return this.
     */
    public GatewayBuilder countersFile(final Path file)
    {
        settings.countersFile(file);
        return this;
    }

    /** @param cycle how often the journal starts a new file: daily (default) or hourly. @return this. */
    public GatewayBuilder journalRollCycle(final JournalRollCycle cycle)
    {
        settings.journalRollCycle(cycle);
        return this;
    }

    /**
     * @param durability when a journaled record counts as kept: {@code PAGE_CACHE} (default: a process crash loses
     *                   nothing) or {@code GROUP_COMMIT} (forced to the device before the order is sent).
     * @return this.
     */
    public GatewayBuilder journalDurability(final io.ordergateway.journal.JournalDurability durability)
    {
        settings.journalDurability(durability);
        return this;
    }

    /**
     * @param on fault the journal's next pages in ahead of its writer from the shared agent thread (default on: on a
     *           real disk the first write to each fresh page of a journal file costs milliseconds otherwise).
     * @return this.
     */
    public GatewayBuilder journalPretouch(final boolean on)
    {
        settings.journalPretouch(on);
        return this;
    }

    /** @param ringSize ring slots, a power of two (default 16384). @return this. */
    public GatewayBuilder ringSize(final int ringSize)
    {
        settings.ringSize(ringSize);
        return this;
    }

    /** @param policy how new orders pick a broker (default primary only), everything else default. @return this. */
    public GatewayBuilder routing(final RoutingPolicy policy)
    {
        settings.routing(policy);
        return this;
    }

    /**
     * @param config policies per account and symbol, the failover chain, thresholds, periods, weights, costs and API
     *               budgets (default: {@link RoutingConfig#defaults} with the policy of {@link
     *               #routing(RoutingPolicy)}).
     * @return this.
     */
    public GatewayBuilder routing(final RoutingConfig config)
    {
        settings.routing(config);
        return this;
    }

    /**
     * @param on false: when the active broker fails, orders do not move to another broker; the gateway pauses
     *           until it is back (or an operator makes another one active). Primary-only routing only. Default true.
     * @return this.
     */
    public GatewayBuilder failover(final boolean on)
    {
        settings.failover(on);
        return this;
    }

    /**
     * @param resume how a pause (every broker down) ends: AUTO (default) when a broker can take orders again,
     *               MANUAL only when an operator resumes ({@code controls().resume()}).
     * @return this.
     */
    public GatewayBuilder resumeAfterPause(final ResumeAfterPause resume)
    {
        settings.resumeAfterPause(resume);
        return this;
    }

    /**
     * @param ratePerSecond orders per second per account (0, the default, turns throttling off).
     * @param burst         orders an account may send at once.
     * @return this.
     */
    public GatewayBuilder accountRateLimit(final long ratePerSecond, final long burst)
    {
        settings.accountRateLimit(ratePerSecond, burst);
        return this;
    }

    /** @param polling keep a queue for {@link OrderGateway#poll} (default on). @return this. */
    public GatewayBuilder polling(final boolean polling)
    {
        settings.polling(polling);
        return this;
    }

    /** @param bytes size of the poll queue, a power of two (default 4 MiB, about 37,000 reports). @return this. */
    public GatewayBuilder pollQueueBytes(final int bytes)
    {
        settings.pollQueueBytes(bytes);
        return this;
    }

    /**
     * @param listener called for every report on the egress thread, a thread of its own (in INVOKER mode, the
     *                 caller's), never on the journal's: a slow listener backs reports up until commands are refused
     *                 with REPORTS_BACKLOG (default none).
     * @return this.
     */
    public GatewayBuilder listener(final ExecutionReportHandler listener)
    {
        settings.listener(listener);
        return this;
    }

    /** @param clock the clock producers stamp events with (default system time; tests pass their own). @return this. */
    public GatewayBuilder clock(final EpochNanoClock clock)
    {
        settings.clock(clock);
        return this;
    }

    /**
     * @param expectedOpenOrders   orders open at once, to presize (default 16384).
     * @param retainFinishedOrders finished orders kept findable for late events (default 65536).
     * @return this.
     */
    public GatewayBuilder orderCapacity(final int expectedOpenOrders, final int retainFinishedOrders)
    {
        settings.orderCapacity(expectedOpenOrders, retainFinishedOrders);
        return this;
    }

    /**
     * @param stop true (the default) to refuse to start when reconciliation with the brokers finds differences it
     *             cannot explain; false to log them as a warning and start.
     * @return this.
     */
    public GatewayBuilder onUnexplainedDifferences(final boolean stop)
    {
        settings.onUnexplainedDifferences(stop);
        return this;
    }

    /**
     * Reconciliation while running: every {@code intervalSeconds} each broker's positions and open
     * orders are compared with the gateway's, off the ring; a difference seen twice in a row is
     * journaled, alerted and met with {@code onDifference}; with {@code adoptExternal} orders at a
     * broker that the gateway never sent are adopted (EXTERNAL). Default: every 60 s, warn, adopt
     * (into account 999999).
     *
     * @param reconciliation the settings.
     * @return this.
     */
    public GatewayBuilder reconciliation(final io.ordergateway.core.reconcile.ReconciliationSettings reconciliation)
    {
        settings.reconciliation(reconciliation);
        return this;
    }

    /**
     * @param millis how long start-up reconciliation waits for each broker's answer (default 45 s).
     * @return this.
     */
    public GatewayBuilder reconcileTimeoutMillis(final long millis)
    {
        settings.reconcileTimeoutMillis(millis);
        return this;
    }

    /** @param millis how long close waits for the ring to drain (default 10 s). @return this. */
    public GatewayBuilder closeTimeoutMillis(final long millis)
    {
        settings.closeTimeoutMillis(millis);
        return this;
    }

    /**
     * Checks the settings ({@link GatewaySettings#conclude()}), opens the journal, starts the pipeline and connects the
     * brokers.
     *
     * @return the running gateway.
     * @throws IllegalArgumentException listing every setting that is wrong.
     */
    public OrderGateway build()
    {
        // a copy: changing this builder later does not change the gateway
        final GatewaySettings concluded = settings().conclude();
        return new OrderGateway(new GatewayAssembly(concluded, List.copyOf(brokers)));
    }

    private List<String> brokerNames()
    {
        final List<String> names = new ArrayList<>(brokers.size());
        for (final BrokerAdapter broker : brokers)
        {
            names.add(broker.name());
        }
        return names;
    }
}
