package io.ordergateway.runtime.admin;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection's two clocks, both on its event loop (no thread of their own). Sits ahead of the HTTP
 * codec, on the raw bytes:
 * <ul>
 *   <li>the request deadline starts at a request's first byte and ends when the whole request (headers
 *       and body) has been aggregated ({@link #requestComplete}); if it passes first the connection is
 *       answered 408 and closed, so a client that trickles a request (one byte every few seconds keeps
 *       a connection from idling) holds it for at most the request timeout;</li>
 *   <li>the idle timeout: Netty's {@link io.netty.handler.timeout.IdleStateHandler} (ahead of this)
 *       fires when nothing was read or written for a while, and the connection is closed, logged at
 *       debug only (a keep-alive client that went quiet is routine).</li>
 * </ul>
 * A request pipelined behind another in the same read starts its deadline with its next bytes; until
 * then only the idle timeout bounds it.
 */
final class ConnectionTimeouts extends ChannelInboundHandlerAdapter
{
    private final Duration requestTimeout;
    private final RefusalLog refusals;
    private ScheduledFuture<?> deadline;

    /**
     * @param requestTimeout how long a request may take to arrive, from its first byte.
     * @param refusals       where timeouts are told.
     */
    ConnectionTimeouts(final Duration requestTimeout, final RefusalLog refusals)
    {
        this.requestTimeout = requestTimeout;
        this.refusals = refusals;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (deadline == null && msg instanceof ByteBuf && ((ByteBuf)msg).isReadable())
        {
            deadline = ctx.executor().schedule(() -> expired(ctx), requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    /** The request has arrived whole: its deadline is off until the next request's first byte. */
    void requestComplete()
    {
        if (deadline != null)
        {
            deadline.cancel(false);
            deadline = null;
        }
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt)
    {
        if (evt instanceof IdleStateEvent)
        {
            refusals.closed(ctx.channel().remoteAddress(), "idle");
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        requestComplete();
        ctx.fireChannelInactive();
    }

    private void expired(final ChannelHandlerContext ctx)
    {
        deadline = null;
        if (!ctx.channel().isActive())
        {
            return;
        }
        final String error = "request: not complete within " + requestTimeout.toMillis() + " ms of its first byte";
        refusals.refused(RefusalLog.Kind.REQUEST_TIMEOUT, ctx.channel().remoteAddress(), error);
        // from the channel's tail, so that the response goes through the HTTP encoder behind this handler
        ctx.channel().writeAndFlush(HttpReplies.response(ctx.alloc(), AdminRoutes.error(408, error), true))
            .addListener(ChannelFutureListener.CLOSE);
    }
}
