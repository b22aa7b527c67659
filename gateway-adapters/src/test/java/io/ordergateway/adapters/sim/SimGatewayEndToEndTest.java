package io.ordergateway.adapters.sim;

import io.ordergateway.core.testing.ReportCollector;

import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.pipeline.Topology;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.journal.FixedPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders through the whole ring to simulated brokers and back: terminal states, partial fills,
 * positions and average prices.
 */
class SimGatewayEndToEndTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final long AAPL_PRICE = 18_725_000_000L; // $187.25
    private static final long MSFT_PRICE = 41_000_000_000L; // $410.00

    @TempDir
    Path journal;

    private OrderGateway gateway;
    private SimBroker primary;
    private SimBroker backup;

    private OrderGateway start(final Topology topology, final SimBrokerConfig primaryConfig,
        final SimBrokerConfig backupConfig)
    {
        primary = new SimBroker(primaryConfig);
        backup = new SimBroker(backupConfig);
        gateway = OrderGateway.builder()
            .symbols("AAPL", "MSFT")
            .broker(primary)
            .broker(backup)
            .routing(RoutingPolicy.ROUND_ROBIN)
            .topology(topology)
            .journalDirectory(journal)
            .build();
        return gateway;
    }

    private static SimBrokerConfig quietSim(final String name)
    {
        return SimBrokerConfig.defaults(name)
            .withReferencePrices(Map.of("AAPL", AAPL_PRICE, "MSFT", MSFT_PRICE))
            .withLatency(0, 0)
            .withPriceMoves(0, 0)
            .withPartialFills(0, 2);
    }

    @AfterEach
    void close()
    {
        if (gateway != null)
        {
            gateway.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void marketOrdersFillAndPositionsAddUp(final Topology topology) throws Exception
    {
        start(topology, quietSim("a").withPartialFills(1.0, 3), quietSim("b").withPartialFills(1.0, 3));
        final ReportCollector reports = new ReportCollector(gateway);
        final int aapl = gateway.symbolId("AAPL");
        final NewOrder order = new NewOrder();

        final long buy = submit(order.reset().symbol(aapl).side(Side.BUY).type(OrderType.MARKET)
            .quantity(quantity(300)));
        final long sell = submit(order.reset().symbol(aapl).side(Side.SELL).type(OrderType.MARKET)
            .quantity(quantity(100)));

        final ReportCollector.Report buyFinal = reports.awaitFinal(buy, TIMEOUT);
        final ReportCollector.Report sellFinal = reports.awaitFinal(sell, TIMEOUT);

        assertThat(buyFinal.state()).isEqualTo(OrderState.FILLED);
        assertThat(sellFinal.state()).isEqualTo(OrderState.FILLED);
        final List<ReportCollector.Report> buyFills = reports.of(buy).stream()
            .filter(r -> r.type() == ReportType.PARTIAL_FILL || r.type() == ReportType.FILL).toList();
        assertThat(buyFills).hasSizeGreaterThan(1); // split into partial fills
        assertThat(buyFills.stream().mapToLong(ReportCollector.Report::lastQty).sum()).isEqualTo(quantity(300));
        assertThat(buyFinal.cumQty()).isEqualTo(quantity(300));
        assertThat(buyFinal.leavesQty()).isZero();
        assertThat(buyFinal.avgPrice()).isEqualTo(AAPL_PRICE);
        assertThat(reports.of(buy).get(0).type()).isEqualTo(ReportType.SENT);

        final PortfolioSnapshot snapshot = gateway.snapshot().get(10, TimeUnit.SECONDS);
        final PortfolioSnapshot.PositionLine total = snapshot.position(PortfolioSnapshot.TOTAL, "AAPL");
        assertThat(total.quantity()).isEqualTo(quantity(200));
        assertThat(total.averagePrice()).isEqualTo(AAPL_PRICE);
        assertThat(total.realisedPnl()).isZero(); // sold at the price it was bought
        // round robin: buy went to broker 0
        assertThat(snapshot.position(0, "AAPL").quantity()).isEqualTo(quantity(300));
        assertThat(snapshot.position(1, "AAPL").quantity()).isEqualTo(-quantity(100));
        assertThat(snapshot.openOrders()).isEmpty();
    }

    @Test
    void restingLimitFillsWhenThePriceCrossesAndAveragePriceIsWeighted() throws Exception
    {
        start(Topology.COMPACT, quietSim("a"), quietSim("b"));
        final ReportCollector reports = new ReportCollector(gateway);
        final int msft = gateway.symbolId("MSFT");
        final NewOrder order = new NewOrder();

        // Both to broker 0 and 1 alternately: first a marketable limit (fills at the better market price),
        final long first = submit(order.reset().symbol(msft).side(Side.BUY).type(OrderType.LIMIT)
            .timeInForce(TimeInForce.GTC)
            .quantity(quantity(10)).limitPrice(MSFT_PRICE + FixedPoint.PRICE_SCALE));
        assertThat(reports.awaitFinal(first, TIMEOUT).avgPrice()).isEqualTo(MSFT_PRICE);
        // then one below the market that rests at broker 1 until the price falls to it.
        final long limit = MSFT_PRICE - 10 * FixedPoint.PRICE_SCALE;
        final long resting = submit(order.reset().symbol(msft).side(Side.BUY).type(OrderType.LIMIT)
            .timeInForce(TimeInForce.GTC)
            .quantity(quantity(30)).limitPrice(limit));
        reports.awaitState(resting, OrderState.NEW, TIMEOUT);
        assertThat(backup.setReferencePrice(msft, limit - FixedPoint.PRICE_SCALE)).isTrue();
        final ReportCollector.Report filled = reports.awaitFinal(resting, TIMEOUT);
        assertThat(filled.state()).isEqualTo(OrderState.FILLED);
        assertThat(filled.avgPrice()).isEqualTo(limit - FixedPoint.PRICE_SCALE);

        final PortfolioSnapshot.PositionLine total =
            gateway.snapshot().get(10, TimeUnit.SECONDS).position(PortfolioSnapshot.TOTAL, "MSFT");
        assertThat(total.quantity()).isEqualTo(quantity(40));
        // (10 * 410 + 30 * 399) / 40 = 401.75
        assertThat(total.averagePrice()).isEqualTo(40_175_000_000L);
    }

    @Test
    void cancelOfRestingOrderEndsCanceledAndCancelOfFinishedOrderIsDenied() throws Exception
    {
        start(Topology.COMPACT, quietSim("a"), quietSim("b"));
        final ReportCollector reports = new ReportCollector(gateway);
        final int aapl = gateway.symbolId("AAPL");
        final NewOrder order = new NewOrder();
        final long resting = submit(order.reset().symbol(aapl).side(Side.SELL).type(OrderType.LIMIT)
            .quantity(quantity(5)).limitPrice(AAPL_PRICE * 2));
        reports.awaitState(resting, OrderState.NEW, TIMEOUT);

        assertThat(gateway.cancel(resting)).isEqualTo(SubmitResult.ACCEPTED);
        final ReportCollector.Report canceled = reports.awaitFinal(resting, TIMEOUT);
        assertThat(canceled.state()).isEqualTo(OrderState.CANCELED);
        assertThat(reports.of(resting).stream().map(ReportCollector.Report::state))
            .containsSubsequence(OrderState.PENDING_NEW, OrderState.NEW, OrderState.PENDING_CANCEL,
                OrderState.CANCELED);

        assertThat(gateway.cancel(resting)).isEqualTo(SubmitResult.ACCEPTED);
        reports.awaitUntil(list ->
            list.stream().filter(r -> r.orderId() == resting && r.type() == ReportType.DENIED).count() == 1, TIMEOUT);
        assertThat(reports.last(resting).text()).contains(RejectReason.ORDER_NOT_ACTIVE.name());

        assertThat(gateway.cancel(999_999)).isEqualTo(SubmitResult.ACCEPTED);
        reports.awaitUntil(list -> list.stream().anyMatch(r -> r.orderId() == 999_999 && r.type() == ReportType.DENIED),
            TIMEOUT);
        assertThat(reports.last(999_999).text()).contains(RejectReason.UNKNOWN_ORDER.name());
    }

    @Test
    void replaceChangesQuantityAndPriceOfRestingOrder() throws Exception
    {
        start(Topology.COMPACT, quietSim("a"), quietSim("b"));
        final ReportCollector reports = new ReportCollector(gateway);
        final int aapl = gateway.symbolId("AAPL");
        final long resting = submit(new NewOrder().symbol(aapl).side(Side.BUY).type(OrderType.LIMIT)
            .quantity(quantity(5)).limitPrice(AAPL_PRICE - 50 * FixedPoint.PRICE_SCALE));
        reports.awaitState(resting, OrderState.NEW, TIMEOUT);

        assertThat(gateway.replace(resting, quantity(7), AAPL_PRICE + FixedPoint.PRICE_SCALE, FixedPoint.NULL))
            .isEqualTo(SubmitResult.ACCEPTED);
        final ReportCollector.Report done = reports.awaitFinal(resting, TIMEOUT); // now marketable: fills
        assertThat(done.state()).isEqualTo(OrderState.FILLED);
        assertThat(done.cumQty()).isEqualTo(quantity(7));
        assertThat(reports.of(resting).stream().map(ReportCollector.Report::type))
            .containsSubsequence(ReportType.SENT, ReportType.ACKNOWLEDGED, ReportType.SENT, ReportType.REPLACED,
                ReportType.FILL);
    }

    @Test
    void brokerRejectsAndGatewayDenialsReachTheStrategyWithReasons()
    {
        start(Topology.COMPACT, quietSim("a").withRejectRate(1.0), quietSim("b").withRejectRate(1.0));
        final ReportCollector reports = new ReportCollector(gateway);
        final long rejected =
            submit(new NewOrder().symbol(gateway.symbolId("AAPL")).side(Side.BUY).type(OrderType.MARKET)
            .quantity(quantity(1)));
        final long denied = submit(new NewOrder().symbol(gateway.symbolId("AAPL")).side(Side.BUY).type(OrderType.LIMIT)
            .quantity(quantity(1)));
        assertThat(reports.awaitFinal(rejected, TIMEOUT).state()).isEqualTo(OrderState.REJECTED);
        final ReportCollector.Report deny = reports.awaitFinal(denied, TIMEOUT);
        assertThat(deny.type()).isEqualTo(ReportType.DENIED);
        assertThat(deny.text()).contains("INVALID_PRICE").contains("LIMIT_PRICE");
        assertThat(gateway.metrics().deniedCount(RejectReason.INVALID_PRICE)).isEqualTo(1);
    }

    @Test
    void closeLeavesNoGatewayOrBrokerThreadRunning()
    {
        start(Topology.PER_STAGE, quietSim("a"), quietSim("b"));
        final ReportCollector reports = new ReportCollector(gateway);
        final long id = submit(new NewOrder().symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(1)));
        reports.awaitFinal(id, TIMEOUT);
        final List<Thread> threads = gateway.threads();
        // SHARED: validate, throttle, risk+route+state, journal, send (+ egress), and every other agent (the sims too)
        // on one
        assertThat(threads).extracting(Thread::getName).containsExactly("gateway-gw1-validate", "gateway-gw1-throttle",
            "gateway-gw1-risk-route-state", "gateway-gw1-journal", "gateway-gw1-send", "gateway-gw1-agents");
        assertThat(gateway.threadMap()).anyMatch(line -> line.startsWith("gateway-gw1-agents") && line.contains("sim-a")
            && line.contains("sim-b"));

        gateway.close();
        gateway = null;

        assertThat(threads).noneMatch(Thread::isAlive);
        assertThat(liveThreadNames()).noneMatch(n -> n.startsWith("sim-") || n.startsWith("gateway-"));
    }

    private static List<String> liveThreadNames()
    {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }

    private long submit(final NewOrder order)
    {
        assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
        return order.orderId();
    }
}
