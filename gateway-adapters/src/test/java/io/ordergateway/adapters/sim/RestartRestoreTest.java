package io.ordergateway.adapters.sim;

import io.ordergateway.core.testing.Await;
import io.ordergateway.core.testing.ReportCollector;

import io.ordergateway.core.agent.ManualClock;
import io.ordergateway.core.agent.ThreadingMode;
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

    private static final SimBrokerConfig SIM = SimBrokerConfig.defaults("sim")
        .withReferencePrices(Map.of("AAPL", AAPL, "MSFT", 41_000_000_000L)).withLatency(0, 0).withPartialFills(0.5, 3)
        .withPriceMoves(0, 0);

    // The brokers outlive the gateways, as a real broker outlives a gateway process.
    private final SimBroker brokerA = new SimBroker(SIM.withSeed(1));
    private final SimBroker brokerB = new SimBroker(SIM.withSeed(2));

    private OrderGateway gateway(final Path journal, final String... symbols)
    {
        return OrderGateway.builder().symbols(symbols).broker(brokerA).broker(brokerB)
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
                assertThat(first.submit(order.reset().account(1).symbol(0).side(i % 2 == 0 ? Side.BUY : Side.SELL)
                    .type(OrderType.MARKET)
                    .quantity(quantity(10 + i)))).isEqualTo(SubmitResult.ACCEPTED);
                reports.awaitFinal(order.orderId(), TIMEOUT);
                assertThat(first.submit(order.reset().account(2).symbol(1).side(Side.BUY).type(OrderType.LIMIT)
                    .timeInForce(TimeInForce.GTC).quantity(quantity(5)).limitPrice(FixedPoint.money(300))))
                    .isEqualTo(SubmitResult.ACCEPTED);
                resting.add(order.orderId());
                reports.awaitState(order.orderId(), OrderState.NEW, TIMEOUT);
            }
            assertThat(first.controls().killSwitch(9, true)).isEqualTo(SubmitResult.ACCEPTED);
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
            assertThat(second.submit(order.reset().account(9).symbol(0).side(Side.BUY).type(OrderType.MARKET)
                .quantity(quantity(1))))
                .isEqualTo(SubmitResult.ACCEPTED);
            assertThat(order.orderId()).as("ids continue after the journal's")
                .isEqualTo(resting.get(resting.size() - 1) + 1);
            final ReportCollector.Report killed = reports.awaitFinal(order.orderId(), TIMEOUT);
            assertThat(killed.type()).isEqualTo(ReportType.DENIED);
            assertThat(killed.text()).contains(RejectReason.KILL_SWITCH.name());

            assertThat(second.cancel(resting.get(0))).isEqualTo(SubmitResult.ACCEPTED);
            // the broker still had it
            assertThat(reports.awaitFinal(resting.get(0), TIMEOUT).state()).isEqualTo(OrderState.CANCELED);
        }
        finally
        {
            second.close();
        }
        after = second.snapshot().get();
        assertThat(JournalReplayer.replay(journal).digest()).as("replay across both sessions")
            .isEqualTo(after.digest());
    }

    @Test
    void ordersInFlightAtCloseAreResolvedByAskingTheBrokerAndLateCopiesAreRefused() throws Exception
    {
        // INVOKER mode and a manual clock: the broker answers two seconds late in the test's time, which passes only
        // when the
        // test says, so the restart surely happens first, and the late answers surely come after it.
        final ManualClock clock = new ManualClock();
        final SimBroker slow = new SimBroker(SIM.withLatency(2_000_000_000L, 0).withPartialFills(1.0, 3));
        final NewOrder order = new NewOrder();
        final OrderGateway first = OrderGateway.builder().symbols("AAPL", "MSFT").broker(slow).journalDirectory(journal)
            .threadingMode(ThreadingMode.INVOKER).clock(clock).build();
        final List<Long> ids = new ArrayList<>();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                first.submit(order.reset().account(1).symbol(0).side(Side.BUY).type(OrderType.MARKET)
                    .quantity(quantity(30)));
                ids.add(order.orderId());
            }
            Await.invoking(first.invoker(), "the broker executed all three", () -> slow.processedCommands() == 3);
            clock.advance(1, TimeUnit.SECONDS); // its answers are still a second away
            Await.idle(first.invoker());
        }
        finally
        {
            first.close();
        }
        assertThat(first.snapshot().get().openOrders()).extracting(PortfolioSnapshot.OrderLine::state)
            .containsOnly(OrderState.PENDING_NEW);

        final OrderGateway second =
            OrderGateway.builder().symbols("AAPL", "MSFT").broker(slow).journalDirectory(journal)
            .threadingMode(ThreadingMode.INVOKER).clock(clock).build();
        try
        {
            final ReportCollector reports = new ReportCollector(second);
            for (final long id : ids)
            {
                assertThat(reports.awaitFinal(id, TIMEOUT).state()).as("learnt from the broker at the restart")
                    .isEqualTo(OrderState.FILLED);
            }
            assertThat(second.metrics().get(io.ordergateway.core.metrics.GatewayMetrics.Counter.REFUSED_EVENTS))
                .isZero();
            clock.advance(1, TimeUnit.SECONDS); // now the broker's answers from before the restart arrive
            Await.idle(second.invoker());
            // Every one is refused (duplicate fill id, or an ack for a finished order), none is counted twice.
            assertThat(second.metrics().get(io.ordergateway.core.metrics.GatewayMetrics.Counter.REFUSED_EVENTS))
                .isGreaterThanOrEqualTo(3);
            final PortfolioSnapshot state = second.await(second.snapshot(), 10_000);
            assertThat(state.position(0, "AAPL").quantity()).isEqualTo(quantity(90));
            assertThat(state.openOrders()).isEmpty();
        }
        finally
        {
            second.close();
        }
        final List<String> fills = new ArrayList<>();
        try (io.ordergateway.journal.JournalReader reader = new io.ordergateway.journal.JournalReader(journal))
        {
            final io.ordergateway.journal.RecordFormatter formatter = new io.ordergateway.journal.RecordFormatter();
            reader.readAll((t, b, o, l, v, i) ->
            {
                final String name = io.ordergateway.journal.RecordFormatter.recordName(t);
                if (name.endsWith("Fill"))
                {
                    fills.add(formatter.format(new StringBuilder(), t, b, o, l, v).toString());
                }
            });
        }
        assertThat(fills).anySatisfy(f -> assertThat(f).contains("source=RECONCILIATION"));
        assertThat(slow.statement(0).positions())
            .containsExactly(new io.ordergateway.core.broker.BrokerStatement.Position("AAPL", quantity(90)));
    }

    @Test
    void aBrokerThatDoesNotHoldWhatTheJournalSaysStopsTheStart()
    {
        final OrderGateway first = gateway(journal, "AAPL", "MSFT");
        final ReportCollector reports = new ReportCollector(first);
        first.submit(new NewOrder().account(1).symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(10)));
        reports.awaitFinal(1, TIMEOUT);
        first.close();
        final SimBroker empty = new SimBroker(SIM.withSeed(1)); // a broker that knows nothing of it
        assertThatThrownBy(() -> OrderGateway.builder().symbols("AAPL", "MSFT").broker(empty).broker(brokerB)
            .routing(RoutingPolicy.ROUND_ROBIN).journalDirectory(journal).build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("position in AAPL is 10000000000 by the journal")
            .hasMessageContaining("but 0 at the broker")
            .hasMessageContaining("start refused");
        try (OrderGateway warned = OrderGateway.builder().symbols("AAPL", "MSFT").broker(empty).broker(brokerB)
            .routing(RoutingPolicy.ROUND_ROBIN).journalDirectory(journal).onUnexplainedDifferences(false).build())
        {
            assertThat(warned.submit(new NewOrder().account(1).symbol(0).side(Side.BUY).type(OrderType.MARKET)
                .quantity(quantity(1))))
                .isEqualTo(SubmitResult.ACCEPTED);
        }
    }

    @Test
    void aJournalWrittenWithOtherSymbolsStopsTheStartWithTheReason()
    {
        final OrderGateway first = gateway(journal, "AAPL", "MSFT");
        final NewOrder order =
            new NewOrder().account(1).symbol(1).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(1));
        first.submit(order);
        first.close();
        assertThatThrownBy(() -> gateway(journal, "MSFT", "AAPL"))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("the journal's symbol 1 is MSFT but this gateway's symbol 1 is AAPL");
    }
}
