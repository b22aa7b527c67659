package io.ordergateway.testkit.alpaca;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's {@code trade_updates} WebSocket ({@code /stream}): a client authenticates with the
 * key and secret ({@code authorization}: authorized, or unauthorized and closed), asks to listen
 * ({@code listening}), and from then on receives every trade update the account publishes. Events
 * while a client is not listening are not replayed, as with Alpaca. Frames are binary or text as
 * configured. Runs on the simulator's loop thread.
 */
final class SimTradeUpdates
{
    private final String keyId;
    private final String secretKey;
    private final boolean binaryFrames;
    private final SimFaults faults;
    private final Set<Channel> listeners = ConcurrentHashMap.newKeySet();

    /**
     * @param config the simulator's settings (credentials, frame type).
     * @param faults says whether new connections are refused.
     */
    SimTradeUpdates(final AlpacaSimulator.Config config, final SimFaults faults)
    {
        this.keyId = config.keyId();
        this.secretKey = config.secretKey();
        this.binaryFrames = config.binaryFrames();
        this.faults = faults;
    }

    /**
     * @return a handler for one connection's WebSocket frames (after the protocol handler).
     */
    ChannelHandler newHandler()
    {
        return new StreamHandler();
    }

    /**
     * @return whether any client listens (no message needs building otherwise).
     */
    boolean hasListeners()
    {
        return !listeners.isEmpty();
    }

    /**
     * Sends one message to every listening client; releases it.
     *
     * @param message a complete stream message.
     */
    void broadcast(final ByteBuf message)
    {
        for (final Channel channel : listeners)
        {
            channel.writeAndFlush(frame(message.retainedDuplicate()));
        }
        message.release();
        if (faults.dropStreamAfterMessage())
        {
            dropAll();
        }
    }

    /**
     * Closes every listening connection (on the loop).
     */
    void dropAll()
    {
        new ArrayList<>(listeners).forEach(Channel::close);
    }

    private WebSocketFrame frame(final ByteBuf content)
    {
        return binaryFrames ? new BinaryWebSocketFrame(content) : new TextWebSocketFrame(content);
    }

    /**
     * One stream connection: whether it authenticated, and its authenticate and listen actions.
     */
    private final class StreamHandler extends SimpleChannelInboundHandler<WebSocketFrame>
    {
        private boolean authorized;

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) throws Exception
        {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete && faults.refusesStreams())
            {
                ctx.close();
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            listeners.remove(ctx.channel());
            super.channelInactive(ctx);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
        {
            if (!(frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame))
            {
                return;
            }
            final Map<String, Object> message;
            try
            {
                message = JsonBodies.readObject(frame.content());
            }
            catch (final IllegalArgumentException ex)
            {
                send(ctx, "error", json -> json.writeStringField("message", "invalid syntax"));
                return;
            }
            final Object action = message.get("action");
            @SuppressWarnings("unchecked")
            final Map<String, Object> data = message.get("data") instanceof Map
                ? (Map<String, Object>)message.get("data") : Map.of();
            if ("authenticate".equals(action))
            {
                authorized = keyId.equals(data.get("key_id")) && secretKey.equals(data.get("secret_key"));
                send(ctx, "authorization", json ->
                {
                    json.writeStringField("status", authorized ? "authorized" : "unauthorized");
                    json.writeStringField("action", "authenticate");
                });
                if (!authorized)
                {
                    ctx.close();
                }
            }
            else if ("listen".equals(action))
            {
                listen(ctx, data);
            }
        }

        private void listen(final ChannelHandlerContext ctx, final Map<String, Object> data)
        {
            if (!authorized)
            {
                send(ctx, "authorization", json ->
                {
                    json.writeStringField("status", "unauthorized");
                    json.writeStringField("action", "listen");
                });
                return;
            }
            final Object streams = data.get("streams");
            final boolean trade = streams instanceof List<?> list && list.contains("trade_updates");
            if (trade)
            {
                listeners.add(ctx.channel());
            }
            else
            {
                listeners.remove(ctx.channel());
            }
            send(ctx, "listening", json ->
            {
                json.writeArrayFieldStart("streams");
                if (trade)
                {
                    json.writeString("trade_updates");
                }
                json.writeEndArray();
            });
        }

        private void send(final ChannelHandlerContext ctx, final String stream, final JsonBodies.Writer data)
        {
            final ByteBuf out = ctx.alloc().buffer();
            JsonBodies.write(out, json ->
            {
                json.writeStartObject();
                json.writeStringField("stream", stream);
                json.writeObjectFieldStart("data");
                data.write(json);
                json.writeEndObject();
                json.writeEndObject();
            });
            ctx.writeAndFlush(frame(out));
        }
    }
}
