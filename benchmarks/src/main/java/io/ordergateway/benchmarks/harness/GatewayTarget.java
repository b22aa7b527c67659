package io.ordergateway.benchmarks.harness;

import io.ordergateway.adapters.echo.EchoBroker;
import io.ordergateway.adapters.sim.SimBroker;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.pipeline.Topology;
import io.ordergateway.core.pipeline.WaitStrategyKind;
import io.ordergateway.journal.FixedPoint;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded gateway, end to end with a real Chronicle Queue journal on disk: submit, validate,
 * throttle, route, risk, state, journal, send. End point: the hand-off to the adapter
 * ({@code SEND}: an echo broker fills each order at once from its own thread) or the simulated
 * broker's acknowledgement reaching the strategy ({@code SIM_ACK}).
 */
final class GatewayTarget implements LatencyTarget
{
    /** Where latency is measured to. */
    enum EndPoint
    {
        /** The send stage hands the order to the adapter. */
        SEND,
        /** The sim broker's ack is delivered to the strategy's listener. */
        SIM_ACK
    }

    private final Topology topology;
    private final WaitStrategyKind waitStrategy;
    private final EndPoint endPoint;
    private final NewOrder order = new NewOrder();
    private Path journal;
    private OrderGateway gateway;
    private PlannedTimes times;

    GatewayTarget(final Topology topology, final WaitStrategyKind waitStrategy, final EndPoint endPoint)
    {
        this.topology = topology;
        this.waitStrategy = waitStrategy;
        this.endPoint = endPoint;
    }

    WaitStrategyKind waitStrategy()
    {
        return waitStrategy;
    }

    @Override
    public String name()
    {
        return "gateway-" + topology.name().toLowerCase() + "-" + waitStrategy.name().toLowerCase()
            + (endPoint == EndPoint.SIM_ACK ? "-sim-ack" : "");
    }

    @Override
    public void start(final int capacity, final int measureFrom)
    {
        journal = TempJournal.create();
        final PlannedTimes planned = new PlannedTimes(capacity, measureFrom);
        times = planned;
        final OrderGateway.Builder builder = OrderGateway.builder()
            .symbols("AAPL")
            .journalDirectory(journal)
            .topology(topology)
            .waitStrategy(waitStrategy)
            .ringSize(1 << 16)
            .polling(false);
        if (endPoint == EndPoint.SEND)
        {
            final TimedBroker broker = new TimedBroker(new EchoBroker("echo", FixedPoint.priceFromCents(18_725), new BackoffIdleStrategy()), 1);
            broker.times(planned);
            builder.broker(broker).listener(report -> { });
        }
        else
        {
            builder.broker(new SimBroker(SimBrokerConfig.defaults("sim").withReferencePrices(Map.of("AAPL", 18_725_000_000L))
                    .withLatency(0, 0).withPartialFills(0, 2).withPriceMoves(0, 0)))
                .listener(report ->
                {
                    if (report.type() == ReportType.ACKNOWLEDGED)
                    {
                        planned.arrived((int)(report.orderId() - 1));
                    }
                });
        }
        gateway = builder.build();
        order.reset().account(1).symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(FixedPoint.quantity(1));
    }

    @Override
    public boolean offer(final int index, final long plannedNanos)
    {
        times.plan(index, plannedNanos);
        if (gateway.submit(order) != SubmitResult.ACCEPTED)
        {
            return false;
        }
        if (order.orderId() != index + 1)
        {
            throw new IllegalStateException("order ids out of step with the plan: " + order.orderId() + " for index " + index);
        }
        return true;
    }

    @Override
    public PlannedTimes times()
    {
        return times;
    }

    @Override
    public void close()
    {
        if (gateway != null)
        {
            gateway.close();
            gateway = null;
        }
        TempJournal.delete(journal);
        journal = null;
    }
}
