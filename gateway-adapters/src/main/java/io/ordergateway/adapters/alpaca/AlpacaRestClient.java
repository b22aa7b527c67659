package io.ordergateway.adapters.alpaca;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Alpaca's REST calls over a few keep-alive HTTP/1.1 connections, all on one event loop (the
 * adapter's I/O thread; every method here must be called on it).
 *
 * <p>Requests arrive as complete request bytes ({@link AlpacaRequests}); responses are aggregated
 * and handed to the caller's {@link Callback}. One request is in flight per connection. The client
 * keeps the account's request budget from the {@code X-Ratelimit-Remaining} and
 * {@code X-Ratelimit-Reset} headers: when it is spent, requests wait for the reset instead of
 * provoking a 429; a 429 that comes anyway is sent again after the reset (a 429 was not acted on, so
 * this is safe even for a POST). Nothing else is retried here: the outcome of a request that timed
 * out or lost its connection after being written is unknown, and only the caller knows how to
 * resolve that.
 */
final class AlpacaRestClient
{
    /**
     * Why a request got no response.
     */
    enum Failure
    {
        /** It never left: no connection, or the write failed. The server did not act on it. */
        NOT_SENT,
        /** The connection closed after the request was written: the server may have acted on it. */
        LOST_AFTER_WRITE,
        /** No response in time: the server may have acted on it. */
        TIMEOUT
    }

    /**
     * Receives the outcome of one request, on the event loop.
     */
    interface Callback
    {
        /**
         * @param status  the HTTP status.
         * @param headers the response headers.
         * @param body    the body, valid only during the call.
         */
        void onResponse(int status, HttpHeaders headers, ByteBuf body);

        /**
         * @param failure why there is no response.
         */
        void onFailure(Failure failure);
    }

    private static final class Call
    {
        final ByteBuf request;
        final Callback callback;
        boolean written;
        ScheduledFuture<?> timeout;

        Call(final ByteBuf request, final Callback callback)
        {
            this.request = request;
            this.callback = callback;
        }
    }

    private final class Connection extends SimpleChannelInboundHandler<FullHttpResponse>
    {
        Channel channel;
        boolean ready;
        Call inFlight;

        @Override
        public void channelActive(final ChannelHandlerContext ctx) throws Exception
        {
            if (ctx.pipeline().get(SslHandler.class) == null)
            {
                ready = true;
                pump();
            }
            super.channelActive(ctx);
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) throws Exception
        {
            if (evt instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent done)
            {
                if (done.isSuccess())
                {
                    ready = true;
                    pump();
                }
                else
                {
                    lastConnectError = "TLS handshake with " + host + " failed: " + done.cause().getMessage();
                    ctx.close();
                }
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpResponse response)
        {
            final Call call = inFlight;
            inFlight = null;
            if (call == null)
            {
                ctx.close(); // an answer nobody asked for (the request timed out): the connection is out of step
                return;
            }
            call.timeout.cancel(false);
            readBudget(response.headers());
            if (!HttpUtil.isKeepAlive(response))
            {
                ctx.close();
            }
            final int status = response.status().code();
            if (status == 429)
            {
                remaining = 0;
                budgetChanged();
                pending.addFirst(call); // not acted on by the server: send again after the reset
                pump();
                return;
            }
            try
            {
                call.callback.onResponse(status, response.headers(), response.content());
            }
            finally
            {
                call.request.release();
                pump();
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            connections.remove(this);
            final Call call = inFlight;
            inFlight = null;
            if (call != null)
            {
                call.timeout.cancel(false);
                fail(call, call.written ? Failure.LOST_AFTER_WRITE : Failure.NOT_SENT);
            }
            if (!ready)
            {
                // closed before it could carry anything (TLS refused): like a failed connect
                failPendingIfUnreachable();
                return;
            }
            pump();
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            lastConnectError = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            ctx.close();
        }
    }

    private final EventLoop loop;
    private final String host;
    private final int port;
    private final SslContext ssl;
    private final long timeoutMillis;
    private final int maxConnections;
    private final ArrayDeque<Call> pending = new ArrayDeque<>();
    private final List<Connection> connections = new ArrayList<>();
    private final Bootstrap bootstrap;
    private int connecting;
    private long remaining = Long.MAX_VALUE;
    private long resetAtMillis;
    private boolean pumpScheduled;
    private boolean closed;
    private String lastConnectError = "";
    private boolean spent;
    private java.util.function.BiConsumer<Long, Long> budgetListener = (remaining, reset) -> { };

    /**
     * @param config the adapter's settings (URL, timeout, connections).
     * @param loop   the event loop that owns the client.
     * @param ssl    TLS for https, or null for http.
     */
    AlpacaRestClient(final AlpacaConfig config, final EventLoop loop, final SslContext ssl)
    {
        this.loop = loop;
        this.host = config.restUrl().getHost();
        this.port = config.restUrl().getPort() > 0 ? config.restUrl().getPort() : ssl != null ? 443 : 80;
        this.ssl = ssl;
        this.timeoutMillis = config.requestTimeoutMillis();
        this.maxConnections = config.connections();
        this.bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)Math.min(Integer.MAX_VALUE, timeoutMillis));
    }

    /**
     * @return the buffer allocator for requests (pooled).
     */
    ByteBufAllocator alloc()
    {
        return ByteBufAllocator.DEFAULT;
    }

    /**
     * Sends a request; the client owns (and releases) the buffer.
     *
     * @param request  complete request bytes.
     * @param callback the outcome.
     */
    void send(final ByteBuf request, final Callback callback)
    {
        if (closed)
        {
            request.release();
            callback.onFailure(Failure.NOT_SENT);
            return;
        }
        pending.addLast(new Call(request, callback));
        pump();
    }

    /**
     * @param listener told (remaining, reset epoch millis) when the budget runs out and when it comes back.
     */
    void budgetListener(final java.util.function.BiConsumer<Long, Long> listener)
    {
        this.budgetListener = listener;
    }

    private void budgetChanged()
    {
        final boolean nowSpent = remaining <= 0;
        if (nowSpent != spent)
        {
            spent = nowSpent;
            budgetListener.accept(remaining, resetAtMillis);
        }
    }

    /**
     * @return requests left in the current window, as the last response said (Long.MAX_VALUE before any).
     */
    long budgetRemaining()
    {
        return remaining;
    }


    /**
     * @return the last connection error, for logs and health reports (never holds credentials).
     */
    String lastConnectError()
    {
        return lastConnectError;
    }

    /**
     * Closes every connection; requests still queued fail as not sent.
     */
    void close()
    {
        closed = true;
        for (final Connection c : new ArrayList<>(connections))
        {
            c.channel.close();
        }
        Call call;
        while ((call = pending.poll()) != null)
        {
            fail(call, Failure.NOT_SENT);
        }
    }

    private void pump()
    {
        while (!pending.isEmpty())
        {
            final long now = System.currentTimeMillis();
            if (remaining <= 0 && now < resetAtMillis)
            {
                if (!pumpScheduled)
                {
                    pumpScheduled = true;
                    loop.schedule(() ->
                    {
                        pumpScheduled = false;
                        remaining = Math.max(remaining, 1);
                        budgetChanged();
                        pump();
                    }, resetAtMillis - now, TimeUnit.MILLISECONDS);
                }
                return;
            }
            final Connection idle = idleConnection();
            if (idle == null)
            {
                if (connections.size() + connecting < maxConnections && !closed)
                {
                    connect();
                }
                return;
            }
            final Call call = pending.poll();
            idle.inFlight = call;
            remaining--;
            call.timeout = loop.schedule(() -> onTimeout(idle, call), timeoutMillis, TimeUnit.MILLISECONDS);
            idle.channel.writeAndFlush(call.request.retainedDuplicate()).addListener(f ->
            {
                if (f.isSuccess())
                {
                    call.written = true;
                }
                else
                {
                    idle.channel.close(); // channelInactive reports NOT_SENT
                }
            });
        }
    }

    private Connection idleConnection()
    {
        for (final Connection c : connections)
        {
            if (c.ready && c.inFlight == null && c.channel.isActive())
            {
                return c;
            }
        }
        return null;
    }

    private void connect()
    {
        connecting++;
        final Connection connection = new Connection();
        final ChannelFuture future = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>()
        {
            @Override
            protected void initChannel(final SocketChannel ch)
            {
                if (ssl != null)
                {
                    ch.pipeline().addLast(TlsHandlers.verifyingHost(ssl, ch.alloc(), host, port));
                }
                ch.pipeline().addLast(new HttpResponseDecoder(), new HttpObjectAggregator(16 << 20), connection);
            }
        }).connect(host, port);
        connection.channel = future.channel();
        future.addListener(f ->
        {
            connecting--;
            if (f.isSuccess())
            {
                connections.add(connection);
                return;
            }
            lastConnectError = "cannot connect to " + host + ":" + port + ": " + f.cause().getMessage();
            failPendingIfUnreachable();
        });
    }

    private void failPendingIfUnreachable()
    {
        if (connections.isEmpty() && connecting == 0)
        {
            Call call;
            while ((call = pending.poll()) != null)
            {
                fail(call, Failure.NOT_SENT); // nothing to send them on: they never left
            }
        }
    }

    private void onTimeout(final Connection connection, final Call call)
    {
        if (connection.inFlight != call)
        {
            return;
        }
        connection.inFlight = null;
        connection.channel.close(); // a late answer would put the connection out of step
        fail(call, Failure.TIMEOUT);
    }

    private static void fail(final Call call, final Failure failure)
    {
        try
        {
            call.callback.onFailure(failure);
        }
        finally
        {
            call.request.release();
        }
    }

    private void readBudget(final HttpHeaders headers)
    {
        final String left = headers.get("X-Ratelimit-Remaining");
        final String reset = headers.get("X-Ratelimit-Reset");
        try
        {
            if (left != null)
            {
                remaining = Long.parseLong(left.trim());
            }
            if (reset != null)
            {
                resetAtMillis = Long.parseLong(reset.trim()) * 1000;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // a header we cannot read leaves the budget as it was
        }
        if (remaining <= 0 && resetAtMillis <= System.currentTimeMillis())
        {
            resetAtMillis = System.currentTimeMillis() + 1000; // spent, with no usable reset time: wait a second
        }
        budgetChanged();
    }
}
