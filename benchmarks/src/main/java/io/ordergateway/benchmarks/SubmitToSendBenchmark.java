package io.ordergateway.benchmarks;

import io.ordergateway.testkit.echo.EchoBroker;
import io.ordergateway.core.api.ExecutionReport;
import io.ordergateway.core.api.ExecutionReportHandler;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.pipeline.Topology;
import io.ordergateway.core.pipeline.WaitStrategyKind;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.core.agent.ThreadingMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An order from {@code submit} through validate, throttle, route, state, journal (a real Chronicle
 * Queue in a temporary directory) and send, to an adapter that answers nothing but an immediate
 * fill from its agent (so orders finish and the gateway's state stays bounded, as in steady
 * trading). The benchmark's thread is the strategy: it polls its reports, as the default
 * configuration expects. The parameters default to the gateway's defaults.
 *
 * <ul>
 *   <li>{@code throughput}: submit as fast as the pipeline takes orders (on a refusal, poll the
 *       reports and retry). Seconds per op is the pipeline's cost per order; with {@code -prof gc},
 *       {@code gc.alloc.rate.norm} is the bytes allocated per order by every thread (strategy,
 *       the gateway's threads, the broker's agent).</li>
 *   <li>{@code roundTrip}: submit one order and poll until its SENT report (which egress emits
 *       after the journal append and the hand-over to the adapter): submit-to-send latency on an
 *       otherwise idle gateway.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {
    JvmFlags.ADD_EXPORTS_MISC, JvmFlags.ADD_EXPORTS_NIO, JvmFlags.ADD_OPENS_REFLECT, JvmFlags.ADD_EXPORTS_REF,
        JvmFlags.ADD_OPENS_LANG,
    JvmFlags.ADD_EXPORTS_JAVAC, JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER, JvmFlags.NO_DISK_MONITOR, "-Xms1g",
    "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SubmitToSendBenchmark
{
    @Param({"SHARED"})
    public ThreadingMode threadingMode;

    @Param({"SINGLE"})
    public Topology topology;

    @Param({"YIELDING"})
    public WaitStrategyKind waitStrategy;

    @Param({"PAGE_CACHE"})
    public io.ordergateway.journal.JournalDurability durability;

    @Param({"true"})
    public boolean pretouch;

    private Path journal;
    private OrderGateway gateway;
    private EchoBroker broker;
    private final NewOrder order = new NewOrder();
    private long lastSent;
    private final ExecutionReportHandler sentCounter = this::onReport;

    private void onReport(final ExecutionReport report)
    {
        if (report.type() == ReportType.SENT)
        {
            lastSent = report.orderId();
        }
    }

    @Setup(Level.Trial)
    public void start() throws IOException
    {
        journal = Files.createTempDirectory("bench-journal");
        gateway = OrderGateway.builder()
            .symbols("AAPL")
            .broker(broker = new EchoBroker("echo", FixedPoint.priceFromCents(18_725)))
            .journalDirectory(journal)
            .threadingMode(threadingMode)
            .topology(topology)
            .waitStrategy(waitStrategy)
            .journalDurability(durability)
            .journalPretouch(pretouch)
            .ringSize(1 << 14)
            .build();
        order.symbol(gateway.symbolId("AAPL")).side(Side.BUY).type(OrderType.MARKET).quantity(FixedPoint.quantity(1))
            .account(1);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException
    {
        gateway.close();
        if (broker.refusedCommands() > 0)
        {
            System.err.println("echo broker refused " + broker.refusedCommands() + " commands (its queue was full)");
        }
        try (Stream<Path> files = Files.walk(journal))
        {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long throughput()
    {
        while (gateway.submit(order) != SubmitResult.ACCEPTED)
        {
            gateway.poll(sentCounter, 4096);
        }
        if ((order.orderId() & 63) == 0)
        {
            gateway.poll(sentCounter, 4096); // the strategy takes its reports now and then
        }
        return order.orderId();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long roundTrip()
    {
        while (gateway.submit(order) != SubmitResult.ACCEPTED)
        {
            gateway.poll(sentCounter, 4096);
        }
        final long id = order.orderId();
        while (lastSent < id)
        {
            gateway.poll(sentCounter, 4096);
        }
        return id;
    }
}
