package io.ordergateway.benchmarks;

import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.pipeline.JournalStage;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.journal.JournalFiles;
import io.ordergateway.journal.JournalWriter;
import io.ordergateway.journal.JournalAdapter;
import io.ordergateway.journal.JournalListener;
import io.ordergateway.journal.JournalPublisher;
import io.ordergateway.journal.OrderNewView;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The journal: the journal stage writing a routed new order (OrderNew, OrderRouted, OrderSent in one
 * Chronicle document) to a real queue in a temporary directory, and SBE encoding and decoding of an
 * OrderNew record on its own. Run with {@code -prof gc}: all should be 0 B/op.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {
    JvmFlags.ADD_EXPORTS_MISC, JvmFlags.ADD_EXPORTS_NIO, JvmFlags.ADD_OPENS_REFLECT, JvmFlags.ADD_EXPORTS_REF,
        JvmFlags.ADD_OPENS_LANG,
    JvmFlags.ADD_EXPORTS_JAVAC, JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER, JvmFlags.NO_DISK_MONITOR})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JournalBenchmark
{
    private Path dir;
    private JournalWriter writer;
    private JournalStage stage;
    private final GatewayEvent event = new GatewayEvent();
    private static final byte[] AAPL = JournalPublisher.symbolBytes("AAPL");
    private JournalPublisher encoder;
    private final OrderSum decoded = new OrderSum();
    private final JournalAdapter decoder = new JournalAdapter(decoded);
    private long sequence;

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        dir = Files.createTempDirectory("journal-bench");
        writer = new JournalWriter(dir, JournalFiles.DEFAULT_ROLL_CYCLE);
        stage = new JournalStage(writer, new SymbolTable(List.of("AAPL")), new ClientOrderIds("gw1"));
        stage.onStart();
        encoder = new JournalPublisher(writer);
        encodeOrderNew();
        encoder.seal(); // decodeOrderNew reads a whole document, checksum included, as every reader does
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        writer.close();
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public long appendRoutedNewOrder()
    {
        final GatewayEvent e = event;
        e.reset();
        e.type = EventType.NEW_ORDER;
        e.timestamp = ++sequence;
        e.orderId = sequence;
        e.accountId = 1;
        e.symbolId = 0;
        e.side = Side.BUY;
        e.orderType = OrderType.LIMIT;
        e.timeInForce = TimeInForce.DAY;
        e.orderClass = OrderClass.SIMPLE;
        e.quantity = 100_000_000_000L;
        e.limitPrice = 18_725_000_000L;
        e.brokerId = 1;
        e.routingPolicyCode = RoutingPolicy.ROUND_ROBIN.code();
        stage.onEvent(e, sequence, true);
        return sequence;
    }

    @Benchmark
    public int encodeOrderNew()
    {
        ++sequence;
        return encoder.begin()
            .orderNew(sequence, sequence, sequence, 1, 2, 0, AAPL, Side.BUY.code(), OrderType.LIMIT.code(),
            TimeInForce.DAY.code(), OrderClass.SIMPLE.code(), false, 100_000_000_000L, 18_725_000_000L, Long.MIN_VALUE,
            Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE).length();
    }

    @Benchmark
    public long decodeOrderNew()
    {
        decoder.onDocument(encoder.document(), encoder.length(), 0);
        return decoded.sum;
    }

    /**
     * What the decode benchmark reads of each order.
     */
    private static final class OrderSum implements JournalListener
    {
        long sum;

        @Override
        public void onOrderNew(final OrderNewView d)
        {
            sum = d.orderId() + d.quantity() + d.limitPrice() + d.side() + d.symbolId() + d.accountId() + d.timestamp();
        }
    }
}
