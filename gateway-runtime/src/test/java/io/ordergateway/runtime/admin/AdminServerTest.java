package io.ordergateway.runtime.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordergateway.adapters.sim.SimBroker;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.testing.ReportCollector;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.agent.ManualClock;
import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The admin endpoint over a real loopback socket: the execution status has the failover fields,
 * /metrics is valid Prometheus text with live values, actions go through the ring, and a server
 * bound beyond loopback refuses requests without its token (and refuses to start without one).
 */
class AdminServerTest
{
    private static final Pattern SAMPLE =
        Pattern.compile("^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\",?)*\\})? "
        + "(-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?|NaN|\\+Inf|-Inf)$");
    private static final Pattern COMMENT = Pattern.compile("^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$");

    @TempDir
    Path journal;

    private final ManualClock clock = new ManualClock();
    private OrderGateway gateway;
    private AdminServer admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void close()
    {
        if (admin != null)
        {
            admin.close();
        }
        if (gateway != null)
        {
            gateway.close();
        }
    }

    private void start(final String bind, final String token) throws Exception
    {
        final SimBrokerConfig sim =
            SimBrokerConfig.defaults("x").withReferencePrices(Map.of("AAPL", 10_000_000_000L)).withLatency(0, 0);
        gateway = OrderGateway.builder().symbols("AAPL").broker(new SimBroker(sim.withSeed(1)))
            .broker(new SimBroker(new
                SimBrokerConfig("sim-b", sim.referencePrices(), 0, 0, 0, 0.2, 3, 1_000_000, 5, 2,
                sim.inboundQueueBytes(), sim.capabilities())))
            .journalDirectory(journal).threadingMode(ThreadingMode.INVOKER).clock(clock).build();
        admin = new AdminServer(gateway, bind, 0, token);
    }

    private HttpResponse<String> call(final String method, final String path, final String token) throws Exception
    {
        final HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null)
        {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The gateway runs no threads (INVOKER, manual clock): a tick's worth of time passes and the test's thread runs the
     * agents, so the execution status exists and every operator action the endpoint put into the ring has been applied.
     */
    private void tick()
    {
        clock.advance(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        Await.idle(gateway.invoker());
    }

    @Test
    void theBrokersMoneyFromTheLastReconciliationIsInTheStatusAndTheMetrics() throws Exception
    {
        start("127.0.0.1", null);
        final ReportCollector reports = new ReportCollector(gateway);
        final NewOrder order = new NewOrder().symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(3));
        gateway.submit(order);
        reports.awaitFinal(order.orderId(), Duration.ofSeconds(10));
        for (int i = 0; i < 620 && gateway.brokerAccounts().latest().size() < 2; i++)
        {
            tick(); // the first pass comes after the default interval, 60 s of event time
        }
        final JsonNode json = new ObjectMapper().readTree(call("GET", "/admin/execution-status", null).body());
        assertThat(json.get("accounts")).hasSize(2);
        assertThat(json.get("accounts").get(0).get("broker").asText()).isEqualTo("x");
        assertThat(json.get("accounts").get(0).get("cash").asText()).isEqualTo("999700.00"); // 3 bought at 100.00
        assertThat(json.get("account_totals").get(0).get("currency").asText()).isEqualTo("USD");
        assertThat(json.get("account_totals").get(0).get("cash").asText()).isEqualTo("1999700.00");
        assertThat(call("GET", "/metrics", null).body())
            .contains("gateway_broker_cash{broker=\"x\",currency=\"USD\"} 999700.00")
            .contains("gateway_broker_buying_power{broker=\"sim-b\",currency=\"USD\"} 1000000.00");
    }

    @Test
    void statusMetricsAndActionsOverALoopbackSocket() throws Exception
    {
        start("127.0.0.1", null);
        final ReportCollector reports = new ReportCollector(gateway);
        final NewOrder order = new NewOrder().symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(3));
        gateway.submit(order);
        reports.awaitFinal(order.orderId(), Duration.ofSeconds(10));
        tick();

        final HttpResponse<String> status = call("GET", "/admin/execution-status", null);
        assertThat(status.statusCode()).isEqualTo(200);
        final JsonNode json = new ObjectMapper().readTree(status.body());
        assertThat(json.get("activeBroker").asText()).isEqualTo("x");
        assertThat(json.get("primary").asText()).isEqualTo("x");
        assertThat(json.get("backups").get(0).asText()).isEqualTo("sim-b");
        assertThat(json.get("paused").asBoolean()).isFalse();
        assertThat(json.get("failureCounts").get("x").asInt()).isZero();
        assertThat(json.get("availability").get("sim-b").asDouble()).isEqualTo(1.0);

        final HttpResponse<String> brokers = call("GET", "/admin/brokers", null);
        assertThat(new ObjectMapper().readTree(brokers.body()).get("brokers").get(0).get("sent").asLong()).isEqualTo(1);

        final HttpResponse<String> metrics = call("GET", "/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type"))
            .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
        for (final String line : metrics.body().split("\n"))
        {
            assertThat(SAMPLE.matcher(line).matches() || COMMENT.matcher(line).matches())
                .as("a Prometheus line: %s", line).isTrue();
        }
        assertThat(metrics.body()).contains("gateway_sent_total 1\n")
            .contains("gateway_broker_sent_total{broker=\"x\"} 1\n")
            .contains("gateway_latency_seconds{stage=\"submit_to_send\",quantile=\"0.5\"}")
            .contains("gateway_broker_breaker_state{broker=\"x\"} 0");

        assertThat(call("POST", "/admin/kill-switch?engaged=true", null).statusCode()).isEqualTo(202);
        final NewOrder blocked = new NewOrder().symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(1));
        gateway.submit(blocked);
        final ReportCollector.Report denied = reports.awaitFinal(blocked.orderId(), Duration.ofSeconds(10));
        assertThat(denied.type()).isEqualTo(ReportType.DENIED);
        assertThat(denied.text()).contains(RejectReason.KILL_SWITCH.name());

        assertThat(call("POST", "/admin/brokers/x/disable", null).statusCode()).isEqualTo(202);
        assertThat(gateway.executionStatus().active()).as("nothing applied until the agents run").isEqualTo("x");
        tick();
        assertThat(gateway.executionStatus().active()).isEqualTo("sim-b");
        assertThat(call("POST", "/admin/brokers/nope/enable", null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/admin/kill-switch?engaged=maybe", null).body())
            .contains("engaged: expected true or false");
    }

    @Test
    void boundBeyondLoopbackItNeedsAndChecksAToken() throws Exception
    {
        final SimBrokerConfig sim = SimBrokerConfig.defaults("x");
        try (OrderGateway g =
            OrderGateway.builder().symbols("AAPL").broker(new SimBroker(sim)).journalDirectory(journal.resolve("g"))
            .build())
        {
            assertThatThrownBy(() -> new AdminServer(g, "0.0.0.0", 0, null))
                .hasMessage("admin: a bearer token is required to bind 0.0.0.0 (not a loopback address)");
        }
        start("0.0.0.0", "s3cret-token");
        assertThat(call("GET", "/admin/execution-status", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/metrics", "wrong").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/metrics", "s3cret-token").statusCode()).isEqualTo(200);
    }
}
