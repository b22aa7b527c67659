package io.ordergateway.testkit.alpaca;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.ordergateway.adapters.alpaca.AlpacaWire;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.domain.ScaledMath;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.runtime.admin.HttpReplies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's REST endpoints: the credential headers (403 without, 401 when wrong), the request
 * budget per window with the {@code X-Ratelimit-*} headers (429 when spent), then the routes of the
 * reference: orders (place, list, by client order id, get, cancel, replace, cancel all), positions,
 * account, clock and assets. Placing an order checks it ({@link SimOrderRules}), refuses a used
 * client order id (422) and a buy beyond the buying power (403), and applies the {@link SimFaults}
 * due. Counts what tests inspect (requests, 429s, POSTs per client order id, duplicates). Runs on
 * the simulator's loop thread; the counters may be read from any thread.
 */
final class SimRestRoutes
{
    private static final Set<String> REPLACE_FIELDS =
        Set.of("qty", "time_in_force", "limit_price", "stop_price", "trail", "client_order_id");

    private final AlpacaSimulator.Config config;
    private final SymbolTable symbols;
    private final SimAccount account;
    private final SimFaults faults;
    private final Map<String, AtomicInteger> orderPosts = new ConcurrentHashMap<>();
    private final AtomicInteger duplicatePosts = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private long windowStart;
    private int windowCount;

    /**
     * @param config  the simulator's settings (credentials, budget, buying power, reference prices).
     * @param symbols the tradable symbols.
     * @param account the account the routes act on.
     * @param faults  the faults due.
     */
    SimRestRoutes(final AlpacaSimulator.Config config, final SymbolTable symbols, final SimAccount account,
        final SimFaults faults)
    {
        this.config = config;
        this.symbols = symbols;
        this.account = account;
        this.faults = faults;
    }

    /**
     * @return a handler for one connection's HTTP requests.
     */
    ChannelHandler newHandler()
    {
        return new RestHandler();
    }

    /**
     * @return how many POSTs each client order id came with (orders created or refused as duplicates).
     */
    Map<String, Integer> orderPostsByClientOrderId()
    {
        final Map<String, Integer> copy = new HashMap<>();
        orderPosts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /**
     * @return POSTs refused because their client order id was already used.
     */
    int duplicatePosts()
    {
        return duplicatePosts.get();
    }

    /**
     * @return requests answered 429.
     */
    int rateLimitedRequests()
    {
        return rateLimited.get();
    }

    /**
     * @return REST requests received (all endpoints).
     */
    int requests()
    {
        return requests.get();
    }

    /**
     * One connection's requests: each answered with its route's reply and the budget headers (a swallowed one not at
     * all).
     */
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
            final SimReply reply = handle(request);
            if (reply == null)
            {
                return; // a swallowed POST: the client will time out
            }
            final ByteBuf body = ctx.alloc().buffer();
            if (reply.writer() != null)
            {
                JsonBodies.write(body, reply.writer());
            }
            final FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(reply.status()), body);
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            if (reply.writer() != null)
            {
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            }
            response.headers().set("X-Ratelimit-Limit", config.requestsPerWindow());
            response.headers().set("X-Ratelimit-Remaining", Math.max(0, config.requestsPerWindow() - windowCount));
            response.headers().set("X-Ratelimit-Reset", (windowStart + config.windowMillis() + 999) / 1000);
            HttpReplies.send(ctx, request, response);
        }
    }

    private SimReply handle(final FullHttpRequest request)
    {
        final String key = request.headers().get("APCA-API-KEY-ID");
        final String secret = request.headers().get("APCA-API-SECRET-KEY");
        if (key == null || secret == null)
        {
            return SimReply.error(403, 0, "forbidden.");
        }
        if (!key.equals(config.keyId()) || !secret.equals(config.secretKey()))
        {
            return SimReply.error(401, 40110000, "request is not authorized");
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
            return SimReply.error(429, 42910000, "rate limit exceeded");
        }
        if (faults.failThisRequest())
        {
            return SimReply.error(500, 50010000, "internal server error");
        }
        final QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        try
        {
            return route(request, uri.path(), uri.parameters());
        }
        catch (final IllegalArgumentException ex)
        {
            return SimReply.error(400, 40010000, ex.getMessage());
        }
    }

    private SimReply route(final FullHttpRequest request, final String path, final Map<String, List<String>> parameters)
    {
        final HttpMethod method = request.method();
        if (path.equals("/v2/orders"))
        {
            if (method.equals(HttpMethod.POST))
            {
                return placeOrder(JsonBodies.readObject(request.content()));
            }
            if (method.equals(HttpMethod.GET))
            {
                return listOrders(parameters);
            }
            if (method.equals(HttpMethod.DELETE))
            {
                return cancelAll();
            }
        }
        else if (path.equals("/v2/orders:by_client_order_id") && method.equals(HttpMethod.GET))
        {
            final SimAlpacaOrder o = account.orderByClientId(first(parameters, "client_order_id"));
            return o == null ? SimReply.error(404, 40410000, "order not found")
                : new SimReply(200, json -> SimEntityJson.writeOrder(json, o));
        }
        else if (path.startsWith("/v2/orders/"))
        {
            final SimAlpacaOrder o = account.order(path.substring("/v2/orders/".length()));
            if (o == null)
            {
                return SimReply.error(404, 40410000, "order not found");
            }
            if (method.equals(HttpMethod.GET))
            {
                return new SimReply(200, json -> SimEntityJson.writeOrder(json, o));
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
            return new SimReply(200, json ->
            {
                json.writeStartArray();
                for (int s = 0; s < symbols.size(); s++)
                {
                    if (account.positionQuantity(s) != 0)
                    {
                        SimEntityJson.writePosition(json, symbols.name(s), account.positionQuantity(s),
                            account.positionCost(s));
                    }
                }
                json.writeEndArray();
            });
        }
        else if (path.startsWith("/v2/positions/") && method.equals(HttpMethod.GET))
        {
            final int s = symbols.id(path.substring("/v2/positions/".length()));
            if (s == SymbolTable.UNKNOWN || account.positionQuantity(s) == 0)
            {
                return SimReply.error(404, 40410000, "position does not exist");
            }
            return new SimReply(200,
                json -> SimEntityJson.writePosition(json, symbols.name(s), account.positionQuantity(s),
                account.positionCost(s)));
        }
        else if (path.equals("/v2/account") && method.equals(HttpMethod.GET))
        {
            long costBasis = 0;
            for (int s = 0; s < symbols.size(); s++)
            {
                costBasis += account.positionCost(s);
            }
            final long cash = config.buyingPower() - account.cashSpent();
            final long equity = cash + costBasis; // positions marked at cost: the simulator has no market data feed
            return new SimReply(200,
                json -> SimEntityJson.writeAccount(json, config.keyId(), config.buyingPower(), cash, equity));
        }
        else if (path.equals("/v2/account/activities/FILL") && method.equals(HttpMethod.GET))
        {
            return fillActivities(parameters);
        }
        else if (path.equals("/v2/clock") && method.equals(HttpMethod.GET))
        {
            return new SimReply(200, SimEntityJson::writeClock);
        }
        else if (path.equals("/v2/assets") && method.equals(HttpMethod.GET))
        {
            return new SimReply(200, json ->
            {
                json.writeStartArray();
                for (int s = 0; s < symbols.size(); s++)
                {
                    SimEntityJson.writeAsset(json, symbols.name(s), !faults.notShortable(symbols.name(s)));
                }
                json.writeEndArray();
            });
        }
        else if (path.startsWith("/v2/assets/") && method.equals(HttpMethod.GET))
        {
            final String symbol = path.substring("/v2/assets/".length());
            if (symbols.id(symbol) == SymbolTable.UNKNOWN)
            {
                return SimReply.error(404, 40410000, "asset not found for " + symbol);
            }
            return new SimReply(200, json -> SimEntityJson.writeAsset(json, symbol, !faults.notShortable(symbol)));
        }
        return SimReply.error(404, 40410000, "endpoint not found");
    }

    private static String first(final Map<String, List<String>> params, final String name)
    {
        final List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    // ---------------------------------------------------------------- orders

    private SimReply placeOrder(final Map<String, Object> body)
    {
        final String clientOrderId = SimOrderRules.text(body, "client_order_id");
        if (clientOrderId != null && !clientOrderId.isEmpty())
        {
            orderPosts.computeIfAbsent(clientOrderId, k -> new AtomicInteger()).incrementAndGet();
        }
        if (faults.failBeforeCreating())
        {
            return SimReply.error(faults.failStatus(), 50010000, "internal server error");
        }
        final SimAlpacaOrder o = new SimAlpacaOrder();
        final SimReply invalid = SimOrderRules.readOrder(body, o, symbols);
        if (invalid != null)
        {
            return invalid;
        }
        o.clientOrderId = clientOrderId == null || clientOrderId.isEmpty() ? account.newId() : clientOrderId;
        if (account.hasClientOrderId(o.clientOrderId))
        {
            duplicatePosts.incrementAndGet();
            return SimReply.error(422, 40010001, "client_order_id must be unique");
        }
        if (o.side == Side.BUY)
        {
            final long price = o.limitPrice != FixedPoint.NULL ? o.limitPrice
                : config.engine().referencePrices().getOrDefault(o.symbol, SimBrokerConfig.DEFAULT_PRICE);
            final long cost = ScaledMath.notionalSaturated(o.quantity, price);
            if (cost > config.buyingPower())
            {
                return new SimReply(403, json ->
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
        account.create(o);
        if (faults.failAfterCreating())
        {
            return SimReply.error(faults.failStatus(), 50010000, "internal server error");
        }
        if (faults.swallowPost())
        {
            return null;
        }
        return new SimReply(200, json -> SimEntityJson.writeOrder(json, o));
    }

    private SimReply cancel(final SimAlpacaOrder o)
    {
        if (!o.isOpen())
        {
            return SimReply.error(422, 42210000, "order is already in \"" + o.status + "\" state");
        }
        if (o.status.equals("pending_replace"))
        {
            return SimReply.error(422, 42210000, "order is pending replace");
        }
        account.cancel(o);
        return new SimReply(204, null);
    }

    private SimReply cancelAll()
    {
        final List<SimAlpacaOrder> open = account.orders().stream().filter(SimAlpacaOrder::isOpen).toList();
        final Map<String, Integer> results = new LinkedHashMap<>();
        for (final SimAlpacaOrder o : open)
        {
            results.put(o.id, cancel(o).status());
        }
        return new SimReply(207, json ->
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

    private SimReply replace(final SimAlpacaOrder old, final Map<String, Object> body)
    {
        if (!old.isOpen() || old.status.equals("pending_cancel") || old.status.equals("pending_replace"))
        {
            return SimReply.error(422, 42210000, "order is already in \"" + old.status + "\" state");
        }
        for (final String name : body.keySet())
        {
            if (!REPLACE_FIELDS.contains(name))
            {
                return SimReply.error(422, 40010001, "unknown field " + name);
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
        o.timeInForce = body.get("time_in_force") == null ? old.timeInForce
            : AlpacaWire.parseTimeInForce(SimOrderRules.text(body, "time_in_force"));
        o.quantity = body.get("qty") == null ? old.quantity
            : SimOrderRules.decimal(SimOrderRules.text(body, "qty"), FixedPoint.QUANTITY_DECIMALS, "qty");
        o.limitPrice = body.get("limit_price") == null ? old.limitPrice
            : SimOrderRules.decimal(SimOrderRules.text(body, "limit_price"), FixedPoint.PRICE_DECIMALS, "limit_price");
        o.stopPrice = body.get("stop_price") == null ? old.stopPrice
            : SimOrderRules.decimal(SimOrderRules.text(body, "stop_price"), FixedPoint.PRICE_DECIMALS, "stop_price");
        if (o.timeInForce == null || o.quantity <= 0)
        {
            return SimReply.error(422, 40010001, "invalid replace");
        }
        final String cid = SimOrderRules.text(body, "client_order_id");
        o.clientOrderId = cid == null || cid.isEmpty() ? account.newId() : cid;
        if (account.hasClientOrderId(o.clientOrderId))
        {
            return SimReply.error(422, 40010001, "client_order_id must be unique");
        }
        account.replace(old, o);
        if (faults.swallowPatch())
        {
            return null;
        }
        return new SimReply(200, json -> SimEntityJson.writeOrder(json, o));
    }

    private SimReply fillActivities(final Map<String, List<String>> params)
    {
        final int size = Math.min(100, first(params, "page_size") == null ? 100
            : Integer.parseInt(first(params, "page_size")));
        final Instant after = first(params, "after") == null ? null : Instant.parse(first(params, "after"));
        final Instant until = first(params, "until") == null ? null : Instant.parse(first(params, "until"));
        final String token = first(params, "page_token");
        final boolean ascending = !"desc".equals(first(params, "direction"));
        final List<SimAccount.FillActivity> out = new ArrayList<>(account.fills().stream()
            .filter(f -> after == null || f.time().isAfter(after))
            .filter(f -> until == null || f.time().isBefore(until))
            .filter(f -> token == null || (ascending ? f.id().compareTo(token) > 0 : f.id().compareTo(token) < 0))
            .toList());
        if (!ascending)
        {
            Collections.reverse(out);
        }
        final List<SimAccount.FillActivity> page = out.subList(0, Math.min(size, out.size()));
        return new SimReply(200, json ->
        {
            json.writeStartArray();
            for (final SimAccount.FillActivity f : page)
            {
                SimEntityJson.writeFill(json, f);
            }
            json.writeEndArray();
        });
    }

    private SimReply listOrders(final Map<String, List<String>> params)
    {
        final String status = first(params, "status") == null ? "open" : first(params, "status");
        final int limit = Math.min(500, first(params, "limit") == null ? 50 : Integer.parseInt(first(params, "limit")));
        final Instant after = first(params, "after") == null ? null : Instant.parse(first(params, "after"));
        final Instant until = first(params, "until") == null ? null : Instant.parse(first(params, "until"));
        final boolean ascending = "asc".equals(first(params, "direction"));
        final Set<String> only = first(params, "symbols") == null ? null : Set.of(first(params, "symbols").split(","));
        final List<SimAlpacaOrder> out = new ArrayList<>(account.orders().stream()
            .filter(o -> status.equals("all") || (status.equals("open") == o.isOpen()))
            .filter(o -> after == null || o.createdAt.isAfter(after))
            .filter(o -> until == null || o.createdAt.isBefore(until))
            .filter(o -> only == null || only.contains(o.symbol))
            .toList());
        out.sort(Comparator.comparing((SimAlpacaOrder o) -> o.createdAt));
        if (!ascending)
        {
            Collections.reverse(out);
        }
        final List<SimAlpacaOrder> page = out.subList(0, Math.min(limit, out.size()));
        return new SimReply(200, json ->
        {
            json.writeStartArray();
            for (final SimAlpacaOrder o : page)
            {
                SimEntityJson.writeOrder(json, o);
            }
            json.writeEndArray();
        });
    }
}
