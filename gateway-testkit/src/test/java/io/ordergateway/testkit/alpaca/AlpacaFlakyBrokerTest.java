package io.ordergateway.testkit.alpaca;

import io.ordergateway.adapters.alpaca.AlpacaBroker;
import io.ordergateway.adapters.alpaca.AlpacaConfig;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.broker.BrokerAccount;
import io.ordergateway.core.broker.BrokerAnswers;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.core.testing.ReportCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.ordergateway.journal.FixedPoint.quantity;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.KEY;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.SECRET;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.TIMEOUT;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.await;
import static io.ordergateway.testkit.alpaca.AlpacaGatewayTest.quietEngine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A flaky Alpaca endpoint: read-only questions (statement, account, orders, fills) survive
 * transient 500s by trying again, and say clearly when every try failed; a run with 10% of requests
 * failing and the stream dropped every 40 messages ends with the gateway's positions equal to the
 * broker's.
 */
class AlpacaFlakyBrokerTest
{
    @TempDir
    Path journal;

    private AlpacaFixture fixture;
    private AlpacaSimulator simulator;
    private AlpacaBroker broker;
    private OrderGateway gateway;
    private ReportCollector reports;

    private void start()
    {
        try
        {
            fixture = new AlpacaFixture(AlpacaSimulator.Config.defaults(List.of("AAPL", "MSFT"), KEY, SECRET)
                .withEngine(quietEngine()).withRateLimit(100_000, 60_000),
                url -> AlpacaConfig.of("alpaca", url, KEY, SECRET).withRequestTimeout(1_000).withReconnect(20, 200),
                "k1", journal);
        }
        catch (final InterruptedException ex)
        {
            throw new IllegalStateException(ex);
        }
        simulator = fixture.simulator;
        broker = fixture.broker;
        gateway = fixture.gateway;
        reports = fixture.reports;
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

    private long submit(final String symbol, final Side side, final long shares)
    {
        final NewOrder order = new NewOrder().symbol(gateway.symbolId(symbol)).side(side).type(OrderType.MARKET)
            .quantity(quantity(shares));
        assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
        return order.orderId();
    }

    @Test
    void readsAreTriedAgainAfterServerErrors() throws Exception
    {
        start();
        reports.awaitFinal(submit("AAPL", Side.BUY, 5), TIMEOUT);

        simulator.failNextRequests(4); // both reads of the statement share four 500s: each is tried again
        final BrokerStatement statement = broker.queryStatement(0, 30_000);
        assertThat(statement.positions()).containsExactly(new BrokerStatement.Position("AAPL", quantity(5)));

        simulator.failNextRequests(4);
        final BrokerAccount account = BrokerAnswers.await(broker.askAccount(), 30_000, "account");
        assertThat(account.cash()).isPositive();

        simulator.failNextRequests(4);
        assertThat(BrokerAnswers.await(broker.askFills(0, Long.MAX_VALUE), 30_000, "fills")).isNotEmpty();
    }

    @Test
    void aReadWhoseEveryTryFailsSaysSoClearly()
    {
        start();
        simulator.failNextRequests(5);
        assertThatThrownBy(() -> BrokerAnswers.await(broker.askAccount(), 30_000, "account"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("alpaca alpaca: the account: HTTP 500")
            .hasMessageContaining("after 5 tries")
            .hasMessageNotContaining(SECRET);
        simulator.failNextRequests(0);
    }

    @Test
    void aRunAgainstAFlakyBrokerEndsWithItsPositions() throws Exception
    {
        start();
        simulator.failRequests(0.10);
        simulator.dropStreamEvery(40);
        final SplittableRandom random = new SplittableRandom(3);
        final long[] ids = new long[150];
        for (int i = 0; i < ids.length; i++)
        {
            ids[i] = submit(random.nextBoolean() ? "AAPL" : "MSFT", random.nextInt(3) == 0 ? Side.SELL : Side.BUY,
                1 + random.nextInt(9));
        }
        for (final long id : ids)
        {
            reports.awaitFinal(id, TIMEOUT);
        }
        final BrokerStatement statement = broker.queryStatement(0, 60_000); // still flaky: the reads try again
        final PortfolioSnapshot snapshot = gateway.await(gateway.snapshot(), 10_000);
        final Map<String, Long> gatewayPositions = new HashMap<>();
        snapshot.positions().forEach(p ->
        {
            if (p.brokerId() == 0 && p.quantity() != 0)
            {
                gatewayPositions.merge(p.symbol(), p.quantity(), Long::sum);
            }
        });
        final Map<String, Long> brokerPositions = new HashMap<>();
        statement.positions().forEach(p -> brokerPositions.put(p.symbol(), p.quantity()));
        assertThat(gatewayPositions).isEqualTo(brokerPositions).isEqualTo(simulator.positions());
        assertThat(simulator.duplicatePosts()).isZero();
    }
}
