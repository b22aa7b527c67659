package io.ordergateway.benchmarks.harness;

import io.ordergateway.adapters.fix.FixBroker;
import io.ordergateway.adapters.fix.FixConfig;
import io.ordergateway.core.api.ExecutionReportHandler;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.testkit.fix.FixCounterparty;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The gateway (defaults) trading through the FIX adapter with the FIX counterparty on loopback: latency from an
 * order's planned send time to its acknowledgement reaching the strategy (the counterparty's first
 * ExecutionReport, through the ring). Compare with {@link QuickFixTarget}, a bare QuickFIX/J initiator against the
 * same kind of counterparty.
 */
final class FixGatewayTarget implements LatencyTarget
{
    private final NewOrder order = new NewOrder();
    private Path journal;
    private FixCounterparty counterparty;
    private OrderGateway gateway;
    private PlannedTimes times;
    private ExecutionReportHandler reports;

    @Override
    public String name()
    {
        return "fix-gateway";
    }

    @Override
    public long warmupRate()
    {
        return 2_000; // the counterparty (QuickFIX/J, validating every message) takes no more
    }

    @Override
    public void start(final int capacity, final int measureFrom) throws Exception
    {
        journal = TempJournal.create();
        times = new PlannedTimes(capacity, measureFrom);
        final PlannedTimes planned = times;
        counterparty = new FixCounterparty(QuickFixTarget.counterparty(journal.resolve("counterparty"), "GATEWAY"));
        final FixBroker broker = new FixBroker(FixConfig.of("fix", "127.0.0.1", counterparty.port(), "GATEWAY",
            "SIM").withReconnectSeconds(1));
        gateway = OrderGateway.builder().symbols("AAPL").journalDirectory(journal.resolve("journal"))
            .ringSize(1 << 16).broker(broker).build();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (broker.health() != BrokerHealth.HEALTHY)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("the FIX session did not log on within 30 s");
            }
            Thread.onSpinWait();
        }
        reports = report ->
        {
            if (report.type() == ReportType.ACKNOWLEDGED)
            {
                planned.arrived((int)(report.orderId() - 1));
            }
        };
        order.reset().account(1).symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(FixedPoint.quantity(1));
    }

    @Override
    public boolean offer(final int index, final long plannedNanos)
    {
        times.plan(index, plannedNanos);
        return gateway.submit(order) == SubmitResult.ACCEPTED;
    }

    @Override
    public void idle()
    {
        gateway.poll(reports, 256);
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
        if (counterparty != null)
        {
            counterparty.close();
            counterparty = null;
        }
        TempJournal.delete(journal);
    }
}
