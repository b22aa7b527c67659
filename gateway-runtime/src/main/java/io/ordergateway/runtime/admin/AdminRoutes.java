package io.ordergateway.runtime.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.metrics.GatewayMetrics;
import io.ordergateway.core.routing.ExecutionStatus;
import io.ordergateway.runtime.config.ConfigWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The admin endpoint's routes: which request reads what, or sends which operator command into the
 * gateway's ring, and the JSON each answers with. No HTTP plumbing ({@link AdminServer}) and no
 * Prometheus rendering ({@link PrometheusText}) here.
 */
final class AdminRoutes
{
    private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final OrderGateway gateway;
    private volatile ConfigWatcher watcher;

    AdminRoutes(final OrderGateway gateway)
    {
        this.gateway = gateway;
    }

    void configWatcher(final ConfigWatcher watcher)
    {
        this.watcher = watcher;
    }

    /**
     * @param request an authorized request.
     * @return what to answer.
     * @throws IOException if a reply cannot be rendered.
     * @throws IllegalArgumentException for a request with a bad parameter (answered 400 with its message).
     */
    AdminReply route(final FullHttpRequest request) throws IOException
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
            return new AdminReply(200, "text/plain; version=0.0.4; charset=utf-8",
                PrometheusText.render(gateway).getBytes(StandardCharsets.UTF_8));
        }
        if (method.equals(HttpMethod.POST) && path.equals("/admin/kill-switch"))
        {
            final String engaged = first(uri, "engaged");
            if (!"true".equals(engaged) && !"false".equals(engaged))
            {
                throw new IllegalArgumentException("engaged: expected true or false");
            }
            final int account = first(uri, "account") == null ? -1 : Integer.parseInt(first(uri, "account"));
            // logs the alert itself
            final SubmitResult result = gateway.controls().killSwitch(account, Boolean.parseBoolean(engaged));
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
                throw new IllegalArgumentException("version: expected a version number (GET /admin/config/versions "
                    + "lists them)");
            }
            return settings(gateway.settings().rollback(Integer.parseInt(version)));
        }
        if (method.equals(HttpMethod.POST) && path.equals("/admin/config/reload"))
        {
            final ConfigWatcher w = watcher;
            if (w == null)
            {
                return json(404, g ->
                    g.writeStringField("error", "the gateway was not started from a configuration file"));
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
                    return json(404, g ->
                        g.writeStringField("error", "no broker named " + parts[0] + "; brokers: "
                        + gateway.brokerNames()));
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

    private static AdminReply settings(final io.ordergateway.core.settings.SettingsResult result)
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

    private static AdminReply accepted(final SubmitResult result)
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
            g.writeNumberField("availability", line == null ? 1.0 : Math.round(line.availability() * 10_000)
                / 10_000.0);
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
    interface Fields
    {
        void write(JsonGenerator g) throws IOException;
    }

    static AdminReply json(final int status, final Fields fields)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
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
        return new AdminReply(status, "application/json", out.toByteArray());
    }
}
