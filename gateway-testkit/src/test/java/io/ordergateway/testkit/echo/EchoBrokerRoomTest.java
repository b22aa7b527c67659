package io.ordergateway.testkit.echo;

import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.journal.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An in-process broker reports no more than the ring has room for and keeps the rest for its next
 * duty cycle. It used to wait for ring space inside its duty cycle, on the agents' thread, where the
 * control agent's follower (which holds the ring back) could then never run: the JMH throughput
 * benchmark stopped for good within seconds once the stage thread fell behind (issue 14's
 * pretoucher made it fall behind).
 */
class EchoBrokerRoomTest
{
    private int room;
    private int fills;

    @Test
    void reportsOnlyAsManyAsThereIsRoomForAndTheRestLater()
    {
        final EchoBroker broker = new EchoBroker("echo", FixedPoint.priceFromCents(100));
        broker.open(BrokerContext.standalone(0, new CountingSink(), new SymbolTable(List.of("AAPL")),
            new ClientOrderIds("t")));
        broker.connect();
        for (int i = 1; i <= 10; i++)
        {
            broker.sendNew(command(i));
        }
        room = 0;
        assertThat(broker.doWork()).as("no room: no report, and no wait").isZero();
        room = 3;
        assertThat(broker.doWork()).isEqualTo(3);
        assertThat(fills).isEqualTo(3);
        room = 100;
        broker.doWork();
        assertThat(fills).as("the rest, next cycle: nothing lost").isEqualTo(10);
    }

    /** A new order as the send stage hands it over: the ring's own event is the command. */
    private static OrderCommand command(final long id)
    {
        final GatewayEvent e = new GatewayEvent();
        e.reset();
        e.type = EventType.NEW_ORDER;
        e.orderId = id;
        e.side = Side.BUY;
        e.orderType = OrderType.MARKET;
        e.timeInForce = TimeInForce.DAY;
        e.quantity = FixedPoint.quantity(1);
        return e;
    }

    private final class CountingSink implements BrokerEventSink
    {
        @Override
        public int room()
        {
            return room;
        }

        @Override
        public void acknowledged(final long orderId, final long brokerOrderId)
        {
        }

        @Override
        public void rejected(final long orderId, final CommandKind command, final RejectReason reason, final int code)
        {
        }

        @Override
        public void filled(final long orderId, final long fillId, final long quantity, final long price)
        {
            fills++;
        }

        @Override
        public void canceled(final long orderId)
        {
        }

        @Override
        public void replaced(final long orderId, final long quantity, final long limitPrice, final long stopPrice)
        {
        }

        @Override
        public void expired(final long orderId)
        {
        }
    }
}
