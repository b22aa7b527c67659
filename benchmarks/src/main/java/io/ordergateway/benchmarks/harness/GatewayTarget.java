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
    private final boolean operations;
    private final NewOrder order = new NewOrder();
    private io.ordergateway.adapters.admin.AdminServer admin;
    private Thread scraper;
    private volatile boolean scraping;
    private Path journal;
    private OrderGateway gateway;
    private PlannedTimes times;

    GatewayTarget(final Topology topology, final WaitStrategyKind waitStrategy, final EndPoint endPoint, final boolean operations)
    {
        this.topology = topology;
        this.waitStrategy = waitStrategy;
        this.endPoint = endPoint;
        this.operations = operations;
    }

    WaitStrategyKind waitStrategy()
    {
        return waitStrategy;
    }

    @Override
    public String name()
    {
        return "gateway-" + topology.name().toLowerCase() + "-" + waitStrategy.name().toLowerCase()
            + (endPoint == EndPoint.SIM_ACK ? "-sim-ack" : "") + (operations ? "-ops" : "");
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
        if (operations)
        {
            builder.countersFile(Path.of(io.ordergateway.core.metrics.CountersFile.DEFAULT_NAME));
        }
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
        if (operations && !Boolean.getBoolean("bench.ops.countersOnly"))
        {
            startOperations(); // -Dbench.ops.countersOnly=true leaves the endpoint and its scraper out, to tell the two costs apart
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
            throw new IllegalStateException("order ids out of step with the plan: " + order.orderId() + " for index " + index);
        }
        return true;
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
            admin = new io.ordergateway.adapters.admin.AdminServer(gateway, "127.0.0.1", 0, null);
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
                    http.send(java.net.http.HttpRequest.newBuilder(metrics).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
                    http.send(java.net.http.HttpRequest.newBuilder(status).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
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
