package io.ordergateway.adapters.alpaca;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ordergateway.adapters.support.CommandQueue;
import io.ordergateway.adapters.support.QueuedCommand;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerCapabilities;
import io.ordergateway.core.broker.BrokerContext;
import io.ordergateway.core.broker.BrokerEventSink;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.broker.BrokerOrderStatus;
import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.broker.OrderCommand;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.ScaledMath;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.recovery.StartupReconciliation;
import io.ordergateway.journal.FixedPoint;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Alpaca Trading API v2 behind the broker SPI: orders over REST (Netty, HTTP/1.1 keep-alive,
 * TLS with host verification for https), executions from the {@code trade_updates} WebSocket.
 *
 * <p><b>Threads.</b> {@code send*} (the gateway's send stage) copy the command into an off-heap
 * queue and wake the adapter's event loop ("alpaca-NAME"); they never block. Everything else
 * (encoding, HTTP, the stream, the per-order bookkeeping, calls into the sink) happens on that one
 * loop thread, which owns all the adapter's state.
 *
 * <p><b>Nothing sent twice.</b> A POST is never retried blindly. When its outcome is unknown (a
 * timeout, a 5xx, the connection lost after the write) the adapter looks the order up by client
 * order id: found means accepted; 404 means not there, so the same bytes, with the same client order
 * id, go again; a "client_order_id must be unique" answer means it was accepted. Until that
 * resolves, the adapter reports itself DEGRADED. Only a request that never left (no connection)
 * becomes a CONNECTION_ERROR reject, which is safe to send again.
 *
 * <p><b>Nothing lost.</b> Fills are taken from each order's cumulative filled quantity, so a fill is
 * reported exactly once whether it arrives on the stream, in a REST answer or in the catch-up after
 * a reconnect: an increment that matches a stream execution carries Alpaca's {@code execution_id};
 * one found only in a snapshot gets an id derived from the cumulative quantity. While the stream is
 * down the adapter is DOWN; after it reconnects it fetches the open orders and every order it still
 * tracks before reporting HEALTHY. A replacement order is taken to carry the filled quantity of the
 * order it replaced (the reference leaves this open; see the note on the issue).
 *
 * <p><b>Budget.</b> The REST client holds requests when {@code X-Ratelimit-Remaining} reaches zero
 * and resends after the reset on a 429.
 */
public final class AlpacaBroker implements BrokerAdapter
{
    static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);

    private static final int MAX_ORDERS_PAGE = 500;
    private static final long MAX_RETRY_DELAY_MILLIS = 30_000;
    private static final int CANCEL_ATTEMPTS = 5;

    /**
     * What the adapter knows of one gateway order. Loop thread only.
     */
    private static final class Track
    {
        final long orderId;
        final String clientOrderId;
        String alpacaId;
        ByteBuf post; // the request bytes until the POST's outcome is definite
        boolean acked;
        boolean done;
        boolean cancelRequested;
        boolean replacePending;
        long replaceQuantity;
        long replaceLimit;
        long replaceStop;
        long reportedQuantity;
        long reportedNotional;
        int attempts;
        int seen;

        Track(final long orderId, final String clientOrderId)
        {
            this.orderId = orderId;
            this.clientOrderId = clientOrderId;
        }
    }

    private final AlpacaConfig config;
    private final SslContext ssl;
    private final CommandQueue inbound = new CommandQueue(1 << 20);
    private final UnsafeBuffer outbound = new UnsafeBuffer(new byte[QueuedCommand.LENGTH]);
    private final QueuedCommand queued = new QueuedCommand();
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private final AlpacaJsonReader reader = new AlpacaJsonReader();
    private final AlpacaOrderView view = new AlpacaOrderView();
    private final AlpacaJsonReader.ErrorBody error = new AlpacaJsonReader.ErrorBody();
    private final Long2ObjectHashMap<Track> tracks = new Long2ObjectHashMap<>();
    private final Map<String, Track> byAlpacaId = new HashMap<>();
    private final Set<String> unknownEventsLogged = new HashSet<>();
    private final AlpacaRequests requests;
    private EventLoopGroup group;
    private java.util.concurrent.ThreadFactory threads;
    private EventLoop loop;
    private AlpacaRestClient rest;
    private AlpacaTradeStream stream;
    private AlpacaOrderEncoder encoder;
    private BrokerContext context;
    private BrokerEventSink sink;
    private volatile BrokerHealth health = BrokerHealth.DOWN;
    private volatile boolean closed;
    private boolean streamListening;
    private boolean caughtUp;
    private int unresolved;
    private int catchUpGeneration;

    /**
     * @param config the settings (URL, credentials).
     */
    public AlpacaBroker(final AlpacaConfig config)
    {
        this(config, null);
    }

    /**
     * @param config the settings.
     * @param ssl    the TLS context for https (such as one trusting a test certificate), or null for
     *               the JDK's trust store.
     */
    public AlpacaBroker(final AlpacaConfig config, final SslContext ssl)
    {
        this.config = config;
        this.ssl = "https".equals(config.restUrl().getScheme()) ? ssl != null ? ssl : defaultSsl() : null;
        final int port = config.restUrl().getPort();
        this.requests = new AlpacaRequests(config.restUrl().getHost() + (port > 0 ? ":" + port : ""), config.keyId(), config.secretKey());
    }

    private static SslContext defaultSsl()
    {
        try
        {
            return SslContextBuilder.forClient().build();
        }
        catch (final SSLException ex)
        {
            throw new IllegalStateException("alpaca: cannot set up TLS: " + ex.getMessage(), ex);
        }
    }

    @Override
    public String name()
    {
        return config.name();
    }

    @Override
    public BrokerCapabilities capabilities()
    {
        return config.capabilities();
    }

    @Override
    public BrokerHealth health()
    {
        return health;
    }

    @Override
    public void open(final BrokerContext context)
    {
        threads = context.threads();
        ensureStarted();
        onLoop(() ->
        {
            this.context = context;
            this.encoder = new AlpacaOrderEncoder(requests, context.symbols(), context.clientOrderIds());
            return null;
        });
    }

    @Override
    public void connect()
    {
        if (config.isLiveEndpoint())
        {
            LOG.warn("alpaca {}: trading on the LIVE endpoint {} (real money)", config.name(), config.restUrl());
        }
        onLoop(() ->
        {
            this.sink = context.sink();
            stream.start();
            return null;
        });
    }

    @Override
    public void disconnect()
    {
        if (group == null)
        {
            return;
        }
        try
        {
            onLoop(() ->
            {
                closed = true;
                health = BrokerHealth.DOWN;
                stream.close();
                rest.close();
                tracks.values().forEach(t -> release(t));
                return null;
            });
        }
        finally
        {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private synchronized void ensureStarted()
    {
        if (group == null)
        {
            // One I/O thread: made by the gateway's thread factory when opened by a gateway, so it is named and listed with its own.
            group = new MultiThreadIoEventLoopGroup(1, threads != null ? threads : new DefaultThreadFactory("alpaca-" + config.name(), true),
                NioIoHandler.newFactory());
            loop = group.next();
            rest = new AlpacaRestClient(config, loop, ssl);
            rest.budgetListener((remaining, reset) -> report(() -> sink.budget(remaining, reset))); // routing avoids a spent broker
            stream = new AlpacaTradeStream(config, loop, ssl, new StreamEvents());
        }
    }

    // ------------------------------------------------------------------ from the send stage

    @Override
    public void sendNew(final OrderCommand command)
    {
        offer(command);
    }

    @Override
    public void sendCancel(final OrderCommand command)
    {
        offer(command);
    }

    @Override
    public void sendReplace(final OrderCommand command)
    {
        offer(command);
    }

    private void offer(final OrderCommand command)
    {
        QueuedCommand.write(command, outbound);
        inbound.offer(command.command().code(), outbound, QueuedCommand.LENGTH, command.orderId(), command.command());
        if (wakeScheduled.compareAndSet(false, true))
        {
            loop.execute(drain); // one reused task; a send while one is scheduled adds nothing
        }
    }

    private void drain()
    {
        wakeScheduled.set(false); // before draining: a command offered from now on schedules another pass
        while (inbound.drain(this::onCommand, this::onRefused, 256) > 0)
        {
            // keep going until empty
        }
    }

    private void onRefused(final long orderId, final CommandKind kind)
    {
        report(() -> sink.rejected(orderId, kind, RejectReason.SERVICE_UNAVAILABLE, 0));
    }

    private void onCommand(final int msgType, final DirectBuffer buffer, final int index, final int length)
    {
        final QueuedCommand c = queued.wrap(buffer, index);
        if (closed)
        {
            return;
        }
        switch (c.command())
        {
            case NEW: onNew(c); break;
            case CANCEL: onCancel(c.orderId()); break;
            default: onReplace(c); break;
        }
    }

    // ------------------------------------------------------------------ new orders

    private void onNew(final OrderCommand c)
    {
        final Track t = new Track(c.orderId(), context.clientOrderIds().toString(c.orderId()));
        tracks.put(t.orderId, t);
        final ByteBuf request = rest.alloc().buffer(512);
        encoder.encodeNew(c, request);
        t.post = request;
        post(t);
    }

    private void post(final Track t)
    {
        rest.send(t.post.retainedDuplicate(), new AlpacaRestClient.Callback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
            {
                onPostResponse(t, status, body);
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                if (failure == AlpacaRestClient.Failure.NOT_SENT)
                {
                    LOG.warn("alpaca {}: order {} not sent: {}", config.name(), t.clientOrderId, rest.lastConnectError());
                    finishPost(t);
                    t.done = true;
                    report(() -> sink.rejected(t.orderId, CommandKind.NEW, RejectReason.CONNECTION_ERROR, 0));
                }
                else
                {
                    resolveUnknown(t, failure.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        });
    }

    private void onPostResponse(final Track t, final int status, final ByteBuf body)
    {
        if (status == 200 || status == 201)
        {
            if (readOrder(body))
            {
                finishPost(t);
                apply(t, view, null);
            }
            else
            {
                resolveUnknown(t, "unreadable answer");
            }
            return;
        }
        reader.readError(body, error);
        if (AlpacaErrors.isDuplicateClientOrderId(status, error.message) || status >= 500)
        {
            resolveUnknown(t, status >= 500 ? "HTTP " + status : "duplicate client order id");
            return;
        }
        finishPost(t);
        t.done = true;
        final RejectReason reason = AlpacaErrors.reason(status, error.code, error.message);
        LOG.info("alpaca {}: order {} refused: HTTP {} code {} {}", config.name(), t.clientOrderId, status, error.code, error.message);
        final int code = error.code;
        report(() -> sink.rejected(t.orderId, CommandKind.NEW, reason, code));
        forget(t);
    }

    /**
     * The POST may or may not have created the order: ask by client order id, and send the same
     * bytes again only when the broker says it does not have it.
     */
    private void resolveUnknown(final Track t, final String why)
    {
        if (t.post == null || closed)
        {
            return;
        }
        if (t.attempts == 0)
        {
            unresolved++;
            updateHealth();
            LOG.warn("alpaca {}: outcome of order {} unknown ({}); looking it up by client order id", config.name(), t.clientOrderId, why);
        }
        t.attempts++;
        rest.send(get("/v2/orders:by_client_order_id?client_order_id=" + URLEncoder.encode(t.clientOrderId, StandardCharsets.UTF_8)),
            new AlpacaRestClient.Callback()
            {
                @Override
                public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
                {
                    if (status == 200 && readOrder(body))
                    {
                        finishPost(t);
                        apply(t, view, null);
                    }
                    else if (status == 404)
                    {
                        post(t); // not there: the same request, same client order id, again
                    }
                    else
                    {
                        retryLater(() -> resolveUnknown(t, "lookup answered HTTP " + status), t.attempts);
                    }
                }

                @Override
                public void onFailure(final AlpacaRestClient.Failure failure)
                {
                    retryLater(() -> resolveUnknown(t, "lookup " + failure.name().toLowerCase(java.util.Locale.ROOT)), t.attempts);
                }
            });
    }

    private void finishPost(final Track t)
    {
        if (t.post != null)
        {
            t.post.release();
            t.post = null;
            if (t.attempts > 0)
            {
                unresolved--;
                updateHealth();
            }
            t.attempts = 0;
        }
        if (t.cancelRequested && !t.done)
        {
            t.cancelRequested = false;
            cancel(t, 0);
        }
    }

    private void retryLater(final Runnable action, final int attempt)
    {
        if (!closed)
        {
            final long delay = Math.min(MAX_RETRY_DELAY_MILLIS, config.reconnectMinMillis() << Math.min(attempt, 16));
            loop.schedule(action, delay, TimeUnit.MILLISECONDS);
        }
    }

    // ------------------------------------------------------------------ cancel and replace

    private void onCancel(final long orderId)
    {
        final Track t = trackFor(orderId);
        if (t.done)
        {
            report(() -> sink.rejected(orderId, CommandKind.CANCEL, RejectReason.ORDER_NOT_ACTIVE, 0));
            return;
        }
        if (t.post != null && t.alpacaId == null)
        {
            t.cancelRequested = true; // sent once the POST's outcome is known
            return;
        }
        cancel(t, 0);
    }

    private void cancel(final Track t, final int attempt)
    {
        if (t.alpacaId == null)
        {
            lookupThen(t, () -> cancel(t, attempt), () -> report(() -> sink.rejected(t.orderId, CommandKind.CANCEL, RejectReason.UNKNOWN_ORDER, 0)));
            return;
        }
        final ByteBuf request = rest.alloc().buffer(256);
        requests.writeBodiless(request, "DELETE", "/v2/orders/" + t.alpacaId);
        rest.send(request, new AlpacaRestClient.Callback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
            {
                if (status == 200 || status == 204)
                {
                    return; // accepted: "canceled" comes on the stream
                }
                if (status >= 500 && attempt + 1 < CANCEL_ATTEMPTS)
                {
                    retryLater(() -> cancel(t, attempt + 1), attempt + 1);
                    return;
                }
                reader.readError(body, error);
                final RejectReason reason = status == 422 ? RejectReason.ORDER_NOT_ACTIVE : AlpacaErrors.reason(status, error.code, error.message);
                final int code = error.code;
                LOG.info("alpaca {}: cancel of {} refused: HTTP {} code {} {}", config.name(), t.clientOrderId, status, code, error.message);
                report(() -> sink.rejected(t.orderId, CommandKind.CANCEL, reason, code));
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                if (attempt + 1 < CANCEL_ATTEMPTS)
                {
                    retryLater(() -> cancel(t, attempt + 1), attempt + 1); // a DELETE is safe to repeat
                }
                else
                {
                    report(() -> sink.rejected(t.orderId, CommandKind.CANCEL, RejectReason.SERVICE_UNAVAILABLE, 0));
                }
            }
        });
    }

    private void onReplace(final OrderCommand c)
    {
        final Track t = trackFor(c.orderId());
        if (t.done || t.replacePending || t.alpacaId == null)
        {
            // (An order the stream already showed has its Alpaca id even while its POST's answer is still on the way.)
            report(() -> sink.rejected(t.orderId, CommandKind.REPLACE, RejectReason.ORDER_NOT_ACTIVE, 0));
            return;
        }
        t.replacePending = true;
        t.replaceQuantity = c.quantity();
        t.replaceLimit = c.limitPrice();
        t.replaceStop = c.stopPrice();
        final ByteBuf request = rest.alloc().buffer(512);
        encoder.encodeReplace(c, t.alpacaId, request);
        patch(t, request, t.alpacaId, 0);
    }

    /**
     * Sends a replace. A PATCH names the order it replaces, and a replaced order cannot be replaced
     * again, so when the outcome is unknown the same PATCH goes again: either it does the replace, or
     * Alpaca answers that the order is already replaced, and the order itself then shows the result.
     */
    private void patch(final Track t, final ByteBuf request, final String replacedId, final int attempt)
    {
        rest.send(request.retainedDuplicate(), new AlpacaRestClient.Callback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
            {
                if (status == 200 && readOrder(body))
                {
                    request.release();
                    byAlpacaId.put(view.id, t); // the replacement; it takes over when "replaced" arrives
                    return;
                }
                if (status >= 500)
                {
                    retryPatch(t, request, replacedId, attempt);
                    return;
                }
                reader.readError(body, error);
                if (status == 422 && attempt > 0)
                {
                    request.release();
                    settleReplace(t, replacedId); // did an earlier try land?
                    return;
                }
                request.release();
                LOG.info("alpaca {}: replace of {} refused: HTTP {} code {} {}", config.name(), t.clientOrderId, status, error.code, error.message);
                replaceRefused(t, status == 422 ? RejectReason.ORDER_NOT_ACTIVE : AlpacaErrors.reason(status, error.code, error.message),
                    error.code);
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                retryPatch(t, request, replacedId, attempt);
            }
        });
    }

    /**
     * Asks the replaced order how a replace ended: replaced (reported), still pending (the stream
     * will tell), or not replaced (refused, retryable).
     */
    private void settleReplace(final Track t, final String replacedId)
    {
        rest.send(get("/v2/orders/" + replacedId), new AlpacaRestClient.Callback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
            {
                if (status == 200 && readOrder(body))
                {
                    if ("replaced".equals(view.status))
                    {
                        apply(t, view, null);
                        return;
                    }
                    if ("pending_replace".equals(view.status))
                    {
                        return;
                    }
                }
                replaceRefused(t, RejectReason.SERVICE_UNAVAILABLE, 0);
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                replaceRefused(t, RejectReason.SERVICE_UNAVAILABLE, 0);
            }
        });
    }

    private void retryPatch(final Track t, final ByteBuf request, final String replacedId, final int attempt)
    {
        if (attempt + 1 >= CANCEL_ATTEMPTS || closed)
        {
            request.release();
            settleReplace(t, replacedId); // still unknown after every try: the order itself says whether the replace happened
            return;
        }
        retryLater(() -> patch(t, request, replacedId, attempt + 1), attempt + 1);
    }

    private void replaceRefused(final Track t, final RejectReason reason, final int code)
    {
        if (t.replacePending)
        {
            t.replacePending = false;
            report(() -> sink.rejected(t.orderId, CommandKind.REPLACE, reason, code));
        }
    }

    private Track trackFor(final long orderId)
    {
        Track t = tracks.get(orderId);
        if (t == null)
        {
            t = new Track(orderId, context.clientOrderIds().toString(orderId)); // an order from before a restart
            t.acked = true;
            tracks.put(orderId, t);
        }
        return t;
    }

    private void lookupThen(final Track t, final Runnable found, final Runnable missing)
    {
        rest.send(get("/v2/orders:by_client_order_id?client_order_id=" + URLEncoder.encode(t.clientOrderId, StandardCharsets.UTF_8)),
            new AlpacaRestClient.Callback()
            {
                @Override
                public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
                {
                    if (status == 200 && readOrder(body))
                    {
                        apply(t, view, null);
                        if (t.alpacaId != null)
                        {
                            found.run();
                            return;
                        }
                    }
                    missing.run();
                }

                @Override
                public void onFailure(final AlpacaRestClient.Failure failure)
                {
                    missing.run();
                }
            });
    }

    /**
     * Fetches one order by Alpaca id and applies it (following a replacement).
     */
    private void refresh(final Track t, final String alpacaId)
    {
        rest.send(get("/v2/orders/" + alpacaId), new AlpacaRestClient.Callback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
            {
                if (status == 200 && readOrder(body))
                {
                    apply(t, view, null);
                }
                catchUpStep(t);
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                catchUpStep(t); // the next catch-up asks again
            }
        });
    }

    // ------------------------------------------------------------------ what the broker says

    /**
     * Applies one snapshot of an order (a REST answer or a stream event's order) to its track:
     * acknowledgement, fills by cumulative quantity, and the end of the order.
     *
     * @param t     the track.
     * @param o     the order as Alpaca shows it.
     * @param event the stream message it came with, or null for a REST snapshot.
     */
    private void apply(final Track t, final AlpacaOrderView o, final AlpacaJsonReader.StreamMessage event)
    {
        if (t.done)
        {
            return;
        }
        if ("replaced".equals(o.status))
        {
            reportFills(t, o, event);
            if (o.replacedBy != null)
            {
                byAlpacaId.put(o.replacedBy, t);
                final boolean wasCurrent = o.id.equals(t.alpacaId) || t.alpacaId == null;
                t.alpacaId = o.replacedBy;
                if (t.replacePending)
                {
                    t.replacePending = false;
                    final long qty = t.replaceQuantity;
                    final long limit = t.replaceLimit;
                    final long stop = t.replaceStop;
                    report(() -> sink.replaced(t.orderId, qty, limit, stop));
                }
                if (wasCurrent && event == null)
                {
                    refresh(t, o.replacedBy); // a snapshot of the old order: fetch the one that replaced it
                }
            }
            return;
        }
        final boolean replacement = o.replaces != null && t.replacePending && !o.id.equals(t.alpacaId);
        if ("rejected".equals(o.status))
        {
            if (replacement)
            {
                replaceRefused(t, RejectReason.BROKER_REJECTED, 0);
            }
            else
            {
                t.done = true; // before or after Alpaca said "accepted": the order is dead either way
                report(() -> sink.rejected(t.orderId, CommandKind.NEW, RejectReason.BROKER_REJECTED, 0));
                forget(t);
            }
            return;
        }
        if (replacement)
        {
            byAlpacaId.put(o.id, t);
            reportFills(t, o, event);
            return;
        }
        if (t.alpacaId == null)
        {
            t.alpacaId = o.id;
        }
        byAlpacaId.put(o.id, t);
        if (!t.acked && isLive(o.status))
        {
            t.acked = true;
            final long brokerOrderId = AlpacaIds.key(o.id);
            report(() -> sink.acknowledged(t.orderId, brokerOrderId));
        }
        reportFills(t, o, event);
        switch (o.status)
        {
            case "canceled":
                t.done = true;
                report(() -> sink.canceled(t.orderId));
                forget(t);
                break;
            case "expired":
                t.done = true;
                report(() -> sink.expired(t.orderId));
                forget(t);
                break;
            case "filled":
                if (t.reportedQuantity >= o.quantity)
                {
                    t.done = true;
                    forget(t);
                }
                break;
            default:
                break;
        }
    }

    /**
     * Alpaca answers a POST with the order "accepted" or "pending_new" and may still reject it; the
     * gateway's acknowledgement waits for a status that says the order is working (or done).
     */
    private static boolean isLive(final String status)
    {
        switch (status)
        {
            case "pending_new":
            case "accepted":
            case "accepted_for_bidding":
            case "pending_review":
                return false;
            default:
                return true;
        }
    }

    private void reportFills(final Track t, final AlpacaOrderView o, final AlpacaJsonReader.StreamMessage event)
    {
        final long increment = o.filledQuantity - t.reportedQuantity;
        if (increment <= 0)
        {
            return; // already reported (a replay, or a snapshot older than what we saw)
        }
        final long price;
        final long fillId;
        if (event != null && event.executionId != null && event.quantity == increment && event.price != FixedPoint.NULL)
        {
            price = event.price;
            fillId = AlpacaIds.key(event.executionId) & Long.MAX_VALUE;
        }
        else
        {
            final long average = o.filledAveragePrice == FixedPoint.NULL ? 0 : o.filledAveragePrice;
            price = ScaledMath.averagePrice(ScaledMath.notional(o.filledQuantity, average) - t.reportedNotional, increment);
            fillId = StartupReconciliation.cumulativeFillId(o.filledQuantity);
        }
        t.reportedQuantity = o.filledQuantity;
        t.reportedNotional += ScaledMath.notional(increment, price);
        report(() -> sink.filled(t.orderId, fillId, increment, price));
    }

    private void forget(final Track t)
    {
        release(t);
        tracks.remove(t.orderId);
        if (t.alpacaId != null)
        {
            byAlpacaId.remove(t.alpacaId);
        }
    }

    private static void release(final Track t)
    {
        if (t.post != null)
        {
            t.post.release();
            t.post = null;
        }
    }

    private Track trackOf(final AlpacaOrderView o)
    {
        Track t = byAlpacaId.get(o.id);
        if (t == null && o.replaces != null)
        {
            t = byAlpacaId.get(o.replaces);
        }
        if (t == null && o.clientOrderId != null && context != null)
        {
            final long orderId = context.clientOrderIds().parse(o.clientOrderId);
            t = orderId < 0 ? null : tracks.get(orderId);
        }
        return t;
    }

    private final class StreamEvents implements AlpacaTradeStream.Listener
    {
        @Override
        public void onListening()
        {
            streamListening = true;
            LOG.info("alpaca {}: trade_updates stream listening; catching up on what happened meanwhile", config.name());
            catchUp();
        }

        @Override
        public void onTradeUpdate(final AlpacaJsonReader.StreamMessage m)
        {
            final Track t = trackOf(m.order);
            if (t == null)
            {
                return; // not an order of this gateway session (or one already finished)
            }
            switch (m.event)
            {
                case "order_cancel_rejected":
                    report(() -> sink.rejected(t.orderId, CommandKind.CANCEL, RejectReason.ORDER_NOT_ACTIVE, 0));
                    break;
                case "order_replace_rejected":
                    replaceRefused(t, RejectReason.ORDER_NOT_ACTIVE, 0);
                    break;
                case "new": case "fill": case "partial_fill": case "canceled": case "expired": case "replaced": case "rejected":
                case "done_for_day": case "pending_new": case "pending_cancel": case "pending_replace": case "accepted": case "stopped":
                case "calculated": case "suspended": case "restated": case "held":
                    apply(t, m.order, m);
                    break;
                default:
                    if (unknownEventsLogged.add(m.event))
                    {
                        LOG.warn("alpaca {}: unknown trade update event '{}'; applied by the order's status", config.name(), m.event);
                    }
                    apply(t, m.order, m);
                    break;
            }
        }

        @Override
        public void onDown(final String reason)
        {
            if (streamListening && !closed)
            {
                LOG.warn("alpaca {}: trade_updates stream down ({}); reconnecting", config.name(), reason);
            }
            streamListening = false;
            caughtUp = false;
            updateHealth();
        }
    }

    private int catchUpPending;

    /**
     * After the stream (re)connects: the open orders, then each tracked order not among them, so
     * whatever happened while the stream was down is reported before the adapter says HEALTHY.
     */
    private void catchUp()
    {
        final int generation = ++catchUpGeneration;
        rest.send(get("/v2/orders?status=open&direction=asc&limit=" + MAX_ORDERS_PAGE), new AlpacaRestClient.Callback()
        {
            @Override
            public void onResponse(final int status, final HttpHeaders headers, final ByteBuf body)
            {
                if (status != 200 || generation != catchUpGeneration)
                {
                    retryLater(() -> { if (generation == catchUpGeneration && streamListening) { catchUp(); } }, 1);
                    return;
                }
                try
                {
                    reader.readOrders(body, view, o ->
                    {
                        final Track t = trackOf(o);
                        if (t != null)
                        {
                            t.seen = generation;
                            apply(t, o, null);
                        }
                    });
                }
                catch (final IOException | RuntimeException ex)
                {
                    LOG.warn("alpaca {}: unreadable open-orders answer ({})", config.name(), ex.getMessage());
                }
                final List<Track> missing = new ArrayList<>();
                tracks.values().forEach(t ->
                {
                    if (!t.done && t.seen != generation && t.post == null && t.alpacaId != null)
                    {
                        missing.add(t);
                    }
                });
                catchUpPending = missing.size();
                if (catchUpPending == 0)
                {
                    caughtUp = true;
                    updateHealth();
                }
                for (final Track t : missing)
                {
                    t.seen = -generation; // a refresh in flight for this catch-up
                    refresh(t, t.alpacaId);
                }
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                retryLater(() -> { if (generation == catchUpGeneration && streamListening) { catchUp(); } }, 1);
            }
        });
    }

    private void catchUpStep(final Track t)
    {
        if (t.seen == -catchUpGeneration)
        {
            t.seen = catchUpGeneration;
            if (--catchUpPending == 0)
            {
                caughtUp = true;
                updateHealth();
            }
        }
    }

    private void updateHealth()
    {
        health = closed || !streamListening || !caughtUp ? BrokerHealth.DOWN : unresolved > 0 ? BrokerHealth.DEGRADED : BrokerHealth.HEALTHY;
    }

    private void report(final Runnable call)
    {
        if (!closed && sink != null)
        {
            call.run();
        }
    }

    private boolean readOrder(final ByteBuf body)
    {
        try
        {
            reader.readOrder(body, view);
            return view.id != null && view.status != null;
        }
        catch (final IOException | RuntimeException ex)
        {
            LOG.warn("alpaca {}: unreadable order in an answer ({})", config.name(), ex.getMessage());
            return false;
        }
    }

    private ByteBuf get(final String path)
    {
        final ByteBuf request = rest.alloc().buffer(256);
        requests.writeBodiless(request, "GET", path);
        return request;
    }

    // ------------------------------------------------------------------ questions (start-up, resolver, tools)

    @Override
    public CompletableFuture<BrokerOrderStatus> askOrder(final long orderId, final String clientOrderId)
    {
        ensureStarted();
        final CompletableFuture<BrokerOrderStatus> answer = new CompletableFuture<>();
        loop.execute(() -> askOrder(orderId, clientOrderId,
            "/v2/orders:by_client_order_id?client_order_id=" + URLEncoder.encode(clientOrderId, StandardCharsets.UTF_8), 0, answer));
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
                if (status != 200 || !readOrder(body))
                {
                    reader.readError(body, error);
                    answer.completeExceptionally(new IllegalStateException("alpaca " + config.name() + ": asking about " + clientOrderId
                        + " gave HTTP " + status + " " + error.message));
                    return;
                }
                if ("replaced".equals(view.status) && view.replacedBy != null && hops < 32)
                {
                    askOrder(orderId, clientOrderId, "/v2/orders/" + view.replacedBy, hops + 1, answer);
                    return;
                }
                final long average = view.filledAveragePrice == FixedPoint.NULL ? 0 : view.filledAveragePrice;
                final OrderState state = AlpacaWire.state(view.status, view.filledQuantity);
                if (!state.isTerminal())
                {
                    // The journal will agree with this after reconciliation: later events count from here.
                    final Track t = new Track(orderId, clientOrderId);
                    t.acked = true;
                    t.alpacaId = view.id;
                    t.reportedQuantity = view.filledQuantity;
                    t.reportedNotional = ScaledMath.notional(view.filledQuantity, average);
                    tracks.put(orderId, t);
                    byAlpacaId.put(view.id, t);
                }
                answer.complete(new BrokerOrderStatus(orderId, state, view.quantity, view.filledQuantity, average, List.of()));
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                answer.completeExceptionally(new TimeoutException("alpaca " + config.name() + ": asking about " + clientOrderId + ": "
                    + failure.name().toLowerCase(java.util.Locale.ROOT) + " " + rest.lastConnectError()));
            }
        });
    }

    @Override
    public BrokerStatement queryStatement(final int brokerId, final long timeoutMillis) throws TimeoutException
    {
        ensureStarted();
        final CompletableFuture<List<BrokerStatement.Position>> positions = new CompletableFuture<>();
        final CompletableFuture<List<BrokerStatement.OpenOrder>> open = new CompletableFuture<>();
        loop.execute(() ->
        {
            rest.send(get("/v2/positions"), collect(positions, body ->
            {
                final List<BrokerStatement.Position> out = new ArrayList<>();
                reader.readPositions(body, (symbol, qty) -> out.add(new BrokerStatement.Position(symbol, qty)));
                return out;
            }));
            rest.send(get("/v2/orders?status=open&direction=asc&limit=" + MAX_ORDERS_PAGE), collect(open, body ->
            {
                final List<BrokerStatement.OpenOrder> out = new ArrayList<>();
                reader.readOrders(body, view, o ->
                {
                    final Track t = trackOf(o);
                    final Side side = AlpacaWire.parseSide(o.side);
                    out.add(new BrokerStatement.OpenOrder(t != null ? t.clientOrderId : o.clientOrderId, o.symbol,
                        side == null ? Side.BUY : side, o.quantity, o.filledQuantity));
                });
                return out;
            }));
        });
        return new BrokerStatement(config.name(), brokerId, io.ordergateway.core.broker.BrokerAnswers.await(positions, timeoutMillis, "positions"),
            io.ordergateway.core.broker.BrokerAnswers.await(open, timeoutMillis, "open orders"));
    }

    /**
     * Reads a 200 answer into a value.
     */
    @FunctionalInterface
    private interface BodyReader<T>
    {
        T read(ByteBuf body) throws IOException;
    }

    private <T> AlpacaRestClient.Callback collect(final CompletableFuture<T> answer, final BodyReader<T> bodyReader)
    {
        return collect(answer, bodyReader, 200);
    }

    private <T> AlpacaRestClient.Callback collect(final CompletableFuture<T> answer, final BodyReader<T> bodyReader, final int expected)
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
                        reader.readError(body, error);
                        throw new IOException("HTTP " + status + " " + error.message);
                    }
                    answer.complete(bodyReader.read(body));
                }
                catch (final IOException | RuntimeException ex)
                {
                    answer.completeExceptionally(new IllegalStateException("alpaca " + config.name() + ": " + ex.getMessage()));
                }
            }

            @Override
            public void onFailure(final AlpacaRestClient.Failure failure)
            {
                answer.completeExceptionally(new TimeoutException("alpaca " + config.name() + ": " + failure.name().toLowerCase(java.util.Locale.ROOT)
                    + " " + rest.lastConnectError()));
            }
        };
    }

    private <T> T onLoop(final java.util.concurrent.Callable<T> action)
    {
        try
        {
            return loop.submit(action).get(30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            throw new IllegalStateException("alpaca " + config.name() + ": its I/O thread did not answer", ex);
        }
    }

    // ------------------------------------------------------------------ the rest of the REST API (operators and tools; blocking)

    /**
     * The account ({@code GET /v2/account}): scalar fields as Alpaca sends them (decimals as text).
     *
     * @param timeoutMillis how long to wait.
     * @return field name to value.
     * @throws TimeoutException if no answer came in time.
     */
    public Map<String, String> account(final long timeoutMillis) throws TimeoutException
    {
        return fetch("/v2/account", reader::readFlat, timeoutMillis, "account");
    }

    /**
     * The market clock ({@code GET /v2/clock}): timestamp, is_open, next_open, next_close.
     *
     * @param timeoutMillis how long to wait.
     * @return field name to value.
     * @throws TimeoutException if no answer came in time.
     */
    public Map<String, String> clock(final long timeoutMillis) throws TimeoutException
    {
        return fetch("/v2/clock", reader::readFlat, timeoutMillis, "clock");
    }

    /**
     * One asset ({@code GET /v2/assets/{symbol}}): tradable, fractionable, shortable...
     *
     * @param symbol        the symbol.
     * @param timeoutMillis how long to wait.
     * @return field name to value.
     * @throws TimeoutException if no answer came in time.
     * @throws IllegalStateException naming the symbol when Alpaca does not know it.
     */
    public Map<String, String> asset(final String symbol, final long timeoutMillis) throws TimeoutException
    {
        return fetch("/v2/assets/" + URLEncoder.encode(symbol, StandardCharsets.UTF_8), reader::readFlat, timeoutMillis, "asset " + symbol);
    }

    /**
     * Orders by status ({@code GET /v2/orders?status=...}), as a statement's open-order lines.
     *
     * @param status        {@code open}, {@code closed} or {@code all}.
     * @param timeoutMillis how long to wait.
     * @return the orders, oldest first (up to 500).
     * @throws TimeoutException if no answer came in time.
     */
    public List<Map<String, String>> orders(final String status, final long timeoutMillis) throws TimeoutException
    {
        return fetch("/v2/orders?status=" + URLEncoder.encode(status, StandardCharsets.UTF_8) + "&direction=asc&limit=" + MAX_ORDERS_PAGE,
            reader::readFlatArray, timeoutMillis, status + " orders");
    }

    /**
     * Cancels every open order of the account ({@code DELETE /v2/orders}); cancels confirmed on the
     * stream reach the gateway as usual.
     *
     * @param timeoutMillis how long to wait.
     * @return one line per order: its id and the HTTP status of its cancel.
     * @throws TimeoutException if no answer came in time.
     */
    public List<Map<String, String>> cancelAll(final long timeoutMillis) throws TimeoutException
    {
        ensureStarted();
        final CompletableFuture<List<Map<String, String>>> answer = new CompletableFuture<>();
        loop.execute(() ->
        {
            final ByteBuf request = rest.alloc().buffer(256);
            requests.writeBodiless(request, "DELETE", "/v2/orders");
            rest.send(request, collect(answer, reader::readFlatArray, 207));
        });
        return io.ordergateway.core.broker.BrokerAnswers.await(answer, timeoutMillis, "cancel all");
    }

    private <T> T fetch(final String path, final BodyReader<T> bodyReader, final long timeoutMillis, final String what) throws TimeoutException
    {
        ensureStarted();
        final CompletableFuture<T> answer = new CompletableFuture<>();
        loop.execute(() -> rest.send(get(path), collect(answer, bodyReader)));
        return io.ordergateway.core.broker.BrokerAnswers.await(answer, timeoutMillis, what);
    }

    /**
     * @return requests left in Alpaca's current rate-limit window, as its last answer said.
     */
    public long apiBudgetRemaining()
    {
        return rest == null ? Long.MAX_VALUE : onLoop(rest::budgetRemaining);
    }
}
