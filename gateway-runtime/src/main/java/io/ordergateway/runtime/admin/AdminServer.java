package io.ordergateway.runtime.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
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
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.ordergateway.core.api.OrderGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;

/**
 * The operator's HTTP endpoint (Netty, one thread, "NAME-admin"), off unless started:
 * <ul>
 *   <li>{@code GET /admin/execution-status}: active broker, primary, backups, pause, failure counts
 *       and availability per broker;</li>
 *   <li>{@code GET /admin/brokers}: one line per broker (role, breaker, adapter health, counts, latency);</li>
 *   <li>{@code GET /metrics}: Prometheus text format: counters, denials by reason, per-broker counters
 *       and state, latency quantiles per stage and broker;</li>
 *   <li>{@code POST /admin/kill-switch?engaged=true|false[&account=N]};</li>
 *   <li>{@code POST /admin/brokers/{name}/enable|disable|activate};</li>
 *   <li>{@code GET /admin/config/versions}, {@code POST /admin/config/rollback?version=N},
 *       {@code POST /admin/config/reload} (re-read the configuration file).</li>
 * </ul>
 * Actions go into the gateway's ring like any operator command, so they are journaled. Bound to
 * loopback by default; bound to any other address it refuses to start without a bearer token, and
 * every request must then carry {@code Authorization: Bearer TOKEN} (compared in constant time; the
 * token is never logged). Reads only published state (the execution status, counters, histogram
 * copies): nothing here runs on the order path.
 */
public final class AdminServer implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

    private final byte[] token;
    private final EventLoopGroup group;
    private final Channel server;
    private final AdminRoutes routes;

    /**
     * Binds and starts serving.
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
        final InetAddress address;
        try
        {
            address = InetAddress.getByName(bind);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException("admin.bind: unknown address " + bind);
        }
        if (!address.isLoopbackAddress() && (token == null || token.isBlank()))
        {
            throw new IllegalArgumentException("admin: a bearer token is required to bind " + bind
                + " (not a loopback address)");
        }
        this.routes = new AdminRoutes(gateway);
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        // named and listed with the gateway's threads
        group = new MultiThreadIoEventLoopGroup(1, gateway.threadFactory("admin"), NioIoHandler.newFactory());
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024), new Handler());
                }
            })
            .bind(new InetSocketAddress(address, port)).sync().channel();
        LOG.info("admin endpoint on http://{}:{}/ ({})", bind, port(), this.token == null ? "loopback, no token"
            : "bearer token required");
    }

    /**
     * @param watcher the configuration file's watcher, for {@code POST /admin/config/reload} (null: none).
     */
    public void configWatcher(final io.ordergateway.runtime.config.ConfigWatcher watcher)
    {
        routes.configWatcher(watcher);
    }

    /** @return the bound port. */
    public int port()
    {
        return ((InetSocketAddress)server.localAddress()).getPort();
    }

    @Override
    public void close()
    {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest>
    {
        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
        {
            AdminReply reply;
            try
            {
                reply = authorized(request) ? routes.route(request)
                    : AdminRoutes.json(401,
                    g -> g.writeStringField("error", "unauthorized: send Authorization: Bearer <token>"));
            }
            catch (final IllegalArgumentException ex)
            {
                final String message = ex.getMessage();
                reply = AdminRoutes.json(400, g -> g.writeStringField("error", message));
            }
            catch (final RuntimeException | IOException ex)
            {
                LOG.warn("admin request {} {} failed", request.method(), new QueryStringDecoder(request.uri()).path(),
                    ex);
                reply = AdminRoutes.json(500, g -> g.writeStringField("error", "internal error"));
            }
            final FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(reply.status()),
                ctx.alloc().buffer(reply.body().length).writeBytes(reply.body()));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
            io.ordergateway.runtime.admin.HttpReplies.send(ctx, request, response);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }
    }

    private boolean authorized(final FullHttpRequest request)
    {
        if (token == null)
        {
            return true;
        }
        final String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.startsWith("Bearer "))
        {
            return false;
        }
        return MessageDigest.isEqual(token,
            header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8));
    }
}
