package io.ordergateway.tools;

import io.ordergateway.core.broker.BrokerAccount;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerAnswers;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.broker.BrokerFill;
import io.ordergateway.core.broker.BrokerOrder;
import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.runtime.config.ConfigLoader;
import io.ordergateway.runtime.config.ConfiguredGateway;
import io.ordergateway.runtime.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * {@code gateway broker account|positions|orders|fills --config FILE}: asks the configured brokers
 * themselves (not the journal) through their adapters, without starting a gateway, and prints what
 * they say. Read-only; credentials come from the configuration's {@code ${ENV}} references and are
 * never printed.
 */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    header = "Ask the configured brokers for their account, positions, orders or fills.",
    description = "Read-only questions through each broker's adapter, without starting a gateway. Exit code 0 when "
        + "every broker asked answered, 2 otherwise.",
    subcommands = {BrokerCommand.Account.class, BrokerCommand.Positions.class, BrokerCommand.Orders.class,
        BrokerCommand.Fills.class, BrokerCommand.Probe.class})
final class BrokerCommand
{
    /** How long one broker's answer may take (its adapter retries transient faults within it). */
    private static final long TIMEOUT_MILLIS = 60_000;

    /**
     * The options every question takes.
     */
    static final class Common
    {
        @Option(names = "--config", required = true, paramLabel = "FILE", description = "The gateway configuration.")
        Path config;

        @Option(names = "--profile", paramLabel = "P", description = "The profile to apply (e.g. production).")
        String profile;

        @Option(names = "--broker", paramLabel = "NAME", description = "Only this broker (default: every one).")
        String broker;

        @Option(names = "--format", paramLabel = "F", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
        OutputFormat format = OutputFormat.TABLE;
    }

    /**
     * The options of questions over a time range.
     */
    static final class Range
    {
        @Option(names = "--from", paramLabel = "TIME", description = "From this time (2026-11-21 or an instant).")
        String from;

        @Option(names = "--to", paramLabel = "TIME", description = "Before this time.")
        String to;

        long fromMillis()
        {
            return from == null ? 0 : TimeArgument.epochNanos(from, "--from") / 1_000_000;
        }

        long toMillis()
        {
            return to == null ? Long.MAX_VALUE : TimeArgument.epochNanos(to, "--to") / 1_000_000;
        }
    }

    /**
     * One broker's question.
     */
    @FunctionalInterface
    private interface Question<T>
    {
        CompletableFuture<T> ask(BrokerAdapter adapter, int brokerId);
    }

    /**
     * Turns one broker's answer into rows.
     */
    @FunctionalInterface
    private interface Rows<T>
    {
        void add(String broker, T answer, List<List<String>> rows);
    }

    private BrokerCommand()
    {
    }

    /**
     * Opens the configured adapters (or the one asked for), asks each, prints the rows, closes them.
     */
    private static <T> int ask(final Common common, final List<String> header, final Question<T> question,
        final Rows<T> rows) throws Exception
    {
        final GatewayConfig config = ConfigLoader.load(common.config, common.profile, System.getenv());
        final List<BrokerAdapter> adapters = ConfiguredGateway.brokers(config);
        final List<String> names = adapters.stream().map(BrokerAdapter::name).toList();
        if (common.broker != null && !names.contains(common.broker))
        {
            throw new IllegalArgumentException("--broker: no broker '" + common.broker + "' in " + common.config
                + "; it has " + names);
        }
        final SymbolTable symbols = new SymbolTable(config.instruments().stream().map(i -> i.symbol()).toList());
        final ClientOrderIds ids = new ClientOrderIds(config.instanceId());
        final List<List<String>> out = new ArrayList<>();
        int failed = 0;
        for (int b = 0; b < adapters.size(); b++)
        {
            final BrokerAdapter adapter = adapters.get(b);
            if (common.broker != null && !common.broker.equals(adapter.name()))
            {
                continue;
            }
            try
            {
                adapter.open(BrokerContext.standalone(b, NO_EVENTS, symbols, ids));
                rows.add(adapter.name(), BrokerAnswers.await(question.ask(adapter, b), TIMEOUT_MILLIS,
                    adapter.name()), out);
            }
            catch (final UnsupportedOperationException | IllegalStateException | java.util.concurrent
                .TimeoutException ex)
            {
                failed++;
                final String message = String.valueOf(ex.getMessage());
                System.err.println(message.contains(adapter.name()) ? message : adapter.name() + ": " + message);
            }
            finally
            {
                adapter.disconnect();
            }
        }
        if (!out.isEmpty() || failed == 0)
        {
            common.format.print(System.out, header, out);
        }
        return failed == 0 ? 0 : 2;
    }

    private static String money(final long value)
    {
        return value == FixedPoint.NULL ? "" : FixedPoint.formatPrice(value);
    }

    private static String price(final long value)
    {
        return value == FixedPoint.NULL ? "" : FixedPoint.formatPrice(value);
    }

    /** The account's money. */
    @Command(name = "account", mixinStandardHelpOptions = true, header = "Cash, buying power and equity.")
    static final class Account implements Callable<Integer>
    {
        @Mixin
        Common common = new Common();

        @Override
        public Integer call() throws Exception
        {
            return ask(common, List.of("broker", "account", "currency", "cash", "buying power", "equity"),
                (a, b) -> a.askAccount(), (String broker, BrokerAccount a, List<List<String>> rows) ->
                rows.add(List.of(broker, a.accountNumber(), a.currency(), money(a.cash()), money(a.buyingPower()),
                money(a.equity()))));
        }
    }

    /** The positions. */
    @Command(name = "positions", mixinStandardHelpOptions = true, header = "Positions, signed.")
    static final class Positions implements Callable<Integer>
    {
        @Mixin
        Common common = new Common();

        @Override
        public Integer call() throws Exception
        {
            return ask(common, List.of("broker", "symbol", "quantity"), BrokerAdapter::askStatement,
                (String broker, BrokerStatement s, List<List<String>> rows) -> s.positions().forEach(p ->
                rows.add(List.of(broker, p.symbol(), FixedPoint.formatQuantity(p.quantity())))));
        }
    }

    /** Orders, open or closed, by time. */
    @Command(name = "orders", mixinStandardHelpOptions = true, header = "Orders at the broker, oldest first.")
    static final class Orders implements Callable<Integer>
    {
        @Mixin
        Common common = new Common();

        @Mixin
        Range range = new Range();

        @Option(names = "--status", paramLabel = "S", description = "open, closed or all (default: ${DEFAULT-VALUE}).")
        BrokerOrder.Listing status = BrokerOrder.Listing.ALL;

        @Override
        public Integer call() throws Exception
        {
            final long from = range.fromMillis();
            final long to = range.toMillis();
            return ask(common, List.of("broker", "submitted", "client order id", "symbol", "side", "type", "state",
                "quantity", "filled", "avg price", "limit"), (a, b) -> a.askOrders(status, from, to),
                (String broker, List<BrokerOrder> orders, List<List<String>> rows) -> orders.forEach(o ->
                rows.add(List.of(broker, o.submittedAt(), o.clientOrderId(), o.symbol(),
                o.side().name().toLowerCase(Locale.ROOT), o.type(), o.state().name(),
                FixedPoint.formatQuantity(o.quantity()), FixedPoint.formatQuantity(o.filled()),
                price(o.averagePrice()), price(o.limitPrice())))));
        }
    }

    /** Executions by time. */
    @Command(name = "fills", mixinStandardHelpOptions = true, header = "Executions at the broker, oldest first.")
    static final class Fills implements Callable<Integer>
    {
        @Mixin
        Common common = new Common();

        @Mixin
        Range range = new Range();

        @Override
        public Integer call() throws Exception
        {
            final long from = range.fromMillis();
            final long to = range.toMillis();
            return ask(common, List.of("broker", "time", "symbol", "side", "quantity", "price", "execution id",
                "broker order id"), (a, b) -> a.askFills(from, to),
                (String broker, List<BrokerFill> fills, List<List<String>> rows) -> fills.forEach(f ->
                rows.add(List.of(broker, f.time(), f.symbol(), f.side().name().toLowerCase(Locale.ROOT),
                FixedPoint.formatQuantity(f.quantity()), price(f.price()), f.executionId(), f.brokerOrderId()))));
        }
    }

    /** What a paper broker really accepts, by test orders. */
    @Command(name = "probe", mixinStandardHelpOptions = true,
        header = "Send test orders to a PAPER broker to find out which order types and times in force it accepts.",
        description = "For limit, stop and stop-limit orders in each time in force: one buy of one share priced far "
            + "from the market (limit at half the reference price, stop at twice it), cancelled as soon as the broker "
            + "takes it. Refused on anything but a paper account or simulator. Prints the results and the "
            + "capabilities: line to put in the configuration.")
    static final class Probe implements Callable<Integer>
    {
        @Option(names = "--config", required = true, paramLabel = "FILE", description = "The gateway configuration.")
        Path config;

        @Option(names = "--profile", paramLabel = "P", description = "The profile to apply.")
        String profile;

        @Option(names = "--broker", required = true, paramLabel = "NAME", description = "The (paper) broker to probe.")
        String broker;

        @Option(names = "--symbol", paramLabel = "S", description = "The symbol (default: the first instrument).")
        String symbol;

        @Override
        public Integer call() throws Exception
        {
            final GatewayConfig loaded = ConfigLoader.load(config, profile, System.getenv());
            final List<BrokerAdapter> adapters = ConfiguredGateway.brokers(loaded);
            final List<String> names = adapters.stream().map(BrokerAdapter::name).toList();
            final int b = names.indexOf(broker);
            if (b < 0)
            {
                throw new IllegalArgumentException("--broker: no broker '" + broker + "' in " + config + "; it has "
                    + names);
            }
            final io.ordergateway.core.domain.Instrument instrument = loaded.instruments().stream()
                .filter(i -> symbol == null || i.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--symbol: '" + symbol + "' is not an instrument of "
                + config));
            if (instrument.referencePrice() <= 0)
            {
                throw new IllegalArgumentException("--symbol: " + instrument.symbol() + " has no referencePrice in "
                    + config + ": the test orders are priced from it");
            }
            final List<CapabilityProbe.Result> results = CapabilityProbe.run(adapters.get(b), b, new SymbolTable(
                loaded.instruments().stream().map(i -> i.symbol()).toList()), instrument.symbol(),
                instrument.referencePrice());
            final List<List<String>> rows = new ArrayList<>();
            results.forEach(r -> rows.add(List.of(r.type().name().toLowerCase(Locale.ROOT),
                r.tif().name().toLowerCase(Locale.ROOT), r.outcome())));
            OutputFormat.TABLE.print(System.out, List.of("type", "time in force", "outcome"), rows);
            System.out.println();
            System.out.println(CapabilityProbe.capabilitiesLine(results));
            return 0;
        }
    }

    /** The adapters are only asked: anything they would report goes nowhere. */
    private static final BrokerEventSink NO_EVENTS = new BrokerEventSink()
    {
        @Override
        public void acknowledged(final long orderId, final long brokerOrderId)
        {
        }

        @Override
        public void rejected(final long orderId, final CommandKind command, final RejectReason reason,
            final int brokerCode)
        {
        }

        @Override
        public void filled(final long orderId, final long fillId, final long quantity, final long price)
        {
        }

        @Override
        public void canceled(final long orderId)
        {
        }

        @Override
        public void replaced(final long orderId, final long quantity, final long limitPrice, final long stopPrice)
        {
        }

        @Override
        public void expired(final long orderId)
        {
        }
    };
}
