package io.ordergateway.runtime.admin;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.util.ReferenceCountUtil;

/**
 * Netty's aggregator with the admin endpoint's answers: a body over the limit (by its
 * {@code Content-Length}, or once its chunks pass it) is refused 413 with a JSON error and the
 * connection closed, and so is an {@code Expect} header it cannot meet (417), instead of Netty's empty
 * responses. Nothing past the limit is buffered.
 */
final class BoundedAggregator extends HttpObjectAggregator
{
    private final int maxBodyBytes;
    private final RefusalLog refusals;

    /**
     * @param maxBodyBytes the most bytes of body read.
     * @param refusals     where refusals are told.
     */
    BoundedAggregator(final int maxBodyBytes, final RefusalLog refusals)
    {
        super(maxBodyBytes, true);
        this.maxBodyBytes = maxBodyBytes;
        this.refusals = refusals;
    }

    @Override
    protected void handleOversizedMessage(final ChannelHandlerContext ctx, final HttpMessage oversized)
    {
        final String error = "body: larger than " + maxBodyBytes + " bytes (no admin request has a body)";
        refusals.refused(RefusalLog.Kind.TOO_LARGE, ctx.channel().remoteAddress(), error);
        ctx.writeAndFlush(HttpReplies.response(ctx.alloc(), AdminRoutes.error(413, error), true))
            .addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    protected Object newContinueResponse(final HttpMessage start, final int maxContentLength,
        final ChannelPipeline pipeline)
    {
        final Object netty = super.newContinueResponse(start, maxContentLength, pipeline);
        if (!(netty instanceof FullHttpResponse) || ((FullHttpResponse)netty).status().code() < 400)
        {
            return netty;
        }
        final int status = ((FullHttpResponse)netty).status().code();
        ReferenceCountUtil.release(netty);
        final boolean large = status == 413;
        final String error = large ? "header Content-Length: larger than " + maxBodyBytes + " bytes"
            : "header Expect: only 100-continue is understood";
        refusals.refused(large ? RefusalLog.Kind.TOO_LARGE : RefusalLog.Kind.MALFORMED,
            pipeline.channel().remoteAddress(), error);
        return HttpReplies.response(ByteBufAllocator.DEFAULT, AdminRoutes.error(status, error), true);
    }
}
