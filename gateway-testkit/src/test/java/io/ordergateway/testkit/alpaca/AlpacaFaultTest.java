package io.ordergateway.testkit.alpaca;

import io.ordergateway.adapters.alpaca.AlpacaBroker;
import io.ordergateway.adapters.alpaca.AlpacaConfig;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.testing.ReportCollector;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.state.PortfolioSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.KEY;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.SECRET;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.TIMEOUT;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.await;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.quietEngine;
import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter's safety rules under faults the simulator injects: a POST whose answer never comes,
 * 5xx answers before and after the order exists, the stream down while orders fill, the request
 * budget spent, and wrong credentials. Nothing may be lost, nothing sent twice, and the secret
 * never printed.
 */
class AlpacaFaultTest
{
    @TempDir
    Path journal;

    private AlpacaFixture fixture;
    private AlpacaSimulator simulator;
    private AlpacaBroker broker;
    private OrderGateway gateway;
    private ReportCollector reports;

    private void start(final AlpacaSimulator.Config config, final String secret)
    {
        try
        {
            fixture = new AlpacaFixture(config,
                url -> AlpacaConfig.of("alpaca", url, KEY, secret).withRequestTimeout(500).withReconnect(20, 200), "f1",
                journal);
        }
        catch (final InterruptedException ex)
        {
            throw new IllegalStateException(ex);
        }
        simulator = fixture.simulator;
        broker = fixture.broker;
        gateway = fixture.gateway;
        reports = fixture.reports;
    }

    private void startHealthy(final SimBrokerConfig engine)
    {
        start(AlpacaSimulator.Config.defaults(List.of("AAPL", "MSFT"), KEY, SECRET).withEngine(engine), SECRET);
        await(() -> broker.health() == BrokerHealth.HEALTHY, "adapter healthy");
    }

    @AfterEach
    void stop()
    {
        if (fixture != null)
        {
            fixture.close();
        }
    }

    private long buy(final long shares)
    {
        final NewOrder order =
            new NewOrder().symbol(gateway.symbolId("AAPL")).side(Side.BUY).type(OrderType.MARKET)
            .quantity(quantity(shares));
        assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
        return order.orderId();
    }

    private void assertFilledOnceAtTheBroker(final long orderId, final long shares)
    {
        final ReportCollector.Report last = reports.awaitFinal(orderId, TIMEOUT);
        assertThat(last.state()).isEqualTo(OrderState.FILLED);
        assertThat(last.cumQty()).isEqualTo(quantity(shares));
        assertThat(simulator.duplicatePosts()).isZero();
    }

    @Test
    void postWhoseAnswerNeverComesIsFoundByClientOrderIdNotSentAgain()
    {
        startHealthy(quietEngine());
        simulator.swallowNextOrderPosts(1);
        final long id = buy(10);
        assertFilledOnceAtTheBroker(id, 10);
        assertThat(simulator.orderPostsByClientOrderId()).containsEntry("f1-" + id, 1);
        assertThat(simulator.positions()).containsEntry("AAPL", quantity(10));
    }

    @Test
    void serverErrorAfterTheOrderExistsIsResolvedByLookup()
    {
        startHealthy(quietEngine());
        simulator.failNextOrderPosts(500, 1, true);
        final long id = buy(7);
        assertFilledOnceAtTheBroker(id, 7);
        assertThat(simulator.orderPostsByClientOrderId()).containsEntry("f1-" + id, 1);
        assertThat(simulator.positions()).containsEntry("AAPL", quantity(7));
    }

    @Test
    void serverErrorBeforeTheOrderExistsSendsTheSameIdAgainOnlyAfterTheBrokerSaysItHasNone()
    {
        startHealthy(quietEngine());
        simulator.failNextOrderPosts(503, 1, false);
        final long id = buy(5);
        assertFilledOnceAtTheBroker(id, 5);
        assertThat(simulator.orderPostsByClientOrderId()).containsEntry("f1-" + id, 2); // the 503, then the resend
        assertThat(simulator.positions()).containsEntry("AAPL", quantity(5)); // executed once
    }

    @Test
    void fillsWhileTheStreamIsDownAreCaughtUpOnReconnectExactlyOnce() throws Exception
    {
        startHealthy(quietEngine().withLatency(30_000_000, 0)); // executions 30 ms after the acceptance
        simulator.refuseStreams(true);
        await(() -> broker.health() == BrokerHealth.DOWN, "adapter down without its stream");
        final List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++)
        {
            ids.add(buy(i * 10));
        }
        await(() -> Long.valueOf(quantity(150)).equals(simulator.positions().get("AAPL")),
            "the broker executed everything");
        simulator.refuseStreams(false);
        await(() -> broker.health() == BrokerHealth.HEALTHY, "adapter healthy after catching up");
        for (int i = 0; i < ids.size(); i++)
        {
            assertFilledOnceAtTheBroker(ids.get(i), (i + 1) * 10L);
        }
        final PortfolioSnapshot snapshot = gateway.snapshot().get(10, TimeUnit.SECONDS);
        assertThat(snapshot.position(PortfolioSnapshot.TOTAL, "AAPL").quantity()).isEqualTo(quantity(150));
    }

    @Test
    void spentRequestBudgetDelaysRequestsAndLosesNone()
    {
        start(AlpacaSimulator.Config.defaults(List.of("AAPL", "MSFT"), KEY, SECRET).withEngine(quietEngine())
            .withRateLimit(5, 500), SECRET); // one more than before: the start lists the account's orders once
        await(() -> broker.health() == BrokerHealth.HEALTHY, "adapter healthy");
        final List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++)
        {
            ids.add(buy(1));
        }
        ids.forEach(id -> assertFilledOnceAtTheBroker(id, 1));
        assertThat(simulator.positions()).containsEntry("AAPL", quantity(12));
        // a 429 was not acted on, so never a duplicate
        assertThat(simulator.orderPostsByClientOrderId().values()).allMatch(n -> n == 1);
    }

    @Test
    void wrongCredentialsRejectOrdersAndTheSecretIsNeverPrinted() throws Exception
    {
        final String wrongSecret = "wrong-secret-4b1f9c";
        final PrintStream err = System.err;
        final PrintStream out = System.out;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(tee);
        System.setOut(tee);
        try
        {
            start(AlpacaSimulator.Config.defaults(List.of("AAPL", "MSFT"), KEY, SECRET).withEngine(quietEngine()),
                wrongSecret);
            final long id = buy(1);
            final ReportCollector.Report last = reports.awaitFinal(id, TIMEOUT);
            assertThat(last.state()).isEqualTo(OrderState.REJECTED);
            assertThat(last.text()).contains(RejectReason.AUTHENTICATION_FAILED.name());
            assertThat(broker.health()).isEqualTo(BrokerHealth.DOWN); // the stream refused the key too
            io.ordergateway.core.testing.Await.until("the adapter says its credentials were refused",
                () -> broker.credentialsRefused() != null);
            assertThat(broker.credentialsRefused()).contains("refused the credentials").doesNotContain(wrongSecret);
            assertThat(String.valueOf(broker)).doesNotContain(wrongSecret);
            assertThat(AlpacaConfig.of("x", simulator.url(), KEY, wrongSecret).toString()).doesNotContain(wrongSecret)
                .doesNotContain(KEY);
            fixture.close();
            fixture = null;
        }
        finally
        {
            System.setErr(err);
            System.setOut(out);
        }
        final String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("refused the credentials"); // the logs were captured...
        assertThat(printed).doesNotContain(wrongSecret).doesNotContain(SECRET); // ...and hold no secret
    }

    @Test
    void liveEndpointIsRefusedWithoutLiveTrue()
    {
        final java.net.URI live = java.net.URI.create("https://api.alpaca.markets");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlpacaConfig.of("a", live, KEY, SECRET))
            .hasMessageContaining("live: true").hasMessageNotContaining(SECRET);
        assertThat(AlpacaConfig.of("a", AlpacaConfig.PAPER_URL, KEY, SECRET).withLive(false).isLiveEndpoint())
            .isFalse();
        // with live: true it is allowed (it was refused before: the check ran before live could be set)
        assertThat(AlpacaConfig.of("a", live, KEY, SECRET, true).isLiveEndpoint()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            AlpacaConfig.fromEnvironment("a", AlpacaConfig.PAPER_URL, Map.of()))
            .hasMessageContaining("ALPACA_API_KEY");
    }

    @Test
    void aReplaceWhoseAnswerNeverComesIsSentAgainAndTheOrderSaysItHappenedOnce()
    {
        startHealthy(quietEngine());
        final NewOrder order = new NewOrder().symbol(gateway.symbolId("AAPL")).side(Side.BUY).type(OrderType.LIMIT)
            .timeInForce(io.ordergateway.core.domain.TimeInForce.GTC).quantity(quantity(10))
            .limitPrice(10_000_000_000L);
        assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
        reports.awaitState(order.orderId(), OrderState.NEW, AlpacaGatewayTest.TIMEOUT);
        simulator.swallowNextReplaces(1);
        simulator.refuseStreams(true); // and the stream is down: only asking can tell what happened
        assertThat(gateway.replace(order.orderId(), quantity(12), 10_100_000_000L,
        io.ordergateway.journal.FixedPoint.NULL))
            .isEqualTo(SubmitResult.ACCEPTED);
        reports.awaitUntil(list -> list.stream().anyMatch(r -> r.orderId() == order.orderId()
            && r.type() == io.ordergateway.core.api.ReportType.REPLACED), AlpacaGatewayTest.TIMEOUT);
        assertThat(simulator.replacements()).isEqualTo(1); // the second PATCH found the order already replaced
    }

    @Test
    void whenAlpacaSaysTheBudgetIsSpentRoutingStopsSendingUntilTheReset()
    {
        // 6 requests per 5 s window: the listing of the account's orders (a new journal checks the client order ids
        // the broker holds), the catch-up after connecting and the discovery of the two symbols' assets, then two
        // orders spend it.
        start(AlpacaSimulator.Config.defaults(List.of("AAPL", "MSFT"), KEY, SECRET).withEngine(quietEngine())
            .withRateLimit(6, 5_000), SECRET);
        await(() -> broker.health() == BrokerHealth.HEALTHY, "adapter healthy");
        await(() -> simulator.requests() >= 4, "the discovery asked about both assets");
        assertFilledOnceAtTheBroker(buy(1), 1);
        assertFilledOnceAtTheBroker(buy(1), 1);
        await(() -> broker.apiBudgetRemaining() == 0, "the budget reported spent");
        final NewOrder order =
            new NewOrder().symbol(gateway.symbolId("AAPL")).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(1));
        gateway.submit(order);
        final ReportCollector.Report denied = reports.awaitFinal(order.orderId(), TIMEOUT);
        assertThat(denied.state()).isEqualTo(OrderState.DENIED);
        // retryable: not sent to provoke a 429
        assertThat(denied.text()).contains(RejectReason.NO_BROKER_AVAILABLE.name());
        assertThat(simulator.rateLimitedRequests()).isZero();
    }
}
