package io.ordergateway.core.reconcile;

import io.ordergateway.core.agent.ManualClock;
import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.broker.BrokerOrderStatus;
import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.journal.JournalAdapter;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.RecordFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation while running, on a manual clock (INVOKER mode): a difference is confirmed only
 * when the next pass finds it again, then journaled, alerted and met with the policy; one that goes
 * away is not; and an order the broker has that the gateway never sent is adopted as EXTERNAL,
 * with its fills journaled as found by reconciliation, kept across a restart, and asked about by
 * the broker's own client order id.
 */
class LiveReconciliationTest
{
    private static final long PRICE = FixedPoint.money(180);

    @TempDir
    Path journal;

    private final ManualClock clock = new ManualClock(1_800_000_000_000_000_000L);
    private ScriptedBroker broker;
    private OrderGateway gateway;

    private OrderGateway start(final ScriptedBroker scripted, final DifferencePolicy policy)
    {
        broker = scripted;
        gateway = OrderGateway.builder().instanceId("r1").symbols("AAPL").broker(broker).journalDirectory(journal)
            .threadingMode(ThreadingMode.INVOKER).clock(clock)
            .reconciliation(new ReconciliationSettings(2, policy, true, 7)).build();
        return gateway;
    }

    @AfterEach
    void close()
    {
        if (gateway != null)
        {
            gateway.close();
        }
    }

    /**
     * Runs the gateway's agents for this long of event time, in steps of 100 ms.
     */
    private void run(final long seconds)
    {
        for (int i = 0; i < seconds * 10; i++)
        {
            clock.advance(100, TimeUnit.MILLISECONDS);
            for (int k = 0; k < 4; k++)
            {
                gateway.invoker().invoke();
            }
        }
    }

    private static BrokerStatement holding(final long shares)
    {
        return new BrokerStatement("scripted", 0, List.of(new BrokerStatement.Position("AAPL", quantity(shares))),
            List.of());
    }

    private List<String> journalLines()
    {
        final List<String> lines = new ArrayList<>();
        try (JournalReader reader = new JournalReader(journal))
        {
            reader.readAll(new JournalAdapter(new RecordFormatter((type, line) -> lines.add(line.toString()))));
        }
        return lines;
    }

    @Test
    void aDifferenceFoundTwiceIsJournaledAlertedAndMetWithThePolicy()
    {
        start(new ScriptedBroker(), DifferencePolicy.REDUCE_ONLY);
        broker.statement = holding(5); // the broker holds 5 AAPL the gateway never heard of
        run(3);
        assertThat(gateway.alerts().reconciliationDifferences()).as("one sighting is no difference yet").isZero();
        run(2);
        assertThat(gateway.alerts().reconciliationDifferences()).isEqualTo(1);
        run(4);
        assertThat(gateway.alerts().reconciliationDifferences()).as("reported once while it lasts").isEqualTo(1);
        assertThat(gateway.brokerAccounts().latest()).singleElement()
            .satisfies(a -> assertThat(a.accountNumber()).isEqualTo("SCRIPTED-1"));

        final NewOrder order = new NewOrder().account(1).symbol(0).side(Side.BUY).type(OrderType.MARKET)
            .quantity(quantity(1));
        assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
        run(1);
        gateway.close();
        gateway = null;
        final List<String> lines = journalLines();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("ReconcileDifference").contains("POSITION")
            .contains("AAPL").contains("policy=REDUCE_ONLY"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("TradingControl").contains("REDUCE_ONLY"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("OrderDenied").contains("REDUCE_ONLY"));
    }

    @Test
    void aWorkingOrderTheBrokerNoLongerHasIsReportedOnlyOnceItIsSteady()
    {
        start(new ScriptedBroker(), DifferencePolicy.WARN);
        final NewOrder order = new NewOrder().account(1).symbol(0).side(Side.BUY).type(OrderType.LIMIT)
            .timeInForce(TimeInForce.GTC).quantity(quantity(2)).limitPrice(PRICE);
        assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
        run(5); // sent, never acknowledged: in flight, not a difference
        assertThat(gateway.alerts().reconciliationDifferences()).isZero();
        broker.context.sink().acknowledged(order.orderId(), 1);
        run(5); // working and steady, and the (empty) statement lacks it, twice in a row
        assertThat(gateway.alerts().reconciliationDifferences()).isEqualTo(1);
        gateway.close();
        gateway = null;
        assertThat(journalLines()).anySatisfy(l -> assertThat(l).contains("ReconcileDifference")
            .contains("ORDER_ONLY_IN_GATEWAY").contains("order=" + order.orderId()));
    }

    @Test
    void aDifferenceThatGoesAwayIsNotReported()
    {
        start(new ScriptedBroker(), DifferencePolicy.KILL_SWITCH);
        broker.statement = holding(5); // seen in one pass only: an execution in flight, say
        run(3);
        broker.statement = holding(0);
        run(6);
        assertThat(gateway.alerts().reconciliationDifferences()).isZero();
        assertThat(gateway.alerts().killSwitchChanges()).isZero();
    }

    @Test
    void anOrderTheGatewayNeverSentIsAdoptedAndKeptAcrossARestart() throws Exception
    {
        start(new ScriptedBroker(), DifferencePolicy.WARN);
        final long id = broker.context.sink().adopted("AAPL", Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
            quantity(10), PRICE, FixedPoint.NULL, "by-hand-1");
        assertThat(id).isPositive();
        broker.context.sink().reconciledFill(id, 77, quantity(4), PRICE);
        run(1);
        final PortfolioSnapshot snapshot = gateway.await(gateway.snapshot(), 1_000);
        assertThat(snapshot.openOrders()).singleElement().satisfies(o ->
        {
            assertThat(o.orderId()).isEqualTo(id);
            assertThat(o.external()).isTrue();
            assertThat(o.brokerClientOrderId()).isEqualTo("by-hand-1");
            assertThat(o.accountId()).isEqualTo(7);
            assertThat(o.cumQuantity()).isEqualTo(quantity(4));
        });
        assertThat(position(snapshot)).isEqualTo(quantity(4));
        final NewOrder order = new NewOrder().account(1).symbol(0).side(Side.SELL).type(OrderType.MARKET)
            .quantity(quantity(1));
        assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
        assertThat(order.orderId()).as("the strategy's ids continue after the adopted one").isGreaterThan(id);
        gateway.close();
        gateway = null;
        assertThat(journalLines()).anySatisfy(l -> assertThat(l).contains("OrderAdopted").contains("EXTERNAL")
            .contains("brokerClientOrderId=by-hand-1"))
            .anySatisfy(l -> assertThat(l).contains("PartialFill").contains("source=RECONCILIATION"));

        // restart: the broker still has it working, known by its own client order id
        final ScriptedBroker again = new ScriptedBroker();
        again.orders.put("by-hand-1", new BrokerOrderStatus(id, OrderState.PARTIALLY_FILLED, quantity(10),
            quantity(4), PRICE, List.of()));
        again.orders.put("r1-" + order.orderId(), new BrokerOrderStatus(order.orderId(), OrderState.CANCELED,
            quantity(1), 0, 0, List.of()));
        again.statement = new BrokerStatement("scripted", 0,
            List.of(new BrokerStatement.Position("AAPL", quantity(4))),
            List.of(new BrokerStatement.OpenOrder("by-hand-1", "AAPL", Side.BUY, quantity(10), quantity(4))));
        start(again, DifferencePolicy.WARN);
        assertThat(again.askedAbout).contains("by-hand-1");
        final PortfolioSnapshot restored = gateway.await(gateway.snapshot(), 1_000);
        assertThat(restored.openOrders()).singleElement()
            .satisfies(o -> assertThat(o.external()).isTrue());
        assertThat(position(restored)).isEqualTo(quantity(4));
        assertThat(again.context.sink().adopted("AAPL", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, quantity(10),
            PRICE, FixedPoint.NULL, "by-hand-1")).as("held already: never adopted again under a new id").isZero();
        run(6);
        assertThat(gateway.alerts().reconciliationDifferences()).as("the adopted order is matched, not a difference")
            .isZero();
    }

    private static long position(final PortfolioSnapshot snapshot)
    {
        return snapshot.positions().stream().filter(p -> p.brokerId() == PortfolioSnapshot.TOTAL)
            .mapToLong(PortfolioSnapshot.PositionLine::quantity).sum();
    }
}
