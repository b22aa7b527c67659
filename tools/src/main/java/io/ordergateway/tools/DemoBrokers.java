package io.ordergateway.tools;

import io.ordergateway.adapters.alpaca.AlpacaBroker;
import io.ordergateway.adapters.alpaca.AlpacaConfig;
import io.ordergateway.testkit.alpaca.AlpacaSimulator;
import io.ordergateway.adapters.sim.SimBroker;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.broker.BrokerStatement;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The brokers a demo trades with: two in-process sim brokers ({@code sim}), an Alpaca-compatible
 * endpoint given by URL ({@code alpaca}, credentials from the environment), or the Alpaca simulator
 * started on a loopback port with the Alpaca adapter in front of it ({@code alpaca-sim}), or the FIX counterparty
 * likewise with the FIX adapter, and a sim broker behind it ({@code fix-sim}). Also
 * writes each broker's statement next to the journal at the end.
 */
final class DemoBrokers implements AutoCloseable
{
    /** Which brokers. */
    enum Kind
    {
        /** Two in-process simulated brokers. */
        SIM,
        /** An Alpaca endpoint (paper by default). */
        ALPACA,
        /** The Alpaca simulator on loopback, through the Alpaca adapter. */
        ALPACA_SIM,
        /** The FIX counterparty on loopback, through the FIX adapter, with a sim broker behind it. */
        FIX_SIM;

        static Kind parse(final String text)
        {
            switch (text.toLowerCase(java.util.Locale.ROOT))
            {
                case "sim": return SIM;
                case "alpaca": return ALPACA;
                case "alpaca-sim": case "alpaca_sim": return ALPACA_SIM;
                case "fix-sim": case "fix_sim": return FIX_SIM;
                default: throw new IllegalArgumentException("--broker must be sim, alpaca, alpaca-sim or fix-sim, not '"
                    + text + "'");
            }
        }
    }

    private final Kind kind;
    private final URI alpacaUrl;
    private final String description;
    private final List<BrokerAdapter> adapters = new ArrayList<>();
    private AlpacaSimulator simulator;
    private io.ordergateway.testkit.fix.FixCounterparty counterparty;

    DemoBrokers(final Kind kind, final Map<String, Long> prices, final long seed, final URI alpacaUrl,
        final boolean live, final java.nio.file.Path journalDir) throws InterruptedException
    {
        this.kind = kind;
        this.alpacaUrl = alpacaUrl;
        this.description = null;
        switch (kind)
        {
            case SIM:
                final SimBrokerConfig common =
                    SimBrokerConfig.defaults("sim").withReferencePrices(prices).withRejectRate(0.005);
                adapters.add(new SimBroker(new
                    SimBrokerConfig("sim-a", prices, 50_000, 20_000, 0.005, 0.2, 3, 1_000_000, 5, seed,
                    common.inboundQueueBytes(), common.capabilities())));
                adapters.add(new SimBroker(new
                    SimBrokerConfig("sim-b", prices, 120_000, 60_000, 0.005, 0.3, 4, 1_000_000, 5, seed + 1,
                    common.inboundQueueBytes(), common.capabilities())));
                break;
            case ALPACA:
                adapters.add(new AlpacaBroker(AlpacaConfig.of("alpaca", alpacaUrl,
                    System.getenv(AlpacaConfig.KEY_VARIABLE), System.getenv(AlpacaConfig.SECRET_VARIABLE), live)));
                break;
            case FIX_SIM:
                // its store next to the journal: a demo continuing a journal goes on with the session's numbers
                counterparty = new io.ordergateway.testkit.fix.FixCounterparty(new
                    io.ordergateway.testkit.fix.FixCounterparty.Config(0, "SIM", "GATEWAY",
                    journalDir.resolve("fix-sim-store"), new ArrayList<>(prices.keySet()), SimBrokerConfig
                    .defaults("fix-sim").withReferencePrices(prices).withRejectRate(0.005).withSeed(seed), null,
                    null));
                adapters.add(new io.ordergateway.adapters.fix.FixBroker(io.ordergateway.adapters.fix.FixConfig.of(
                    "fix-sim", "127.0.0.1", counterparty.port(), "GATEWAY", "SIM").withReconnectSeconds(1)));
                adapters.add(new SimBroker(SimBrokerConfig.defaults("sim-b").withReferencePrices(prices)
                    .withSeed(seed + 1)));
                break;
            default:
                // Credentials made up for this run: the simulator and the adapter share them, nothing is read or
                // printed.
                final String key = "demo-" + Long.toHexString(seed);
                final String secret = java.util.UUID.randomUUID().toString();
                simulator = new AlpacaSimulator(AlpacaSimulator.Config.defaults(new ArrayList<>(prices.keySet()), key,
                    secret)
                    .withEngine(SimBrokerConfig.defaults("alpaca-sim").withReferencePrices(prices).withRejectRate(0.005)
                    .withSeed(seed))
                    .withRateLimit(10_000_000, 60_000)).start(0);
                adapters.add(new AlpacaBroker(AlpacaConfig.of("alpaca-sim", simulator.url(), key, secret)));
                break;
        }
    }

    /**
     * Brokers made elsewhere (from a configuration file).
     *
     * @param adapters    the adapters, in id order.
     * @param description what to call them.
     */
    DemoBrokers(final List<BrokerAdapter> adapters, final String description)
    {
        this.kind = Kind.SIM;
        this.alpacaUrl = null;
        this.description = description;
        this.adapters.addAll(adapters);
    }

    /** @return true when the primary is a sim broker that can be taken down. */
    boolean canFailPrimary()
    {
        return adapters.size() > 1 && adapters.get(0) instanceof SimBroker;
    }

    /**
     * Takes the primary sim broker down.
     *
     * @param nanos for how long.
     */
    void failPrimary(final long nanos)
    {
        ((SimBroker)adapters.get(0)).outage(nanos);
    }

    /** @return the adapters, in broker-id order. */
    List<BrokerAdapter> adapters()
    {
        return adapters;
    }

    /** @return a line saying what the demo trades with. */
    String describe()
    {
        if (description != null)
        {
            return description;
        }
        switch (kind)
        {
            case SIM: return "two simulated brokers";
            case FIX_SIM: return "the FIX counterparty on 127.0.0.1:" + counterparty.port()
                + " through the FIX adapter, and a sim broker behind it";
            case ALPACA: return "Alpaca at " + alpacaUrl + " (key and secret from " + AlpacaConfig.KEY_VARIABLE
                + " and " + AlpacaConfig.SECRET_VARIABLE + ")";
            default: return "the Alpaca simulator at " + simulator.url() + " through the Alpaca adapter";
        }
    }

    /**
     * Waits until every network adapter is connected and caught up.
     *
     * @param seconds how long to wait.
     */
    void awaitHealthy(final long seconds)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (final BrokerAdapter adapter : adapters)
        {
            while (adapter instanceof AlpacaBroker && adapter.health() != BrokerHealth.HEALTHY)
            {
                final String refused = ((AlpacaBroker)adapter).credentialsRefused();
                if (refused != null)
                {
                    throw new IllegalStateException(adapter.name() + ": " + refused); // waiting will not mend it
                }
                if (System.nanoTime() > deadline)
                {
                    throw new IllegalStateException(adapter.name() + " did not become healthy within " + seconds
                        + " s (its stream is not connected: check the URL and the credentials)");
                }
                LockSupport.parkNanos(10_000_000);
            }
        }
    }

    /**
     * Writes {@code statement-<broker>.json} for each broker: sims after they stopped, network brokers
     * by asking them (call before the gateway closes).
     *
     * @param journalDir where to write.
     * @param afterClose true once the gateway has closed.
     * @return the files written.
     * @throws Exception if a broker cannot be asked.
     */
    List<Path> writeStatements(final Path journalDir, final boolean afterClose) throws Exception
    {
        final List<Path> files = new ArrayList<>();
        for (int b = 0; b < adapters.size(); b++)
        {
            final BrokerAdapter adapter = adapters.get(b);
            final boolean sim = adapter instanceof SimBroker;
            if (sim != afterClose)
            {
                continue;
            }
            final BrokerStatement statement;
            try
            {
                statement = sim ? ((SimBroker)adapter).statement(b)
                    : counterparty != null && b == 0 ? counterparty.statement(adapter.name(), b)
                    : adapter.queryStatement(b, 60_000); // reads retry transient faults within this
            }
            catch (final UnsupportedOperationException ex)
            {
                System.out.printf("%s cannot be asked for its positions (%s): reconcile the journal against its own "
                    + "statement (gateway fix-sim --statement FILE writes one)%n", adapter.name(), ex.getMessage());
                continue;
            }
            final Path file = journalDir.resolve("statement-" + adapter.name() + ".json");
            StatementFiles.write(file, statement);
            files.add(file);
        }
        return files;
    }

    @Override
    public void close()
    {
        if (simulator != null)
        {
            simulator.close();
        }
        if (counterparty != null)
        {
            counterparty.close();
        }
    }
}
