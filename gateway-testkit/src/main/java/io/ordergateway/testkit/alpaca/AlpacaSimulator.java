package io.ordergateway.testkit.alpaca;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.ordergateway.adapters.alpaca.AlpacaWire;
import io.ordergateway.adapters.sim.SimBroker;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.ScaledMath;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.journal.FixedPoint;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
        List<String> symbols, String keyId, String secretKey, SimBrokerConfig engine, int requestsPerWindow, long windowMillis,
        boolean binaryFrames, long buyingPower, long seed)
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
            return new Config(symbols, keyId, secretKey, engine, requestsPerWindow, windowMillis, binaryFrames, buyingPower, seed);
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
            return new Config(symbols, keyId, secretKey, engine, requestsPerWindow, windowMillis, binary, buyingPower, seed);
        }

        /**
         * @param money buying power (money scale).
         * @return a copy.
         */
        public Config withBuyingPower(final long money)
        {
            return new Config(symbols, keyId, secretKey, engine, requestsPerWindow, windowMillis, binaryFrames, money, seed);
        }

        @Override
        public String toString()
        {
            return "Config[symbols=" + symbols + ", requestsPerWindow=" + requestsPerWindow + ", windowMillis=" + windowMillis + "]";
        }
    }

    private static final int MAX_CLIENT_ORDER_ID = 48;
    private static final long CENT = FixedPoint.PRICE_SCALE / 100;

    private final Config config;
    private final SslContext ssl;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new io.netty.util.concurrent.DefaultThreadFactory("alpaca-sim", true), NioIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final SymbolTable symbols;
    private final SimBroker engine;
    private org.agrona.concurrent.AgentRunner engineRunner;
    private final SimCommand command = new SimCommand();
    private final SplittableRandom random;
    private final Map<String, SimAlpacaOrder> byId = new HashMap<>();
    private final Map<String, SimAlpacaOrder> byClientId = new HashMap<>();
    private final Map<Long, SimAlpacaOrder> byEngineId = new HashMap<>();
    private final List<SimAlpacaOrder> inOrder = new ArrayList<>();
    private final long[] positionQuantity;
    private final long[] positionCost;
    private final Set<Channel> listeners = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> orderPosts = new ConcurrentHashMap<>();
    private final AtomicInteger duplicatePosts = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private Channel server;
    private long nextEngineId;
    private long windowStart;
    private int windowCount;
    // Faults, set from any thread, read on the loop.
    private volatile int failPosts;
    private volatile int failPostStatus;
    private volatile boolean failPostsAfterCreating;
    private volatile int silentPosts;
    private volatile int silentPatches;
    private volatile boolean refuseStreams;

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
        this.config = config;
        this.ssl = ssl;
        this.symbols = new SymbolTable(config.symbols());
        this.random = new SplittableRandom(config.seed());
        this.positionQuantity = new long[symbols.size()];
        this.positionCost = new long[symbols.size()];
        this.engine = new SimBroker(config.engine());
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
        engine.open(BrokerContext.standalone(0, new EngineEvents(), symbols, new ClientOrderIds("alpaca_sim")));
        engine.connect();
        // The simulator is a broker outside the gateway: its matching engine runs on a thread of the simulator's own.
        engineRunner = new org.agrona.concurrent.AgentRunner(new org.agrona.concurrent.BackoffIdleStrategy(100, 10, 1_000, 100_000),
            error -> org.slf4j.LoggerFactory.getLogger(AlpacaSimulator.class).error("alpaca simulator engine failed", error), null,
            engine.agent());
        org.agrona.concurrent.AgentRunner.startOnThread(engineRunner);
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
                        new WebSocketServerProtocolHandler("/stream", null, false, 1 << 20), new StreamHandler(), new RestHandler());
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

    // ---------------------------------------------------------------- faults and inspection

    /**
     * The next {@code count} order POSTs answer {@code status} (such as 500 or 504).
     *
     * @param status        the HTTP status to answer.
     * @param count         how many POSTs.
     * @param createFirst   true to create the order before failing (the answer lies: the order exists).
     */
    public void failNextOrderPosts(final int status, final int count, final boolean createFirst)
    {
        failPostStatus = status;
        failPostsAfterCreating = createFirst;
        failPosts = count;
    }

    /**
     * The next {@code count} order POSTs create the order and never answer: the client's request times out.
     *
     * @param count how many.
     */
    public void swallowNextOrderPosts(final int count)
    {
        silentPosts = count;
    }

    /**
     * The next {@code count} replaces (PATCH) are applied and never answered: the client's request times out.
     *
     * @param count how many.
     */
    public void swallowNextReplaces(final int count)
    {
        silentPatches = count;
    }

    /**
     * @return replacement orders created (each PATCH that succeeded).
     */
    public int replacements()
    {
        return onLoop(() -> (int)byId.values().stream().filter(o -> o.replaces != null).count());
    }

    /**
     * Closes every trade_updates connection (events meanwhile are not replayed, as with Alpaca).
     */
    public void dropStreams()
    {
        loop.execute(() -> new ArrayList<>(listeners).forEach(Channel::close));
    }

    /**
     * @param refuse true to close new stream connections at once (the stream stays down).
     */
    public void refuseStreams(final boolean refuse)
    {
        refuseStreams = refuse;
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

    /**
     * @return how many POSTs each client order id came with (orders created or refused as duplicates).
     */
    public Map<String, Integer> orderPostsByClientOrderId()
    {
        final Map<String, Integer> copy = new HashMap<>();
        orderPosts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /**
     * @return POSTs refused because their client order id was already used.
     */
    public int duplicatePosts()
    {
        return duplicatePosts.get();
    }

    /**
     * @return requests answered 429.
     */
    public int rateLimitedRequests()
    {
        return rateLimited.get();
    }

    /**
     * @return REST requests received (all endpoints).
     */
    public int requests()
    {
        return requests.get();
    }

    /**
     * @return signed position per symbol (zero positions left out), read on the simulator's thread.
     */
    public Map<String, Long> positions()
    {
        return onLoop(() ->
        {
            final Map<String, Long> out = new java.util.TreeMap<>();
            for (int s = 0; s < positionQuantity.length; s++)
            {
                if (positionQuantity[s] != 0)
                {
                    out.put(symbols.name(s), positionQuantity[s]);
                }
            }
            return out;
        });
    }

    /**
     * @return client order ids of orders still open.
     */
    public List<String> openClientOrderIds()
    {
        return onLoop(() -> inOrder.stream().filter(SimAlpacaOrder::isOpen).map(o -> o.clientOrderId).toList());
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

    // ---------------------------------------------------------------- REST

    private final class RestHandler extends SimpleChannelInboundHandler<FullHttpRequest>
    {
        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close(); // a client that vanished (killed, reset): nothing to answer
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
        {
            requests.incrementAndGet();
            final Reply reply = handle(request);
            if (reply == null)
            {
                return; // a swallowed POST: the client will time out
            }
            final ByteBuf body = ctx.alloc().buffer();
            if (reply.writer != null)
            {
                JsonBodies.write(body, reply.writer);
            }
            final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(reply.status), body);
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            if (reply.writer != null)
            {
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            }
            response.headers().set("X-Ratelimit-Limit", config.requestsPerWindow());
            response.headers().set("X-Ratelimit-Remaining", Math.max(0, config.requestsPerWindow() - windowCount));
            response.headers().set("X-Ratelimit-Reset", (windowStart + config.windowMillis() + 999) / 1000);
            io.ordergateway.runtime.admin.HttpReplies.send(ctx, request, response);
        }
    }

    private record Reply(int status, JsonBodies.Writer writer)
    {
    }

    private static Reply error(final int status, final int code, final String message)
    {
        return new Reply(status, json ->
        {
            json.writeStartObject();
            if (code != 0)
            {
                json.writeNumberField("code", code);
            }
            json.writeStringField("message", message);
            json.writeEndObject();
        });
    }

    private Reply handle(final FullHttpRequest request)
    {
        final String key = request.headers().get("APCA-API-KEY-ID");
        final String secret = request.headers().get("APCA-API-SECRET-KEY");
        if (key == null || secret == null)
        {
            return error(403, 0, "forbidden.");
        }
        if (!key.equals(config.keyId()) || !secret.equals(config.secretKey()))
        {
            return error(401, 40110000, "request is not authorized");
        }
        final long now = System.currentTimeMillis();
        if (now >= windowStart + config.windowMillis())
        {
            windowStart = now; // a window starts with its first request (tests know where they stand)
            windowCount = 0;
        }
        if (++windowCount > config.requestsPerWindow())
        {
            rateLimited.incrementAndGet();
            return error(429, 42910000, "rate limit exceeded");
        }
        final QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        final String path = uri.path();
        final HttpMethod method = request.method();
        try
        {
            if (path.equals("/v2/orders"))
            {
                if (method.equals(HttpMethod.POST))
                {
                    return placeOrder(JsonBodies.readObject(request.content()));
                }
                if (method.equals(HttpMethod.GET))
                {
                    return listOrders(uri.parameters());
                }
                if (method.equals(HttpMethod.DELETE))
                {
                    return cancelAll();
                }
            }
            else if (path.equals("/v2/orders:by_client_order_id") && method.equals(HttpMethod.GET))
            {
                final SimAlpacaOrder o = byClientId.get(first(uri.parameters(), "client_order_id"));
                return o == null ? error(404, 40410000, "order not found") : new Reply(200, json -> writeOrder(json, o));
            }
            else if (path.startsWith("/v2/orders/"))
            {
                final SimAlpacaOrder o = byId.get(path.substring("/v2/orders/".length()));
                if (o == null)
                {
                    return error(404, 40410000, "order not found");
                }
                if (method.equals(HttpMethod.GET))
                {
                    return new Reply(200, json -> writeOrder(json, o));
                }
                if (method.equals(HttpMethod.DELETE))
                {
                    return cancel(o);
                }
                if (method.equals(HttpMethod.PATCH))
                {
                    return replace(o, JsonBodies.readObject(request.content()));
                }
            }
            else if (path.equals("/v2/positions") && method.equals(HttpMethod.GET))
            {
                return new Reply(200, this::writePositions);
            }
            else if (path.startsWith("/v2/positions/") && method.equals(HttpMethod.GET))
            {
                final int s = symbols.id(path.substring("/v2/positions/".length()));
                if (s == SymbolTable.UNKNOWN || positionQuantity[s] == 0)
                {
                    return error(404, 40410000, "position does not exist");
                }
                return new Reply(200, json -> writePosition(json, s));
            }
            else if (path.equals("/v2/account") && method.equals(HttpMethod.GET))
            {
                return new Reply(200, this::writeAccount);
            }
            else if (path.equals("/v2/clock") && method.equals(HttpMethod.GET))
            {
                return new Reply(200, json ->
                {
                    json.writeStartObject();
                    json.writeStringField("timestamp", Instant.now().toString());
                    json.writeBooleanField("is_open", true);
                    json.writeStringField("next_open", Instant.now().plusSeconds(86_400).toString());
                    json.writeStringField("next_close", Instant.now().plusSeconds(3_600).toString());
                    json.writeEndObject();
                });
            }
            else if (path.startsWith("/v2/assets/") && method.equals(HttpMethod.GET))
            {
                final String symbol = path.substring("/v2/assets/".length());
                if (symbols.id(symbol) == SymbolTable.UNKNOWN)
                {
                    return error(404, 40410000, "asset not found for " + symbol);
                }
                return new Reply(200, json -> writeAsset(json, symbol));
            }
            return error(404, 40410000, "endpoint not found");
        }
        catch (final IllegalArgumentException ex)
        {
            return error(400, 40010000, ex.getMessage());
        }
    }

    private static String first(final Map<String, List<String>> params, final String name)
    {
        final List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    // ---------------------------------------------------------------- orders

    private Reply placeOrder(final Map<String, Object> body)
    {
        final String clientOrderId = text(body, "client_order_id");
        if (clientOrderId != null && !clientOrderId.isEmpty())
        {
            orderPosts.computeIfAbsent(clientOrderId, k -> new AtomicInteger()).incrementAndGet();
        }
        if (failPosts > 0 && !failPostsAfterCreating)
        {
            failPosts--;
            return error(failPostStatus, 50010000, "internal server error");
        }
        final SimAlpacaOrder o = new SimAlpacaOrder();
        final Reply invalid = readOrder(body, o);
        if (invalid != null)
        {
            return invalid;
        }
        o.clientOrderId = clientOrderId == null || clientOrderId.isEmpty() ? newId() : clientOrderId;
        if (byClientId.containsKey(o.clientOrderId))
        {
            duplicatePosts.incrementAndGet();
            return error(422, 40010001, "client_order_id must be unique");
        }
        if (o.side == Side.BUY)
        {
            final long price = o.limitPrice != FixedPoint.NULL ? o.limitPrice
                : config.engine().referencePrices().getOrDefault(o.symbol, SimBrokerConfig.DEFAULT_PRICE);
            final long cost = ScaledMath.notionalSaturated(o.quantity, price);
            if (cost > config.buyingPower())
            {
                return new Reply(403, json ->
                {
                    json.writeStartObject();
                    json.writeNumberField("code", 40310000);
                    json.writeStringField("message", "insufficient buying power");
                    json.writeStringField("buying_power", FixedPoint.formatPrice(config.buyingPower()));
                    json.writeStringField("cost_basis", FixedPoint.formatPrice(cost));
                    json.writeEndObject();
                });
            }
        }
        create(o);
        if (failPosts > 0)
        {
            failPosts--;
            return error(failPostStatus, 50010000, "internal server error");
        }
        if (silentPosts > 0)
        {
            silentPosts--;
            return null;
        }
        return new Reply(200, json -> writeOrder(json, o));
    }

    private void create(final SimAlpacaOrder o)
    {
        o.id = newId();
        o.engineId = ++nextEngineId;
        o.status = "pending_new";
        o.createdAt = Instant.now();
        o.updatedAt = o.createdAt;
        byId.put(o.id, o);
        byClientId.put(o.clientOrderId, o);
        byEngineId.put(o.engineId, o);
        inOrder.add(o);
        command.set(CommandKind.NEW, o, symbols.id(o.symbol));
        engine.sendNew(command);
    }

    /**
     * Reads and checks an order body the way the reference says Alpaca does.
     *
     * @return null if the order is valid, else the error reply.
     */
    private Reply readOrder(final Map<String, Object> body, final SimAlpacaOrder o)
    {
        o.symbol = text(body, "symbol");
        if (o.symbol == null || symbols.id(o.symbol) == SymbolTable.UNKNOWN)
        {
            return error(422, 40010001, "asset not found for " + o.symbol);
        }
        o.side = AlpacaWire.parseSide(text(body, "side"));
        if (o.side == null)
        {
            return error(422, 40010001, "invalid side");
        }
        o.type = AlpacaWire.parseType(text(body, "type"));
        if (o.type == null)
        {
            return error(422, 40010001, "invalid order type");
        }
        o.timeInForce = AlpacaWire.parseTimeInForce(text(body, "time_in_force"));
        if (o.timeInForce == null)
        {
            return error(422, 40010001, "invalid time_in_force");
        }
        o.orderClass = AlpacaWire.parseOrderClass(text(body, "order_class"));
        if (o.orderClass == null)
        {
            return error(422, 40010001, "invalid order_class");
        }
        final String qty = text(body, "qty");
        final String notional = text(body, "notional");
        if ((qty == null) == (notional == null))
        {
            return error(400, 40010000, "exactly one of qty or notional is required");
        }
        if (notional != null)
        {
            return error(422, 40010001, "notional orders are not supported by the simulator");
        }
        o.quantity = decimal(qty, FixedPoint.QUANTITY_DECIMALS, "qty");
        if (o.quantity <= 0)
        {
            return error(422, 40010001, "qty must be > 0");
        }
        if (o.quantity % FixedPoint.QUANTITY_SCALE != 0 && !(o.type == OrderType.MARKET && o.timeInForce == TimeInForce.DAY))
        {
            return error(422, 40010001, "fractional orders must be DAY orders");
        }
        final boolean limit = o.type == OrderType.LIMIT || o.type == OrderType.STOP_LIMIT;
        final boolean stop = o.type == OrderType.STOP || o.type == OrderType.STOP_LIMIT;
        final boolean trailing = o.type == OrderType.TRAILING_STOP;
        final Reply fields = allowOnly(body, limit, "limit_price") != null ? allowOnly(body, limit, "limit_price")
            : allowOnly(body, stop, "stop_price") != null ? allowOnly(body, stop, "stop_price")
            : allowOnly(body, trailing, "trail_price") != null ? allowOnly(body, trailing, "trail_price")
            : allowOnly(body, trailing, "trail_percent");
        if (fields != null)
        {
            return fields;
        }
        o.limitPrice = limit ? decimal(text(body, "limit_price"), FixedPoint.PRICE_DECIMALS, "limit_price") : FixedPoint.NULL;
        o.stopPrice = stop ? decimal(text(body, "stop_price"), FixedPoint.PRICE_DECIMALS, "stop_price") : FixedPoint.NULL;
        o.trailPrice = trailing && body.get("trail_price") != null
            ? decimal(text(body, "trail_price"), FixedPoint.PRICE_DECIMALS, "trail_price") : FixedPoint.NULL;
        o.trailPercent = trailing && body.get("trail_percent") != null
            ? decimal(text(body, "trail_percent"), FixedPoint.PRICE_DECIMALS, "trail_percent") : FixedPoint.NULL;
        if (limit && o.limitPrice == FixedPoint.NULL || stop && o.stopPrice == FixedPoint.NULL)
        {
            return error(422, 40010001, (limit && o.limitPrice == FixedPoint.NULL ? "limit_price" : "stop_price") + " is required");
        }
        if (trailing && (o.trailPrice == FixedPoint.NULL) == (o.trailPercent == FixedPoint.NULL))
        {
            return error(422, 40010001, "exactly one of trail_price or trail_percent is required");
        }
        final Reply tick = subPenny(o.limitPrice, "limit_price") != null ? subPenny(o.limitPrice, "limit_price") : subPenny(o.stopPrice, "stop_price");
        if (tick != null)
        {
            return tick;
        }
        o.extendedHours = Boolean.TRUE.equals(body.get("extended_hours"));
        if (o.extendedHours && !(o.type == OrderType.LIMIT && o.timeInForce == TimeInForce.DAY))
        {
            return error(422, 40010001, "only type=\"limit\" is allowed for extended hours orders");
        }
        final boolean legs = body.get("take_profit") != null || body.get("stop_loss") != null;
        if (o.orderClass == OrderClass.SIMPLE && legs)
        {
            return error(422, 40010001, "take_profit and stop_loss need an order_class");
        }
        if (o.orderClass == OrderClass.BRACKET && (body.get("take_profit") == null || body.get("stop_loss") == null))
        {
            return error(422, 40010001, "bracket orders need take_profit and stop_loss");
        }
        if (o.orderClass == OrderClass.BRACKET && !(o.type == OrderType.MARKET || o.type == OrderType.LIMIT))
        {
            return error(422, 40010001, "bracket orders must be market or limit orders");
        }
        if (o.orderClass == OrderClass.OCO && (o.type != OrderType.LIMIT || body.get("take_profit") == null || body.get("stop_loss") == null))
        {
            return error(422, 40010001, "oco orders must be limit orders with take_profit and stop_loss");
        }
        if (o.orderClass == OrderClass.OTO && (body.get("take_profit") == null) == (body.get("stop_loss") == null))
        {
            return error(422, 40010001, "oto orders need exactly one of take_profit or stop_loss");
        }
        for (final String name : body.keySet())
        {
            if (!KNOWN_FIELDS.contains(name))
            {
                return error(422, 40010001, "unknown field " + name);
            }
        }
        return null;
    }

    private static final Set<String> KNOWN_FIELDS = Set.of("symbol", "qty", "notional", "side", "type", "time_in_force", "limit_price",
        "stop_price", "trail_price", "trail_percent", "extended_hours", "client_order_id", "order_class", "take_profit", "stop_loss",
        "position_intent");

    private static Reply allowOnly(final Map<String, Object> body, final boolean allowed, final String field)
    {
        return !allowed && body.get(field) != null ? error(422, 40010001, field + " is not allowed for this order type") : null;
    }

    private static Reply subPenny(final long price, final String field)
    {
        if (price == FixedPoint.NULL)
        {
            return null;
        }
        final long tick = price >= FixedPoint.PRICE_SCALE ? CENT : CENT / 100;
        if (price % tick != 0)
        {
            return error(422, 42210000, "invalid " + field + " " + FixedPoint.formatPrice(price)
                + ". sub-penny increment does not fulfill minimum pricing criteria");
        }
        return null;
    }

    private static String text(final Map<String, Object> body, final String name)
    {
        final Object value = body.get(name);
        if (value == null)
        {
            return null;
        }
        if (value instanceof String s)
        {
            return s;
        }
        if (value instanceof BigDecimal d)
        {
            return d.toPlainString(); // Alpaca accepts numbers too (the reference's SDK note)
        }
        throw new IllegalArgumentException(name + " has the wrong JSON type");
    }

    private static long decimal(final String text, final int decimals, final String field)
    {
        if (text == null)
        {
            return FixedPoint.NULL;
        }
        try
        {
            return FixedPoint.parse(text, decimals);
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalArgumentException("invalid " + field + " " + text);
        }
    }

    private Reply cancel(final SimAlpacaOrder o)
    {
        if (!o.isOpen())
        {
            return error(422, 42210000, "order is already in \"" + o.status + "\" state");
        }
        if (o.status.equals("pending_replace"))
        {
            return error(422, 42210000, "order is pending replace");
        }
        o.status = "pending_cancel";
        command.set(CommandKind.CANCEL, o, symbols.id(o.symbol));
        engine.sendCancel(command);
        return new Reply(204, null);
    }

    private Reply cancelAll()
    {
        final List<SimAlpacaOrder> open = inOrder.stream().filter(SimAlpacaOrder::isOpen).toList();
        final Map<String, Integer> results = new LinkedHashMap<>();
        for (final SimAlpacaOrder o : open)
        {
            results.put(o.id, cancel(o).status());
        }
        return new Reply(207, json ->
        {
            json.writeStartArray();
            for (final Map.Entry<String, Integer> r : results.entrySet())
            {
                json.writeStartObject();
                json.writeStringField("id", r.getKey());
                json.writeNumberField("status", r.getValue());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    private Reply replace(final SimAlpacaOrder old, final Map<String, Object> body)
    {
        if (!old.isOpen() || old.status.equals("pending_cancel") || old.status.equals("pending_replace"))
        {
            return error(422, 42210000, "order is already in \"" + old.status + "\" state");
        }
        for (final String name : body.keySet())
        {
            if (!Set.of("qty", "time_in_force", "limit_price", "stop_price", "trail", "client_order_id").contains(name))
            {
                return error(422, 40010001, "unknown field " + name);
            }
        }
        final SimAlpacaOrder o = new SimAlpacaOrder();
        o.symbol = old.symbol;
        o.side = old.side;
        o.type = old.type;
        o.orderClass = old.orderClass;
        o.extendedHours = old.extendedHours;
        o.trailPrice = old.trailPrice;
        o.trailPercent = old.trailPercent;
        o.timeInForce = body.get("time_in_force") == null ? old.timeInForce : AlpacaWire.parseTimeInForce(text(body, "time_in_force"));
        o.quantity = body.get("qty") == null ? old.quantity : decimal(text(body, "qty"), FixedPoint.QUANTITY_DECIMALS, "qty");
        o.limitPrice = body.get("limit_price") == null ? old.limitPrice : decimal(text(body, "limit_price"), FixedPoint.PRICE_DECIMALS, "limit_price");
        o.stopPrice = body.get("stop_price") == null ? old.stopPrice : decimal(text(body, "stop_price"), FixedPoint.PRICE_DECIMALS, "stop_price");
        if (o.timeInForce == null || o.quantity <= 0)
        {
            return error(422, 40010001, "invalid replace");
        }
        final String cid = text(body, "client_order_id");
        o.clientOrderId = cid == null || cid.isEmpty() ? newId() : cid;
        if (byClientId.containsKey(o.clientOrderId))
        {
            return error(422, 40010001, "client_order_id must be unique");
        }
        o.id = newId();
        o.engineId = old.engineId; // the engine keeps one order; the account shows a new one
        o.replaces = old.id;
        o.filledQuantity = old.filledQuantity; // this simulator carries executions over to the replacement
        o.filledNotional = old.filledNotional;
        o.status = "pending_new";
        o.createdAt = Instant.now();
        o.updatedAt = o.createdAt;
        old.status = "pending_replace";
        old.replacedBy = o.id; // provisional until the engine confirms
        byId.put(o.id, o);
        byClientId.put(o.clientOrderId, o);
        pendingReplacement.put(old.engineId, o);
        command.set(CommandKind.REPLACE, o, symbols.id(o.symbol));
        engine.sendReplace(command);
        if (silentPatches > 0)
        {
            silentPatches--;
            return null;
        }
        return new Reply(200, json -> writeOrder(json, o));
    }

    private final Map<Long, SimAlpacaOrder> pendingReplacement = new HashMap<>();

    private Reply listOrders(final Map<String, List<String>> params)
    {
        final String status = first(params, "status") == null ? "open" : first(params, "status");
        final int limit = Math.min(500, first(params, "limit") == null ? 50 : Integer.parseInt(first(params, "limit")));
        final Instant after = first(params, "after") == null ? null : Instant.parse(first(params, "after"));
        final Instant until = first(params, "until") == null ? null : Instant.parse(first(params, "until"));
        final boolean ascending = "asc".equals(first(params, "direction"));
        final Set<String> only = first(params, "symbols") == null ? null : Set.of(first(params, "symbols").split(","));
        final List<SimAlpacaOrder> out = new ArrayList<>(inOrder.stream()
            .filter(o -> status.equals("all") || (status.equals("open") == o.isOpen()))
            .filter(o -> after == null || o.createdAt.isAfter(after))
            .filter(o -> until == null || o.createdAt.isBefore(until))
            .filter(o -> only == null || only.contains(o.symbol))
            .toList());
        out.sort(Comparator.comparing((SimAlpacaOrder o) -> o.createdAt));
        if (!ascending)
        {
            java.util.Collections.reverse(out);
        }
        final List<SimAlpacaOrder> page = out.subList(0, Math.min(limit, out.size()));
        return new Reply(200, json ->
        {
            json.writeStartArray();
            for (final SimAlpacaOrder o : page)
            {
                writeOrder(json, o);
            }
            json.writeEndArray();
        });
    }

    private String newId()
    {
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
    }

    // ---------------------------------------------------------------- engine events (on the loop)

    private final class EngineEvents implements BrokerEventSink
    {
        @Override
        public void acknowledged(final long orderId, final long brokerOrderId)
        {
            loop.execute(() -> onAccepted(orderId));
        }

        @Override
        public void rejected(final long orderId, final CommandKind command, final RejectReason reason, final int brokerCode)
        {
            loop.execute(() -> onRejected(orderId, command));
        }

        @Override
        public void filled(final long orderId, final long fillId, final long quantity, final long price)
        {
            loop.execute(() -> onFilled(orderId, quantity, price));
        }

        @Override
        public void canceled(final long orderId)
        {
            loop.execute(() -> onFinished(orderId, "canceled"));
        }

        @Override
        public void replaced(final long orderId, final long quantity, final long limitPrice, final long stopPrice)
        {
            loop.execute(() -> onReplaced(orderId));
        }

        @Override
        public void expired(final long orderId)
        {
            loop.execute(() -> onFinished(orderId, "expired"));
        }
    }

    private void onAccepted(final long engineId)
    {
        final SimAlpacaOrder o = byEngineId.get(engineId);
        if (o != null && o.status.equals("pending_new"))
        {
            o.status = "new";
            o.updatedAt = Instant.now();
            publish("new", o, 0, 0);
        }
    }

    private void onRejected(final long engineId, final CommandKind kind)
    {
        final SimAlpacaOrder o = byEngineId.get(engineId);
        if (o == null)
        {
            return;
        }
        final Instant now = Instant.now();
        switch (kind)
        {
            case NEW:
                o.status = "rejected";
                o.failedAt = now;
                o.updatedAt = now;
                publish("rejected", o, 0, 0);
                break;
            case CANCEL:
                if (o.status.equals("pending_cancel"))
                {
                    o.status = o.filledQuantity > 0 ? "partially_filled" : "new";
                }
                publish("order_cancel_rejected", o, 0, 0);
                break;
            default:
                final SimAlpacaOrder replacement = pendingReplacement.remove(engineId);
                if (replacement != null)
                {
                    replacement.status = "rejected";
                    replacement.failedAt = now;
                    o.replacedBy = null;
                }
                if (o.status.equals("pending_replace"))
                {
                    o.status = o.filledQuantity >= o.quantity ? "filled" : o.filledQuantity > 0 ? "partially_filled" : "new";
                }
                publish("order_replace_rejected", o, 0, 0);
                break;
        }
    }

    private void onFilled(final long engineId, final long quantity, final long price)
    {
        final SimAlpacaOrder o = byEngineId.get(engineId);
        if (o == null)
        {
            return;
        }
        final Instant now = Instant.now();
        o.filledQuantity += quantity;
        o.filledNotional += ScaledMath.notional(quantity, price);
        o.updatedAt = now;
        final boolean done = o.filledQuantity >= o.quantity;
        if (!o.status.equals("pending_cancel") && !o.status.equals("pending_replace") || done)
        {
            o.status = done ? "filled" : "partially_filled";
        }
        if (done)
        {
            o.filledAt = now;
        }
        final int s = symbols.id(o.symbol);
        final long signed = o.side == Side.BUY ? quantity : -quantity;
        final long before = positionQuantity[s];
        positionQuantity[s] += signed;
        if (before == 0 || Long.signum(before) == Long.signum(signed))
        {
            positionCost[s] += ScaledMath.notional(signed, price);
        }
        else if (Long.signum(positionQuantity[s]) != Long.signum(before) && positionQuantity[s] != 0)
        {
            positionCost[s] = ScaledMath.notional(positionQuantity[s], price); // flipped through zero
        }
        else
        {
            positionCost[s] = positionQuantity[s] == 0 ? 0 : ScaledMath.multiplyDivide(positionCost[s], positionQuantity[s], before);
        }
        publish(done ? "fill" : "partial_fill", o, quantity, price);
    }

    private void onFinished(final long engineId, final String status)
    {
        final SimAlpacaOrder o = byEngineId.get(engineId);
        if (o == null || !o.isOpen())
        {
            return;
        }
        o.status = status;
        o.updatedAt = Instant.now();
        if (status.equals("canceled"))
        {
            o.canceledAt = o.updatedAt;
        }
        else
        {
            o.expiredAt = o.updatedAt;
        }
        publish(status, o, 0, 0);
    }

    private void onReplaced(final long engineId)
    {
        final SimAlpacaOrder old = byEngineId.get(engineId);
        final SimAlpacaOrder replacement = pendingReplacement.remove(engineId);
        if (old == null || replacement == null)
        {
            return;
        }
        final Instant now = Instant.now();
        old.status = "replaced";
        old.replacedAt = now;
        old.updatedAt = now;
        old.replacedBy = replacement.id;
        replacement.status = replacement.filledQuantity > 0 ? "partially_filled" : "new";
        replacement.updatedAt = now;
        byEngineId.put(engineId, replacement);
        inOrder.add(replacement);
        publish("replaced", old, 0, 0);
        publish("new", replacement, 0, 0);
    }

    // ---------------------------------------------------------------- the stream

    private void publish(final String event, final SimAlpacaOrder o, final long quantity, final long price)
    {
        if (listeners.isEmpty())
        {
            return;
        }
        final int s = symbols.id(o.symbol);
        final ByteBuf message = Unpooled.buffer(1024);
        JsonBodies.write(message, json ->
        {
            json.writeStartObject();
            json.writeStringField("stream", "trade_updates");
            json.writeObjectFieldStart("data");
            json.writeStringField("event", event);
            json.writeStringField("timestamp", o.updatedAt.toString());
            if (quantity > 0)
            {
                json.writeStringField("execution_id", newId());
                json.writeStringField("price", FixedPoint.formatPrice(price));
                json.writeStringField("qty", FixedPoint.formatQuantity(quantity));
                json.writeStringField("position_qty", FixedPoint.formatQuantity(positionQuantity[s]));
            }
            json.writeFieldName("order");
            writeOrder(json, o);
            json.writeEndObject();
            json.writeEndObject();
        });
        for (final Channel channel : listeners)
        {
            channel.writeAndFlush(frame(message.retainedDuplicate()));
        }
        message.release();
    }

    private WebSocketFrame frame(final ByteBuf content)
    {
        return config.binaryFrames() ? new BinaryWebSocketFrame(content) : new TextWebSocketFrame(content);
    }

    private final class StreamHandler extends SimpleChannelInboundHandler<WebSocketFrame>
    {
        private boolean authorized;

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) throws Exception
        {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete && refuseStreams)
            {
                ctx.close();
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            listeners.remove(ctx.channel());
            super.channelInactive(ctx);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
        {
            if (!(frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame))
            {
                return;
            }
            final Map<String, Object> message;
            try
            {
                message = JsonBodies.readObject(frame.content());
            }
            catch (final IllegalArgumentException ex)
            {
                send(ctx, "error", json -> json.writeStringField("message", "invalid syntax"));
                return;
            }
            final Object action = message.get("action");
            @SuppressWarnings("unchecked")
            final Map<String, Object> data = message.get("data") instanceof Map ? (Map<String, Object>)message.get("data") : Map.of();
            if ("authenticate".equals(action))
            {
                authorized = config.keyId().equals(data.get("key_id")) && config.secretKey().equals(data.get("secret_key"));
                send(ctx, "authorization", json ->
                {
                    json.writeStringField("status", authorized ? "authorized" : "unauthorized");
                    json.writeStringField("action", "authenticate");
                });
                if (!authorized)
                {
                    ctx.close();
                }
            }
            else if ("listen".equals(action))
            {
                if (!authorized)
                {
                    send(ctx, "authorization", json ->
                    {
                        json.writeStringField("status", "unauthorized");
                        json.writeStringField("action", "listen");
                    });
                    return;
                }
                final Object streams = data.get("streams");
                final boolean trade = streams instanceof List<?> list && list.contains("trade_updates");
                if (trade)
                {
                    listeners.add(ctx.channel());
                }
                else
                {
                    listeners.remove(ctx.channel());
                }
                send(ctx, "listening", json ->
                {
                    json.writeArrayFieldStart("streams");
                    if (trade)
                    {
                        json.writeString("trade_updates");
                    }
                    json.writeEndArray();
                });
            }
        }

        private void send(final ChannelHandlerContext ctx, final String stream, final JsonBodies.Writer data)
        {
            final ByteBuf out = ctx.alloc().buffer();
            JsonBodies.write(out, json ->
            {
                json.writeStartObject();
                json.writeStringField("stream", stream);
                json.writeObjectFieldStart("data");
                data.write(json);
                json.writeEndObject();
                json.writeEndObject();
            });
            ctx.writeAndFlush(frame(out));
        }
    }

    // ---------------------------------------------------------------- JSON of entities

    private static void writeOrder(final JsonGenerator json, final SimAlpacaOrder o) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("id", o.id);
        json.writeStringField("client_order_id", o.clientOrderId);
        json.writeStringField("created_at", o.createdAt.toString());
        json.writeStringField("updated_at", o.updatedAt.toString());
        json.writeStringField("submitted_at", o.createdAt.toString());
        time(json, "filled_at", o.filledAt);
        time(json, "expired_at", o.expiredAt);
        time(json, "canceled_at", o.canceledAt);
        time(json, "failed_at", o.failedAt);
        time(json, "replaced_at", o.replacedAt);
        nullable(json, "replaced_by", o.replacedBy);
        nullable(json, "replaces", o.replaces);
        json.writeStringField("asset_id", UUID.nameUUIDFromBytes(o.symbol.getBytes(StandardCharsets.US_ASCII)).toString());
        json.writeStringField("symbol", o.symbol);
        json.writeStringField("asset_class", "us_equity");
        json.writeNullField("notional");
        json.writeStringField("qty", FixedPoint.formatQuantity(o.quantity));
        json.writeStringField("filled_qty", FixedPoint.formatQuantity(o.filledQuantity));
        nullable(json, "filled_avg_price", o.filledQuantity == 0 ? null
            : FixedPoint.formatPrice(ScaledMath.averagePrice(o.filledNotional, o.filledQuantity)));
        json.writeStringField("order_class", o.orderClass == OrderClass.SIMPLE ? "" : AlpacaWire.orderClass(o.orderClass));
        json.writeStringField("order_type", AlpacaWire.type(o.type));
        json.writeStringField("type", AlpacaWire.type(o.type));
        json.writeStringField("side", AlpacaWire.side(o.side));
        json.writeStringField("time_in_force", AlpacaWire.timeInForce(o.timeInForce));
        price(json, "limit_price", o.limitPrice);
        price(json, "stop_price", o.stopPrice);
        json.writeStringField("status", o.status);
        json.writeBooleanField("extended_hours", o.extendedHours);
        json.writeNullField("legs");
        price(json, "trail_percent", o.trailPercent);
        price(json, "trail_price", o.trailPrice);
        json.writeNullField("hwm");
        json.writeStringField("source", "alpaca-sim"); // a field the reference does not list: clients must tolerate it
        json.writeEndObject();
    }

    private static void time(final JsonGenerator json, final String name, final Instant value) throws IOException
    {
        nullable(json, name, value == null ? null : value.toString());
    }

    private static void price(final JsonGenerator json, final String name, final long value) throws IOException
    {
        nullable(json, name, value == FixedPoint.NULL ? null : FixedPoint.formatPrice(value));
    }

    private static void nullable(final JsonGenerator json, final String name, final String value) throws IOException
    {
        if (value == null)
        {
            json.writeNullField(name);
        }
        else
        {
            json.writeStringField(name, value);
        }
    }

    private void writePositions(final JsonGenerator json) throws IOException
    {
        json.writeStartArray();
        for (int s = 0; s < positionQuantity.length; s++)
        {
            if (positionQuantity[s] != 0)
            {
                writePosition(json, s);
            }
        }
        json.writeEndArray();
    }

    private void writePosition(final JsonGenerator json, final int s) throws IOException
    {
        final long qty = positionQuantity[s];
        json.writeStartObject();
        json.writeStringField("asset_id", UUID.nameUUIDFromBytes(symbols.name(s).getBytes(StandardCharsets.US_ASCII)).toString());
        json.writeStringField("symbol", symbols.name(s));
        json.writeStringField("exchange", "NASDAQ");
        json.writeStringField("asset_class", "us_equity");
        json.writeStringField("avg_entry_price", FixedPoint.formatPrice(ScaledMath.averagePrice(Math.abs(positionCost[s]), Math.abs(qty))));
        json.writeStringField("qty", FixedPoint.formatQuantity(qty));
        json.writeStringField("qty_available", FixedPoint.formatQuantity(qty));
        json.writeStringField("side", qty > 0 ? "long" : "short");
        json.writeStringField("cost_basis", FixedPoint.formatPrice(positionCost[s]));
        json.writeEndObject();
    }

    private void writeAccount(final JsonGenerator json) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("id", UUID.nameUUIDFromBytes(config.keyId().getBytes(StandardCharsets.UTF_8)).toString());
        json.writeStringField("account_number", "PA0000SIM");
        json.writeStringField("status", "ACTIVE");
        json.writeStringField("currency", "USD");
        json.writeStringField("buying_power", FixedPoint.formatPrice(config.buyingPower()));
        json.writeStringField("cash", FixedPoint.formatPrice(config.buyingPower()));
        json.writeStringField("equity", FixedPoint.formatPrice(config.buyingPower()));
        json.writeStringField("multiplier", "1");
        json.writeBooleanField("pattern_day_trader", false);
        json.writeBooleanField("trading_blocked", false);
        json.writeBooleanField("account_blocked", false);
        json.writeBooleanField("shorting_enabled", true);
        json.writeStringField("created_at", "2026-01-02T14:30:00Z");
        json.writeEndObject();
    }

    private static void writeAsset(final JsonGenerator json, final String symbol) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("id", UUID.nameUUIDFromBytes(symbol.getBytes(StandardCharsets.US_ASCII)).toString());
        json.writeStringField("class", "us_equity");
        json.writeStringField("exchange", "NASDAQ");
        json.writeStringField("symbol", symbol);
        json.writeStringField("name", symbol + " (simulated)");
        json.writeStringField("status", "active");
        json.writeBooleanField("tradable", true);
        json.writeBooleanField("marginable", true);
        json.writeBooleanField("shortable", true);
        json.writeBooleanField("easy_to_borrow", true);
        json.writeBooleanField("fractionable", true);
        json.writeEndObject();
    }

    /**
     * The engine's view of an order, handed to the {@link SimBroker}. Reused on the loop thread.
     */
    private static final class SimCommand implements OrderCommand
    {
        private CommandKind kind;
        private SimAlpacaOrder order;
        private int symbolId;

        void set(final CommandKind kind, final SimAlpacaOrder order, final int symbolId)
        {
            this.kind = kind;
            this.order = order;
            this.symbolId = symbolId;
        }

        @Override public CommandKind command() { return kind; }
        @Override public long orderId() { return order.engineId; }
        @Override public int symbolId() { return symbolId; }
        @Override public Side side() { return order.side; }
        @Override public OrderType orderType() { return order.type; }
        @Override public TimeInForce timeInForce() { return order.timeInForce; }
        @Override public OrderClass orderClass() { return order.orderClass; }
        @Override public long quantity() { return order.quantity; }
        @Override public long limitPrice() { return order.limitPrice; }
        @Override public long stopPrice() { return order.stopPrice; }
        @Override public long trailPrice() { return order.trailPrice; }
        @Override public long trailPercent() { return order.trailPercent; }
        @Override public long takeProfitLimitPrice() { return FixedPoint.NULL; }
        @Override public long stopLossStopPrice() { return FixedPoint.NULL; }
        @Override public long stopLossLimitPrice() { return FixedPoint.NULL; }
        @Override public boolean extendedHours() { return order.extendedHours; }
    }
}
