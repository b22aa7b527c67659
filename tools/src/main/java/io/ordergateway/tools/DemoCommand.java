package io.ordergateway.tools;

import io.ordergateway.adapters.alpaca.AlpacaConfig;
import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.api.GatewayBuilder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.risk.RiskLimits;
import io.ordergateway.core.metrics.GatewayMetrics;
import io.ordergateway.core.metrics.GatewayMetrics.BrokerCounter;
import io.ordergateway.core.pipeline.Topology;
import io.ordergateway.core.pipeline.WaitStrategyKind;
import io.ordergateway.core.routing.RoutingConfig;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.journal.JournalReader;
import org.HdrHistogram.Histogram;
import io.ordergateway.runtime.config.GatewayConfig;
import io.ordergateway.runtime.launch.GatewayLauncher;
import io.ordergateway.runtime.launch.LaunchedGateway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code gateway demo}: an embedded gateway with two simulated brokers, orders pushed at a fixed
 * rate, then latency, per-broker and position tables.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    header = "Run an embedded gateway against simulated brokers (or Alpaca) and print what happened.",
    description = "Prints the gateway's threads, sends orders at a fixed rate, then prints latency percentiles, a "
    + "per-broker summary, "
        + "the final positions, the routing timeline and where the journal is.")
final class DemoCommand implements Callable<Integer>
{
    private static final Map<String, Long> PRICES = new LinkedHashMap<>();

    /**
     * Per account: 1,000 shares and $250,000 an order, 10% price band, 50,000 shares a symbol, $20m gross, 10,000 open
     * orders.
     */
    private static final RiskLimits DEMO_LIMITS =
        new RiskLimits(FixedPoint.quantity(1_000), FixedPoint.money(250_000), 1_000, FixedPoint.quantity(50_000),
        FixedPoint.money(20_000_000), 10_000);

    static
    {
        PRICES.put("AAPL", 18_725_000_000L);
        PRICES.put("MSFT", 41_000_000_000L);
        PRICES.put("GOOG", 17_550_000_000L);
        PRICES.put("AMZN", 20_510_000_000L);
        PRICES.put("TSLA", 25_080_000_000L);
        PRICES.put("NVDA", 13_540_000_000L);
    }

    private static Map<String, Long> pricesOf(final io.ordergateway.runtime.config.GatewayConfig config)
    {
        final Map<String, Long> prices = new LinkedHashMap<>();
        config.instruments().forEach(i ->
            prices.put(i.symbol(), i.referencePrice() > 0 ? i.referencePrice() : 100 * FixedPoint.PRICE_SCALE));
        return prices;
    }

    /**
     * @return the demo's symbols and reference prices.
     */
    static Map<String, Long> prices()
    {
        return java.util.Collections.unmodifiableMap(PRICES);
    }

    @Option(names = "--orders", paramLabel = "N", description = "Orders to send (default: ${DEFAULT-VALUE}).")
    int orders = 20_000;

    @Option(names = "--rate", paramLabel = "R", description = "Orders per second (default: ${DEFAULT-VALUE}).")
    int rate = 2_000;

    @Option(names = "--journal", paramLabel = "DIR",
        description = "Journal directory (default: demo-journal/<date-time>). An existing journal is continued.")
    Path journal;

    @Option(names = "--threading-mode", paramLabel = "M",
        description = "dedicated (a thread per agent) or shared (the stages, and one thread for every other agent) "
            + "(default: ${DEFAULT-VALUE}).")
    ThreadingMode threadingMode = GatewayBuilder.DEFAULT_THREADING_MODE;

    @Option(names = "--topology", paramLabel = "T",
        description = "single, compact or per_stage (default: ${DEFAULT-VALUE}).")
    Topology topology = GatewayBuilder.DEFAULT_TOPOLOGY;

    @Option(names = "--wait-strategy", paramLabel = "W",
        description = "busy_spin, yielding, backoff or sleeping (default: ${DEFAULT-VALUE}).")
    WaitStrategyKind waitStrategy = GatewayBuilder.DEFAULT_WAIT_STRATEGY;

    @Option(names = "--routing", paramLabel = "P",
        description = "primary_only, round_robin, best_execution, load_balanced or weighted_split "
            + "(default: round_robin; primary_only with --fail-primary-after or a single broker).")
    RoutingPolicy routing;

    @Option(names = "--fail-primary-after", paramLabel = "N",
        description = "Take the primary sim broker down after N orders (it refuses everything for --outage-seconds), "
            + "to watch failover, the recovery probe and traffic returning. Uses short periods: failover after 5 "
            + "failures, probe 2 s after.")
    int failPrimaryAfter;

    @Option(names = "--outage-seconds", paramLabel = "S",
        description = "How long the primary stays down (default: ${DEFAULT-VALUE}).")
    double outageSeconds = 3;

    @Option(names = "--seed", description = "Seed of the orders and the simulated markets (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--invalid-share", paramLabel = "S",
        description = "Share of orders (0 to 1) made malformed or over a risk limit, to see denials (default: "
            + "${DEFAULT-VALUE}).")
    double invalidShare = 0.0;

    @Option(names = "--calendar", paramLabel = "C",
        description = "Market hours of the symbols: 24x7 or us-equities (NYSE hours; outside them orders are denied) "
            + "(default: ${DEFAULT-VALUE}).")
    String calendar = "24x7";

    @Option(names = "--broker", paramLabel = "B",
        description = "sim (two in-process simulated brokers), alpaca (the endpoint of --alpaca-url; key and secret "
            + "from ALPACA_API_KEY and ALPACA_SECRET_KEY), alpaca-sim (the Alpaca simulator on a loopback port, "
            + "through the Alpaca adapter) or fix-sim (the FIX counterparty on a loopback port, through the FIX "
            + "adapter, with a sim broker behind it) (default: ${DEFAULT-VALUE}).")
    String broker = "sim";

    @Option(names = "--alpaca-url", paramLabel = "URL",
        description = "REST base URL of an Alpaca-compatible endpoint (default: ${DEFAULT-VALUE}).")
    URI alpacaUrl = AlpacaConfig.PAPER_URL;

    @Option(names = "--live",
        description = "Allow Alpaca's live endpoint (real money). Without it the live URL is refused.")
    boolean live;

    @Option(names = "--config", paramLabel = "FILE",
        description = "Build the gateway from this YAML configuration (brokers, routing, limits, throttles, "
            + "threading); --journal still overrides its journal directory. See examples/gateway.yaml.")
    Path configFile;

    @Option(names = "--profile", paramLabel = "P",
        description = "With --config: the profile to apply (e.g. production).")
    String profile;

    @Option(names = "--admin-port", paramLabel = "P",
        description = "Serve the admin endpoint on 127.0.0.1:P while the demo runs (/admin/execution-status, "
            + "/admin/brokers, /metrics).")
    int adminPort = -1;

    @Override
    public Integer call() throws Exception
    {
        if (orders < 1 || rate < 1 || rate > 1_000_000)
        {
            throw new IllegalArgumentException("--orders must be at least 1 and --rate between 1 and 1000000 per "
                + "second");
        }
        if (!(invalidShare >= 0 && invalidShare <= 1))
        {
            throw new IllegalArgumentException("--invalid-share must be between 0 and 1, was " + invalidShare);
        }
        final io.ordergateway.runtime.config.GatewayConfig config = configFile == null ? null
            : io.ordergateway.runtime.config.ConfigLoader.load(configFile, profile, System.getenv());
        final Map<String, Long> prices = config == null ? PRICES : pricesOf(config);
        final Path journalDir = (journal != null ? journal : config != null ? config.journal() : Path.of("demo-journal",
            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).toAbsolutePath();
        final PrintStream out = System.out;
        final DemoBrokers brokers = config == null
            ? new DemoBrokers(DemoBrokers.Kind.parse(broker), PRICES, seed, alpacaUrl, live, journalDir)
            : new DemoBrokers(io.ordergateway.runtime.config.ConfiguredGateway.brokers(config), "the brokers of "
            + configFile
                + (profile == null ? "" : " (profile " + profile + ")"));
        if (failPrimaryAfter > 0 && !brokers.canFailPrimary())
        {
            brokers.close();
            throw new IllegalArgumentException("--fail-primary-after needs --broker sim (two simulated brokers)");
        }
        if (threadingMode == ThreadingMode.INVOKER)
        {
            throw new IllegalArgumentException("--threading-mode invoker starts no threads: the demo needs dedicated "
                + "or shared");
        }
        final String routingName = config != null ? config.routing().defaultPolicy().name().toLowerCase()
            : demoPolicy(brokers).name().toLowerCase();
        out.printf("Gateway demo: %,d orders at %,d/s to %s (%s routing)%n", orders, rate, brokers.describe(),
            routingName);
        final LaunchedGateway launched;
        try
        {
            launched = config != null ? launchFromFile(config, brokers, journalDir) : launchBuilt(brokers, journalDir);
            brokers.awaitHealthy(30);
        }
        catch (final RuntimeException | InterruptedException ex)
        {
            brokers.close();
            throw ex;
        }
        final OrderGateway gateway = launched.gateway();
        if (launched.watcher() != null)
        {
            out.printf("Watching %s: risk limits, throttles, weights and enabled brokers apply while it runs%n",
                configFile);
        }
        if (launched.admin() != null)
        {
            out.printf("Admin endpoint: http://127.0.0.1:%d/admin/execution-status, /admin/brokers, /metrics%n",
                launched.admin().port());
        }
        out.printf("Gateway threads (threading mode %s; the demo's main thread is the strategy):%n",
            gateway.threadingMode().name().toLowerCase());
        gateway.threadMap().forEach(line -> out.println("  " + line));
        final DemoStrategy strategy = new DemoStrategy(gateway, prices, seed, invalidShare);
        final int warmUpOrders = Math.min(orders / 10, rate);
        Histogram warmUpSend = null;
        Histogram warmUpAck = null;
        final Progress progress = new Progress(System.err, orders);
        final List<Path> statements = new java.util.ArrayList<>();
        long sendingNanos = 0;
        final long started = System.nanoTime();
        final long interval = 1_000_000_000L / rate;
        try
        {
            for (int i = 0; i < orders; )
            {
                final long planned = started + i * interval;
                long now;
                while ((now = System.nanoTime()) < planned)
                {
                    // Park rather than spin: on a 2-core machine a spinning strategy thread starves the gateway's
                    // threads.
                    if (strategy.poll() == 0 && planned - now > 20_000)
                    {
                        LockSupport.parkNanos(Math.min(planned - now - 10_000, 100_000));
                    }
                }
                if (strategy.submitNext() == SubmitResult.RING_FULL)
                {
                    strategy.poll();
                    continue;
                }
                i++;
                if (i == failPrimaryAfter)
                {
                    brokers.failPrimary((long)(outageSeconds * 1e9));
                    out.printf("%n(order %,d: the primary goes down for %.1f s)%n", i, outageSeconds);
                }
                if (i == warmUpOrders)
                {
                    warmUpSend = gateway.metrics().submitToSend().snapshot();
                    warmUpAck = gateway.metrics().submitToAck().snapshot();
                }
                if (i % 10 == 0)
                {
                    strategy.cancelOne();
                }
                progress.update(i, now - started, strategy.fills());
            }
            sendingNanos = System.nanoTime() - started;
            progress.done(orders, sendingNanos);
            strategy.cancelAll();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (strategy.workingCount() > 0 && System.nanoTime() < deadline)
            {
                if (strategy.poll() == 0)
                {
                    LockSupport.parkNanos(100_000);
                }
            }
            statements.addAll(brokers.writeStatements(journalDir, false));
        }
        finally
        {
            launched.close();
            brokers.close();
        }
        strategy.poll();
        // sending time, not the wait for the last answers
        final long elapsed = sendingNanos > 0 ? sendingNanos : System.nanoTime() - started;
        statements.addAll(brokers.writeStatements(journalDir, true));
        report(out, gateway, strategy, elapsed, journalDir, warmUpOrders, warmUpSend, warmUpAck, statements);
        return 0;
    }

    /**
     * The demo from a configuration file: the runtime's launcher, as an operator's process would start it.
     */
    private LaunchedGateway launchFromFile(final GatewayConfig config, final DemoBrokers brokers, final Path journalDir)
        throws InterruptedException
    {
        final GatewayLauncher launcher =
            GatewayLauncher.fromFile(configFile).profile(profile).loaded(config).brokers(brokers.adapters())
            // continuing a journal: the in-process sim brokers start empty each run
            .customize(b -> b.onUnexplainedDifferences(false)
                .journalDirectory(journalDir));
        if (adminPort >= 0)
        {
            launcher.adminPort(adminPort);
        }
        return launcher.launch();
    }

    /**
     * The demo from its options: the library's builder, as a strategy embedding the gateway would use it.
     */
    private LaunchedGateway launchBuilt(final DemoBrokers brokers, final Path journalDir) throws InterruptedException
    {
        final RoutingPolicy policy = demoPolicy(brokers);
        final long ms = 1_000_000L;
        final RoutingConfig routingConfig = failPrimaryAfter > 0
            ? RoutingConfig.defaults(brokers.adapters().size()).withPolicy(policy)
            .withFailover(5, 1_000 * ms, 2_000 * ms, 10_000 * ms,
                2_000 * ms, 50 * ms)
            : RoutingConfig.defaults(brokers.adapters().size()).withPolicy(policy);
        final GatewayBuilder builder =
            OrderGateway.builder().instanceId("demo").riskLimits(DEMO_LIMITS).routing(routingConfig)
            .threadingMode(threadingMode).topology(topology).waitStrategy(waitStrategy)
            // gateway stat DIR reads them
            .countersFile(Path.of(io.ordergateway.core.metrics.CountersFile.DEFAULT_NAME))
            .onUnexplainedDifferences(false) // continuing a journal: the in-process sim brokers start empty each run
            .journalDirectory(journalDir);
        PRICES.forEach((symbol, price) ->
            builder.instrument(Instrument.of(symbol).withReferencePrice(price).withCalendar(calendar)));
        brokers.adapters().forEach(builder::broker);
        return LaunchedGateway.of(builder.build(), adminPort);
    }

    private RoutingPolicy demoPolicy(final DemoBrokers brokers)
    {
        return routing != null ? routing
            : brokers.adapters().size() == 1 || failPrimaryAfter > 0 ? RoutingPolicy.PRIMARY_ONLY
            : RoutingPolicy.ROUND_ROBIN;
    }

    private void report(
        final PrintStream out, final OrderGateway gateway, final DemoStrategy strategy, final long elapsedNanos,
        final Path journalDir, final int warmUpOrders, final Histogram warmUpSend, final Histogram warmUpAck,
        final List<Path> statements) throws Exception
    {
        final GatewayMetrics m = gateway.metrics();
        out.printf("%nSent %,d orders in %.1f s (%,.0f/s); %,d reports, %,d fills, %,d orders still working at the "
            + "end%s%n", strategy.submitted(), elapsedNanos / 1e9, strategy.submitted() * 1e9 / elapsedNanos,
            strategy.reports(), strategy.fills(), strategy.workingCount(), strategy.ringFull() > 0 ? ", ring full "
            + strategy.ringFull() + " times" : "");

        out.println();
        final Histogram send = m.submitToSend().snapshot();
        final Histogram ack = m.submitToAck().snapshot();
        final LatencyTable latency = new LatencyTable();
        if (warmUpSend != null)
        {
            latency.add("submit -> send", minus(send, warmUpSend)).add("submit -> ack", minus(ack, warmUpAck));
        }
        latency.add("submit -> send, all", send).add("submit -> ack, all", ack).print(out);
        if (warmUpSend != null)
        {
            out.printf("  (the first two rows leave out the first %,d orders: JIT, class loading, first journal "
                + "mapping)%n", warmUpOrders);
        }

        out.println();
        final List<String> names = gateway.brokerNames();
        final io.ordergateway.core.routing.ExecutionStatus status = gateway.executionStatus();
        final TextTable brokers =
            new TextTable("broker", "role", "breaker", "availability", "sent", "acks", "rejects", "failures", "fills",
            "filled qty", "notional", "ack p50 us", "ack p99 us", "1st fill p50 us");
        for (int b = 0; b < names.size(); b++)
        {
            final Histogram brokerAck = m.submitToAck(b).snapshot();
            final Histogram brokerFill = m.submitToFirstFill(b).snapshot();
            final io.ordergateway.core.routing.ExecutionStatus.Broker line = status == null ? null
                : status.brokers().get(b);
            brokers.row(names.get(b), line == null ? "-" : line.role(), line == null ? "-" : line.breaker(),
                line == null ? "-" : String.format("%.1f%%", line.availability() * 100),
                m.get(b, BrokerCounter.SENT), m.get(b, BrokerCounter.ACKNOWLEDGED), m.get(b, BrokerCounter.REJECTED),
                line == null ? "-" : Long.toString(line.failures()),
                m.get(b, BrokerCounter.FILLS), FixedPoint.formatQuantity(m.get(b, BrokerCounter.FILLED_QUANTITY)),
                money(m.get(b, BrokerCounter.FILLED_NOTIONAL)),
                brokerAck.getTotalCount() == 0 ? "-" : LatencyTable.us(brokerAck.getValueAtPercentile(50)),
                brokerAck.getTotalCount() == 0 ? "-" : LatencyTable.us(brokerAck.getValueAtPercentile(99)),
                brokerFill.getTotalCount() == 0 ? "-" : LatencyTable.us(brokerFill.getValueAtPercentile(50)));
        }
        brokers.print(out);

        final TextTable denials = new TextTable("denied by reason", "count", "retryable", "what to do");
        boolean anyDenied = false;
        for (final RejectReason reason : RejectReason.values())
        {
            if (m.deniedCount(reason) > 0)
            {
                denials.row(reason.name(), m.deniedCount(reason), reason.isRetryable() ? "yes" : "no",
                    reason.suggestion());
                anyDenied = true;
            }
        }
        if (anyDenied)
        {
            out.println();
            denials.print(out);
        }

        out.println();
        final PortfolioSnapshot snapshot = gateway.snapshot().get(10, TimeUnit.SECONDS);
        final TextTable positions =
            new TextTable("position", "quantity", "avg price", "realised P&L", "bought", "sold", "by broker");
        for (final String symbol : gateway.symbols().names())
        {
            final PortfolioSnapshot.PositionLine total = snapshot.position(PortfolioSnapshot.TOTAL, symbol);
            final StringBuilder byBroker = new StringBuilder();
            for (int b = 0; b < names.size(); b++)
            {
                byBroker.append(b == 0 ? "" : "  ").append(names.get(b)).append(' ')
                    .append(FixedPoint.formatQuantity(snapshot.position(b, symbol).quantity()));
            }
            positions.row(symbol, FixedPoint.formatQuantity(total.quantity()),
                FixedPoint.formatPrice(total.averagePrice()), money(total.realisedPnl()),
                FixedPoint.formatQuantity(total.boughtQuantity()), FixedPoint.formatQuantity(total.soldQuantity()),
                byBroker);
        }
        positions.print(out);

        long records;
        try (JournalReader reader = new JournalReader(journalDir))
        {
            final long[] count = {0};
            reader.readAll((templateId, buffer, offset, blockLength, version, index) -> count[0]++);
            records = count[0];
        }
        out.printf("%nJournal: %s (%,d records)%nDump it: ./gateway journal dump %s%n", journalDir, records,
            journalDir);
        out.println();
        RoutingTimeline.print(out, journalDir, gateway.brokerNames());
        out.printf("Client order ids sent to more than one broker: %d%n%n",
            RoutingTimeline.idsSentToTwoBrokers(journalDir));
        final StringBuilder reconcile = new StringBuilder("  ./gateway journal reconcile ").append(journalDir);
        statements.forEach(f -> reconcile.append(" --statement ").append(f));
        out.printf("Each broker's statement is next to it: reconcile with%n%s%n", reconcile);
    }

    private static Histogram minus(final Histogram all, final Histogram warmUp)
    {
        final Histogram steady = all.copy();
        steady.subtract(warmUp);
        return steady;
    }

    private static String money(final long amount)
    {
        final long cents = amount / (FixedPoint.PRICE_SCALE / 100);
        return String.format("%,.2f", cents / 100.0);
    }

    /**
     * A progress bar on the terminal (redrawn in place), or a line per quarter when not a terminal.
     */
    private static final class Progress
    {
        private final PrintStream err;
        private final int total;
        private final boolean terminal = System.console() != null;
        private long lastDraw;
        private int lastQuarter;

        Progress(final PrintStream err, final int total)
        {
            this.err = err;
            this.total = total;
        }

        void update(final int done, final long elapsedNanos, final long fills)
        {
            if (terminal)
            {
                if (elapsedNanos - lastDraw >= 100_000_000L)
                {
                    lastDraw = elapsedNanos;
                    err.print("\r" + bar(done, elapsedNanos, fills));
                    err.flush();
                }
            }
            else if (done * 4L / total > lastQuarter)
            {
                lastQuarter = (int)(done * 4L / total);
                err.println(bar(done, elapsedNanos, fills));
            }
        }

        void done(final int done, final long elapsedNanos)
        {
            if (terminal)
            {
                err.print("\r" + bar(done, elapsedNanos, -1) + "\n");
                err.flush();
            }
        }

        private String bar(final int done, final long elapsedNanos, final long fills)
        {
            final int width = 30;
            final int filled = (int)((long)done * width / total);
            final double rate = elapsedNanos > 0 ? done * 1e9 / elapsedNanos : 0;
            return String.format("[%s%s] %3d%%  %,d/%,d orders  %,.0f/s%s", "#".repeat(filled),
                ".".repeat(width - filled), done * 100L / total, done, total, rate, fills >= 0
                ? String.format("  %,d fills", fills) : "");
        }
    }
}
