package io.ordergateway.adapters.sim;

import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.recovery.JournalReplayer;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.journal.JournalException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A gateway started on a journal with records replays it before it takes orders: open orders,
 * positions, exposure, trading controls and the order id sequence are as they were.
 */
class RestartRestoreTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final long AAPL = 18_725_000_000L;

    @TempDir
    Path journal;

    private static OrderGateway gateway(final Path journal, final String... symbols)
    {
        final SimBrokerConfig sim = SimBrokerConfig.defaults("sim").withReferencePrices(Map.of("AAPL", AAPL, "MSFT", 41_000_000_000L))
            .withLatency(0, 0).withPartialFills(0.5, 3).withPriceMoves(0, 0);
        return OrderGateway.builder().symbols(symbols).broker(new SimBroker(sim.withSeed(1))).broker(new SimBroker(sim.withSeed(2)))
            .routing(RoutingPolicy.ROUND_ROBIN).journalDirectory(journal).build();
    }

    @Test
    void aRestartedGatewayHasTheStateItsJournalDescribes() throws Exception
    {
        final NewOrder order = new NewOrder();
        final List<Long> resting = new ArrayList<>();
        final PortfolioSnapshot before;
        final OrderGateway first = gateway(journal, "AAPL", "MSFT");
        try
        {
            final ReportCollector reports = new ReportCollector(first);
            for (int i = 0; i < 6; i++)
            {
                assertThat(first.submit(order.reset().account(1).symbol(0).side(i % 2 == 0 ? Side.BUY : Side.SELL).type(OrderType.MARKET)
                    .quantity(quantity(10 + i)))).isEqualTo(SubmitResult.ACCEPTED);
                reports.awaitFinal(order.orderId(), TIMEOUT);
                assertThat(first.submit(order.reset().account(2).symbol(1).side(Side.BUY).type(OrderType.LIMIT)
                    .timeInForce(TimeInForce.GTC).quantity(quantity(5)).limitPrice(FixedPoint.money(300)))).isEqualTo(SubmitResult.ACCEPTED);
                resting.add(order.orderId());
                reports.awaitState(order.orderId(), OrderState.NEW, TIMEOUT);
            }
            assertThat(first.killSwitch(9, true)).isEqualTo(SubmitResult.ACCEPTED);
        }
        finally
        {
            first.close();
        }
        before = first.snapshot().get();
        assertThat(before.openOrders()).hasSize(6);

        final OrderGateway second = gateway(journal, "AAPL", "MSFT");
        final PortfolioSnapshot after;
        try
        {
            final PortfolioSnapshot restored = second.snapshot().get(10, TimeUnit.SECONDS);
            assertThat(restored.positions()).isEqualTo(before.positions());
            assertThat(restored.openOrders()).isEqualTo(before.openOrders());
            assertThat(restored.digest()).isEqualTo(before.digest());

            final ReportCollector reports = new ReportCollector(second);
            assertThat(second.submit(order.reset().account(9).symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(1))))
                .isEqualTo(SubmitResult.ACCEPTED);
            assertThat(order.orderId()).as("ids continue after the journal's").isEqualTo(resting.get(resting.size() - 1) + 1);
            final ReportCollector.Report killed = reports.awaitFinal(order.orderId(), TIMEOUT);
            assertThat(killed.type()).isEqualTo(ReportType.DENIED);
            assertThat(killed.text()).contains(RejectReason.KILL_SWITCH.name());

            assertThat(second.cancel(resting.get(0))).isEqualTo(SubmitResult.ACCEPTED);
            reports.awaitUntil(list -> list.stream().anyMatch(r -> r.orderId() == resting.get(0) && r.type() == ReportType.SENT
                && r.state() == OrderState.PENDING_CANCEL), TIMEOUT);
        }
        finally
        {
            second.close();
        }
        after = second.snapshot().get();
        assertThat(JournalReplayer.replay(journal).digest()).as("replay across both sessions").isEqualTo(after.digest());
    }

    @Test
    void aJournalWrittenWithOtherSymbolsStopsTheStartWithTheReason()
    {
        final OrderGateway first = gateway(journal, "AAPL", "MSFT");
        final NewOrder order = new NewOrder().account(1).symbol(1).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(1));
        first.submit(order);
        first.close();
        assertThatThrownBy(() -> gateway(journal, "MSFT", "AAPL"))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("the journal's symbol 1 is MSFT but this gateway's symbol 1 is AAPL");
    }
}
