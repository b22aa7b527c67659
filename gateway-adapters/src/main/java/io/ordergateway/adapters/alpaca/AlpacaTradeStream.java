package io.ordergateway.adapters.alpaca;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The {@code trade_updates} WebSocket: connects, authenticates, listens, hands every trade update
 * to the adapter, pings every 10 s, and reconnects with capped exponential back-off and jitter when
 * the connection drops or goes silent. Text and binary frames are both accepted (Alpaca's paper
 * stream sends binary). Runs on the adapter's event loop.
 */
final class AlpacaTradeStream
{
    /**
     * What the stream tells the adapter, on the event loop.
     */
    interface Listener
    {
        /** Authenticated and listening: events flow from now on (what happened before must be fetched). */
        void onListening();

        /**
         * @param message a trade update (valid only during the call).
         */
        void onTradeUpdate(AlpacaJsonReader.StreamMessage message);

        /**
         * @param reason why the stream is down.
         */
        void onDown(String reason);
    }

    private static final long PING_SECONDS = 10;
    private static final long SILENCE_SECONDS = 30;

    private final AlpacaConfig config;
    private final EventLoop loop;
    private final SslContext ssl;
    private final Listener listener;
    private final AlpacaJsonReader reader = new AlpacaJsonReader();
    private final AlpacaJsonReader.StreamMessage message = new AlpacaJsonReader.StreamMessage();
    private final String host;
    private final int port;
    private Channel channel;
    private int failures;
    private boolean closed;
    private boolean loggedAuthFailure;
    private volatile String credentialsRefused;

    AlpacaTradeStream(final AlpacaConfig config, final EventLoop loop, final SslContext ssl, final Listener listener)
    {
        this.config = config;
        this.loop = loop;
        this.ssl = ssl;
        this.listener = listener;
        this.host = config.streamUrl().getHost();
        this.port = config.streamUrl().getPort() > 0 ? config.streamUrl().getPort() : ssl != null ? 443 : 80;
    }

    /**
     * Connects (on the loop).
     */
    void start()
    {
        if (closed)
        {
            return;
        }
        final WebSocketClientProtocolConfig ws = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(config.streamUrl())
            .maxFramePayloadLength(1 << 20)
            .handshakeTimeoutMillis(config.requestTimeoutMillis())
            .dropPongFrames(true)
            .build();
        new Bootstrap().group(loop).channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int)Math.min(Integer.MAX_VALUE, config.requestTimeoutMillis()))
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    if (ssl != null)
                    {
                        ch.pipeline().addLast(TlsHandlers.verifyingHost(ssl, ch.alloc(), host, port));
                    }
                    ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                        new WebSocketClientProtocolHandler(ws),
                        new IdleStateHandler(SILENCE_SECONDS, PING_SECONDS, 0, TimeUnit.SECONDS), new Frames());
                }
            })
            .connect(host, port)
            .addListener(f ->
            {
                if (!f.isSuccess())
                {
                    down("cannot connect to " + host + ":" + port + ": " + f.cause().getMessage());
                }
            });
    }

    /**
     * Closes the stream for good.
     */
    void close()
    {
        closed = true;
        if (channel != null)
        {
            channel.close();
        }
    }

    /**
     * Drops the connection (it reconnects as after any drop); for tests and recovery.
     */
    void drop()
    {
        if (channel != null)
        {
            channel.close();
        }
    }

    private void down(final String reason)
    {
        channel = null;
        listener.onDown(reason);
        if (closed)
        {
            return;
        }
        final long base = Math.min(config.reconnectMaxMillis(), config.reconnectMinMillis() << Math.min(failures, 20));
        // jitter: half to all of the back-off
        final long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        failures++;
        loop.schedule(this::start, delay, TimeUnit.MILLISECONDS);
    }

    private final class Frames extends SimpleChannelInboundHandler<WebSocketFrame>
    {
        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) throws Exception
        {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
            {
                channel = ctx.channel();
                ctx.writeAndFlush(new TextWebSocketFrame(authenticate()));
            }
            else if (evt instanceof IdleStateEvent idle)
            {
                if (idle.state() == IdleState.WRITER_IDLE)
                {
                    ctx.writeAndFlush(new PingWebSocketFrame());
                }
                else if (idle.state() == IdleState.READER_IDLE)
                {
                    ctx.close(); // silent for too long: a dead connection
                }
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
        {
            if (!(frame instanceof TextWebSocketFrame) && !(frame instanceof BinaryWebSocketFrame))
            {
                return;
            }
            final ByteBuf content = frame.content();
            try
            {
                reader.readStreamMessage(content, message);
            }
            catch (final IOException | RuntimeException ex)
            {
                AlpacaBroker.LOG.warn("alpaca {}: unreadable stream message skipped ({})", config.name(),
                    ex.getMessage());
                return;
            }
            if ("authorization".equals(message.stream))
            {
                if ("authorized".equals(message.status))
                {
                    loggedAuthFailure = false;
                    credentialsRefused = null;
                    ctx.writeAndFlush(new
                        TextWebSocketFrame("{\"action\":\"listen\",\"data\":{\"streams\":[\"trade_updates\"]}}"));
                }
                else
                {
                    if (!loggedAuthFailure)
                    {
                        AlpacaBroker.LOG.error("alpaca {}: the stream refused the credentials (check {} and {})",
                            config.name(), AlpacaConfig.KEY_VARIABLE, AlpacaConfig.SECRET_VARIABLE);
                        loggedAuthFailure = true;
                    }
                    credentialsRefused = "the stream refused the credentials (check " + AlpacaConfig.KEY_VARIABLE
                        + " and " + AlpacaConfig.SECRET_VARIABLE + ")";
                    ctx.close();
                }
            }
            else if ("listening".equals(message.stream))
            {
                failures = 0;
                listener.onListening();
            }
            else if ("trade_updates".equals(message.stream) && message.hasOrder)
            {
                listener.onTradeUpdate(message);
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            down("stream connection closed");
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }
    }

    /**
     * @return why the stream refused this adapter's credentials the last time it tried, or null:
     *         not a fault that retrying mends (any thread).
     */
    String credentialsRefused()
    {
        return credentialsRefused;
    }

    private ByteBuf authenticate()
    {
        // The only place the secret leaves the adapter besides request headers; never logged.
        final ByteBuf out = io.netty.buffer.Unpooled.buffer(256);
        out.writeCharSequence("{\"action\":\"authenticate\",\"data\":{\"key_id\":", StandardCharsets.UTF_8);
        jsonString(out, config.keyId());
        out.writeCharSequence(",\"secret_key\":", StandardCharsets.UTF_8);
        jsonString(out, config.secretKey());
        out.writeCharSequence("}}", StandardCharsets.UTF_8);
        return out;
    }

    private static void jsonString(final ByteBuf out, final String value)
    {
        out.writeByte('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c == '"' || c == '\\')
            {
                out.writeByte('\\');
            }
            out.writeCharSequence(String.valueOf(c), StandardCharsets.UTF_8);
        }
        out.writeByte('"');
    }
}
