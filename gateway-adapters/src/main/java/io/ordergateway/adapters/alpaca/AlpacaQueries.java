package io.ordergateway.adapters.alpaca;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaders;
import io.ordergateway.core.broker.BrokerAccount;
import io.ordergateway.core.broker.BrokerAnswers;
import io.ordergateway.core.broker.BrokerFill;
import io.ordergateway.core.broker.BrokerOrder;
import io.ordergateway.core.broker.BrokerOrderStatus;
import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.Side;
import io.ordergateway.journal.FixedPoint;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The adapter's questions to Alpaca off the order path: one order by client order id (start-up
 * reconciliation, the resolver), the statement (positions and open orders), the account, order
 * listings and fill activities, and the Alpaca-only calls tools make (clock, asset, cancel all).
 * Each request is made on the adapter's loop and answers a future there.
 *
 * <p>Every question but cancel-all is a read, tried again on transient faults ({@link AlpacaReads}):
 * only when every try failed does the future fail, with the last fault and the number of tries.
 */
final class AlpacaQueries
{
    /** The most orders one list answer holds. */
    static final int MAX_ORDERS_PAGE = 500;
    /** Fill activities per page. */
    static final int FILLS_PAGE = 100;
    /** Up to this many symbols, discovery asks for each asset; above, for the list of all active assets. */
    static final int ASSETS_ONE_BY_ONE = 8;
    /** The most pages one listing follows (orders or fills), so a broker that keeps answering cannot loop us. */
    static final int MAX_PAGES = 200;

    /**
     * Reads a 200 answer into a value.
     */
    @FunctionalInterface
    private interface BodyReader<T>
    {
        T read(ByteBuf body) throws IOException;
    }

    private final String name;
    private final EventLoop loop;
    private final AlpacaRestClient rest;
    private final AlpacaRequests requests;
    private final AlpacaAnswers answers;
    private final AlpacaOrderTracker tracker;
    private final AlpacaReads reads;

    /**
     * @param name     the adapter's name, for messages.
     * @param loop     the adapter's loop.
     * @param rest     the REST client.
     * @param requests writes the requests.
     * @param answers  reads the answers.
     * @param tracker  takes over an order found working, and names the gateway's orders in a statement.
     * @param reads    the reads, tried again on transient faults.
     */
    AlpacaQueries(final String name, final EventLoop loop, final AlpacaRestClient rest, final AlpacaRequests requests,
        final AlpacaAnswers answers, final AlpacaOrderTracker tracker, final AlpacaReads reads)
    {
        this.name = name;
        this.loop = loop;
        this.rest = rest;
        this.requests = requests;
        this.answers = answers;
        this.tracker = tracker;
        this.reads = reads;
    }

    /**
     * Asks about one order by client order id, following replacements to the order that now works.
     * An order still working is tracked from here on (later events count from what Alpaca shows).
     *
     * @param orderId       the gateway's order id.
     * @param clientOrderId its client order id.
     * @return the order's status, null if Alpaca does not have it.
     */
    CompletableFuture<BrokerOrderStatus> askOrder(final long orderId, final String clientOrderId)
    {
        final CompletableFuture<BrokerOrderStatus> answer = new CompletableFuture<>();
        loop.execute(() -> askOrder(orderId, clientOrderId,
            "/v2/orders:by_client_order_id?client_order_id=" + URLEncoder.encode(clientOrderId, StandardCharsets.UTF_8),
            0, answer));
        return answer;
    }

    private void askOrder(final long orderId, final String clientOrderId, final String path, final int hops,
        final CompletableFuture<BrokerOrderStatus> answer)
    {
        reads.get(path, "asking about " + clientOrderId, answer, (status, body) ->
        {
            if (status == 404)
            {
                answer.complete(null);
                return;
            }
            if (status != 200 || !answers.readOrder(body))
            {
                throw new IOException("HTTP " + status + " " + answers.readError(body).message);
            }
            final AlpacaOrderView view = answers.view;
            if ("replaced".equals(view.status) && view.replacedBy != null && hops < 32)
            {
                askOrder(orderId, clientOrderId, "/v2/orders/" + view.replacedBy, hops + 1, answer);
                return;
            }
            final long average = view.filledAveragePrice == FixedPoint.NULL ? 0 : view.filledAveragePrice;
            final OrderState state = AlpacaWire.state(view.status, view.filledQuantity);
            if (!state.isTerminal())
            {
                // the journal will agree with this after reconciliation
                tracker.adopt(orderId, clientOrderId, view);
            }
            answer.complete(new BrokerOrderStatus(orderId, state, view.quantity, view.filledQuantity, average,
                List.of()));
        });
    }

    /**
     * @param brokerId the adapter's index in the gateway.
     * @return positions and open orders (the gateway's orders under their client order ids).
     */
    CompletableFuture<BrokerStatement> askStatement(final int brokerId)
    {
        final CompletableFuture<List<BrokerStatement.Position>> positions = get("/v2/positions", "positions", body ->
        {
            final List<BrokerStatement.Position> out = new ArrayList<>();
            answers.reader.readPositions(body, (symbol, qty) -> out.add(new BrokerStatement.Position(symbol, qty)));
            return out;
        });
        final CompletableFuture<List<BrokerStatement.OpenOrder>> open = new CompletableFuture<>();
        loop.execute(() -> ordersPage(BrokerOrder.Listing.OPEN, 0, Long.MAX_VALUE, null, 0, new ArrayList<>(),
            new java.util.HashSet<>(), open,
            o ->
            {
                AlpacaOrderTrack t = tracker.trackOf(o);
                if (t == null && (t = tracker.adoptExternal(o)) != null)
                {
                    tracker.apply(t, o, null); // what it filled so far
                }
                final Side side = AlpacaWire.parseSide(o.side);
                return new BrokerStatement.OpenOrder(t != null ? t.clientOrderId : o.clientOrderId, o.symbol,
                    side == null ? Side.BUY : side, o.quantity, o.filledQuantity, t != null ? t.orderId : 0);
            }));
        return positions.thenCombine(open, (p, o) -> new BrokerStatement(name, brokerId, p, o));
    }

    /**
     * @return the account's money ({@code GET /v2/account}).
     */
    CompletableFuture<BrokerAccount> askAccount()
    {
        return get("/v2/account", "the account", body ->
        {
            final Map<String, String> a = answers.reader.readFlat(body);
            final String equity = a.getOrDefault("equity", a.get("portfolio_value"));
            return new BrokerAccount(name, a.getOrDefault("account_number", a.getOrDefault("id", "")),
                a.getOrDefault("currency", "USD"), money(a.get("cash")), money(a.get("buying_power")), money(equity),
                System.currentTimeMillis());
        });
    }

    /**
     * @param listing    open, closed or all.
     * @param fromMillis submitted at or after (0 for any).
     * @param toMillis   submitted before ({@code Long.MAX_VALUE} for any).
     * @return the orders, oldest first, every page followed.
     */
    CompletableFuture<List<BrokerOrder>> askOrders(final BrokerOrder.Listing listing, final long fromMillis,
        final long toMillis)
    {
        final CompletableFuture<List<BrokerOrder>> answer = new CompletableFuture<>();
        loop.execute(() -> ordersPage(listing, fromMillis, toMillis, null, 0, new ArrayList<>(),
            new java.util.HashSet<>(), answer, o ->
        {
            final Side side = AlpacaWire.parseSide(o.side);
            return new BrokerOrder(o.clientOrderId, o.id, o.symbol, side == null ? Side.BUY : side,
                o.type == null ? "" : o.type, AlpacaWire.state(o.status, o.filledQuantity), o.quantity,
                o.filledQuantity, o.filledAveragePrice, o.limitPrice, o.submittedAt == null ? "" : o.submittedAt);
        }));
        return answer;
    }

    /**
     * One page of {@code GET /v2/orders}, then the next from a millisecond before the last order's
     * submission time ({@code after} is exclusive: orders submitted in the same instant as the last
     * would be skipped), each order taken once by its id.
     */
    private <T> void ordersPage(final BrokerOrder.Listing listing, final long fromMillis, final long toMillis,
        final String after, final int page, final List<T> into, final java.util.Set<String> seen,
        final CompletableFuture<List<T>> answer, final java.util.function.Function<AlpacaOrderView, T> mapping)
    {
        final StringBuilder path = new StringBuilder("/v2/orders?status=")
            .append(listing.name().toLowerCase(Locale.ROOT)).append("&direction=asc&limit=").append(MAX_ORDERS_PAGE);
        final String from = after != null ? after : fromMillis > 0 ? Instant.ofEpochMilli(fromMillis - 1).toString()
            : null;
        if (from != null)
        {
            path.append("&after=").append(URLEncoder.encode(from, StandardCharsets.UTF_8));
        }
        if (toMillis != Long.MAX_VALUE)
        {
            path.append("&until=").append(URLEncoder.encode(Instant.ofEpochMilli(toMillis).toString(),
                StandardCharsets.UTF_8));
        }
        reads.get(path.toString(), listing.name().toLowerCase(Locale.ROOT) + " orders", answer, (status, body) ->
        {
            if (status != 200)
            {
                throw new IOException("HTTP " + status + " " + answers.readError(body).message);
            }
            final int[] count = {0};
            final String[] last = {null};
            answers.reader.readOrders(body, answers.view, o ->
            {
                count[0]++;
                if (o.id == null || seen.add(o.id))
                {
                    into.add(mapping.apply(o));
                }
                last[0] = o.submittedAt;
            });
            if (count[0] >= MAX_ORDERS_PAGE && last[0] != null && page + 1 < MAX_PAGES)
            {
                final String next = java.time.Instant.parse(last[0]).minusMillis(1).toString();
                ordersPage(listing, fromMillis, toMillis, next, page + 1, into, seen, answer, mapping);
                return;
            }
            answer.complete(into);
        });
    }

    /**
     * @param fromMillis from (0 for any).
     * @param toMillis   to ({@code Long.MAX_VALUE} for any).
     * @return the fill activities, oldest first, every page followed.
     */
    CompletableFuture<List<BrokerFill>> askFills(final long fromMillis, final long toMillis)
    {
        final CompletableFuture<List<BrokerFill>> answer = new CompletableFuture<>();
        loop.execute(() -> fillsPage(fromMillis, toMillis, null, 0, new ArrayList<>(), answer));
        return answer;
    }

    private void fillsPage(final long fromMillis, final long toMillis, final String pageToken, final int page,
        final List<BrokerFill> into, final CompletableFuture<List<BrokerFill>> answer)
    {
        final StringBuilder path = new StringBuilder("/v2/account/activities/FILL?direction=asc&page_size=")
            .append(FILLS_PAGE);
        if (fromMillis > 0)
        {
            path.append("&after=").append(URLEncoder.encode(Instant.ofEpochMilli(fromMillis - 1).toString(),
                StandardCharsets.UTF_8));
        }
        if (toMillis != Long.MAX_VALUE)
        {
            path.append("&until=").append(URLEncoder.encode(Instant.ofEpochMilli(toMillis).toString(),
                StandardCharsets.UTF_8));
        }
        if (pageToken != null)
        {
            path.append("&page_token=").append(URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
        }
        reads.get(path.toString(), "fill activities", answer, (status, body) ->
        {
            if (status != 200)
            {
                throw new IOException("HTTP " + status + " " + answers.readError(body).message);
            }
            final List<Map<String, String>> activities = answers.reader.readFlatArray(body);
            for (final Map<String, String> a : activities)
            {
                final String side = a.getOrDefault("side", "");
                into.add(new BrokerFill(a.getOrDefault("id", ""), a.getOrDefault("order_id", ""),
                    a.getOrDefault("symbol", ""), side.startsWith("sell") ? Side.SELL : Side.BUY,
                    decimal(a.get("qty"), FixedPoint.QUANTITY_DECIMALS), money(a.get("price")),
                    a.getOrDefault("transaction_time", "")));
            }
            final String last = activities.isEmpty() ? null : activities.get(activities.size() - 1).get("id");
            if (activities.size() >= FILLS_PAGE && last != null && page + 1 < MAX_PAGES)
            {
                fillsPage(fromMillis, toMillis, last, page + 1, into, answer);
                return;
            }
            answer.complete(into);
        });
    }

    /**
     * What Alpaca accepts per symbol, from its assets: tradable (and active), shortable, easy to
     * borrow, fractionable, marginable. Up to {@link #ASSETS_ONE_BY_ONE} symbols are asked one by one
     * ({@code GET /v2/assets/{symbol}}); more in one request for every active asset
     * ({@code GET /v2/assets?status=active}, a large answer), so discovery never spends the request
     * budget on many symbols. Reads, tried again on transient faults. A symbol Alpaca does not know
     * (404, or absent from the list) is not tradable.
     *
     * @param symbols the gateway's symbols.
     * @return one line per symbol.
     */
    CompletableFuture<List<io.ordergateway.core.broker.SymbolTerms>> askTerms(final List<String> symbols)
    {
        if (symbols.size() > ASSETS_ONE_BY_ONE)
        {
            final CompletableFuture<List<io.ordergateway.core.broker.SymbolTerms>> answer = new CompletableFuture<>();
            loop.execute(() -> reads.get("/v2/assets?status=active", "the assets", answer, (status, body) ->
            {
                if (status != 200)
                {
                    throw new IOException("HTTP " + status + " " + answers.readError(body).message);
                }
                final Map<String, io.ordergateway.core.broker.SymbolTerms> bySymbol = new java.util.HashMap<>();
                for (final Map<String, String> a : answers.reader.readFlatArray(body))
                {
                    final String symbol = a.get("symbol");
                    if (symbol != null && symbols.contains(symbol))
                    {
                        bySymbol.put(symbol, terms(symbol, a));
                    }
                }
                answer.complete(symbols.stream().map(s -> bySymbol.getOrDefault(s, unknown(s))).toList());
            }));
            return answer;
        }
        final List<CompletableFuture<io.ordergateway.core.broker.SymbolTerms>> asked = new ArrayList<>();
        for (final String symbol : symbols)
        {
            final CompletableFuture<io.ordergateway.core.broker.SymbolTerms> answer = new CompletableFuture<>();
            loop.execute(() -> reads.get("/v2/assets/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8),
                "asset " + symbol, answer, (status, body) ->
                {
                    if (status == 404)
                    {
                        answer.complete(unknown(symbol));
                        return;
                    }
                    if (status != 200)
                    {
                        throw new IOException("HTTP " + status + " " + answers.readError(body).message);
                    }
                    answer.complete(terms(symbol, answers.reader.readFlat(body)));
                }));
            asked.add(answer);
        }
        return CompletableFuture.allOf(asked.toArray(new CompletableFuture[0]))
            .thenApply(done -> asked.stream().map(CompletableFuture::join).toList());
    }

    private static io.ordergateway.core.broker.SymbolTerms terms(final String symbol, final Map<String, String> a)
    {
        return new io.ordergateway.core.broker.SymbolTerms(symbol,
            "true".equals(a.get("tradable")) && !"inactive".equals(a.get("status")), "true".equals(a.get("shortable")),
            "true".equals(a.get("easy_to_borrow")), "true".equals(a.get("fractionable")),
            "true".equals(a.get("marginable")));
    }

    private static io.ordergateway.core.broker.SymbolTerms unknown(final String symbol)
    {
        return new io.ordergateway.core.broker.SymbolTerms(symbol, false, false, false, false, false);
    }

    /**
     * @param timeoutMillis how long to wait.
     * @return the market clock ({@code GET /v2/clock}).
     * @throws TimeoutException if no answer came in time.
     */
    Map<String, String> clock(final long timeoutMillis) throws TimeoutException
    {
        return BrokerAnswers.await(get("/v2/clock", "the clock", answers.reader::readFlat), timeoutMillis, "clock");
    }

    /**
     * @param symbol        the symbol.
     * @param timeoutMillis how long to wait.
     * @return the asset's scalar fields ({@code GET /v2/assets/{symbol}}).
     * @throws TimeoutException if no answer came in time.
     */
    Map<String, String> asset(final String symbol, final long timeoutMillis) throws TimeoutException
    {
        return BrokerAnswers.await(get("/v2/assets/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8),
            "asset " + symbol, answers.reader::readFlat), timeoutMillis, "asset " + symbol);
    }

    /**
     * Cancels every open order; not a read, so tried once.
     *
     * @param timeoutMillis how long to wait.
     * @return one line per open order canceled ({@code DELETE /v2/orders}, answered 207): its id and status.
     * @throws TimeoutException if no answer came in time.
     */
    List<Map<String, String>> cancelAll(final long timeoutMillis) throws TimeoutException
    {
        final CompletableFuture<List<Map<String, String>>> answer = new CompletableFuture<>();
        loop.execute(() -> rest.send(requests.bodiless(rest.alloc(), "DELETE", "/v2/orders"),
            new AlpacaRestClient.Callback()
            {
                @Override
                public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
                {
                    try
                    {
                        if (status != 207)
                        {
                            throw new IOException("HTTP " + status + " " + answers.readError(body).message);
                        }
                        answer.complete(answers.reader.readFlatArray(body));
                    }
                    catch (final IOException | RuntimeException ex)
                    {
                        answer.completeExceptionally(new IllegalStateException("alpaca " + name + ": cancel all: "
                            + ex.getMessage()));
                    }
                }

                @Override
                public void onFailure(final AlpacaRestClient.Failure failure)
                {
                    answer.completeExceptionally(new TimeoutException("alpaca " + name + ": cancel all: "
                        + failure.name().toLowerCase(Locale.ROOT) + " " + rest.lastConnectError()));
                }
            }));
        return BrokerAnswers.await(answer, timeoutMillis, "cancel all");
    }

    /**
     * A GET whose 200 answer is read into the future's value; tried again on transient faults.
     */
    private <T> CompletableFuture<T> get(final String path, final String what, final BodyReader<T> bodyReader)
    {
        final CompletableFuture<T> answer = new CompletableFuture<>();
        loop.execute(() -> reads.get(path, what, answer, (status, body) ->
        {
            if (status != 200)
            {
                throw new IOException("HTTP " + status + " " + answers.readError(body).message);
            }
            answer.complete(bodyReader.read(body));
        }));
        return answer;
    }

    private static long money(final String text)
    {
        return decimal(text, FixedPoint.PRICE_DECIMALS);
    }

    private static long decimal(final String text, final int decimals)
    {
        if (text == null || text.isEmpty())
        {
            return FixedPoint.NULL;
        }
        try
        {
            return FixedPoint.parse(text, decimals);
        }
        catch (final RuntimeException ex)
        {
            return FixedPoint.NULL;
        }
    }
}
