package io.ordergateway.core.recovery;

import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.state.PortfolioSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerTest
{
    private static PortfolioSnapshot.OrderLine order(final long id, final int broker, final long filled)
    {
        return new PortfolioSnapshot.OrderLine(id, 1, broker, "AAPL", Side.BUY, OrderType.LIMIT,
            OrderState.PARTIALLY_FILLED, 100, filled, 1, 1, true, null);
    }

    @Test
    void everyKindOfDifferenceIsListedAndOnlyForTheStatementsBroker()
    {
        final PortfolioSnapshot journal = new PortfolioSnapshot(10,
            List.of(new PortfolioSnapshot.PositionLine(0, "AAPL", 50, 1, 0, 50, 0),
                new PortfolioSnapshot.PositionLine(0, "MSFT", 7, 1, 0, 7, 0),
                new PortfolioSnapshot.PositionLine(1, "TSLA", 99, 1, 0, 99, 0)),
            List.of(order(1, 0, 10), order(2, 0, 0), order(3, 0, 30), order(4, 1, 0)),
            List.of());
        final BrokerStatement broker = new BrokerStatement("sim-a", 0,
            List.of(new BrokerStatement.Position("AAPL", 50), new BrokerStatement.Position("MSFT", 5),
                new BrokerStatement.Position("IBM", 1)),
            List.of(new BrokerStatement.OpenOrder("gw1-1", "AAPL", Side.BUY, 100, 10),
                new BrokerStatement.OpenOrder("gw1-3", "AAPL", Side.BUY, 100, 40),
                new BrokerStatement.OpenOrder("gw1-9", "AAPL", Side.BUY, 100, 0)));

        assertThat(Reconciler.compare(journal, broker)).containsExactly(
            new Reconciler.Difference(Reconciler.Kind.POSITION, "IBM", "", 0, 1),
            new Reconciler.Difference(Reconciler.Kind.POSITION, "MSFT", "", 7, 5),
            new Reconciler.Difference(Reconciler.Kind.ORDER_ONLY_IN_JOURNAL, "AAPL", "gw1-2", 0, 0, 2),
            new Reconciler.Difference(Reconciler.Kind.FILLED_DIFFERS, "AAPL", "gw1-3", 30, 40, 3),
            new Reconciler.Difference(Reconciler.Kind.ORDER_ONLY_AT_BROKER, "AAPL", "gw1-9", 0, 0, 9));
    }

    @Test
    void anAdoptedOrderIsMatchedByTheBrokersOwnClientOrderId()
    {
        final PortfolioSnapshot.OrderLine adopted = new PortfolioSnapshot.OrderLine(455, 0, 0, "AAPL", Side.BUY,
            OrderType.LIMIT, OrderState.NEW, 5, 0, 1, 0, true, "by-hand-rest");
        final PortfolioSnapshot journal = new PortfolioSnapshot(10, List.of(), List.of(order(1, 0, 0), adopted),
            List.of());
        final BrokerStatement broker = new BrokerStatement("alpaca", 0, List.of(),
            List.of(new BrokerStatement.OpenOrder("gw1-1", "AAPL", Side.BUY, 100, 0),
                new BrokerStatement.OpenOrder("by-hand-rest", "AAPL", Side.BUY, 5, 0)));
        assertThat(Reconciler.compare(journal, broker)).isEmpty();
        final BrokerStatement without = new BrokerStatement("alpaca", 0, List.of(),
            List.of(new BrokerStatement.OpenOrder("gw1-1", "AAPL", Side.BUY, 100, 0)));
        assertThat(Reconciler.compare(journal, without)).containsExactly(
            new Reconciler.Difference(Reconciler.Kind.ORDER_ONLY_IN_JOURNAL, "AAPL", "by-hand-rest", 0, 0, 455));
    }
}
