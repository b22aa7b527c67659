package io.ordergateway.runtime.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.metrics.GatewayMetrics;
import io.ordergateway.core.metrics.LatencyRecorder;
import io.ordergateway.core.routing.ExecutionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
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
    private static final JsonFactory JSON = new JsonFactory();

    private final OrderGateway gateway;
    private final byte[] token;
    private final EventLoopGroup group;
    private final Channel server;
    private volatile io.ordergateway.runtime.config.ConfigWatcher watcher;

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
    public AdminServer(final OrderGateway gateway, final String bind, final int port, final String token) throws InterruptedException
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
            throw new IllegalArgumentException("admin: a bearer token is required to bind " + bind + " (not a loopback address)");
        }
        this.gateway = gateway;
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        group = new MultiThreadIoEventLoopGroup(1, gateway.threadFactory("admin"), NioIoHandler.newFactory()); // named and listed with the gateway's threads
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
        LOG.info("admin endpoint on http://{}:{}/ ({})", bind, port(), this.token == null ? "loopback, no token" : "bearer token required");
    }

    /**
     * @param watcher the configuration file's watcher, for {@code POST /admin/config/reload} (null: none).
     */
    public void configWatcher(final io.ordergateway.runtime.config.ConfigWatcher watcher)
    {
        this.watcher = watcher;
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

    private record Reply(int status, String contentType, byte[] body)
    {
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest>
    {
        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
        {
            Reply reply;
            try
            {
                reply = authorized(request) ? route(request)
                    : json(401, g -> g.writeStringField("error", "unauthorized: send Authorization: Bearer <token>"));
            }
            catch (final IllegalArgumentException ex)
            {
                final String message = ex.getMessage();
                reply = json(400, g -> g.writeStringField("error", message));
            }
            catch (final RuntimeException | IOException ex)
            {
                LOG.warn("admin request {} {} failed", request.method(), new QueryStringDecoder(request.uri()).path(), ex);
                reply = json(500, g -> g.writeStringField("error", "internal error"));
            }
            final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(reply.status()),
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
        return MessageDigest.isEqual(token, header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8));
    }

    private Reply route(final FullHttpRequest request) throws IOException
    {
        final QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        final String path = uri.path();
        final HttpMethod method = request.method();
        if (method.equals(HttpMethod.GET) && path.equals("/admin/execution-status"))
        {
            return json(200, this::executionStatus);
        }
        if (method.equals(HttpMethod.GET) && path.equals("/admin/brokers"))
        {
            return json(200, this::brokers);
        }
        if (method.equals(HttpMethod.GET) && path.equals("/metrics"))
        {
            return new Reply(200, "text/plain; version=0.0.4; charset=utf-8", PrometheusText.render(gateway).getBytes(StandardCharsets.UTF_8));
        }
        if (method.equals(HttpMethod.POST) && path.equals("/admin/kill-switch"))
        {
            final String engaged = first(uri, "engaged");
            if (!"true".equals(engaged) && !"false".equals(engaged))
            {
                throw new IllegalArgumentException("engaged: expected true or false");
            }
            final int account = first(uri, "account") == null ? -1 : Integer.parseInt(first(uri, "account"));
            final SubmitResult result = gateway.controls().killSwitch(account, Boolean.parseBoolean(engaged)); // logs the alert itself
            return accepted(result);
        }
        if (method.equals(HttpMethod.GET) && path.equals("/admin/config/versions"))
        {
            final List<io.ordergateway.core.settings.RuntimeSettings> versions = gateway.settings().versions();
            return json(200, g ->
            {
                g.writeArrayFieldStart("versions");
                for (int v = 0; v < versions.size(); v++)
                {
                    g.writeString(versions.get(v).describe(v + 1));
                }
                g.writeEndArray();
            });
        }
        if (method.equals(HttpMethod.POST) && path.equals("/admin/config/rollback"))
        {
            final String version = first(uri, "version");
            if (version == null || !version.matches("\\d+"))
            {
                throw new IllegalArgumentException("version: expected a version number (GET /admin/config/versions lists them)");
            }
            return settings(gateway.settings().rollback(Integer.parseInt(version)));
        }
        if (method.equals(HttpMethod.POST) && path.equals("/admin/config/reload"))
        {
            final io.ordergateway.runtime.config.ConfigWatcher w = watcher;
            if (w == null)
            {
                return json(404, g -> g.writeStringField("error", "the gateway was not started from a configuration file"));
            }
            final String outcome = w.reload();
            return json(outcome.startsWith("applied") ? 200 : 422, g -> g.writeStringField("result", outcome));
        }
        if (method.equals(HttpMethod.POST) && path.startsWith("/admin/brokers/"))
        {
            final String[] parts = path.substring("/admin/brokers/".length()).split("/");
            if (parts.length == 2)
            {
                final int id = gateway.brokerId(parts[0]);
                if (id < 0)
                {
                    return json(404, g -> g.writeStringField("error", "no broker named " + parts[0] + "; brokers: " + gateway.brokerNames()));
                }
                final SubmitResult result;
                switch (parts[1])
                {
                    case "enable": result = gateway.controls().enableBroker(id); break;
                    case "disable": result = gateway.controls().disableBroker(id); break;
                    case "activate": result = gateway.controls().forceActive(id); break;
                    default: throw new IllegalArgumentException(parts[1] + ": expected enable, disable or activate");
                }
                LOG.warn("ALERT admin: broker {} {}: {}", parts[0], parts[1], result);
                return accepted(result);
            }
        }
        return json(404, g -> g.writeStringField("error", "no such endpoint: " + method + " " + path));
    }

    private static String first(final QueryStringDecoder uri, final String name)
    {
        final List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Reply settings(final io.ordergateway.core.settings.SettingsResult result)
    {
        return json(result.accepted() ? 200 : 422, g ->
        {
            g.writeBooleanField("accepted", result.accepted());
            g.writeNumberField("version", result.version());
            g.writeArrayFieldStart("problems");
            for (final String p : result.problems())
            {
                g.writeString(p);
            }
            g.writeEndArray();
        });
    }

    private static Reply accepted(final SubmitResult result)
    {
        return json(result == SubmitResult.ACCEPTED ? 202 : 503, g -> g.writeStringField("result", result.name()));
    }

    private void executionStatus(final JsonGenerator g) throws IOException
    {
        final ExecutionStatus s = gateway.executionStatus();
        if (s == null)
        {
            g.writeStringField("state", "starting");
            return;
        }
        g.writeNumberField("timestamp", s.timestamp());
        g.writeStringField("activeBroker", s.active());
        g.writeStringField("primary", s.primary());
        g.writeArrayFieldStart("backups");
        for (final String b : s.backups())
        {
            g.writeString(b);
        }
        g.writeEndArray();
        g.writeBooleanField("paused", s.paused());
        g.writeObjectFieldStart("failureCounts");
        for (final ExecutionStatus.Broker b : s.brokers())
        {
            g.writeNumberField(b.name(), b.consecutiveFailures());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("availability");
        for (final ExecutionStatus.Broker b : s.brokers())
        {
            g.writeNumberField(b.name(), Math.round(b.availability() * 10_000) / 10_000.0);
        }
        g.writeEndObject();
        g.writeObjectFieldStart("breakers");
        for (final ExecutionStatus.Broker b : s.brokers())
        {
            g.writeStringField(b.name(), b.breaker());
        }
        g.writeEndObject();
    }

    private void brokers(final JsonGenerator g) throws IOException
    {
        final ExecutionStatus s = gateway.executionStatus();
        final GatewayMetrics m = gateway.metrics();
        g.writeArrayFieldStart("brokers");
        final List<String> names = gateway.brokerNames();
        for (int b = 0; b < names.size(); b++)
        {
            final ExecutionStatus.Broker line = s == null ? null : s.brokers().get(b);
            g.writeStartObject();
            g.writeNumberField("id", b);
            g.writeStringField("name", names.get(b));
            g.writeStringField("health", gateway.brokerHealth(b).name());
            g.writeStringField("role", line == null ? "UNKNOWN" : line.role());
            g.writeStringField("breaker", line == null ? "UNKNOWN" : line.breaker());
            g.writeNumberField("consecutiveFailures", line == null ? 0 : line.consecutiveFailures());
            g.writeNumberField("availability", line == null ? 1.0 : Math.round(line.availability() * 10_000) / 10_000.0);
            g.writeNumberField("sent", m.get(b, GatewayMetrics.BrokerCounter.SENT));
            g.writeNumberField("acknowledged", m.get(b, GatewayMetrics.BrokerCounter.ACKNOWLEDGED));
            g.writeNumberField("rejected", m.get(b, GatewayMetrics.BrokerCounter.REJECTED));
            g.writeNumberField("fills", m.get(b, GatewayMetrics.BrokerCounter.FILLS));
            g.writeNumberField("failures", line == null ? 0 : line.failures());
            g.writeNumberField("timeouts", line == null ? 0 : line.timeouts());
            g.writeNumberField("inFlight", line == null ? 0 : line.inFlight());
            final long[] ack = new long[2];
            m.submitToAck(b).percentiles(new double[] {50, 99}, ack);
            g.writeNumberField("ackP50Micros", ack[0] / 1_000);
            g.writeNumberField("ackP99Micros", ack[1] / 1_000);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * Writes a JSON object's fields.
     */
    @FunctionalInterface
    private interface Fields
    {
        void write(JsonGenerator g) throws IOException;
    }

    private static Reply json(final int status, final Fields fields)
    {
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator((OutputStream)out))
        {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
        return new Reply(status, "application/json", out.toByteArray());
    }

    /**
     * Prometheus's text exposition format (version 0.0.4) of a gateway's metrics.
     */
    static final class PrometheusText
    {
        private PrometheusText()
        {
        }

        static String render(final OrderGateway gateway)
        {
            final StringBuilder out = new StringBuilder(8192);
            final GatewayMetrics m = gateway.metrics();
            for (final GatewayMetrics.Counter c : GatewayMetrics.Counter.values())
            {
                final String metric = "gateway_" + c.name().toLowerCase(Locale.ROOT) + "_total";
                header(out, metric, "counter", "Gateway " + c.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " since start");
                out.append(metric).append(' ').append(m.get(c)).append('\n');
            }
            header(out, "gateway_denied_by_reason_total", "counter", "Commands denied by the gateway, by reason");
            for (final RejectReason r : RejectReason.values())
            {
                out.append("gateway_denied_by_reason_total{reason=\"").append(r.name()).append("\"} ").append(m.deniedCount(r)).append('\n');
            }
            final List<String> names = gateway.brokerNames();
            for (final GatewayMetrics.BrokerCounter c : GatewayMetrics.BrokerCounter.values())
            {
                final String metric = "gateway_broker_" + c.name().toLowerCase(Locale.ROOT) + "_total";
                header(out, metric, "counter", "Per broker: " + c.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (c == GatewayMetrics.BrokerCounter.FILLED_QUANTITY ? " (units)" : c == GatewayMetrics.BrokerCounter.FILLED_NOTIONAL
                    ? " (dollars)" : ""));
                for (int b = 0; b < names.size(); b++)
                {
                    final long v = m.get(b, c);
                    out.append(metric).append("{broker=\"").append(names.get(b)).append("\"} ");
                    if (c == GatewayMetrics.BrokerCounter.FILLED_QUANTITY)
                    {
                        out.append(v / (double)io.ordergateway.journal.FixedPoint.QUANTITY_SCALE);
                    }
                    else if (c == GatewayMetrics.BrokerCounter.FILLED_NOTIONAL)
                    {
                        out.append(v / (double)io.ordergateway.journal.FixedPoint.PRICE_SCALE);
                    }
                    else
                    {
                        out.append(v);
                    }
                    out.append('\n');
                }
            }
            header(out, "gateway_alerts_total", "counter", "Events operators are alerted to, by kind");
            out.append("gateway_alerts_total{kind=\"broker_switch\"} ").append(gateway.alerts().brokerSwitches()).append('\n');
            out.append("gateway_alerts_total{kind=\"pause\"} ").append(gateway.alerts().pauses()).append('\n');
            out.append("gateway_alerts_total{kind=\"kill_switch\"} ").append(gateway.alerts().killSwitchChanges()).append('\n');
            out.append("gateway_alerts_total{kind=\"reports_backlog\"} ").append(gateway.alerts().reportsBacklogs()).append('\n');
            out.append("gateway_alerts_total{kind=\"reconciliation_difference\"} ").append(gateway.alerts().reconciliationDifferences())
                .append('\n');
            final ExecutionStatus s = gateway.executionStatus();
            header(out, "gateway_paused", "gauge", "1 when no broker can take orders");
            out.append("gateway_paused ").append(s != null && s.paused() ? 1 : 0).append('\n');
            header(out, "gateway_broker_up", "gauge", "1 when the broker's adapter reports itself healthy");
            for (int b = 0; b < names.size(); b++)
            {
                out.append("gateway_broker_up{broker=\"").append(names.get(b)).append("\"} ")
                    .append(gateway.brokerHealth(b) == BrokerHealth.HEALTHY ? 1 : 0).append('\n');
            }
            if (s != null)
            {
                header(out, "gateway_broker_active", "gauge", "1 for the failover chain's active broker");
                s.brokers().forEach(b -> out.append("gateway_broker_active{broker=\"").append(b.name()).append("\"} ")
                    .append("ACTIVE".equals(b.role()) ? 1 : 0).append('\n'));
                header(out, "gateway_broker_breaker_state", "gauge", "Circuit breaker: 0 closed, 1 half-open, 2 open");
                s.brokers().forEach(b -> out.append("gateway_broker_breaker_state{broker=\"").append(b.name()).append("\"} ")
                    .append("OPEN".equals(b.breaker()) ? 2 : "HALF_OPEN".equals(b.breaker()) ? 1 : 0).append('\n'));
                header(out, "gateway_broker_consecutive_failures", "gauge", "Definite failures since the broker's last answer");
                s.brokers().forEach(b -> out.append("gateway_broker_consecutive_failures{broker=\"").append(b.name()).append("\"} ")
                    .append(b.consecutiveFailures()).append('\n'));
                header(out, "gateway_broker_availability_ratio", "gauge", "Share of ticks the broker could take orders");
                s.brokers().forEach(b -> out.append("gateway_broker_availability_ratio{broker=\"").append(b.name()).append("\"} ")
                    .append(b.availability()).append('\n'));
            }
            header(out, "gateway_latency_seconds", "summary", "Latency per stage and broker (since start)");
            summary(out, m.submitToSend(), "stage=\"submit_to_send\"");
            summary(out, m.submitToAck(), "stage=\"submit_to_ack\"");
            for (int b = 0; b < names.size(); b++)
            {
                summary(out, m.submitToAck(b), "stage=\"submit_to_ack\",broker=\"" + names.get(b) + "\"");
                summary(out, m.submitToFirstFill(b), "stage=\"submit_to_first_fill\",broker=\"" + names.get(b) + "\"");
            }
            return out.toString();
        }

        private static void header(final StringBuilder out, final String metric, final String type, final String help)
        {
            out.append("# HELP ").append(metric).append(' ').append(help).append('\n');
            out.append("# TYPE ").append(metric).append(' ').append(type).append('\n');
        }

        private static final double[] QUANTILES = {50, 90, 99, 99.9};

        private static void summary(final StringBuilder out, final LatencyRecorder recorder, final String labels)
        {
            final long[] values = new long[QUANTILES.length];
            final long count = recorder.percentiles(QUANTILES, values); // no histogram copy per scrape
            for (int i = 0; i < QUANTILES.length; i++)
            {
                out.append("gateway_latency_seconds{").append(labels).append(",quantile=\"").append(QUANTILES[i] / 100).append("\"} ")
                    .append(count == 0 ? "NaN" : Double.toString(values[i] / 1e9)).append('\n');
            }
            out.append("gateway_latency_seconds_count{").append(labels).append("} ").append(count).append('\n');
            out.append("gateway_latency_seconds_sum{").append(labels).append("} ").append(count == 0 ? 0.0 : recorder.mean() * count / 1e9)
                .append('\n');
        }
    }
}
