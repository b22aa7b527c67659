package io.ordergateway.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.ordergateway.adapters.alpaca.AlpacaBroker;
import io.ordergateway.adapters.alpaca.AlpacaConfig;
import io.ordergateway.adapters.alpaca.AlpacaOrderEncoder;
import io.ordergateway.adapters.alpaca.AlpacaRequests;
import io.ordergateway.testkit.alpaca.AlpacaSimulator;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.broker.BrokerOrderStatus;
import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Alpaca adapter's own costs.
 *
 * <ul>
 *   <li>{@code encodeLimitOrder}: a limit order encoded into complete request bytes (request line,
 *       headers, JSON body) in a reused pooled buffer. Run with {@code -prof gc}: 0 B/op.</li>
 *   <li>{@code adapterGetOrder} and {@code jdkGetOrder}: the same request, {@code GET
 *       /v2/orders:by_client_order_id}, against the Alpaca simulator on loopback in this fork, and
 *       the order read from the answer: through the adapter (caller hands the request to the
 *       adapter's Netty event loop, keep-alive connection, Jackson streaming parser, answer back to
 *       the caller) and through the JDK's {@code java.net.http.HttpClient} with Jackson databind,
 *       measured in the same run (sample time: percentiles).</li>
 * </ul>
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {
    JvmFlags.ADD_EXPORTS_MISC, JvmFlags.ADD_EXPORTS_NIO, JvmFlags.ADD_OPENS_REFLECT, JvmFlags.ADD_EXPORTS_REF,
        JvmFlags.ADD_OPENS_LANG,
    JvmFlags.ADD_EXPORTS_JAVAC, JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER, JvmFlags.NO_DISK_MONITOR})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AlpacaAdapterBenchmark
{
    private static final String KEY = "bench-key";
    private static final String SECRET = "bench-secret";

    private final AlpacaOrderEncoder encoder = new AlpacaOrderEncoder(new AlpacaRequests("127.0.0.1:8080", KEY, SECRET),
        new SymbolTable(List.of("AAPL", "MSFT")), new ClientOrderIds("bench"));
    private final ByteBuf buffer = PooledByteBufAllocator.DEFAULT.buffer(1024);
    private final LimitOrder order = new LimitOrder();
    private final ObjectMapper mapper = new ObjectMapper();
    private AlpacaSimulator simulator;
    private AlpacaBroker broker;
    private HttpClient jdk;
    private HttpRequest jdkRequest;
    private String clientOrderId;

    /** A day limit buy of 100 AAPL at 187.25. */
    static final class LimitOrder implements OrderCommand
    {
        long orderId = 1;

        @Override
        public CommandKind command()
        {
            return CommandKind.NEW;
        }

        @Override
        public long orderId()
        {
            return orderId;
        }

        @Override
        public int symbolId()
        {
            return 0;
        }

        @Override
        public Side side()
        {
            return Side.BUY;
        }

        @Override
        public OrderType orderType()
        {
            return OrderType.LIMIT;
        }

        @Override
        public TimeInForce timeInForce()
        {
            return TimeInForce.DAY;
        }

        @Override
        public long quantity()
        {
            return FixedPoint.quantity(100);
        }

        @Override
        public long limitPrice()
        {
            return 18_725_000_000L;
        }

        @Override
        public long stopPrice()
        {
            return FixedPoint.NULL;
        }

    }

    /**
     * Starts the simulator, places one order with the JDK client, and warms both clients' connections.
     *
     * @throws Exception if the simulator cannot start.
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        simulator = new AlpacaSimulator(AlpacaSimulator.Config.defaults(List.of("AAPL", "MSFT"), KEY, SECRET)
            .withEngine(SimBrokerConfig.defaults("bench").withLatency(0, 0).withPriceMoves(0, 0))
            .withRateLimit(Integer.MAX_VALUE, 60_000)).start(0);
        final URI base = simulator.url();
        broker = new AlpacaBroker(AlpacaConfig.of("bench", base, KEY, SECRET));
        jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .build();
        clientOrderId = "bench-1";
        final HttpRequest post = HttpRequest.newBuilder(base.resolve("/v2/orders"))
            .header("APCA-API-KEY-ID", KEY).header("APCA-API-SECRET-KEY", SECRET)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"symbol\":\"AAPL\",\"qty\":\"1\",\"side\":\"buy\",\"type\":\"limit\","
                + "\"time_in_force\":\"gtc\",\"limit_price\":\"1\",\"client_order_id\":\"" + clientOrderId + "\"}"))
            .build();
        final HttpResponse<String> placed = jdk.send(post, HttpResponse.BodyHandlers.ofString());
        if (placed.statusCode() != 200)
        {
            throw new IllegalStateException("simulator refused the order: " + placed.body());
        }

        jdkRequest = HttpRequest.newBuilder(base.resolve("/v2/orders:by_client_order_id?client_order_id="
            + clientOrderId))
            .header("APCA-API-KEY-ID", KEY).header("APCA-API-SECRET-KEY", SECRET).GET().build();
    }

    /**
     * Stops the adapter and the simulator.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        broker.disconnect();
        simulator.close();
        buffer.release();
    }

    /**
     * @return the encoded length (so the work is not eliminated).
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int encodeLimitOrder()
    {
        buffer.clear();
        order.orderId++;
        encoder.encodeNew(order, buffer);
        return buffer.writerIndex();
    }

    /**
     * @return the order's filled quantity.
     * @throws Exception on failure.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long adapterGetOrder() throws Exception
    {
        final BrokerOrderStatus status = broker.queryOrder(1, clientOrderId, 5_000);
        return status.quantity();
    }

    /**
     * @return the order's quantity, read with databind.
     * @throws Exception on failure.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long jdkGetOrder() throws Exception
    {
        final HttpResponse<byte[]> response = jdk.send(jdkRequest, HttpResponse.BodyHandlers.ofByteArray());
        final JsonNode order = mapper.readTree(response.body());
        return FixedPoint.parse(order.get("qty").asText(), FixedPoint.QUANTITY_DECIMALS);
    }
}
