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
import io.ordergateway.journal.sbe.MessageHeaderDecoder;
import io.ordergateway.journal.sbe.MessageHeaderEncoder;
import io.ordergateway.journal.sbe.OrderNewDecoder;
import io.ordergateway.journal.sbe.OrderNewEncoder;
import org.agrona.concurrent.UnsafeBuffer;
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
    JvmFlags.ADD_EXPORTS_MISC, JvmFlags.ADD_EXPORTS_NIO, JvmFlags.ADD_OPENS_REFLECT, JvmFlags.ADD_EXPORTS_REF, JvmFlags.ADD_OPENS_LANG,
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
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final OrderNewEncoder encoder = new OrderNewEncoder();
    private final OrderNewDecoder decoder = new OrderNewDecoder();
    private long sequence;

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        dir = Files.createTempDirectory("journal-bench");
        writer = new JournalWriter(dir, JournalFiles.DEFAULT_ROLL_CYCLE);
        stage = new JournalStage(writer, new SymbolTable(List.of("AAPL")), new ClientOrderIds("gw1"));
        stage.onStart();
        encodeOrderNew();
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
        encoder.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .sequence(++sequence).timestamp(sequence).orderId(sequence).accountId(1).strategyId(2).symbolId(0).symbolName("AAPL")
            .side(io.ordergateway.journal.sbe.Side.BUY).orderType(io.ordergateway.journal.sbe.OrderType.LIMIT)
            .timeInForce(io.ordergateway.journal.sbe.TimeInForce.DAY).orderClass(io.ordergateway.journal.sbe.OrderClass.SIMPLE)
            .extendedHours(io.ordergateway.journal.sbe.BooleanType.FALSE).quantity(100_000_000_000L).limitPrice(18_725_000_000L)
            .stopPrice(Long.MIN_VALUE).trailPrice(Long.MIN_VALUE).trailPercent(Long.MIN_VALUE).takeProfitLimitPrice(Long.MIN_VALUE)
            .stopLossStopPrice(Long.MIN_VALUE).stopLossLimitPrice(Long.MIN_VALUE);
        return encoder.encodedLength();
    }

    @Benchmark
    public long decodeOrderNew()
    {
        headerDecoder.wrap(buffer, 0);
        decoder.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, headerDecoder.blockLength(), headerDecoder.version());
        return decoder.orderId() + decoder.quantity() + decoder.limitPrice() + decoder.side().value() + decoder.symbolId()
            + decoder.accountId() + decoder.timestamp();
    }
}
