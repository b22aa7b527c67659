package io.ordergateway.core.api;

import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.calendar.MarketCalendars;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.pipeline.Topology;
import io.ordergateway.core.pipeline.WaitStrategyKind;
import io.ordergateway.core.risk.RiskLimits;
import io.ordergateway.core.routing.ResumeAfterPause;
import io.ordergateway.core.routing.RoutingConfig;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.core.settings.RuntimeSettings;
import io.ordergateway.core.settings.Setting;
import io.ordergateway.core.settings.SettingProblem;
import io.ordergateway.journal.JournalDurability;
import io.ordergateway.journal.JournalRollCycle;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static io.ordergateway.core.settings.SettingRules.BURST_RULE;
import static io.ordergateway.core.settings.SettingRules.EXPECTED_OPEN_ORDERS_RULE;
import static io.ordergateway.core.settings.SettingRules.POLL_QUEUE_BYTES_RULE;
import static io.ordergateway.core.settings.SettingRules.RATE_PER_SECOND_RULE;
import static io.ordergateway.core.settings.SettingRules.RETAIN_FINISHED_ORDERS_RULE;
import static io.ordergateway.core.settings.SettingRules.RING_SIZE_RULE;
import static io.ordergateway.core.settings.SettingRules.TIMEOUT_MILLIS_RULE;

/**
 * Every setting of one gateway, gathered in one object and checked in one place, in the manner of
 * Aeron's {@code MediaDriver.Context}: {@link #problems()} checks everything and lists every problem
 * at once, each naming its {@link Setting}; {@link #conclude()} refuses settings that have any.
 *
 * <p>The same check serves every way settings arrive: {@link GatewayBuilder} concludes its settings
 * before it builds; the configuration loader fills one from a file and reports the problems under
 * the file's own paths; a run-time change is checked by {@link #problemsWith(RuntimeSettings)},
 * these same rules applied to the gateway as it would be after the change. No rule is written
 * twice: where a part owns its rule (the routing configuration, instance ids, the symbol table,
 * market calendars) this calls it and names the setting.
 *
 * <p>Brokers appear here by name only: their adapters are parts the builder hands to the gateway,
 * and a configuration file names its brokers before any adapter exists. Not thread-safe: fill it on
 * one thread, then hand it over.
 */
public final class GatewaySettings
{
    /** The default instance id. */
    public static final String DEFAULT_INSTANCE_ID = "gw1";
    /** The default journal directory (relative to the working directory). */
    public static final Path DEFAULT_JOURNAL_DIRECTORY = Path.of("journal");
    /** The default roll cycle: one journal file per day. */
    public static final JournalRollCycle DEFAULT_ROLL_CYCLE = JournalRollCycle.DAILY;
    /**
     * The default threading mode: the stages on their thread, every other agent on one more (see the README's threading
     * section).
     */
    public static final ThreadingMode DEFAULT_THREADING_MODE = ThreadingMode.SHARED;
    /** The default topology: every stage on one thread. */
    public static final Topology DEFAULT_TOPOLOGY = Topology.SINGLE;
    /** How stage threads wait by default: spin, yielding the core to any other runnable thread. */
    public static final WaitStrategyKind DEFAULT_WAIT_STRATEGY = WaitStrategyKind.YIELDING;
    /** The default number of ring slots. */
    public static final int DEFAULT_RING_SIZE = 1 << 14;
    /** The default size of the poll queue: 4 MiB, about 37,000 reports. */
    public static final int DEFAULT_POLL_QUEUE_BYTES = 1 << 22;

    private String instanceId = DEFAULT_INSTANCE_ID;
    private final List<Instrument> instruments = new ArrayList<>();
    private final List<String> brokerNames = new ArrayList<>();
    private RiskLimits riskLimits = RiskLimits.NONE;
    private long accountRatePerSecond;
    private long accountBurst = 1;
    private long strategyRatePerSecond;
    private long strategyBurst = 1;
    private long symbolRatePerSecond;
    private long symbolBurst = 1;
    private RoutingPolicy routingPolicy = RoutingPolicy.PRIMARY_ONLY;
    private RoutingConfig routingConfig;
    private Boolean failover; // null: as the routing configuration says
    private ResumeAfterPause resumeAfterPause;
    private boolean resumeAfterPauseGiven;
    private int ringSize = DEFAULT_RING_SIZE;
    private ThreadingMode threadingMode = DEFAULT_THREADING_MODE;
    private Topology topology = DEFAULT_TOPOLOGY;
    private WaitStrategyKind waitStrategy = DEFAULT_WAIT_STRATEGY;
    private Path journalDirectory = DEFAULT_JOURNAL_DIRECTORY;
    private JournalRollCycle journalRollCycle = DEFAULT_ROLL_CYCLE;
    private JournalDurability journalDurability = JournalDurability.PAGE_CACHE;
    private boolean journalPretouch = true;
    private Path countersFile;
    private boolean polling = true;
    private int pollQueueBytes = DEFAULT_POLL_QUEUE_BYTES;
    private ExecutionReportHandler listener;
    private EpochNanoClock clock = new OffsetEpochNanoClock();
    private int expectedOpenOrders = 1 << 14;
    private int retainFinishedOrders = 1 << 16;
    private long closeTimeoutMillis = 10_000;
    private long reconcileTimeoutMillis = 45_000;
    private boolean stopOnUnexplained = true;
    private io.ordergateway.core.reconcile.ReconciliationSettings reconciliation =
        io.ordergateway.core.reconcile.ReconciliationSettings.defaults();

    /**
     * Every setting at its default; no instruments and no brokers.
     */
    public GatewaySettings()
    {
    }

    /**
     * @param other settings to copy (the lists are copied; the listener and clock are shared).
     */
    public GatewaySettings(final GatewaySettings other)
    {
        instanceId = other.instanceId;
        instruments.addAll(other.instruments);
        brokerNames.addAll(other.brokerNames);
        riskLimits = other.riskLimits;
        accountRatePerSecond = other.accountRatePerSecond;
        accountBurst = other.accountBurst;
        strategyRatePerSecond = other.strategyRatePerSecond;
        strategyBurst = other.strategyBurst;
        symbolRatePerSecond = other.symbolRatePerSecond;
        symbolBurst = other.symbolBurst;
        routingPolicy = other.routingPolicy;
        routingConfig = other.routingConfig;
        failover = other.failover;
        resumeAfterPause = other.resumeAfterPause;
        resumeAfterPauseGiven = other.resumeAfterPauseGiven;
        ringSize = other.ringSize;
        threadingMode = other.threadingMode;
        topology = other.topology;
        waitStrategy = other.waitStrategy;
        journalDirectory = other.journalDirectory;
        journalRollCycle = other.journalRollCycle;
        journalDurability = other.journalDurability;
        journalPretouch = other.journalPretouch;
        countersFile = other.countersFile;
        polling = other.polling;
        pollQueueBytes = other.pollQueueBytes;
        listener = other.listener;
        clock = other.clock;
        expectedOpenOrders = other.expectedOpenOrders;
        retainFinishedOrders = other.retainFinishedOrders;
        closeTimeoutMillis = other.closeTimeoutMillis;
        reconcileTimeoutMillis = other.reconcileTimeoutMillis;
        stopOnUnexplained = other.stopOnUnexplained;
        reconciliation = other.reconciliation;
    }

    // ------------------------------------------------------------------ the one check

    /**
     * Checks every setting against its rule and against the others.
     *
     * @return every problem, in the order of the settings; empty when the gateway can be built.
     */
    public List<SettingProblem> problems()
    {
        final List<SettingProblem> out = new ArrayList<>();
        try
        {
            new ClientOrderIds(instanceId);
        }
        catch (final IllegalArgumentException ex)
        {
            out.add(SettingProblem.of(Setting.INSTANCE_ID, ex.getMessage()));
        }
        instrumentProblems(out);
        if (brokerNames.isEmpty())
        {
            out.add(SettingProblem.of(Setting.BROKERS, "expected at least one broker"));
        }
        riskProblems(out);
        rateLimit(out, Setting.ACCOUNT_RATE_LIMIT, accountRatePerSecond, accountBurst);
        rateLimit(out, Setting.STRATEGY_RATE_LIMIT, strategyRatePerSecond, strategyBurst);
        rateLimit(out, Setting.SYMBOL_RATE_LIMIT, symbolRatePerSecond, symbolBurst);
        routingProblems(out);
        RING_SIZE_RULE.check(out, Setting.RING_SIZE, "", ringSize);
        required(out, Setting.THREADING_MODE, threadingMode, ThreadingMode.values());
        required(out, Setting.TOPOLOGY, topology, Topology.values());
        required(out, Setting.WAIT_STRATEGY, waitStrategy, WaitStrategyKind.values());
        if (journalDirectory == null)
        {
            out.add(SettingProblem.of(Setting.JOURNAL_DIRECTORY, "required; expected a directory"));
        }
        required(out, Setting.JOURNAL_ROLL_CYCLE, journalRollCycle, JournalRollCycle.values());
        required(out, Setting.JOURNAL_DURABILITY, journalDurability, JournalDurability.values());
        if (polling)
        {
            POLL_QUEUE_BYTES_RULE.check(out, Setting.POLL_QUEUE_BYTES, "", pollQueueBytes);
        }
        else if (listener == null)
        {
            out.add(SettingProblem.of(Setting.POLLING,
                "off with no listener, so reports would go nowhere; expected polling on, or a listener"));
        }
        EXPECTED_OPEN_ORDERS_RULE.check(out, Setting.ORDER_CAPACITY, ".expectedOpenOrders", expectedOpenOrders);
        RETAIN_FINISHED_ORDERS_RULE.check(out, Setting.ORDER_CAPACITY, ".retainFinishedOrders", retainFinishedOrders);
        TIMEOUT_MILLIS_RULE.check(out, Setting.CLOSE_TIMEOUT, "", closeTimeoutMillis);
        TIMEOUT_MILLIS_RULE.check(out, Setting.RECONCILE_TIMEOUT, "", reconcileTimeoutMillis);
        if (clock == null)
        {
            out.add(SettingProblem.of(Setting.CLOCK, "required; expected a clock"));
        }
        return out;
    }

    /**
     * Checks the settings once, before they are used (as Aeron's {@code Context.conclude()}).
     *
     * @return this, checked.
     * @throws IllegalArgumentException listing every problem, one per line, each naming its setting.
     */
    public GatewaySettings conclude()
    {
        final List<SettingProblem> problems = problems();
        if (!problems.isEmpty())
        {
            throw new IllegalArgumentException("invalid gateway settings:\n  "
                + problems.stream().map(SettingProblem::toString).collect(Collectors.joining("\n  ")));
        }
        return this;
    }

    /**
     * Checks a run-time change the same way as the settings at start: these settings with the
     * change's risk limits, throttles and weights put in are checked by {@link #problems()}.
     *
     * @param change the change.
     * @return every problem the gateway would have after it; empty when it can be applied.
     */
    public List<SettingProblem> problemsWith(final RuntimeSettings change)
    {
        final GatewaySettings changed = new GatewaySettings(this)
            .riskLimits(change.risk())
            .accountRateLimit(change.accountRate(), change.accountBurst())
            .strategyRateLimit(change.strategyRate(), change.strategyBurst())
            .symbolRateLimit(change.symbolRate(), change.symbolBurst());
        changed.routingConfig = routing().withWeights(change.weights());
        return changed.problems();
    }

    /**
     * A rate limit (a throttle): the rate may be 0 (off) up to one per nanosecond, the burst at least 1.
     */
    private static void rateLimit(final List<SettingProblem> out, final Setting setting, final long ratePerSecond,
        final long burst)
    {
        RATE_PER_SECOND_RULE.check(out, setting, ".ratePerSecond", ratePerSecond);
        BURST_RULE.check(out, setting, ".burst", burst);
    }

    private void instrumentProblems(final List<SettingProblem> out)
    {
        if (instruments.isEmpty())
        {
            out.add(SettingProblem.of(Setting.INSTRUMENTS, "expected at least one instrument"));
        }
        for (int i = 0; i < instruments.size(); i++)
        {
            try
            {
                MarketCalendars.byName(instruments.get(i).calendar());
            }
            catch (final IllegalArgumentException ex)
            {
                out.add(new SettingProblem(Setting.INSTRUMENTS, "[" + i + "].calendar", ex.getMessage()));
            }
        }
        try
        {
            new SymbolTable(symbolNames());
        }
        catch (final IllegalArgumentException ex)
        {
            out.add(SettingProblem.of(Setting.INSTRUMENTS, ex.getMessage()));
        }
    }

    private void riskProblems(final List<SettingProblem> out)
    {
        if (riskLimits == null)
        {
            out.add(SettingProblem.of(Setting.RISK_LIMITS, "required; expected limits (RiskLimits.NONE for none)"));
            return;
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
                out.add(SettingProblem.of(Setting.RISK_LIMITS,
                    "max order notional, price band and gross exposure need a reference price for every instrument; "
                    + "missing for " + missing));
            }
        }
    }

    private void routingProblems(final List<SettingProblem> out)
    {
        if (routingConfig == null && routingPolicy == null)
        {
            out.add(new SettingProblem(Setting.ROUTING, ".policy", "required; expected one of "
                + names(RoutingPolicy.values())));
        }
        else if (!brokerNames.isEmpty()) // without brokers there is nothing to route to; that problem is already listed
        {
            for (final String problem : routing().problems(brokerNames.size()))
            {
                out.add(SettingProblem.parse(Setting.ROUTING, problem));
            }
        }
    }

    private static void required(final List<SettingProblem> out, final Setting setting, final Object value,
        final Enum<?>[] choices)
    {
        if (value == null)
        {
            out.add(SettingProblem.of(setting, "required; expected one of " + names(choices)));
        }
    }

    private static String names(final Enum<?>[] choices)
    {
        return Arrays.stream(choices).map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------ setters

    /** @param instanceId names this gateway in client order ids and thread names (default gw1). @return this. */
    public GatewaySettings instanceId(final String instanceId)
    {
        this.instanceId = instanceId;
        return this;
    }

    /** @param instrument an instrument with its rules; ids follow the order instruments are added. @return this. */
    public GatewaySettings instrument(final Instrument instrument)
    {
        instruments.add(instrument);
        return this;
    }

    /** @param names the brokers' names by id (the first is 0, the primary); replaces any before. @return this. */
    public GatewaySettings brokerNames(final List<String> names)
    {
        brokerNames.clear();
        brokerNames.addAll(names);
        return this;
    }

    /** @param limits pre-trade risk limits per account (default none). @return this. */
    public GatewaySettings riskLimits(final RiskLimits limits)
    {
        this.riskLimits = limits;
        return this;
    }

    /**
     * @param ratePerSecond orders per second per account (0, the default, turns it off).
     * @param burst         orders an account may send at once.
     * @return this.
     */
    public GatewaySettings accountRateLimit(final long ratePerSecond, final long burst)
    {
        this.accountRatePerSecond = ratePerSecond;
        this.accountBurst = burst;
        return this;
    }

    /**
     * @param ratePerSecond orders per second per strategy (0, the default, turns it off).
     * @param burst         orders a strategy may send at once.
     * @return this.
     */
    public GatewaySettings strategyRateLimit(final long ratePerSecond, final long burst)
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
    public GatewaySettings symbolRateLimit(final long ratePerSecond, final long burst)
    {
        this.symbolRatePerSecond = ratePerSecond;
        this.symbolBurst = burst;
        return this;
    }

    /** @param policy how new orders pick a broker (default primary only), everything else default. @return this. */
    public GatewaySettings routing(final RoutingPolicy policy)
    {
        this.routingPolicy = policy;
        return this;
    }

    /**
     * @param config policies per account and symbol, the failover chain, thresholds, periods, weights, costs and API
     *               budgets (default: {@link RoutingConfig#defaults} with the policy of {@link
     *               #routing(RoutingPolicy)}).
     * @return this.
     */
    public GatewaySettings routing(final RoutingConfig config)
    {
        this.routingConfig = config;
        return this;
    }

    /**
     * @param on false: the active broker changes only by an operator's command, and while it is down the gateway
     *           pauses (primary-only routing only); default true, or what {@link #routing(RoutingConfig)} says.
     * @return this.
     */
    public GatewaySettings failover(final boolean on)
    {
        this.failover = on;
        return this;
    }

    /**
     * @param resume how a pause ends: AUTO (default, or what {@link #routing(RoutingConfig)} says) when a broker
     *               can take orders again, MANUAL only by an operator.
     * @return this.
     */
    public GatewaySettings resumeAfterPause(final ResumeAfterPause resume)
    {
        this.resumeAfterPause = resume;
        this.resumeAfterPauseGiven = true;
        return this;
    }

    /** @param ringSize ring slots, a power of two (default 16384). @return this. */
    public GatewaySettings ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    /** @param mode how agents are put on threads (default SHARED). @return this. */
    public GatewaySettings threadingMode(final ThreadingMode mode)
    {
        this.threadingMode = mode;
        return this;
    }

    /**
     * @param topology how stages are grouped onto threads (default single: one thread for every stage). @return this.
     */
    public GatewaySettings topology(final Topology topology)
    {
        this.topology = topology;
        return this;
    }

    /** @param waitStrategy how stage threads wait when idle (default yielding). @return this. */
    public GatewaySettings waitStrategy(final WaitStrategyKind waitStrategy)
    {
        this.waitStrategy = waitStrategy;
        return this;
    }

    /** @param directory the journal directory (created if absent; an existing journal is continued). @return this. */
    public GatewaySettings journalDirectory(final Path directory)
    {
        this.journalDirectory = directory;
        return this;
    }

    /** @param cycle how often the journal starts a new file (default daily). @return this. */
    public GatewaySettings journalRollCycle(final JournalRollCycle cycle)
    {
        this.journalRollCycle = cycle;
        return this;
    }

    /** @param durability when a record counts as kept (default PAGE_CACHE; see JournalDurability). @return this. */
    public GatewaySettings journalDurability(final JournalDurability durability)
    {
        this.journalDurability = durability;
        return this;
    }

    /** @param on fault the journal's next pages in ahead of its writer, off the order path (default on). @return this.
     */
    public GatewaySettings journalPretouch(final boolean on)
    {
        this.journalPretouch = on;
        return this;
    }

    /** @param file where live counters go (a relative path: under the journal directory), or null. @return this. */
    public GatewaySettings countersFile(final Path file)
    {
        this.countersFile = file;
        return this;
    }

    /** @param polling keep a queue for {@link OrderGateway#poll} (default on). @return this. */
    public GatewaySettings polling(final boolean polling)
    {
        this.polling = polling;
        return this;
    }

    /** @param bytes size of the poll queue, a power of two (default 4 MiB). @return this. */
    public GatewaySettings pollQueueBytes(final int bytes)
    {
        this.pollQueueBytes = bytes;
        return this;
    }

    /** @param listener called for every report on the egress thread, or null for none (the default). @return this. */
    public GatewaySettings listener(final ExecutionReportHandler listener)
    {
        this.listener = listener;
        return this;
    }

    /** @param clock the clock producers stamp events with (default system time). @return this. */
    public GatewaySettings clock(final EpochNanoClock clock)
    {
        this.clock = clock;
        return this;
    }

    /**
     * @param expectedOpenOrders   orders open at once, to presize (default 16384).
     * @param retainFinishedOrders finished orders kept findable for late events (default 65536).
     * @return this.
     */
    public GatewaySettings orderCapacity(final int expectedOpenOrders, final int retainFinishedOrders)
    {
        this.expectedOpenOrders = expectedOpenOrders;
        this.retainFinishedOrders = retainFinishedOrders;
        return this;
    }

    /** @param millis how long close waits for the ring to drain (default 10 s). @return this. */
    public GatewaySettings closeTimeoutMillis(final long millis)
    {
        this.closeTimeoutMillis = millis;
        return this;
    }

    /** @param settings reconciliation while running (default: 60 s, warn, adopt into 999999). @return this. */
    public GatewaySettings reconciliation(final io.ordergateway.core.reconcile.ReconciliationSettings settings)
    {
        this.reconciliation = java.util.Objects.requireNonNull(settings, "reconciliation");
        return this;
    }

    /** @param millis start-up reconciliation's wait per broker (default 45 s: > 5 tries and back-off). @return this. */
    public GatewaySettings reconcileTimeoutMillis(final long millis)
    {
        this.reconcileTimeoutMillis = millis;
        return this;
    }

    /** @param stop true (the default) to refuse to start on differences reconciliation cannot explain. @return this. */
    public GatewaySettings onUnexplainedDifferences(final boolean stop)
    {
        this.stopOnUnexplained = stop;
        return this;
    }

    // ------------------------------------------------------------------ getters

    /** @return the instance id. */
    public String instanceId()
    {
        return instanceId;
    }

    /** @return the instruments, in symbol id order. */
    public List<Instrument> instruments()
    {
        return Collections.unmodifiableList(instruments);
    }

    /** @return the instruments' symbols, in symbol id order. */
    public List<String> symbolNames()
    {
        final List<String> names = new ArrayList<>(instruments.size());
        for (final Instrument instrument : instruments)
        {
            names.add(instrument.symbol());
        }
        return names;
    }

    /** @return the brokers' names, in broker id order. */
    public List<String> brokerNames()
    {
        return Collections.unmodifiableList(brokerNames);
    }

    /** @return the risk limits. */
    public RiskLimits riskLimits()
    {
        return riskLimits;
    }

    /** @return the account throttle's rate per second (0: off). */
    public long accountRatePerSecond()
    {
        return accountRatePerSecond;
    }

    /** @return the account throttle's burst. */
    public long accountBurst()
    {
        return accountBurst;
    }

    /** @return the strategy throttle's rate per second (0: off). */
    public long strategyRatePerSecond()
    {
        return strategyRatePerSecond;
    }

    /** @return the strategy throttle's burst. */
    public long strategyBurst()
    {
        return strategyBurst;
    }

    /** @return the symbol throttle's rate per second (0: off). */
    public long symbolRatePerSecond()
    {
        return symbolRatePerSecond;
    }

    /** @return the symbol throttle's burst. */
    public long symbolBurst()
    {
        return symbolBurst;
    }

    /**
     * @return the routing: the configuration given, else the defaults for the brokers named with the routing policy
     *         given; with {@link #failover(boolean)} and {@link #resumeAfterPause} applied when given.
     */
    public RoutingConfig routing()
    {
        RoutingConfig config = routingConfig != null ? routingConfig
            : RoutingConfig.defaults(Math.max(1, brokerNames.size())).withPolicy(routingPolicy);
        if (failover != null)
        {
            config = config.withAutomaticFailover(failover);
        }
        return resumeAfterPauseGiven ? config.withResumeAfterPause(resumeAfterPause) : config;
    }

    /** @return ring slots. */
    public int ringSize()
    {
        return ringSize;
    }

    /** @return the threading mode. */
    public ThreadingMode threadingMode()
    {
        return threadingMode;
    }

    /** @return the topology. */
    public Topology topology()
    {
        return topology;
    }

    /** @return the wait strategy of stage threads. */
    public WaitStrategyKind waitStrategy()
    {
        return waitStrategy;
    }

    /** @return the journal directory. */
    public Path journalDirectory()
    {
        return journalDirectory;
    }

    /** @return how often the journal starts a new file. */
    public JournalRollCycle journalRollCycle()
    {
        return journalRollCycle;
    }

    /** @return when a journaled record counts as kept. */
    public JournalDurability journalDurability()
    {
        return journalDurability;
    }

    /** @return whether the journal's pages are faulted in ahead of its writer. */
    public boolean journalPretouch()
    {
        return journalPretouch;
    }

    /** @return where live counters are published, or null for none. */
    public Path countersFile()
    {
        return countersFile;
    }

    /** @return whether reports are queued for polling. */
    public boolean polling()
    {
        return polling;
    }

    /** @return the size of the poll queue in bytes. */
    public int pollQueueBytes()
    {
        return pollQueueBytes;
    }

    /** @return the listener, or null. */
    public ExecutionReportHandler listener()
    {
        return listener;
    }

    /** @return the clock. */
    public EpochNanoClock clock()
    {
        return clock;
    }

    /** @return orders open at once, to presize. */
    public int expectedOpenOrders()
    {
        return expectedOpenOrders;
    }

    /** @return finished orders kept findable. */
    public int retainFinishedOrders()
    {
        return retainFinishedOrders;
    }

    /** @return how long close waits for the ring to drain, in milliseconds. */
    public long closeTimeoutMillis()
    {
        return closeTimeoutMillis;
    }

    /** @return how long start-up reconciliation waits for each broker, in milliseconds. */
    public long reconcileTimeoutMillis()
    {
        return reconcileTimeoutMillis;
    }

    /** @return true to refuse to start on differences reconciliation cannot explain. */
    public boolean stopOnUnexplained()
    {
        return stopOnUnexplained;
    }

    /** @return how the gateway reconciles while it runs. */
    public io.ordergateway.core.reconcile.ReconciliationSettings reconciliation()
    {
        return reconciliation;
    }

    /**
     * @param source where the settings come from (for the settings history).
     * @return the part of these settings that can change while the gateway runs.
     */
    public RuntimeSettings runtimeSettings(final String source)
    {
        return new RuntimeSettings(riskLimits, accountRatePerSecond, accountBurst, strategyRatePerSecond, strategyBurst,
            symbolRatePerSecond, symbolBurst, routing().weights(), source);
    }
}
