package io.ordergateway.core.reconcile;

import io.ordergateway.core.agent.ManualClock;
import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.broker.BrokerOrderStatus;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.journal.FixedPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cancel or replace the broker never answers does not leave the order PENDING for ever: past the
 * send timeout (10 s by default) the broker is asked about the order, as for a new order gone
 * UNKNOWN, and its answer settles the command. On a manual clock (INVOKER mode).
 */
class CommandTimeoutTest
{
    @TempDir
    Path journal;

    private final ManualClock clock = new ManualClock(1_800_000_000_000_000_000L);
    private final ScriptedBroker broker = new ScriptedBroker();
    private OrderGateway gateway;
    private long orderId;
    private String clientOrderId;

    @AfterEach
    void close() throws Exception
    {
        if (gateway != null)
        {
            gateway.close();
        }
    }

    @Test
    void anUnansweredCancelOfAnOrderTheBrokerStillWorksIsRejectedAndTheOrderWorksOn() throws Exception
    {
        workingOrder();
        assertThat(gateway.cancel(orderId)).isEqualTo(SubmitResult.ACCEPTED);
        run(5);
        assertThat(state()).isEqualTo(OrderState.PENDING_CANCEL);
        assertThat(broker.askedAbout).as("not asked before the timeout").isEmpty();

        broker.orders.put(clientOrderId, new BrokerOrderStatus(orderId, OrderState.NEW, quantity(10), 0, 0, List.of()));
        run(6);
        assertThat(broker.askedAbout).containsExactly(clientOrderId);
        assertThat(state()).as("the cancel did not take effect: the strategy may send it again")
            .isEqualTo(OrderState.NEW);
    }

    @Test
    void anUnansweredCancelTheBrokerCarriedOutEndsTheOrder() throws Exception
    {
        workingOrder();
        broker.orders.put(clientOrderId,
            new BrokerOrderStatus(orderId, OrderState.CANCELED, quantity(10), 0, 0, List.of()));
        assertThat(gateway.cancel(orderId)).isEqualTo(SubmitResult.ACCEPTED);
        run(11);
        assertThat(state()).as("finished: no longer open").isNull();
        assertThat(broker.askedAbout).containsExactly(clientOrderId);
    }

    @Test
    void anUnansweredReplaceIsSettledByAskingTheBrokerToo() throws Exception
    {
        workingOrder();
        broker.orders.put(clientOrderId, new BrokerOrderStatus(orderId, OrderState.NEW, quantity(10), 0, 0, List.of()));
        assertThat(gateway.replace(orderId, quantity(20), FixedPoint.money(101), FixedPoint.NULL))
            .isEqualTo(SubmitResult.ACCEPTED);
        run(1);
        assertThat(state()).isEqualTo(OrderState.PENDING_REPLACE);
        run(10);
        assertThat(state()).isEqualTo(OrderState.NEW);
    }

    private void workingOrder() throws Exception
    {
        gateway = OrderGateway.builder().instanceId("t1").symbols("AAPL").broker(broker).journalDirectory(journal)
            .threadingMode(ThreadingMode.INVOKER).clock(clock)
            .reconciliation(new ReconciliationSettings(0, DifferencePolicy.WARN, false, 7)).build();
        final NewOrder order = new NewOrder().account(1).symbol(0).side(Side.BUY).type(OrderType.LIMIT)
            .timeInForce(TimeInForce.GTC).quantity(quantity(10)).limitPrice(FixedPoint.money(100));
        assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
        orderId = order.orderId();
        clientOrderId = new ClientOrderIds("t1").toString(orderId);
        run(1);
        broker.context.sink().acknowledged(orderId, 77);
        run(1);
        assertThat(state()).isEqualTo(OrderState.NEW);
    }

    private OrderState state() throws Exception
    {
        final PortfolioSnapshot snapshot = gateway.await(gateway.snapshot(), 1_000);
        return snapshot.openOrders().stream().filter(o -> o.orderId() == orderId)
            .map(PortfolioSnapshot.OrderLine::state).findFirst().orElse(null);
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
}
