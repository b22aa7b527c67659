package io.ordergateway.adapters.alpaca;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaders;
import io.ordergateway.core.broker.BrokerAnswers;
import io.ordergateway.core.broker.BrokerOrderStatus;
import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.Side;
import io.ordergateway.journal.FixedPoint;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The adapter's questions to Alpaca off the order path: one order by client order id (start-up
 * reconciliation, the resolver), the statement (positions and open orders), and the Alpaca-only
 * calls operators and tools make (account, clock, asset, orders, cancel all). Each request is made
 * on the adapter's loop; the blocking calls wait for the answer on the caller's thread.
 */
final class AlpacaQueries
{
    /** The most orders one list answer holds. */
    static final int MAX_ORDERS_PAGE = 500;

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

    /**
     * @param name     the adapter's name, for messages.
     * @param loop     the adapter's loop.
     * @param rest     the REST client.
     * @param requests writes the requests.
     * @param answers  reads the answers.
     * @param tracker  takes over an order found working, and names the gateway's orders in a statement.
     */
    AlpacaQueries(final String name, final EventLoop loop, final AlpacaRestClient rest, final AlpacaRequests requests,
        final AlpacaAnswers answers, final AlpacaOrderTracker tracker)
    {
        this.name = name;
        this.loop = loop;
        this.rest = rest;
        this.requests = requests;
        this.answers = answers;
        this.tracker = tracker;
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
        rest.send(get(path), new AlpacaRestClient.Callback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
            {
                if (status == 404)
                {
                    answer.complete(null);
                    return;
                }
                if (status != 200 || !answers.readOrder(body))
                {
                    answers.readError(body);
                    answer.completeExceptionally(new
                        IllegalStateException("alpaca " + name + ": asking about " + clientOrderId + " gave HTTP "
                        + status + " " + answers.error.message));
                    return;
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
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                answer.completeExceptionally(new
                    TimeoutException("alpaca " + name + ": asking about " + clientOrderId + ": "
                    + failure.name().toLowerCase(Locale.ROOT) + " " + rest.lastConnectError()));
            }
        });
    }

    /**
     * @param brokerId      the adapter's index in the gateway.
     * @param timeoutMillis how long to wait.
     * @return positions and open orders (the gateway's orders under their client order ids).
     * @throws TimeoutException if no answer came in time.
     */
    BrokerStatement statement(final int brokerId, final long timeoutMillis) throws TimeoutException
    {
        final CompletableFuture<List<BrokerStatement.Position>> positions = new CompletableFuture<>();
        final CompletableFuture<List<BrokerStatement.OpenOrder>> open = new CompletableFuture<>();
        loop.execute(() ->
        {
            rest.send(get("/v2/positions"), collect(positions, body ->
            {
                final List<BrokerStatement.Position> out = new ArrayList<>();
                answers.reader.readPositions(body, (symbol, qty) -> out.add(new BrokerStatement.Position(symbol, qty)));
                return out;
            }));
            rest.send(get("/v2/orders?status=open&direction=asc&limit=" + MAX_ORDERS_PAGE), collect(open, body ->
            {
                final List<BrokerStatement.OpenOrder> out = new ArrayList<>();
                answers.reader.readOrders(body, answers.view, o ->
                {
                    final AlpacaOrderTrack t = tracker.trackOf(o);
                    final Side side = AlpacaWire.parseSide(o.side);
                    out.add(new BrokerStatement.OpenOrder(t != null ? t.clientOrderId : o.clientOrderId, o.symbol,
                        side == null ? Side.BUY : side, o.quantity, o.filledQuantity));
                });
                return out;
            }));
        });
        return new BrokerStatement(name, brokerId, BrokerAnswers.await(positions, timeoutMillis, "positions"),
            BrokerAnswers.await(open, timeoutMillis, "open orders"));
    }

    /**
     * @param timeoutMillis how long to wait.
     * @return the account's scalar fields ({@code GET /v2/account}).
     * @throws TimeoutException if no answer came in time.
     */
    Map<String, String> account(final long timeoutMillis) throws TimeoutException
    {
        return fetch("/v2/account", answers.reader::readFlat, timeoutMillis, "account");
    }

    /**
     * @param timeoutMillis how long to wait.
     * @return the market clock ({@code GET /v2/clock}).
     * @throws TimeoutException if no answer came in time.
     */
    Map<String, String> clock(final long timeoutMillis) throws TimeoutException
    {
        return fetch("/v2/clock", answers.reader::readFlat, timeoutMillis, "clock");
    }

    /**
     * @param symbol        the symbol.
     * @param timeoutMillis how long to wait.
     * @return the asset's scalar fields ({@code GET /v2/assets/{symbol}}).
     * @throws TimeoutException if no answer came in time.
     */
    Map<String, String> asset(final String symbol, final long timeoutMillis) throws TimeoutException
    {
        return fetch("/v2/assets/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8), answers.reader::readFlat,
            timeoutMillis, "asset " + symbol);
    }

    /**
     * @param status        {@code open}, {@code closed} or {@code all}.
     * @param timeoutMillis how long to wait.
     * @return the orders, oldest first (up to 500).
     * @throws TimeoutException if no answer came in time.
     */
    List<Map<String, String>> orders(final String status, final long timeoutMillis) throws TimeoutException
    {
        return fetch("/v2/orders?status=" + URLEncoder.encode(status, StandardCharsets.UTF_8) + "&direction=asc&limit="
            + MAX_ORDERS_PAGE, answers.reader::readFlatArray, timeoutMillis, status + " orders");
    }

    /**
     * @param timeoutMillis how long to wait.
     * @return one line per open order canceled ({@code DELETE /v2/orders}, answered 207): its id and status.
     * @throws TimeoutException if no answer came in time.
     */
    List<Map<String, String>> cancelAll(final long timeoutMillis) throws TimeoutException
    {
        final CompletableFuture<List<Map<String, String>>> answer = new CompletableFuture<>();
        loop.execute(() -> rest.send(requests.bodiless(rest.alloc(), "DELETE", "/v2/orders"),
            collect(answer, answers.reader::readFlatArray, 207)));
        return BrokerAnswers.await(answer, timeoutMillis, "cancel all");
    }

    private <T> T fetch(final String path, final BodyReader<T> bodyReader, final long timeoutMillis, final String what)
        throws TimeoutException
    {
        final CompletableFuture<T> answer = new CompletableFuture<>();
        loop.execute(() -> rest.send(get(path), collect(answer, bodyReader, 200)));
        return BrokerAnswers.await(answer, timeoutMillis, what);
    }

    private <T> AlpacaRestClient.Callback collect(final CompletableFuture<T> answer, final BodyReader<T> bodyReader)
    {
        return collect(answer, bodyReader, 200);
    }

    private <T> AlpacaRestClient.Callback
        collect(final CompletableFuture<T> answer, final BodyReader<T> bodyReader, final int expected)
    {
        return new AlpacaRestClient.Callback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
            {
                try
                {
                    if (status != expected)
                    {
                        throw new IOException("HTTP " + status + " " + answers.readError(body).message);
                    }
                    answer.complete(bodyReader.read(body));
                }
                catch (final IOException | RuntimeException ex)
                {
                    answer.completeExceptionally(new IllegalStateException("alpaca " + name + ": " + ex.getMessage()));
                }
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                answer.completeExceptionally(new
                    TimeoutException("alpaca " + name + ": " + failure.name().toLowerCase(Locale.ROOT) + " "
                    + rest.lastConnectError()));
            }
        };
    }

    private ByteBuf get(final String path)
    {
        return requests.bodiless(rest.alloc(), "GET", path);
    }
}
