package io.ordergateway.core.api;

import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.calendar.MarketCalendars;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.pipeline.Topology;
import io.ordergateway.core.pipeline.WaitStrategyKind;
import io.ordergateway.core.risk.RiskLimits;
import io.ordergateway.core.routing.RoutingConfig;
import io.ordergateway.core.routing.RoutingPolicy;
import org.agrona.BitUtil;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and starts an {@link OrderGateway}: {@code OrderGateway.builder()}. Every setting has a default except the brokers and
 * symbols.
 */
public final class GatewayBuilder
{
    /** The default threading mode: the stages on their thread, every other agent on one more (see the README's threading section). */
    public static final ThreadingMode DEFAULT_THREADING_MODE = ThreadingMode.SHARED;
    /** The default topology: every stage on one thread. */
    public static final Topology DEFAULT_TOPOLOGY = Topology.SINGLE;
    /** How stage threads wait by default: spin, yielding the core to any other runnable thread. */
    public static final WaitStrategyKind DEFAULT_WAIT_STRATEGY = WaitStrategyKind.YIELDING;

    String instanceId = "gw1";
    final List<Instrument> instruments = new ArrayList<>();
    RiskLimits riskLimits = RiskLimits.NONE;
    long strategyRatePerSecond;
    long strategyBurst = 1;
    long symbolRatePerSecond;
    long symbolBurst = 1;
    final List<BrokerAdapter> brokers = new ArrayList<>();
    Path journalDirectory = Path.of("journal");
    ThreadingMode threadingMode = DEFAULT_THREADING_MODE;
    Topology topology = DEFAULT_TOPOLOGY;
    WaitStrategyKind waitStrategy = DEFAULT_WAIT_STRATEGY;
    int ringSize = 1 << 14;
    RoutingPolicy routingPolicy = RoutingPolicy.PRIMARY_ONLY;
    RoutingConfig routingConfig;
    String rollCycle = "daily";
    Path countersFile;
    long accountRatePerSecond;
    long accountBurst = 1;
    boolean polling = true;
    int pollQueueBytes = 1 << 22;
    ExecutionReportHandler listener;
    EpochNanoClock clock = new OffsetEpochNanoClock();
    int expectedOpenOrders = 1 << 14;
    int retainFinishedOrders = 1 << 16;
    long closeTimeoutMillis = 10_000;
    long reconcileTimeoutMillis = 5_000;
    boolean stopOnUnexplained = true;

    GatewayBuilder()
    {
    }

    /** @param instanceId names this gateway in client order ids and thread names (default gw1). @return this. */
    public GatewayBuilder instanceId(final String instanceId)
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
    public GatewayBuilder symbols(final String... symbols)
    {
        for (final String symbol : symbols)
        {
            instruments.add(Instrument.of(symbol));
        }
        return this;
    }

    /** @param instrument an instrument with its rules; ids follow the order instruments are added. @return this. */
    public GatewayBuilder instrument(final Instrument instrument)
    {
        instruments.add(instrument);
        return this;
    }

    /** @param limits pre-trade risk limits per account (default none). @return this. */
    public GatewayBuilder riskLimits(final RiskLimits limits)
    {
        this.riskLimits = limits;
        return this;
    }

    /**
     * @param ratePerSecond orders per second per strategy (0, the default, turns it off).
     * @param burst         orders a strategy may send at once.
     * @return this.
     */
    public GatewayBuilder strategyRateLimit(final long ratePerSecond, final long burst)
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
    public GatewayBuilder symbolRateLimit(final long ratePerSecond, final long burst)
    {
        this.symbolRatePerSecond = ratePerSecond;
        this.symbolBurst = burst;
        return this;
    }

    List<String> symbolNames()
    {
        final List<String> names = new ArrayList<>(instruments.size());
        for (final Instrument instrument : instruments)
        {
            names.add(instrument.symbol());
        }
        return names;
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
        this.journalDirectory = directory;
        return this;
    }

    /**
     * @param mode how agents are put on threads (default SHARED: the stages on their thread, every other agent on one
     *             more); INVOKER starts no thread and the caller drives {@link OrderGateway#invoker()}.
     * @return this.
     */
    public GatewayBuilder threadingMode(final ThreadingMode mode)
    {
        this.threadingMode = mode;
        return this;
    }

    /** @param topology how stages are grouped onto threads (default single: one thread for every stage). @return this. */
    public GatewayBuilder topology(final Topology topology)
    {
        this.topology = topology;
        return this;
    }

    /** @param waitStrategy how stage threads wait when idle (default yielding). @return this. */
    public GatewayBuilder waitStrategy(final WaitStrategyKind waitStrategy)
    {
        this.waitStrategy = waitStrategy;
        return this;
    }

    /**
     * @param file where to publish live counters for {@code gateway stat} (a relative path is under the journal
     *             directory; default none).
     * @return this.
     */
    public GatewayBuilder countersFile(final Path file)
    {
        this.countersFile = file;
        return this;
    }

    /** @param cycle how often the journal starts a new file: daily (default) or hourly. @return this. */
    public GatewayBuilder journalRollCycle(final String cycle)
    {
        this.rollCycle = cycle;
        return this;
    }

    /** @param ringSize ring slots, a power of two (default 16384). @return this. */
    public GatewayBuilder ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    /** @param policy how new orders pick a broker (default primary only), everything else default. @return this. */
    public GatewayBuilder routing(final RoutingPolicy policy)
    {
        this.routingPolicy = policy;
        return this;
    }

    /**
     * @param config policies per account and symbol, the failover chain, thresholds, periods, weights, costs and API
     *               budgets (default: {@link RoutingConfig#defaults} with the policy of {@link #routing(RoutingPolicy)}).
     * @return this.
     */
    public GatewayBuilder routing(final RoutingConfig config)
    {
        this.routingConfig = config;
        return this;
    }

    /**
     * @param ratePerSecond orders per second per account (0, the default, turns throttling off).
     * @param burst         orders an account may send at once.
     * @return this.
     */
    public GatewayBuilder accountRateLimit(final long ratePerSecond, final long burst)
    {
        this.accountRatePerSecond = ratePerSecond;
        this.accountBurst = burst;
        return this;
    }

    /** @param polling keep a queue for {@link OrderGateway#poll} (default on). @return this. */
    public GatewayBuilder polling(final boolean polling)
    {
        this.polling = polling;
        return this;
    }

    /** @param bytes size of the poll queue, a power of two (default 4 MiB, about 37,000 reports). @return this. */
    public GatewayBuilder pollQueueBytes(final int bytes)
    {
        this.pollQueueBytes = bytes;
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
        this.listener = listener;
        return this;
    }

    /** @param clock the clock producers stamp events with (default system time; tests pass their own). @return this. */
    public GatewayBuilder clock(final EpochNanoClock clock)
    {
        this.clock = clock;
        return this;
    }

    /**
     * @param expectedOpenOrders   orders open at once, to presize (default 16384).
     * @param retainFinishedOrders finished orders kept findable for late events (default 65536).
     * @return this.
     */
    public GatewayBuilder orderCapacity(final int expectedOpenOrders, final int retainFinishedOrders)
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
    public GatewayBuilder onUnexplainedDifferences(final boolean stop)
    {
        this.stopOnUnexplained = stop;
        return this;
    }

    /** @param millis how long start-up reconciliation waits for each broker's answer (default 5 s). @return this. */
    public GatewayBuilder reconcileTimeoutMillis(final long millis)
    {
        this.reconcileTimeoutMillis = millis;
        return this;
    }

    /** @param millis how long close waits for the ring to drain (default 10 s). @return this. */
    public GatewayBuilder closeTimeoutMillis(final long millis)
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
        if (threadingMode == null || topology == null || waitStrategy == null)
        {
            errors.add("threading: threadingMode, topology and waitStrategy are required");
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
        return new OrderGateway(new GatewayAssembly(this));
    }
}
