package io.ordergateway.adapters.sim;

import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command the simulator cannot handle (here a trailing percent so large its arithmetic
 * overflows; the gateway's validation now refuses it, the hostile-order property test found it) is
 * answered with a reject rather than left unanswered.
 */
class SimBrokerFaultTest
{
    @Test
    void aCommandTheSimCannotHandleIsRejectedNotLost() throws Exception
    {
        final CompletableFuture<RejectReason> rejected = new CompletableFuture<>();
        final BrokerEventSink sink = new BrokerEventSink()
        {
            @Override
            public void acknowledged(final long orderId, final long brokerOrderId)
            {
            }

            @Override public void
                rejected(final long orderId, final CommandKind command, final RejectReason reason, final int code)
            {
                rejected.complete(reason);
            }

            @Override public void filled(final long orderId, final long fillId, final long quantity, final long price)
                { }
            @Override
            public void canceled(final long orderId)
            {
            }

            @Override public void
                replaced(final long orderId, final long quantity, final long limitPrice, final long stopPrice)
                {
                }
            @Override
            public void expired(final long orderId)
            {
            }
        };
        final SimBroker sim =
            new SimBroker(SimBrokerConfig.defaults("s").withReferencePrices(java.util.Map.of("AAPL", 18_725_000_000L))
            .withLatency(0, 0).withPriceMoves(0, 0));
        sim.open(BrokerContext.standalone(0, sink, new SymbolTable(List.of("AAPL")), new ClientOrderIds("t")));
        sim.connect();
        try
        {
            sim.sendNew(new OrderCommand()
            {
                @Override
                public CommandKind command()
                {
                    return CommandKind.NEW;
                }

                @Override
                public long orderId()
                {
                    return 1;
                }

                @Override
                public int symbolId()
                {
                    return 0;
                }

                @Override
                public Side side()
                {
                    return Side.SELL;
                }

                @Override
                public OrderType orderType()
                {
                    return OrderType.TRAILING_STOP;
                }

                @Override
                public TimeInForce timeInForce()
                {
                    return TimeInForce.GTC;
                }

                @Override
                public OrderClass orderClass()
                {
                    return OrderClass.SIMPLE;
                }

                @Override
                public long quantity()
                {
                    return FixedPoint.quantity(1);
                }

                @Override
                public long limitPrice()
                {
                    return FixedPoint.NULL;
                }

                @Override
                public long stopPrice()
                {
                    return FixedPoint.NULL;
                }

                @Override
                public long trailPrice()
                {
                    return FixedPoint.NULL;
                }

                @Override
                public long trailPercent()
                {
                    return Long.MAX_VALUE;
                }

                @Override
                public long takeProfitLimitPrice()
                {
                    return FixedPoint.NULL;
                }

                @Override
                public long stopLossStopPrice()
                {
                    return FixedPoint.NULL;
                }

                @Override
                public long stopLossLimitPrice()
                {
                    return FixedPoint.NULL;
                }

                @Override
                public boolean extendedHours()
                {
                    return false;
                }
            });
            for (int cycle = 0; cycle < 100 && !rejected.isDone(); cycle++)
            {
                sim.agent().doWork(); // the test's thread runs the broker's agent: no thread, no waiting
            }

            assertThat(rejected.getNow(null)).isEqualTo(RejectReason.BROKER_REJECTED);
            assertThat(sim.queryOrder(1, "t-1", 5_000).state())
                .isEqualTo(io.ordergateway.core.domain.OrderState.REJECTED);
        }
        finally
        {
            sim.disconnect();
        }
    }
}
