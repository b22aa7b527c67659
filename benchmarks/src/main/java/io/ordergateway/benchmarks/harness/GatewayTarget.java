package io.ordergateway.benchmarks.harness;

import io.ordergateway.testkit.echo.EchoBroker;
import io.ordergateway.adapters.sim.SimBroker;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.api.ExecutionReportHandler;
import io.ordergateway.core.api.GatewayBuilder;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.journal.FixedPoint;

import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded gateway, end to end with a real Chronicle Queue journal on disk: submit, validate,
 * throttle, route, risk, state, journal, send. End point: the hand-off to the adapter
 * ({@code SEND}: an echo broker fills each order at once from its agent) or the simulated broker's
 * acknowledgement reaching the strategy ({@code SIM_ACK}). The driver's thread is the strategy: it
 * submits, and polls its reports while it waits for the next planned send time. A configuration
 * left empty is the builder's default.
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

    private final LatencyHarness.Configuration configuration;
    private final EndPoint endPoint;
    private final boolean operations;
    private final NewOrder order = new NewOrder();
    private io.ordergateway.runtime.admin.AdminServer admin;
    private Thread scraper;
    private volatile boolean scraping;
    private Path journal;
    private OrderGateway gateway;
    private PlannedTimes times;
    private ExecutionReportHandler reports = report -> { };

    GatewayTarget(final LatencyHarness.Configuration configuration, final EndPoint endPoint)
    {
        this.configuration = configuration;
        this.endPoint = endPoint;
        this.operations = configuration.operations();
    }

    @Override
    public String name()
    {
        return configuration.name() + (endPoint == EndPoint.SIM_ACK ? "-sim-ack" : "");
    }

    @Override
    public void start(final int capacity, final int measureFrom)
    {
        journal = TempJournal.create();
        final PlannedTimes planned = new PlannedTimes(capacity, measureFrom);
        times = planned;
        final GatewayBuilder builder = OrderGateway.builder()
            .symbols("AAPL")
            .journalDirectory(journal)
            .ringSize(1 << 16);
        builder.journalDurability(configuration.durability()).journalPretouch(configuration.pretouch());
        if (!configuration.isDefault())
        {
            builder.threadingMode(configuration.threadingMode()).topology(configuration.topology())
                .waitStrategy(configuration.waitStrategy());
        }
        if (operations)
        {
            builder.countersFile(Path.of(io.ordergateway.core.metrics.CountersFile.DEFAULT_NAME));
        }
        if (endPoint == EndPoint.SEND)
        {
            final TimedBroker broker = new TimedBroker(new EchoBroker("echo", FixedPoint.priceFromCents(18_725)), 1);
            broker.times(planned);
            builder.broker(broker);
        }
        else
        {
            builder.broker(new SimBroker(SimBrokerConfig.defaults("sim")
                .withReferencePrices(Map.of("AAPL", 18_725_000_000L))
                    .withLatency(0, 0).withPartialFills(0, 2).withPriceMoves(0, 0)));
            reports = report ->
            {
                if (report.type() == ReportType.ACKNOWLEDGED)
                {
                    planned.arrived((int)(report.orderId() - 1));
                }
            };
        }
        gateway = builder.build();
        if (operations && !Boolean.getBoolean("bench.ops.countersOnly"))
        {
            // -Dbench.ops.countersOnly=true leaves the endpoint and its scraper out, to tell the two costs apart
            startOperations();
        }
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
            throw new IllegalStateException("order ids out of step with the plan: " + order.orderId() + " for index "
                + index);
        }
        return true;
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

    /**
     * Live counters are already on (builder); adds the admin endpoint and a client scraping /metrics
     * and the execution status every second, as a monitoring system would.
     */
    private void startOperations()
    {
        try
        {
            admin = new io.ordergateway.runtime.admin.AdminServer(gateway, "127.0.0.1", 0, null);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        final java.net.URI metrics = java.net.URI.create("http://127.0.0.1:" + admin.port() + "/metrics");
        final java.net.URI status = java.net.URI.create("http://127.0.0.1:" + admin.port() + "/admin/execution-status");
        scraping = true;
        scraper = new Thread(() ->
        {
            while (scraping)
            {
                try
                {
                    http.send(java.net.http.HttpRequest.newBuilder(metrics).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                    http.send(java.net.http.HttpRequest.newBuilder(status).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                }
                catch (final java.io.IOException ex)
                {
                    // the endpoint is closing
                }
                catch (final InterruptedException ex)
                {
                    return;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L); // a scrape a second, like Prometheus
            }
        }, "bench-scraper");
        scraper.setDaemon(true);
        scraper.start();
    }

    @Override
    public void close()
    {
        scraping = false;
        if (scraper != null)
        {
            scraper.interrupt();
            scraper = null;
        }
        if (admin != null)
        {
            admin.close();
            admin = null;
        }
        if (gateway != null)
        {
            gateway.close();
            gateway = null;
        }
        TempJournal.delete(journal);
        journal = null;
    }
}
