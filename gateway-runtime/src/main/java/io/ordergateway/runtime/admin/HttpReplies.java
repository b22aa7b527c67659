package io.ordergateway.runtime.admin;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

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
}
