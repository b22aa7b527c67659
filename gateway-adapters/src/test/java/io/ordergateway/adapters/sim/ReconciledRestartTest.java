package io.ordergateway.adapters.sim;

import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.routing.RoutingConfig;
import io.ordergateway.core.testing.ReportCollector;
import io.ordergateway.journal.FixedPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What start-up reconciliation finds is the past, not the broker's health now (issue 13, item 1):
 * orders sent but never acknowledged that the broker does not know are rejected as never received
 * (safe to send again), but they count as no broker
 * failure, so a restarted gateway with a healthy broker trades at once, and so does the restart
 * after it, whose replay of those rejects opens no breaker either.
 */
class ReconciledRestartTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final long AAPL = 18_725_000_000L;
    private static final int RESTING = 8; // more than the breaker's threshold of consecutive failures

    @TempDir
    Path journal;

    private static SimBroker broker()
    {
        return broker(0);
    }

    private static SimBroker broker(final long latencyMicros)
    {
        return new SimBroker(SimBrokerConfig.defaults("sim").withReferencePrices(Map.of("AAPL", AAPL))
            .withLatency(latencyMicros, 0).withPriceMoves(0, 0).withSeed(5));
    }

    private OrderGateway gateway(final SimBroker broker)
    {
        return OrderGateway.builder().symbols("AAPL").broker(broker)
            .routing(RoutingConfig.defaults(1).withFailover(5, 30_000_000_000L, 300_000_000_000L, 600_000_000_000L,
                10_000_000_000L, 100_000_000L))
            .journalDirectory(journal).onUnexplainedDifferences(false).build();
    }

    private void restAt(final SimBroker broker)
    {
        final NewOrder order = new NewOrder();
        try (OrderGateway gateway = gateway(broker))
        {
            final ReportCollector reports = new ReportCollector(gateway);
            for (int i = 0; i < RESTING; i++)
            {
                assertThat(gateway.submit(order.reset().account(1).symbol(0).side(Side.BUY).type(OrderType.LIMIT)
                    .timeInForce(TimeInForce.GTC).quantity(quantity(1)).limitPrice(FixedPoint.money(1))))
                    .isEqualTo(SubmitResult.ACCEPTED);
                reports.awaitState(order.orderId(), OrderState.PENDING_NEW, TIMEOUT); // sent; the ack is a minute away
            }
        }
    }

    private void tradesAtOnce(final OrderGateway gateway)
    {
        final ReportCollector reports = new ReportCollector(gateway);
        final NewOrder order = new NewOrder();
        assertThat(gateway.submit(order.reset().account(1).symbol(0).side(Side.BUY).type(OrderType.MARKET)
            .quantity(quantity(1)))).isEqualTo(SubmitResult.ACCEPTED);
        final ReportCollector.Report last = reports.awaitFinal(order.orderId(), TIMEOUT);
        assertThat(last.type()).as("a healthy broker takes orders: " + last.text()).isNotEqualTo(ReportType.DENIED);
        assertThat(last.state()).isEqualTo(OrderState.FILLED);
        assertThat(gateway.executionStatus().paused()).isFalse();
    }

    @Test
    void ordersTheBrokerNeverReceivedAreRejectedWithoutCountingAsBrokerFailures()
    {
        restAt(broker(60_000_000)); // the gateway stops with every order sent and none acknowledged
        // A broker that knows none of them (its book was lost, or the orders never reached it).
        try (OrderGateway restarted = gateway(broker()))
        {
            assertThat(restarted.executionStatus().brokers().get(0).consecutiveFailures())
                .as("reconciliation's rejects are not the broker's failures").isZero();
            tradesAtOnce(restarted);
        }
        try (OrderGateway again = gateway(broker()))
        {
            assertThat(again.executionStatus().brokers().get(0).consecutiveFailures())
                .as("replaying them counts nothing either").isZero();
            tradesAtOnce(again);
        }
    }
}
