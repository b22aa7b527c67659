package io.ordergateway.runtime.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.ordergateway.core.api.FlattenResult;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.metrics.GatewayMetrics;
import io.ordergateway.core.routing.ExecutionStatus;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.runtime.config.ConfigWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The admin endpoint's routes: which request reads what, or sends which operator command into the
 * gateway's ring, and the JSON each answers with. No HTTP plumbing ({@link AdminServer}) and no
 * Prometheus rendering ({@link PrometheusText}) here.
 */
final class AdminRoutes
{
    private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final String BROKERS = "/admin/brokers/";
    /** How long a flatten waits for the gateway's snapshots and the cancels (the admin thread waits with it). */
    static final long FLATTEN_TIMEOUT_MILLIS = 5_000;

    private final OrderGateway gateway;
    private volatile ConfigWatcher watcher;

    AdminRoutes(final OrderGateway gateway)
    {
        this.gateway = gateway;
    }

    /** @param watcher the configuration file's watcher, or null. */
    void configWatcher(final ConfigWatcher watcher)
    {
        this.watcher = watcher;
    }

    /**
     * Answers a request that passed the {@link RequestGuard}. Every check comes before anything acts:
     * the path (404) and method (405), the parameters (unknown or repeated: 400), the body (none of
     * these endpoints takes one, so a body is refused 400, never ignored), then the parameters' values
     * (400); only then is the command sent or the state read.
     *
     * @param request an authorized request.
     * @return what to answer.
     * @throws IOException if a reply cannot be rendered.
     * @throws AdminRefusal for a request that must not act, with what was wrong.
     */
    AdminReply route(final FullHttpRequest request) throws IOException
    {
        final RequestTarget target = RequestTarget.parse(request.uri());
        final String path = target.path();
        switch (path)
        {
            case "/admin/execution-status":
                accept(request, target, HttpMethod.GET);
                return json(200, this::executionStatus);
            case "/admin/brokers":
                accept(request, target, HttpMethod.GET);
                return json(200, this::brokers);
            case "/metrics":
                accept(request, target, HttpMethod.GET);
                return new AdminReply(200, "text/plain; version=0.0.4; charset=utf-8",
                    PrometheusText.render(gateway).getBytes(StandardCharsets.UTF_8));
            case "/admin/kill-switch":
                accept(request, target, HttpMethod.POST, "engaged", "account");
                return killSwitch(target);
            case "/admin/resume":
                accept(request, target, HttpMethod.POST);
                return accepted(gateway.controls().resume()); // logs the alert itself
            case "/admin/flatten":
                accept(request, target, HttpMethod.POST, "account", "symbol", "all");
                return flatten(target);
            case "/admin/config/versions":
                accept(request, target, HttpMethod.GET);
                return versions();
            case "/admin/config/rollback":
                accept(request, target, HttpMethod.POST, "version");
                final int version = target.number("version", 1, "a settings version; GET /admin/config/versions "
                    + "lists them");
                if (version < 0)
                {
                    throw RequestTarget.bad("query parameter version: missing; GET /admin/config/versions lists them");
                }
                return settings(gateway.settings().rollback(version));
            case "/admin/config/reload":
                accept(request, target, HttpMethod.POST);
                return reload();
            default:
                if (path.startsWith(BROKERS))
                {
                    return broker(request, target, path.substring(BROKERS.length()).split("/", -1));
                }
                throw new AdminRefusal(404, RefusalLog.Kind.NO_SUCH_ENDPOINT, "no such endpoint: " + request.method()
                    + " " + AdminRefusal.quote(path));
        }
    }

    /**
     * The checks every route makes before it acts.
     *
     * @param request    the request.
     * @param target     its target.
     * @param method     the route's method (any other: 405).
     * @param parameters the parameters it takes (any other, or one given twice: 400).
     */
    private static void accept(final FullHttpRequest request, final RequestTarget target, final HttpMethod method,
        final String... parameters)
    {
        final String route = method + " " + target.path();
        if (!request.method().equals(method))
        {
            throw new AdminRefusal(405, RefusalLog.Kind.NO_SUCH_ENDPOINT, "method " + request.method() + ": not "
                + "allowed for " + target.path() + "; use " + route, false, "Allow", method.name());
        }
        target.takes(route, parameters);
        final int body = request.content().readableBytes();
        if (body > 0)
        {
            throw RequestTarget.bad("body: " + route + " takes no body (parameters go in the query string); got "
                + body + " bytes");
        }
    }

    private AdminReply killSwitch(final RequestTarget target)
    {
        final String engaged = target.get("engaged");
        if (!"true".equals(engaged) && !"false".equals(engaged))
        {
            throw RequestTarget.bad("query parameter engaged: expected true or false, got "
                + (engaged == null ? "none" : AdminRefusal.quote(engaged)));
        }
        final int account = target.number("account", 0, "an account; omit the parameter for every account");
        // logs the alert itself; -1: every account
        return accepted(gateway.controls().killSwitch(account, "true".equals(engaged)));
    }

    private AdminReply flatten(final RequestTarget target)
    {
        final String all = target.get("all");
        if (all != null && !"true".equals(all))
        {
            throw RequestTarget.bad("query parameter all: expected true (to flatten every account and symbol), got "
                + AdminRefusal.quote(all));
        }
        final int account = target.number("account", 0, "an account");
        final String symbol = target.get("symbol");
        if (all != null && (account >= 0 || symbol != null))
        {
            throw RequestTarget.bad("query parameters: all=true flattens every account and symbol; give it alone, or "
                + "give account and/or symbol without it");
        }
        if (all == null && account < 0 && symbol == null)
        {
            throw RequestTarget.bad("query parameters: expected account and/or symbol (e.g. ?account=1, ?symbol=AAPL, "
                + "?account=1&symbol=AAPL), or all=true to flatten everything");
        }
        if (symbol != null && gateway.symbolId(symbol) < 0)
        {
            throw RequestTarget.bad("query parameter symbol: no instrument " + AdminRefusal.quote(symbol)
                + "; the gateway trades " + gateway.symbols().names());
        }
        final FlattenResult result;
        try
        {
            result = gateway.controls().flatten(account, symbol, FLATTEN_TIMEOUT_MILLIS);
        }
        catch (final TimeoutException ex)
        {
            return error(503, "flatten: the gateway took no snapshot within " + FLATTEN_TIMEOUT_MILLIS
                + " ms; nothing was sent");
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return error(503, "flatten: interrupted before anything was sent");
        }
        catch (final IllegalArgumentException ex)
        {
            throw ex; // the server answers 400 with its message
        }
        catch (final Exception ex)
        {
            LOG.warn("admin: flatten failed: {}", ex.toString());
            return error(503, "flatten: the gateway took no snapshot (" + ex.getMessage() + "); nothing was sent");
        }
        return json(200, g -> flattened(g, result));
    }

    private static void flattened(final JsonGenerator g, final FlattenResult r) throws IOException
    {
        if (r.accountId() < 0)
        {
            g.writeNullField("account");
        }
        else
        {
            g.writeNumberField("account", r.accountId());
        }
        g.writeStringField("symbol", r.symbol());
        g.writeNumberField("cancelsSent", r.cancelsSent());
        g.writeNumberField("ordersStillOpen", r.ordersStillOpen());
        g.writeArrayFieldStart("closingOrders");
        for (final FlattenResult.Close c : r.closes())
        {
            g.writeStartObject();
            g.writeNumberField("account", c.accountId());
            g.writeStringField("symbol", c.symbol());
            g.writeStringField("position", FixedPoint.formatQuantity(c.position()));
            g.writeStringField("side", c.side().name());
            g.writeStringField("quantity", FixedPoint.formatQuantity(c.quantity()));
            if (c.orderId() != 0)
            {
                g.writeNumberField("orderId", c.orderId());
            }
            g.writeStringField("outcome", c.outcome());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private AdminReply versions()
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

    private AdminReply reload()
    {
        final ConfigWatcher w = watcher;
        if (w == null)
        {
            return error(404, "the gateway was not started from a configuration file");
        }
        final String outcome = w.reload();
        return json(outcome.startsWith("applied") ? 200 : 422, g -> g.writeStringField("result", outcome));
    }

    private AdminReply broker(final FullHttpRequest request, final RequestTarget target, final String[] parts)
    {
        if (parts.length != 2 || !List.of("enable", "disable", "activate").contains(parts[1]))
        {
            throw new AdminRefusal(404, RefusalLog.Kind.NO_SUCH_ENDPOINT, "no such endpoint: " + request.method()
                + " " + AdminRefusal.quote(target.path()) + " (brokers take POST /admin/brokers/{name}/enable, "
                + "disable or activate)");
        }
        accept(request, target, HttpMethod.POST);
        final int id = gateway.brokerId(parts[0]);
        if (id < 0)
        {
            return error(404, "no broker named " + parts[0] + "; brokers: " + gateway.brokerNames());
        }
        final SubmitResult result;
        switch (parts[1])
        {
            case "enable": result = gateway.controls().enableBroker(id); break;
            case "disable": result = gateway.controls().disableBroker(id); break;
            default: result = gateway.controls().forceActive(id); break;
        }
        LOG.warn("ALERT admin: broker {} {}: {}", parts[0], parts[1], result);
        return accepted(result);
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
        // the common primary-backup shape, for dashboards that read it
        g.writeStringField("active_engine", s.active());
        g.writeStringField("primary_engine", s.primary());
        g.writeArrayFieldStart("backup_engines");
        for (final String b : s.backups())
        {
            g.writeString(b);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("failure_counts");
        for (final Map.Entry<String, Integer> b : s.failureCounts().entrySet())
        {
            g.writeNumberField(b.getKey(), b.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("engines_available");
        for (final Map.Entry<String, Boolean> b : s.enginesAvailable().entrySet())
        {
            g.writeBooleanField(b.getKey(), b.getValue());
        }
        g.writeEndObject();
        // each broker's account as the running reconciliation last asked it, and the totals per currency
        g.writeArrayFieldStart("accounts");
        for (final io.ordergateway.core.broker.BrokerAccount a : gateway.brokerAccounts().latest())
        {
            account(g, a);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("account_totals");
        for (final io.ordergateway.core.broker.BrokerAccount a : gateway.brokerAccounts().totals().values())
        {
            account(g, a);
        }
        g.writeEndArray();
    }

    private static void account(final JsonGenerator g, final io.ordergateway.core.broker.BrokerAccount a)
        throws IOException
    {
        g.writeStartObject();
        g.writeStringField("broker", a.broker());
        if (!a.accountNumber().isEmpty())
        {
            g.writeStringField("account", a.accountNumber());
        }
        g.writeStringField("currency", a.currency());
        money(g, "cash", a.cash());
        money(g, "buying_power", a.buyingPower());
        money(g, "equity", a.equity());
        g.writeNumberField("as_of_millis", a.asOfMillis());
        g.writeEndObject();
    }

    private static void money(final JsonGenerator g, final String field, final long value) throws IOException
    {
        if (value != io.ordergateway.journal.FixedPoint.NULL)
        {
            g.writeStringField(field, io.ordergateway.journal.FixedPoint.formatPrice(value));
        }
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
        /**
         * @param g the generator, inside the object.
         * @throws IOException if it cannot write.
         */
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * @param status the HTTP status.
     * @param error  what was wrong, and where.
     * @return {@code {"error": "..."}}.
     */
    static AdminReply error(final int status, final String error)
    {
        return json(status, g -> g.writeStringField("error", error));
    }

    /**
     * @param status the HTTP status.
     * @param fields the object's fields.
     * @return a JSON object.
     */
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
