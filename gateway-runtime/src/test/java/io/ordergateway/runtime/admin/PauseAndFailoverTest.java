package io.ordergateway.runtime.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordergateway.adapters.sim.SimBroker;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.agent.ManualClock;
import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.api.GatewayBuilder;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.recovery.RoutingReplay;
import io.ordergateway.core.routing.ResumeAfterPause;
import io.ordergateway.core.routing.RoutingChangeKind;
import io.ordergateway.core.routing.RoutingConfig;
import io.ordergateway.core.testing.Await;
import io.ordergateway.core.testing.ReportCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code routing.failover} and {@code routing.resumeAfterPause} in a whole gateway (INVOKER mode, a
 * manual clock, two simulated brokers whose outages refuse every order as a connection error), seen
 * through {@code /admin/execution-status} and acted on by {@code POST /admin/resume}; and the journal
 * of each run replays to the same routing decisions, so the settings reached the journal's routing
 * setup.
 */
class PauseAndFailoverTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path journal;

    private final ManualClock clock = new ManualClock();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SimBroker x;
    private SimBroker y;
    private OrderGateway gateway;
    private ReportCollector reports;
    private AdminServer admin;

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

    private void start(final UnaryOperator<GatewayBuilder> settings) throws Exception
    {
        final SimBrokerConfig sim = SimBrokerConfig.defaults("x").withLatency(0, 0).withPartialFills(0, 2)
            .withPriceMoves(0, 0);
        x = new SimBroker(sim);
        y = new SimBroker(new SimBrokerConfig("y", sim.referencePrices(), 0, 0, 0, 0, 2, 0, 0, 2,
            sim.inboundQueueBytes(), sim.capabilities()));
        // 2 failures open a breaker, for 10 s; the primary is probed 60 s after a failover
        final RoutingConfig routing = RoutingConfig.defaults(2)
            .withFailover(2, 10 * SECOND, 60 * SECOND, 120 * SECOND, 5 * SECOND, SECOND / 10);
        gateway = settings.apply(OrderGateway.builder().symbols("AAPL").broker(x).broker(y).routing(routing)
            .journalDirectory(journal).threadingMode(ThreadingMode.INVOKER).clock(clock)).build();
        reports = new ReportCollector(gateway);
        admin = new AdminServer(gateway, "127.0.0.1", 0, null);
        ticks(10);
    }

    /** Lets time pass a tick at a time and the agents run, so the execution status is at most a tick old. */
    private void ticks(final int n)
    {
        for (int i = 0; i < n; i++)
        {
            clock.advance(100, TimeUnit.MILLISECONDS);
            Await.idle(gateway.invoker());
        }
    }

    private ReportCollector.Report order()
    {
        final NewOrder order = new NewOrder().account(1).symbol(0).side(Side.BUY).type(OrderType.MARKET)
            .quantity(quantity(1));
        gateway.submit(order);
        return reports.awaitFinal(order.orderId(), WAIT);
    }

    private HttpResponse<String> call(final String method, final String path) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode status() throws Exception
    {
        ticks(10); // the status is published on switches and every tenth tick
        final HttpResponse<String> status = call("GET", "/admin/execution-status");
        assertThat(status.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(status.body());
    }

    /** @return new orders routed to a broker, from a fresh execution status. */
    private long sent(final int broker)
    {
        ticks(10);
        return gateway.executionStatus().brokers().get(broker).sent();
    }

    private List<RoutingChangeKind> replayedSwitches()
    {
        admin.close();
        admin = null;
        gateway.close();
        final RoutingReplay.Result replay = RoutingReplay.run(journal);
        assertThat(replay.same()).as("journaled %s, replayed %s", replay.journaled(), replay.replayed()).isTrue();
        return replay.switches().stream().map(s -> s.kind()).toList();
    }

    /** Both brokers down: two failures each (the primary, then the backup it failed over to), then paused. */
    private void everyBrokerDown()
    {
        x.outage(20 * SECOND);
        y.outage(20 * SECOND);
        for (int i = 0; i < 4; i++)
        {
            assertThat(order().state()).as("order %d", i).isEqualTo(OrderState.REJECTED);
        }
        final ReportCollector.Report paused = order();
        assertThat(paused.state()).isEqualTo(OrderState.DENIED);
        assertThat(paused.text()).contains("GATEWAY_PAUSED");
    }

    @Test
    void aManualPauseStaysAfterTheBrokersRecoverUntilAnOperatorResumes() throws Exception
    {
        start(b -> b.resumeAfterPause(ResumeAfterPause.MANUAL));
        everyBrokerDown();
        JsonNode status = status();
        assertThat(status.get("paused").asBoolean()).isTrue();
        assertThat(status.get("engines_available").get("x").asBoolean()).isFalse();
        assertThat(status.get("engines_available").get("y").asBoolean()).isFalse();
        assertThat(status.get("failure_counts").get("x").asInt()).isEqualTo(2);
        assertThat(status.get("failure_counts").get("y").asInt()).isEqualTo(2);

        clock.advance(25, TimeUnit.SECONDS); // the outages and the breakers' open periods are over
        status = status();
        assertThat(status.get("engines_available").get("x").asBoolean()).as("x is back").isTrue();
        assertThat(status.get("engines_available").get("y").asBoolean()).isTrue();
        assertThat(status.get("paused").asBoolean()).as("but nobody resumed").isTrue();
        assertThat(order().text()).contains("GATEWAY_PAUSED");

        assertThat(call("GET", "/admin/resume").statusCode()).isEqualTo(405);
        assertThat(call("POST", "/admin/resume").statusCode()).isEqualTo(202);
        assertThat(status().get("paused").asBoolean()).isFalse();
        assertThat(order().state()).isEqualTo(OrderState.FILLED);

        assertThat(replayedSwitches()).containsExactly(RoutingChangeKind.FAILOVER, RoutingChangeKind.PAUSED,
            RoutingChangeKind.RESUMED);
    }

    @Test
    void aManualPauseOutlivesARestartUntilAnOperatorResumes() throws Exception
    {
        start(b -> b.resumeAfterPause(ResumeAfterPause.MANUAL));
        everyBrokerDown();
        admin.close();
        gateway.close();
        clock.advance(25, TimeUnit.SECONDS);

        start(b -> b.resumeAfterPause(ResumeAfterPause.MANUAL)); // the same journal: restored as it was
        assertThat(status().get("paused").asBoolean()).isTrue();
        assertThat(order().text()).contains("GATEWAY_PAUSED");
        assertThat(call("POST", "/admin/resume").statusCode()).isEqualTo(202);
        assertThat(status().get("paused").asBoolean()).isFalse();
        assertThat(order().state()).isEqualTo(OrderState.FILLED);
    }

    @Test
    void byDefaultThePauseEndsWhenTheBrokersRecover() throws Exception
    {
        start(b -> b);
        everyBrokerDown();
        clock.advance(25, TimeUnit.SECONDS);
        assertThat(status().get("paused").asBoolean()).isFalse();
        assertThat(order().state()).isEqualTo(OrderState.FILLED);
        assertThat(replayedSwitches()).containsExactly(RoutingChangeKind.FAILOVER, RoutingChangeKind.PAUSED,
            RoutingChangeKind.FAILOVER, RoutingChangeKind.RESUMED);
    }

    @Test
    void byDefaultAFailedPrimaryFailsOverAndTheStatusSaysSoInBothShapes() throws Exception
    {
        start(b -> b);
        JsonNode status = status();
        assertThat(status.get("active_engine").asText()).isEqualTo("x");
        assertThat(status.get("primary_engine").asText()).isEqualTo("x");
        assertThat(status.get("backup_engines")).extracting(JsonNode::asText).containsExactly("y");
        assertThat(status.get("failure_counts").get("x").asInt()).isZero();
        assertThat(status.get("engines_available").get("x").asBoolean()).isTrue();

        x.outage(20 * SECOND);
        assertThat(order().state()).isEqualTo(OrderState.REJECTED);
        assertThat(status().get("failure_counts").get("x").asInt()).isEqualTo(1);
        assertThat(order().state()).isEqualTo(OrderState.REJECTED);
        assertThat(order().state()).as("at the backup").isEqualTo(OrderState.FILLED);
        status = status();
        assertThat(status.get("active_engine").asText()).isEqualTo("y");
        assertThat(status.get("activeBroker").asText()).isEqualTo("y");
        assertThat(status.get("primary_engine").asText()).isEqualTo("x");
        assertThat(status.get("engines_available").get("x").asBoolean()).isFalse();
        assertThat(status.get("engines_available").get("y").asBoolean()).isTrue();
        assertThat(status.get("failure_counts").get("x").asInt()).isEqualTo(2);
        assertThat(status.get("failureCounts").get("x").asInt()).isEqualTo(2);
        assertThat(sent(1)).isEqualTo(1);
        assertThat(replayedSwitches()).containsExactly(RoutingChangeKind.FAILOVER);
    }

    @Test
    void withoutFailoverAFailedPrimaryPausesTheGatewayAndTheBackupGetsNothing() throws Exception
    {
        start(b -> b.failover(false));
        x.outage(20 * SECOND);
        assertThat(order().state()).isEqualTo(OrderState.REJECTED);
        assertThat(order().state()).isEqualTo(OrderState.REJECTED);
        assertThat(order().text()).contains("GATEWAY_PAUSED");
        JsonNode status = status();
        assertThat(status.get("paused").asBoolean()).isTrue();
        assertThat(status.get("active_engine").asText()).as("no failover").isEqualTo("x");
        assertThat(status.get("engines_available").get("y").asBoolean()).isTrue();
        assertThat(sent(1)).isZero();

        clock.advance(25, TimeUnit.SECONDS);
        status = status();
        assertThat(status.get("paused").asBoolean()).as("resumed by itself: resumeAfterPause auto").isFalse();
        assertThat(order().state()).isEqualTo(OrderState.FILLED);
        assertThat(sent(0)).isEqualTo(3);
        assertThat(sent(1)).isZero();

        // an operator may still move it
        assertThat(call("POST", "/admin/brokers/y/activate").statusCode()).isEqualTo(202);
        assertThat(status().get("active_engine").asText()).isEqualTo("y");
        assertThat(order().state()).isEqualTo(OrderState.FILLED);
        assertThat(sent(1)).isEqualTo(1);
        assertThat(replayedSwitches()).containsExactly(RoutingChangeKind.PAUSED, RoutingChangeKind.RESUMED,
            RoutingChangeKind.FORCED_ACTIVE);
    }
}
