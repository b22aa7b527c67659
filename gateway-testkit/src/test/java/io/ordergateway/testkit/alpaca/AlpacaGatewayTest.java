package io.ordergateway.testkit.alpaca;

import io.ordergateway.adapters.alpaca.AlpacaBroker;
import io.ordergateway.adapters.alpaca.AlpacaConfig;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.testing.ReportCollector;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.state.PortfolioSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway trading through the Alpaca adapter against the Alpaca simulator on a loopback socket:
 * fills from the trade_updates stream, cancels, replaces, broker refusals, and faults (a lost POST
 * answer, a 5xx, a dropped stream) that must lose and double nothing.
 */
class AlpacaGatewayTest
{
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final long AAPL = 18_725_000_000L; // $187.25
    static final String KEY = "test-key-id";
    static final String SECRET = "test-secret-do-not-print";

    @TempDir
    Path journal;

    private AlpacaFixture fixture;
    private AlpacaSimulator simulator;
    private AlpacaBroker broker;
    private OrderGateway gateway;
    private ReportCollector reports;

    static SimBrokerConfig quietEngine()
    {
        return SimBrokerConfig.defaults("engine").withReferencePrices(Map.of("AAPL", AAPL, "MSFT", 41_000_000_000L))
            .withLatency(0, 0).withPriceMoves(0, 0).withPartialFills(1.0, 3);
    }

    private void start(final AlpacaSimulator.Config config, final AlpacaConfig adapter) throws Exception
    {
        fixture = new AlpacaFixture(config, url -> adapter != null ? adapter
            : AlpacaConfig.of("alpaca", url, KEY, SECRET).withRequestTimeout(1_000), "t1", journal);
        simulator = fixture.simulator;
        broker = fixture.broker;
        gateway = fixture.gateway;
        reports = fixture.reports;
        await(() -> broker.health() == BrokerHealth.HEALTHY, "adapter healthy");
    }

    private void start() throws Exception
    {
        start(AlpacaSimulator.Config.defaults(List.of("AAPL", "MSFT"), KEY, SECRET).withEngine(quietEngine()), null);
    }

    static void await(final BooleanSupplier condition, final String what)
    {
        io.ordergateway.core.testing.Await.until(what, condition, TIMEOUT);
    }

    @AfterEach
    void stop()
    {
        if (fixture != null)
        {
            fixture.close();
        }
    }

    private long submit(final NewOrder order)
    {
        assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
        return order.orderId();
    }

    @Test
    void marketOrdersFillThroughTheStreamAndPositionsMatchTheBroker() throws Exception
    {
        start();
        final NewOrder order = new NewOrder();
        final int aapl = gateway.symbolId("AAPL");
        final long buy = submit(order.reset().symbol(aapl).side(Side.BUY).type(OrderType.MARKET)
            .quantity(quantity(300)));
        final long sell = submit(order.reset().symbol(aapl).side(Side.SELL).type(OrderType.MARKET)
            .quantity(quantity(100)));

        assertThat(reports.awaitFinal(buy, TIMEOUT).state()).isEqualTo(OrderState.FILLED);
        assertThat(reports.awaitFinal(sell, TIMEOUT).state()).isEqualTo(OrderState.FILLED);
        assertThat(reports.of(buy).stream()
            .filter(r -> r.type() == ReportType.PARTIAL_FILL || r.type() == ReportType.FILL)
            .mapToLong(ReportCollector.Report::lastQty).sum()).isEqualTo(quantity(300));
        assertThat(reports.last(buy).avgPrice()).isEqualTo(AAPL);

        final PortfolioSnapshot snapshot = gateway.snapshot().get(10, TimeUnit.SECONDS);
        assertThat(snapshot.position(PortfolioSnapshot.TOTAL, "AAPL").quantity()).isEqualTo(quantity(200));
        assertThat(simulator.positions()).isEqualTo(Map.of("AAPL", quantity(200)));
        assertThat(simulator.orderPostsByClientOrderId()).containsOnlyKeys("t1-" + buy, "t1-" + sell)
            .allSatisfy((k, v) -> assertThat(v).isEqualTo(1));
    }

    @Test
    void restingLimitIsReplacedThenCanceled() throws Exception
    {
        start();
        final NewOrder order = new NewOrder();
        final int aapl = gateway.symbolId("AAPL");
        final long id = submit(order.reset().symbol(aapl).side(Side.BUY).type(OrderType.LIMIT)
            .timeInForce(TimeInForce.GTC)
            .quantity(quantity(10)).limitPrice(18_000_000_000L));
        reports.awaitState(id, OrderState.NEW, TIMEOUT);

        assertThat(gateway.replace(id, quantity(20), 18_100_000_000L, io.ordergateway.journal.FixedPoint.NULL))
            .isEqualTo(SubmitResult.ACCEPTED);
        reports.awaitUntil(list -> list.stream().anyMatch(r -> r.orderId() == id && r.type() == ReportType.REPLACED),
            TIMEOUT);
        assertThat(gateway.cancel(id)).isEqualTo(SubmitResult.ACCEPTED);
        assertThat(reports.awaitFinal(id, TIMEOUT).state()).isEqualTo(OrderState.CANCELED);
        assertThat(simulator.openClientOrderIds()).isEmpty();
    }

    @Test
    void brokerRefusalsBecomeRejectsWithTheStandardReason() throws Exception
    {
        start(AlpacaSimulator.Config.defaults(List.of("AAPL", "MSFT"), KEY, SECRET).withEngine(quietEngine())
            .withBuyingPower(io.ordergateway.journal.FixedPoint.money(1_000)), null);
        final NewOrder order = new NewOrder();
        final long id = submit(order.reset().symbol(gateway.symbolId("AAPL")).side(Side.BUY).type(OrderType.MARKET)
            .quantity(quantity(100)));
        final ReportCollector.Report last = reports.awaitFinal(id, TIMEOUT);
        assertThat(last.state()).isEqualTo(OrderState.REJECTED);
        assertThat(last.text()).contains(RejectReason.INSUFFICIENT_FUNDS.name());
    }

    @Test
    void everyEndpointAnswersThroughTheAdapter() throws Exception
    {
        start();
        final NewOrder order = new NewOrder();
        final int aapl = gateway.symbolId("AAPL");
        final long filled = submit(order.reset().symbol(aapl).side(Side.BUY).type(OrderType.MARKET)
            .quantity(quantity(4)));
        final long resting = submit(order.reset().symbol(aapl).side(Side.BUY).type(OrderType.LIMIT)
            .timeInForce(TimeInForce.GTC)
            .quantity(quantity(2)).limitPrice(10_000_000_000L));
        reports.awaitFinal(filled, TIMEOUT);
        reports.awaitState(resting, OrderState.NEW, TIMEOUT);
        assertThat(gateway.replace(resting, quantity(3), 10_100_000_000L, io.ordergateway.journal.FixedPoint.NULL))
            .isEqualTo(SubmitResult.ACCEPTED);
        reports.awaitUntil(list ->
            list.stream().anyMatch(r -> r.orderId() == resting && r.type() == ReportType.REPLACED), TIMEOUT);

        final io.ordergateway.core.broker.BrokerAccount account =
            io.ordergateway.core.broker.BrokerAnswers.await(broker.askAccount(), 5_000, "account");
        assertThat(account.accountNumber()).isEqualTo("PA0000SIM");
        assertThat(account.currency()).isEqualTo("USD");
        assertThat(account.buyingPower()).isPositive();
        assertThat(account.cash()).isLessThan(account.buyingPower()); // 4 AAPL bought
        final java.util.List<io.ordergateway.core.broker.BrokerFill> fills =
            io.ordergateway.core.broker.BrokerAnswers.await(broker.askFills(0, Long.MAX_VALUE), 5_000, "fills");
        assertThat(fills).isNotEmpty().allSatisfy(f -> assertThat(f.symbol()).isEqualTo("AAPL"));
        assertThat(fills.stream().mapToLong(io.ordergateway.core.broker.BrokerFill::quantity).sum())
            .isEqualTo(quantity(4));
        assertThat(broker.clock(5_000)).containsKeys("timestamp", "is_open", "next_open", "next_close");
        assertThat(broker.asset("AAPL", 5_000)).containsEntry("tradable", "true").containsEntry("fractionable", "true");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> broker.asset("NOPE", 5_000))
            .hasMessageContaining("NOPE");
        simulator.notShortable("MSFT");
        assertThat(io.ordergateway.core.broker.BrokerAnswers.await(broker.discoverTerms(List.of("AAPL", "MSFT",
            "NOPE")), 5_000, "terms")).containsExactly(
            new io.ordergateway.core.broker.SymbolTerms("AAPL", true, true, true, true, true),
            new io.ordergateway.core.broker.SymbolTerms("MSFT", true, false, false, true, true),
            new io.ordergateway.core.broker.SymbolTerms("NOPE", false, false, false, false, false));
        final int before = simulator.requests();
        final List<String> many = List.of("AAPL", "MSFT", "N1", "N2", "N3", "N4", "N5", "N6", "N7");
        assertThat(io.ordergateway.core.broker.BrokerAnswers.await(broker.discoverTerms(many), 5_000, "terms"))
            .as("more than 8 symbols: one request for every active asset").hasSize(9)
            .startsWith(new io.ordergateway.core.broker.SymbolTerms("AAPL", true, true, true, true, true),
                new io.ordergateway.core.broker.SymbolTerms("MSFT", true, false, false, true, true))
            .endsWith(new io.ordergateway.core.broker.SymbolTerms("N7", false, false, false, false, false));
        assertThat(simulator.requests() - before).isEqualTo(1);

        // by client order id, following the replacement to the order that now works
        final io.ordergateway.core.broker.BrokerOrderStatus status = broker.queryOrder(resting, "t1-" + resting, 5_000);
        assertThat(status.state()).isEqualTo(OrderState.NEW);
        assertThat(status.quantity()).isEqualTo(quantity(3));
        assertThat(broker.queryOrder(filled, "t1-" + filled, 5_000).filled()).isEqualTo(quantity(4));
        assertThat(broker.queryOrder(999, "t1-999", 5_000)).isNull();

        final io.ordergateway.core.broker.BrokerStatement statement = broker.queryStatement(0, 5_000);
        assertThat(statement.positions())
            .containsExactly(new io.ordergateway.core.broker.BrokerStatement.Position("AAPL", quantity(4)));
        assertThat(statement.openOrders())
            .extracting(io.ordergateway.core.broker.BrokerStatement.OpenOrder::clientOrderId)
            .containsExactly("t1-" + resting); // the replacement is reported under the gateway's id
        assertThat(orders(broker, io.ordergateway.core.broker.BrokerOrder.Listing.OPEN)).hasSize(1);
        assertThat(orders(broker, io.ordergateway.core.broker.BrokerOrder.Listing.ALL))
            .hasSize(3); // filled, replaced, replacement
        assertThat(orders(broker, io.ordergateway.core.broker.BrokerOrder.Listing.CLOSED))
            .extracting(io.ordergateway.core.broker.BrokerOrder::state)
            .containsExactlyInAnyOrder(OrderState.FILLED, OrderState.REPLACED);

        assertThat(broker.cancelAll(5_000)).singleElement()
        .satisfies(line -> assertThat(line).containsEntry("status", "204"));
        assertThat(reports.awaitFinal(resting, TIMEOUT).state()).isEqualTo(OrderState.CANCELED);
        assertThat(orders(broker, io.ordergateway.core.broker.BrokerOrder.Listing.OPEN)).isEmpty();
    }

    private static java.util.List<io.ordergateway.core.broker.BrokerOrder> orders(final AlpacaBroker broker,
        final io.ordergateway.core.broker.BrokerOrder.Listing listing) throws java.util.concurrent.TimeoutException
    {
        return io.ordergateway.core.broker.BrokerAnswers.await(broker.askOrders(listing, 0, Long.MAX_VALUE), 5_000,
            "orders");
    }

    @Test
    void anOrderTheBrokerAcceptsThenRejectsEndsRejected() throws Exception
    {
        // Alpaca answers the POST "pending_new"/"accepted" and may reject on the stream afterwards.
        start(AlpacaSimulator.Config.defaults(List.of("AAPL", "MSFT"), KEY, SECRET)
            .withEngine(quietEngine().withRejectRate(1.0)), null);
        final long id = submit(new NewOrder().symbol(gateway.symbolId("AAPL")).side(Side.BUY).type(OrderType.MARKET)
            .quantity(quantity(1)));
        final ReportCollector.Report last = reports.awaitFinal(id, TIMEOUT);
        assertThat(last.state()).isEqualTo(OrderState.REJECTED);
        assertThat(last.text()).contains(RejectReason.BROKER_REJECTED.name());
    }

    @Test
    void streamInTextFramesWorksAsWellAsBinary() throws Exception
    {
        start(AlpacaSimulator.Config.defaults(List.of("AAPL", "MSFT"), KEY, SECRET).withEngine(quietEngine())
            .withBinaryFrames(false), null);
        final long id = submit(new NewOrder().symbol(gateway.symbolId("AAPL")).side(Side.SELL).type(OrderType.MARKET)
            .quantity(quantity(9)));
        assertThat(reports.awaitFinal(id, TIMEOUT).state()).isEqualTo(OrderState.FILLED);
        assertThat(simulator.positions()).isEqualTo(Map.of("AAPL", -quantity(9)));
    }
}
