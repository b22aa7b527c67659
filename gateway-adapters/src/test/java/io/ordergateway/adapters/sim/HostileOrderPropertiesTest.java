package io.ordergateway.adapters.sim;

import io.ordergateway.core.api.ExecutionReport;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.metrics.GatewayMetrics;
import io.ordergateway.core.risk.RiskLimits;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.journal.FixedPoint;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and hostile commands (extreme and negative numbers, overflowing scaled longs, unknown
 * symbols, missing enums, every illegal combination of fields, cancels and replaces of real and
 * invented orders) thrown at a running gateway with two simulated brokers. After every try:
 * each accepted command got exactly one outcome (SENT or DENIED with a standard reason), no stage
 * threw, the pipeline still takes a good order, and orders, positions and account exposure agree.
 * Tries: {@code jqwik.tries.default} (150 in the suite; see junit-platform.properties for a long run).
 */
class HostileOrderPropertiesTest
{
    private static final long REF = 18_725_000_000L;
    private static Path journal;
    private static OrderGateway gateway;
    private static final List<Long> knownOrders = new ArrayList<>();
    private static int goodOrders;

    sealed interface Action permits NewAction, CancelAction, ReplaceAction
    {
    }

    record NewAction(int account, int strategy, int symbol, Side side, OrderType type, TimeInForce tif,
        OrderClass orderClass,
                     long quantity, long limit, long stop, long trailPrice, long trailPercent, long takeProfit,
                     long stopLoss, long stopLossLimit, boolean extendedHours) implements Action
    {
    }

    record CancelAction(int knownIndex, long invented, boolean useKnown) implements Action
    {
    }

    record ReplaceAction(int knownIndex, long invented, boolean useKnown, long quantity, long limit) implements Action
    {
    }

    @BeforeContainer
    static void start() throws IOException
    {
        journal = Files.createTempDirectory("hostile-journal");
        final SimBrokerConfig sim = SimBrokerConfig.defaults("sim")
            .withReferencePrices(Map.of("AAPL", REF, "PENNY", 50_000_000L, "FRAC", 10_000_000_000L))
            .withLatency(0, 0).withRejectRate(0.05).withPartialFills(0.3, 3).withPriceMoves(1_000_000, 30);
        gateway = OrderGateway.builder()
            .instrument(Instrument.of("AAPL").withReferencePrice(REF))
            .instrument(Instrument.of("PENNY").withReferencePrice(50_000_000L))
            .instrument(Instrument.of("FRAC").withReferencePrice(10_000_000_000L)
                .withQuantities(FixedPoint.QUANTITY_SCALE, 1, FixedPoint.quantity(100_000), true))
            .broker(new SimBroker(sim.withSeed(1)))
            .broker(new SimBroker(sim.withSeed(2)))
            .routing(RoutingPolicy.ROUND_ROBIN)
            .riskLimits(new RiskLimits(FixedPoint.quantity(50_000), FixedPoint.money(5_000_000), 1_000,
                FixedPoint.quantity(200_000), 0, 400))
            .accountRateLimit(1_000_000, 100_000)
            .journalDirectory(journal)
            .build();
    }

    @AfterContainer
    static void stop() throws IOException
    {
        gateway.close();
        try (Stream<Path> files = Files.walk(journal))
        {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property
    void everyCommandEndsSentOrDeniedWithAStandardReasonAndStateStaysConsistent(@ForAll("actions") final List<Action>
        actions) throws Exception
    {
        final NewOrder order = new NewOrder();
        int expectedOutcomes = 0;
        for (final Action action : actions)
        {
            SubmitResult result;
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            do
            {
                result = submit(action, order);
                if (result == SubmitResult.RING_FULL)
                {
                    drain();
                }
            }
            while (result == SubmitResult.RING_FULL && System.nanoTime() < deadline);
            assertThat(result).isEqualTo(SubmitResult.ACCEPTED);
            expectedOutcomes++;
            if (action instanceof NewAction)
            {
                knownOrders.add(order.orderId());
            }
        }
        awaitOutcomes(expectedOutcomes);
        assertThat(gateway.metrics().get(GatewayMetrics.Counter.STAGE_ERRORS)).as("exceptions contained in stages")
            .isZero();

        // The pipeline still takes a good order (from a spare account: earlier tries may have used up an account's
        // limits).
        order.reset().account(1_000_000 + goodOrders++ % 100).symbol(0).side(Side.BUY).type(OrderType.MARKET)
            .quantity(FixedPoint.quantity(1));
        assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
        knownOrders.add(order.orderId());
        final List<ReportType> good = awaitOutcomes(1);
        assertThat(good).containsExactly(ReportType.SENT);

        assertConsistent(gateway.snapshot().get(10, TimeUnit.SECONDS));
    }

    private static SubmitResult submit(final Action action, final NewOrder order)
    {
        if (action instanceof NewAction a)
        {
            order.reset().account(a.account()).strategy(a.strategy()).symbol(a.symbol()).side(a.side()).type(a.type())
                .timeInForce(a.tif()).orderClass(a.orderClass()).quantity(a.quantity()).limitPrice(a.limit())
                .stopPrice(a.stop())
                .trailPrice(a.trailPrice()).trailPercent(a.trailPercent()).takeProfit(a.takeProfit())
                .stopLoss(a.stopLoss(), a.stopLossLimit()).extendedHours(a.extendedHours());
            return gateway.submit(order);
        }
        if (action instanceof CancelAction c)
        {
            return gateway.cancel(target(c.useKnown(), c.knownIndex(), c.invented()));
        }
        final ReplaceAction r = (ReplaceAction)action;
        return gateway.replace(target(r.useKnown(), r.knownIndex(), r.invented()), r.quantity(), r.limit(),
            FixedPoint.NULL);
    }

    private static long target(final boolean useKnown, final int index, final long invented)
    {
        return useKnown && !knownOrders.isEmpty() ? knownOrders.get(Math.floorMod(index, knownOrders.size()))
            : invented;
    }

    /**
     * Polls until this many command outcomes (SENT or DENIED) arrived; checks each denial has a reason.
     */
    private static List<ReportType> awaitOutcomes(final int expected)
    {
        final List<ReportType> outcomes = new ArrayList<>();
        io.ordergateway.core.testing.Await.until(expected + " command outcomes", () ->
        {
            gateway.poll(r -> outcome(r, outcomes), 1024);
            return outcomes.size() >= expected;
        }, java.time.Duration.ofSeconds(20));
        assertThat(outcomes).as("one outcome per accepted command").hasSize(expected);
        return outcomes;
    }

    private static void outcome(final ExecutionReport r, final List<ReportType> outcomes)
    {
        if (r.type() == ReportType.SENT || r.type() == ReportType.DENIED)
        {
            outcomes.add(r.type());
            if (r.type() == ReportType.DENIED)
            {
                assertThat(r.rejectReason()).as(r.toString()).isNotNull();
            }
        }
        else if (r.type() == ReportType.REJECTED)
        {
            assertThat(r.rejectReason()).as(r.toString()).isNotNull();
        }
    }

    private static void drain()
    {
        gateway.poll(r -> { }, 1024); // outcomes drained here are not counted: only when the ring was full
    }

    private static void assertConsistent(final PortfolioSnapshot snapshot)
    {
        final Map<String, Long> totals = new HashMap<>();
        final Map<String, Long> byBrokers = new HashMap<>();
        for (final PortfolioSnapshot.PositionLine line : snapshot.positions())
        {
            (line.brokerId() == PortfolioSnapshot.TOTAL ? totals : byBrokers)
                .merge(line.symbol(), line.quantity(), Long::sum);
        }
        final Map<String, Long> byAccounts = new HashMap<>();
        final Map<Integer, Integer> openByAccount = new HashMap<>();
        final Map<String, Long> openFromOrders = new HashMap<>();
        for (final PortfolioSnapshot.OrderLine o : snapshot.openOrders())
        {
            assertThat(o.state().isTerminal()).isFalse();
            assertThat(o.cumQuantity()).isBetween(0L, o.quantity());
            openByAccount.merge(o.accountId(), 1, Integer::sum);
            openFromOrders.merge(o.accountId() + "/" + o.symbol() + "/" + o.side(), o.quantity() - o.cumQuantity(),
                Long::sum);
        }
        final Map<String, Long> openFromAccounts = new HashMap<>();
        for (final PortfolioSnapshot.AccountLine a : snapshot.accounts())
        {
            a.positions().forEach((symbol, qty) -> byAccounts.merge(symbol, qty, Long::sum));
            assertThat(a.openOrders()).as("open orders of account %d", a.accountId())
                .isEqualTo(openByAccount.getOrDefault(a.accountId(), 0));
            a.openBuy().forEach((symbol, qty) ->
                openFromAccounts.put(a.accountId() + "/" + symbol + "/" + Side.BUY, qty));
            a.openSell().forEach((symbol, qty) ->
                openFromAccounts.put(a.accountId() + "/" + symbol + "/" + Side.SELL, qty));
        }
        openFromOrders.values().removeIf(qty -> qty == 0);
        assertThat(openFromAccounts).as("open quantity per account, symbol and side: account book vs open orders")
            .isEqualTo(openFromOrders);
        totals.forEach((symbol, qty) ->
        {
            assertThat(byBrokers.getOrDefault(symbol, 0L)).as("brokers' positions add up for %s", symbol)
                .isEqualTo(qty);
            assertThat(byAccounts.getOrDefault(symbol, 0L)).as("accounts' positions add up for %s", symbol)
                .isEqualTo(qty);
        });
    }

    @Provide
    Arbitrary<List<Action>> actions()
    {
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, newOrders().map(a -> (Action)a)),
            net.jqwik.api.Tuple.of(1, cancels().map(a -> (Action)a)),
            net.jqwik.api.Tuple.of(1, replaces().map(a -> (Action)a))).list().ofMinSize(1).ofMaxSize(40);
    }

    private static final long[] REFERENCE = {REF, 50_000_000L, 10_000_000_000L};

    private static Arbitrary<Long> prices()
    {
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.just(FixedPoint.NULL)),
            net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(-200, 200).map(cents -> REF + cents * 1_000_000L)),
            net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(1, 200_000_000L)),
            net.jqwik.api.Tuple.of(2, Arbitraries.longs()));
    }

    private static Arbitrary<Long> quantities()
    {
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(1, 500).map(FixedPoint::quantity)),
            net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(1, 3_000_000_000L)),
            net.jqwik.api.Tuple.of(2, Arbitraries.longs()));
    }

    /**
     * Half the orders are well formed; the rest are well formed orders with one to three fields
     * replaced by hostile values (any long, any int, null enums), so denials of every kind mix with
     * orders that reach risk, the brokers and the books.
     */
    private static Arbitrary<NewAction> newOrders()
    {
        return wellFormed().flatMap(order -> Arbitraries.integers().between(0, 3).flatMap(
            count -> mutation().list().ofSize(count).map(mutations ->
            {
                NewAction mutated = order;
                for (final long[] m : mutations)
                {
                    mutated = mutate(mutated, (int)m[0], m[1]);
                }
                return mutated;
            })));
    }

    private static Arbitrary<long[]> mutation()
    {
        return Combinators.combine(Arbitraries.integers().between(0, 15), Arbitraries.oneOf(Arbitraries.longs(),
            Arbitraries.of(FixedPoint.NULL, 0L, -1L, Long.MAX_VALUE, 1L, (long)Integer.MIN_VALUE)))
            .as((f, v) -> new long[] {f, v});
    }

    private static Arbitrary<NewAction> wellFormed()
    {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(Side.class),
                Arbitraries.of(OrderType.MARKET, OrderType.MARKET, OrderType.LIMIT, OrderType.LIMIT, OrderType.STOP,
                OrderType.STOP_LIMIT,
                    OrderType.TRAILING_STOP),
                Arbitraries.integers().between(-300, 300), Arbitraries.longs().between(1, 500),
                Arbitraries.integers().between(1, 4), Arbitraries.of(TimeInForce.DAY, TimeInForce.GTC, TimeInForce.IOC))
            .as((symbol, side, type, offsetBps, units, account, tif) ->
            {
                final long ref = REFERENCE[symbol];
                final long tick = symbol == 1 ? 10_000L : 1_000_000L;
                long price = ref + ref / 10_000 * offsetBps;
                price -= price % tick;
                final boolean hasLimit = type == OrderType.LIMIT || type == OrderType.STOP_LIMIT;
                final boolean hasStop = type == OrderType.STOP || type == OrderType.STOP_LIMIT;
                final boolean resting = type != OrderType.MARKET && type != OrderType.LIMIT;
                return new NewAction(account, account, symbol, side, type, resting ? TimeInForce.GTC : tif,
                    OrderClass.SIMPLE, FixedPoint.quantity(units), hasLimit ? price : FixedPoint.NULL, hasStop ? price
                    : FixedPoint.NULL, FixedPoint.NULL, type == OrderType.TRAILING_STOP ? 100_000_000L
                    : FixedPoint.NULL, FixedPoint.NULL, FixedPoint.NULL, FixedPoint.NULL, false);
            });
    }

    private static NewAction mutate(final NewAction a, final int field, final long v)
    {
        final int i = (int)v;
        switch (field)
        {
            case 0: return new NewAction(i, a.strategy(), a.symbol(), a.side(), a.type(), a.tif(), a.orderClass(),
                a.quantity(), a.limit(), a.stop(), a.trailPrice(), a.trailPercent(), a.takeProfit(), a.stopLoss(),
                a.stopLossLimit(), a.extendedHours());
            case 1: return new NewAction(a.account(), a.strategy(), i, a.side(), a.type(), a.tif(), a.orderClass(),
                a.quantity(), a.limit(), a.stop(), a.trailPrice(), a.trailPercent(), a.takeProfit(), a.stopLoss(),
                a.stopLossLimit(), a.extendedHours());
            case 2: return new NewAction(a.account(), a.strategy(), a.symbol(), v < 0 ? null : a.side(), a.type(),
                a.tif(), a.orderClass(), a.quantity(), a.limit(), a.stop(), a.trailPrice(), a.trailPercent(),
                a.takeProfit(), a.stopLoss(), a.stopLossLimit(), a.extendedHours());
            case 3: return new NewAction(a.account(), a.strategy(), a.symbol(), a.side(), pick(OrderType.values(), v),
                a.tif(), a.orderClass(), a.quantity(), a.limit(), a.stop(), a.trailPrice(), a.trailPercent(),
                a.takeProfit(), a.stopLoss(), a.stopLossLimit(), a.extendedHours());
            case 4: return new NewAction(a.account(), a.strategy(), a.symbol(), a.side(), a.type(),
                pick(TimeInForce.values(), v), a.orderClass(), a.quantity(), a.limit(), a.stop(), a.trailPrice(),
                a.trailPercent(), a.takeProfit(), a.stopLoss(), a.stopLossLimit(), a.extendedHours());
            case 5: return new NewAction(a.account(), a.strategy(), a.symbol(), a.side(), a.type(), a.tif(),
                pick(OrderClass.values(), v), a.quantity(), a.limit(), a.stop(), a.trailPrice(), a.trailPercent(),
                a.takeProfit(), a.stopLoss(), a.stopLossLimit(), a.extendedHours());
            case 6: return new NewAction(a.account(), a.strategy(), a.symbol(), a.side(), a.type(), a.tif(),
                a.orderClass(), v, a.limit(), a.stop(), a.trailPrice(), a.trailPercent(), a.takeProfit(), a.stopLoss(),
                a.stopLossLimit(), a.extendedHours());
            case 7: return new NewAction(a.account(), a.strategy(), a.symbol(), a.side(), a.type(), a.tif(),
                a.orderClass(), a.quantity(), v, a.stop(), a.trailPrice(), a.trailPercent(), a.takeProfit(),
                a.stopLoss(), a.stopLossLimit(), a.extendedHours());
            case 8: return new NewAction(a.account(), a.strategy(), a.symbol(), a.side(), a.type(), a.tif(),
                a.orderClass(), a.quantity(), a.limit(), v, a.trailPrice(), a.trailPercent(), a.takeProfit(),
                a.stopLoss(), a.stopLossLimit(), a.extendedHours());
            case 9: return new NewAction(a.account(), a.strategy(), a.symbol(), a.side(), a.type(), a.tif(),
                a.orderClass(), a.quantity(), a.limit(), a.stop(), v, a.trailPercent(), a.takeProfit(), a.stopLoss(),
                a.stopLossLimit(), a.extendedHours());
            case 10: return new NewAction(a.account(), a.strategy(), a.symbol(), a.side(), a.type(), a.tif(),
                a.orderClass(), a.quantity(), a.limit(), a.stop(), a.trailPrice(), v, a.takeProfit(), a.stopLoss(),
                a.stopLossLimit(), a.extendedHours());
            case 11: return new NewAction(a.account(), a.strategy(), a.symbol(), a.side(), a.type(), a.tif(),
                a.orderClass(), a.quantity(), a.limit(), a.stop(), a.trailPrice(), a.trailPercent(), v, a.stopLoss(),
                a.stopLossLimit(), a.extendedHours());
            case 12: return new NewAction(a.account(), a.strategy(), a.symbol(), a.side(), a.type(), a.tif(),
                a.orderClass(), a.quantity(), a.limit(), a.stop(), a.trailPrice(), a.trailPercent(), a.takeProfit(), v,
                a.stopLossLimit(), a.extendedHours());
            case 13: return new NewAction(a.account(), a.strategy(), a.symbol(), a.side(), a.type(), a.tif(),
                a.orderClass(), a.quantity(), a.limit(), a.stop(), a.trailPrice(), a.trailPercent(), a.takeProfit(),
                a.stopLoss(), v, a.extendedHours());
            case 14: return new NewAction(a.account(), a.strategy(), a.symbol(), a.side(), a.type(), a.tif(),
                a.orderClass(), a.quantity(), a.limit(), a.stop(), a.trailPrice(), a.trailPercent(), a.takeProfit(),
                a.stopLoss(), a.stopLossLimit(), v % 2 == 0);
            default: return new NewAction(a.account(), i, a.symbol(), a.side(), a.type(), a.tif(), a.orderClass(),
                a.quantity(), a.limit(), a.stop(), a.trailPrice(), a.trailPercent(), a.takeProfit(), a.stopLoss(),
                a.stopLossLimit(), a.extendedHours());
        }
    }

    private static <T> T pick(final T[] values, final long v)
    {
        final int index = (int)Math.floorMod(v, values.length + 1L);
        return index == values.length ? null : values[index];
    }

    private static Arbitrary<CancelAction> cancels()
    {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.longs(), Arbitraries.of(true, true, false))
            .as(CancelAction::new);
    }

    private static Arbitrary<ReplaceAction> replaces()
    {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.longs(), Arbitraries.of(true, true, false),
            quantities(), prices())
            .as(ReplaceAction::new);
    }
}
