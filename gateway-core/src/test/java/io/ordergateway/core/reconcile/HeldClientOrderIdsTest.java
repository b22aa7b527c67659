package io.ordergateway.core.reconcile;

import io.ordergateway.core.agent.ManualClock;
import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.broker.BrokerOrder;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.journal.FixedPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway on a new journal whose broker already holds orders of its instance id (from an earlier
 * journal) continues its ids above them instead of sending client order ids the broker has seen.
 */
class HeldClientOrderIdsTest
{
    @TempDir
    Path dir;

    @Test
    void aFreshJournalContinuesAboveTheIdsTheBrokerHoldsAndIgnoresOtherInstances()
    {
        final ScriptedBroker broker = new ScriptedBroker();
        broker.listed = List.of(order("t1-41"), order("t1-7"), order("other-900"), order("by-hand"));
        assertThat(firstOrderId(broker, dir.resolve("fresh"))).isEqualTo(42);
    }

    @Test
    void aBrokerThatCannotListItsOrdersChangesNothing()
    {
        assertThat(firstOrderId(new ScriptedBroker(), dir.resolve("unlisted"))).isEqualTo(1);
    }

    private static long firstOrderId(final ScriptedBroker broker, final Path journal)
    {
        try (OrderGateway gateway = OrderGateway.builder().instanceId("t1").symbols("AAPL").broker(broker)
            .journalDirectory(journal).threadingMode(ThreadingMode.INVOKER).clock(new ManualClock(1L << 60))
            .reconciliation(new ReconciliationSettings(0, DifferencePolicy.WARN, false, 7)).build())
        {
            final NewOrder order = new NewOrder().account(1).symbol(0).side(Side.BUY).type(OrderType.MARKET)
                .quantity(quantity(1));
            assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
            return order.orderId();
        }
    }

    private static BrokerOrder order(final String clientOrderId)
    {
        return new BrokerOrder(clientOrderId, "b-" + clientOrderId, "AAPL", Side.BUY, "market", OrderState.FILLED,
            quantity(1), quantity(1), FixedPoint.money(100), FixedPoint.NULL, "");
    }
}
