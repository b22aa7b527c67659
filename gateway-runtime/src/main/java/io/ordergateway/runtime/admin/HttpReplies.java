package io.ordergateway.runtime.admin;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Sends an HTTP response the way the request asked: kept alive, or with the connection closed
 * after it. For the project's small Netty servers (the admin endpoint, the Alpaca simulator).
 */
public final class HttpReplies
{
    private HttpReplies()
    {
    }

    /**
     * @param ctx      the channel.
     * @param request  the request answered.
     * @param response the response (its content length already set).
     */
    public static void send(final ChannelHandlerContext ctx, final HttpRequest request, final FullHttpResponse response)
    {
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive)
        {
            ctx.writeAndFlush(response);
        }
        else
        {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /**
     * @param alloc where the body's buffer comes from.
     * @param reply what to answer.
     * @param close whether to say {@code Connection: close} (the caller closes after writing).
     * @return the response, its content type and length set.
     */
    static FullHttpResponse response(final ByteBufAllocator alloc, final AdminReply reply, final boolean close)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(reply.status()), alloc.buffer(reply.body().length).writeBytes(reply.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
        if (close)
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }
}
