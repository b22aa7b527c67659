package io.ordergateway.runtime.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.runtime.config.ConfigWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The operator's HTTP endpoint (Netty, one thread, "NAME-admin"), off unless started:
 * <ul>
 *   <li>{@code GET /admin/execution-status}: active broker, primary, backups, pause, failure counts
 *       and availability per broker (also as {@code active_engine}, {@code primary_engine},
 *       {@code backup_engines}, {@code failure_counts}, {@code engines_available});</li>
 *   <li>{@code GET /admin/brokers}: one line per broker (role, breaker, adapter health, counts, latency);</li>
 *   <li>{@code GET /metrics}: Prometheus text format: counters, denials by reason, per-broker counters
 *       and state, latency quantiles per stage and broker;</li>
 *   <li>{@code POST /admin/kill-switch?engaged=true|false[&account=N]};</li>
 *   <li>{@code POST /admin/brokers/{name}/enable|disable|activate};</li>
 *   <li>{@code POST /admin/resume}: ends a pause (the only way with {@code routing.resumeAfterPause: manual});</li>
 *   <li>{@code POST /admin/flatten?account=N&symbol=S} (either or both, or {@code all=true}): cancels the open
 *       orders there and closes the positions with market orders; answers what it sent. It waits for the
 *       cancels on this endpoint's thread (up to 5 s), so other requests wait meanwhile;</li>
 *   <li>{@code GET /admin/config/versions}, {@code POST /admin/config/rollback?version=N},
 *       {@code POST /admin/config/reload} (re-read the configuration file).</li>
 * </ul>
 * Actions go into the gateway's ring like any operator command, so they are journaled. Bound to
 * loopback by default; bound to any other address it refuses to start without a bearer token, and
 * every request must then carry {@code Authorization: Bearer TOKEN} (the scheme in any case; compared
 * in constant time; the token is never logged). Reads only published state (the execution status,
 * counters, histogram copies): nothing here runs on the order path.
 *
 * <p>It refuses what it should, before anything acts, with {@code {"error": "..."}} naming what was
 * wrong and where, never a stack trace:
 * <ul>
 *   <li>malformed HTTP (bad or conflicting {@code Content-Length}/{@code Transfer-Encoding}, bad
 *       chunking), a foreign {@code Host}, a wrong token, an action from another origin:
 *       {@link RequestGuard};</li>
 *   <li>request line, headers or body over the limits ({@link AdminOptions}): 414, 431 (the decoder),
 *       413 ({@link BoundedAggregator});</li>
 *   <li>an unknown path or method (404, 405), unknown, repeated or out-of-range parameters or a body
 *       (none of the endpoints takes one: refused 400, never ignored): {@link AdminRoutes},
 *       {@link RequestTarget};</li>
 *   <li>connections beyond the cap are closed at once (here); idle connections and requests that do
 *       not arrive in time are closed ({@link ConnectionTimeouts}, on the event loop, no thread).</li>
 * </ul>
 * Each kind of refusal is warned of at most once a minute ({@link RefusalLog}); a peer that resets
 * its connection is not warned of at all.
 */
public final class AdminServer implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final int MAX_REQUEST_LINE_BYTES = 4096;

    private final AdminOptions options;
    private final EventLoopGroup group;
    private final Channel server;
    private final AdminRoutes routes;
    private final RequestGuard guard;
    private final RefusalLog refusals = new RefusalLog();
    private final AtomicInteger open = new AtomicInteger();

    /**
     * Binds and starts serving, with the {@link AdminOptions#DEFAULTS default limits}.
     *
     * @param gateway the gateway.
     * @param bind    the address, e.g. 127.0.0.1.
     * @param port    the port, 0 for any free one.
     * @param token   the bearer token, or null (allowed on loopback only).
     * @throws IllegalArgumentException when bound beyond loopback without a token, or the address is unknown.
     * @throws InterruptedException if interrupted while binding.
     */
    public AdminServer(final OrderGateway gateway, final String bind, final int port, final String token) throws
        InterruptedException
    {
        this(gateway, bind, port, token, AdminOptions.DEFAULTS);
    }

    /**
     * Binds and starts serving.
     *
     * @param gateway the gateway.
     * @param bind    the address, e.g. 127.0.0.1.
     * @param port    the port, 0 for any free one.
     * @param token   the bearer token, or null (allowed on loopback only).
     * @param options the limits.
     * @throws IllegalArgumentException when bound beyond loopback without a token, or the address is unknown.
     * @throws InterruptedException if interrupted while binding.
     */
    public AdminServer(final OrderGateway gateway, final String bind, final int port, final String token,
        final AdminOptions options) throws InterruptedException
    {
        final InetAddress address;
        try
        {
            address = InetAddress.getByName(bind);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException("admin.bind: unknown address " + bind);
        }
        final boolean tokenSet = token != null && !token.isBlank();
        if (!address.isLoopbackAddress() && !tokenSet)
        {
            throw new IllegalArgumentException("admin: a bearer token is required to bind " + bind
                + " (not a loopback address)");
        }
        this.options = options;
        this.routes = new AdminRoutes(gateway);
        // named and listed with the gateway's threads
        group = new MultiThreadIoEventLoopGroup(1, gateway.threadFactory("admin"), NioIoHandler.newFactory());
        try
        {
            // accepts nothing until the guard knows the bound port
            server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new Connections())
                .bind(new InetSocketAddress(address, port)).sync().channel();
        }
        catch (final InterruptedException | RuntimeException ex)
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw ex;
        }
        // behind Netty's acceptor, which pauses accepting for a second after a failure and passes it on
        server.pipeline().addLast(new AcceptFailures());
        guard = new RequestGuard(tokenSet ? token : null, RequestGuard.names(address, bind, options.hostNames()),
            port());
        server.config().setAutoRead(true);
        LOG.info("admin endpoint on http://{}:{}/ ({}; at most {} connections)", bind, port(),
            tokenSet ? "bearer token required" : "loopback, no token", options.maxConnections());
    }

    /**
     * @param watcher the configuration file's watcher, for {@code POST /admin/config/reload} (null: none).
     */
    public void configWatcher(final ConfigWatcher watcher)
    {
        routes.configWatcher(watcher);
    }

    /** @return the bound port. */
    public int port()
    {
        return ((InetSocketAddress)server.localAddress()).getPort();
    }

    /** @return the connections open now (for tests and diagnostics). */
    int openConnections()
    {
        return open.get();
    }

    @Override
    public void close()
    {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /**
     * Each accepted connection: closed at once beyond the cap (before any HTTP handler exists, so
     * nothing is read from it); otherwise counted until it closes and given its pipeline.
     */
    private final class Connections extends ChannelInitializer<SocketChannel>
    {
        @Override
        protected void initChannel(final SocketChannel ch)
        {
            if (open.incrementAndGet() > options.maxConnections())
            {
                open.decrementAndGet();
                refusals.refused(RefusalLog.Kind.CONNECTION_CAP, ch.remoteAddress(),
                    options.maxConnections() + " connections are open already; closed at once");
                ch.close();
                return;
            }
            ch.closeFuture().addListener(f -> open.decrementAndGet());
            final ConnectionTimeouts timeouts = new ConnectionTimeouts(options.requestTimeout(), refusals);
            final HttpDecoderConfig decoding = new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
                .setMaxHeaderSize(options.maxHeaderBytes())
                // Content-Length with Transfer-Encoding is refused, not resolved by dropping Content-Length
                .setUseRfc9112TransferEncoding(true)
                .setAllowDuplicateContentLengths(false);
            ch.pipeline().addLast(
                new IdleStateHandler(0, 0, options.idleTimeout().toNanos(), TimeUnit.NANOSECONDS),
                timeouts,
                new HttpServerCodec(decoding),
                new BoundedAggregator(options.maxBodyBytes(), refusals),
                new Handler(timeouts));
        }
    }

    /**
     * Answers one whole request: the guard's checks, then the route's (which acts only once its own
     * checks pass). A refusal that leaves the byte stream untrustworthy closes the connection.
     */
    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest>
    {
        private final ConnectionTimeouts timeouts;

        Handler(final ConnectionTimeouts timeouts)
        {
            this.timeouts = timeouts;
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
        {
            timeouts.requestComplete();
            if (!ctx.channel().isActive())
            {
                // the decoder's last word when a peer closes mid-request: nobody to answer
                refusals.closed(ctx.channel().remoteAddress(), "closed in the middle of a request");
                return;
            }
            AdminReply reply;
            AdminRefusal refusal = null;
            try
            {
                guard.check(request);
                reply = routes.route(request);
            }
            catch (final AdminRefusal ex)
            {
                refusal = ex;
                reply = AdminRoutes.error(ex.status(), ex.getMessage());
            }
            catch (final IllegalArgumentException ex)
            {
                refusal = RequestTarget.bad(String.valueOf(ex.getMessage()));
                reply = AdminRoutes.error(400, refusal.getMessage());
            }
            catch (final RuntimeException | IOException ex)
            {
                LOG.warn("admin request {} {} failed", request.method(), AdminRefusal.quote(request.uri()), ex);
                reply = AdminRoutes.error(500, "internal error");
            }
            if (refusal != null)
            {
                refusals.refused(refusal.kind(), ctx.channel().remoteAddress(), refusal.getMessage());
            }
            final boolean close = refusal != null && refusal.closes();
            final FullHttpResponse response = HttpReplies.response(ctx.alloc(), reply, close);
            if (refusal != null && refusal.header() != null)
            {
                response.headers().set(refusal.header(), refusal.headerValue());
            }
            if (close)
            {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
            else
            {
                HttpReplies.send(ctx, request, response);
            }
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            if (cause instanceof IOException)
            {
                refusals.closed(ctx.channel().remoteAddress(), cause.toString());
            }
            else
            {
                refusals.refused(RefusalLog.Kind.CONNECTION_ERROR, ctx.channel().remoteAddress(), cause.toString());
            }
            ctx.close();
        }
    }

    /**
     * Failures to accept (e.g. out of file descriptors): one warning a minute, no stack trace, instead
     * of Netty's trace at the end of the pipeline for each.
     */
    @ChannelHandler.Sharable
    private final class AcceptFailures extends ChannelInboundHandlerAdapter
    {
        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            refusals.refused(RefusalLog.Kind.ACCEPT_FAILED, null, cause + " (accepting pauses for a second)");
        }
    }
}
