package io.ordergateway.testkit.alpaca;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ordergateway.adapters.sim.SimBroker;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.journal.FixedPoint;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * An Alpaca-compatible broker on a socket: the REST endpoints and the {@code trade_updates}
 * WebSocket of {@code alpaca-trading-api.md}, with an account that keeps orders and positions. Used
 * by the adapter's tests, by the crash test (a broker outside the gateway's JVM) and by
 * {@code gateway demo --broker alpaca-sim}.
 *
 * <p>Executions come from a {@link SimBroker} engine (random-walk prices, partial fills, resting
 * limits and stops), so the simulator behaves like the in-process sim. Everything the account holds
 * is owned by one event-loop thread ("alpaca-sim"); the engine's answers hop onto it.
 *
 * <p>It enforces what the reference says Alpaca enforces: both credential headers (403 without,
 * 401 when wrong), unique client order ids (422), only the fields an order type allows (422, the
 * reference's strict reading), sub-penny prices (422), fractional only for market day orders,
 * {@code qty} xor {@code notional} (400), buying power (403), and a request budget per window with
 * the {@code X-Ratelimit-*} headers (429 when spent). Faults can be injected: failing POSTs (with or
 * without creating the order), POSTs whose answer is never sent, dropped and refused streams.
 *
 * <p>This class starts, stops and exposes the simulator; the parts are {@link SimAccount} (orders,
 * positions, the engine), {@link SimRestRoutes} (the endpoints), {@link SimTradeUpdates} (the
 * stream) and {@link SimFaults} (what a test asked to go wrong).
 */
public final class AlpacaSimulator implements AutoCloseable
{
    /**
     * Settings.
     *
     * @param symbols           tradable symbols.
     * @param keyId             the API key id clients must send.
     * @param secretKey         the secret clients must send.
     * @param engine            the execution engine's settings (prices, partial fills, latency, seed).
     * @param requestsPerWindow REST requests allowed per window (Alpaca: 200 a minute).
     * @param windowMillis      the rate-limit window.
     * @param binaryFrames      send stream messages as binary frames (Alpaca's paper stream does) or as text.
     * @param buyingPower       the account's buying power (money scale); a larger buy is refused with 403.
     * @param seed              seed of the order and execution ids.
     */
    public record Config(
        List<String> symbols, String keyId, String secretKey, SimBrokerConfig engine, int requestsPerWindow,
        long windowMillis, boolean binaryFrames, long buyingPower, long seed)
    {
        /**
         * Copies the symbols.
         */
        public Config
        {
            symbols = List.copyOf(symbols);
        }

        /**
         * @param symbols   tradable symbols.
         * @param keyId     the key clients must send.
         * @param secretKey the secret clients must send.
         * @return the sim engine's defaults, 200 requests a minute, binary frames, $10M buying power.
         */
        public static Config defaults(final List<String> symbols, final String keyId, final String secretKey)
        {
            return new Config(symbols, keyId, secretKey, SimBrokerConfig.defaults("alpaca-sim"), 200, 60_000, true,
                FixedPoint.money(10_000_000), 7);
        }

        /**
         * @param engine the engine settings.
         * @return a copy with them.
         */
        public Config withEngine(final SimBrokerConfig engine)
        {
            return new Config(symbols, keyId, secretKey, engine, requestsPerWindow, windowMillis, binaryFrames,
                buyingPower, seed);
        }

        /**
         * @param requests requests per window.
         * @param millis   window length.
         * @return a copy with this rate limit.
         */
        public Config withRateLimit(final int requests, final long millis)
        {
            return new Config(symbols, keyId, secretKey, engine, requests, millis, binaryFrames, buyingPower, seed);
        }

        /**
         * @param binary true for binary frames.
         * @return a copy.
         */
        public Config withBinaryFrames(final boolean binary)
        {
            return new Config(symbols, keyId, secretKey, engine, requestsPerWindow, windowMillis, binary, buyingPower,
                seed);
        }

        /**
         * @param money buying power (money scale).
         * @return a copy.
         */
        public Config withBuyingPower(final long money)
        {
            return new Config(symbols, keyId, secretKey, engine, requestsPerWindow, windowMillis, binaryFrames, money,
                seed);
        }

        @Override
        public String toString()
        {
            return "Config[symbols=" + symbols + ", requestsPerWindow=" + requestsPerWindow + ", windowMillis="
                + windowMillis + "]";
        }
    }

    private final SslContext ssl;
    private final EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("alpaca-sim", true), NioIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final SymbolTable symbols;
    private final SimBroker engine;
    private final SimFaults faults = new SimFaults();
    private final SimTradeUpdates stream;
    private final SimAccount account;
    private final SimRestRoutes routes;
    private final AtomicBoolean closed = new AtomicBoolean();
    private AgentRunner engineRunner;
    private Channel server;

    /**
     * @param config the settings.
     */
    public AlpacaSimulator(final Config config)
    {
        this(config, null);
    }

    /**
     * @param config the settings.
     * @param ssl    TLS for an https/wss endpoint, or null for plain http/ws.
     */
    public AlpacaSimulator(final Config config, final SslContext ssl)
    {
        this.ssl = ssl;
        this.symbols = new SymbolTable(config.symbols());
        this.engine = new SimBroker(config.engine());
        this.stream = new SimTradeUpdates(config, faults);
        this.account = new SimAccount(loop, symbols, engine, stream, config.seed());
        this.routes = new SimRestRoutes(config, symbols, account, faults);
    }

    /**
     * Binds to a loopback port and starts the engine.
     *
     * @param port the port, 0 for any free one.
     * @return this.
     * @throws InterruptedException if interrupted while binding.
     */
    public AlpacaSimulator start(final int port) throws InterruptedException
    {
        engine.open(BrokerContext.standalone(0, account.engineEvents(), symbols, new ClientOrderIds("alpaca_sim")));
        engine.connect();
        // The simulator is a broker outside the gateway: its matching engine runs on a thread of the simulator's own.
        engineRunner = new AgentRunner(new BackoffIdleStrategy(100, 10, 1_000, 100_000),
            error -> LoggerFactory.getLogger(AlpacaSimulator.class).error("alpaca simulator engine failed", error),
            null, engine.agent());
        AgentRunner.startOnThread(engineRunner);
        server = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    if (ssl != null)
                    {
                        ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                    }
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                        new WebSocketServerProtocolHandler("/stream", null, false, 1 << 20), stream.newHandler(),
                        routes.newHandler());
                }
            })
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).sync().channel();
        return this;
    }

    /**
     * @return the REST base URL, such as {@code http://127.0.0.1:40123}.
     */
    public URI url()
    {
        final InetSocketAddress address = (InetSocketAddress)server.localAddress();
        return URI.create((ssl == null ? "http" : "https") + "://" + address.getHostString() + ":" + address.getPort());
    }

    @Override
    public void close()
    {
        if (closed.getAndSet(true))
        {
            return;
        }
        if (server != null)
        {
            server.close().syncUninterruptibly();
        }
        engine.disconnect();
        if (engineRunner != null)
        {
            engineRunner.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    // ---------------------------------------------------------------- faults

    /**
     * The next {@code count} order POSTs answer {@code status} (such as 500 or 504).
     *
     * @param status        the HTTP status to answer.
     * @param count         how many POSTs.
     * @param createFirst   true to create the order before failing (the answer lies: the order exists).
     */
    public void failNextOrderPosts(final int status, final int count, final boolean createFirst)
    {
        faults.failNextOrderPosts(status, count, createFirst);
    }

    /**
     * A flaky endpoint: a fraction of all REST requests, at random (seeded), answers 500 without being
     * acted on.
     *
     * @param rate the fraction, 0 to stop.
     */
    public void failRequests(final double rate)
    {
        faults.failRequests(rate);
    }

    /**
     * The account cannot short this asset: its asset answer says {@code shortable: false} (orders
     * are not refused for it: the simulator checks only what the gateway asks).
     *
     * @param symbol the asset.
     */
    public void notShortable(final String symbol)
    {
        faults.markNotShortable(symbol);
    }

    /**
     * The next {@code count} REST requests (any method) answer 500 without being acted on.
     *
     * @param count how many.
     */
    public void failNextRequests(final int count)
    {
        faults.failNextRequests(count);
    }

    /**
     * A flaky stream: every trade_updates connection is closed after each {@code messages} messages
     * (events meanwhile are not replayed, as with Alpaca).
     *
     * @param messages how many, 0 to stop.
     */
    public void dropStreamEvery(final int messages)
    {
        faults.dropStreamEvery(messages);
    }

    /**
     * The next {@code count} order POSTs create the order and never answer: the client's request times out.
     *
     * @param count how many.
     */
    public void swallowNextOrderPosts(final int count)
    {
        faults.swallowNextOrderPosts(count);
    }

    /**
     * The next {@code count} replaces (PATCH) are applied and never answered: the client's request times out.
     *
     * @param count how many.
     */
    public void swallowNextReplaces(final int count)
    {
        faults.swallowNextReplaces(count);
    }

    /**
     * Closes every trade_updates connection (events meanwhile are not replayed, as with Alpaca).
     */
    public void dropStreams()
    {
        loop.execute(stream::dropAll);
    }

    /**
     * @param refuse true to close new stream connections at once (the stream stays down).
     */
    public void refuseStreams(final boolean refuse)
    {
        faults.refuseStreams(refuse);
        if (refuse)
        {
            dropStreams();
        }
    }

    /**
     * Moves a symbol's price (fills resting orders that it crosses).
     *
     * @param symbol the symbol.
     * @param price  the price (scaled).
     */
    public void setPrice(final String symbol, final long price)
    {
        engine.setReferencePrice(symbols.id(symbol), price);
    }

    // ---------------------------------------------------------------- inspection

    /**
     * @return replacement orders created (each PATCH that succeeded).
     */
    public int replacements()
    {
        return onLoop(account::replacements);
    }

    /**
     * @return how many POSTs each client order id came with (orders created or refused as duplicates).
     */
    public Map<String, Integer> orderPostsByClientOrderId()
    {
        return routes.orderPostsByClientOrderId();
    }

    /**
     * @return POSTs refused because their client order id was already used.
     */
    public int duplicatePosts()
    {
        return routes.duplicatePosts();
    }

    /**
     * @return requests answered 429.
     */
    public int rateLimitedRequests()
    {
        return routes.rateLimitedRequests();
    }

    /**
     * @return REST requests received (all endpoints).
     */
    public int requests()
    {
        return routes.requests();
    }

    /**
     * @return signed position per symbol (zero positions left out), read on the simulator's thread.
     */
    public Map<String, Long> positions()
    {
        return onLoop(account::positions);
    }

    /**
     * @return client order ids of orders still open.
     */
    public List<String> openClientOrderIds()
    {
        return onLoop(account::openClientOrderIds);
    }

    private <T> T onLoop(final Supplier<T> question)
    {
        try
        {
            return loop.submit(question::get).get(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            throw new IllegalStateException("alpaca simulator did not answer", ex);
        }
    }
}
