package io.ordergateway.adapters.routing;

import io.ordergateway.adapters.sim.SimBroker;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.testing.Await;
import io.ordergateway.core.testing.ReportCollector;
import io.ordergateway.core.agent.ManualClock;
import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.recovery.RoutingReplay;
import io.ordergateway.core.routing.RoutingChangeKind;
import io.ordergateway.core.routing.RoutingConfig;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.sbe.CommandKind;
import io.ordergateway.journal.sbe.OrderSentDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover with real sim brokers, the gateway's own timer and control agent, in INVOKER mode with a
 * manual clock: the test's thread runs every agent and decides when time passes, so every period
 * (breaker, recovery, hold-down, send timeout, the sims' latency and outage) is exact and nothing
 * waits. The primary goes down while orders flow, traffic moves to the backup after exactly the
 * configured number of failures, the primary is probed after the recovery period and takes the
 * traffic back. No client order id reaches two brokers, and replaying the journal makes the same
 * switches. An order whose answers are lost goes UNKNOWN and is resolved by asking the broker, never
 * sent again.
 */
class FailoverEndToEndTest
{
    private static final long MS = 1_000_000L;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How much time passes between two of the strategy's orders. */
    private static final long STEP_MS = 5;

    @TempDir
    Path journal;

    private final ManualClock clock = new ManualClock();
    private OrderGateway gateway;

    private io.ordergateway.core.api.GatewayBuilder builder(final SimBroker primary, final SimBroker backup)
    {
        return OrderGateway.builder().symbols("AAPL").broker(primary).broker(backup).routing(fastFailover())
            .journalDirectory(journal)
            .threadingMode(ThreadingMode.INVOKER).clock(clock);
    }

    /** The strategy's pace: time passes, then every agent does what is due at the new time. */
    private void step()
    {
        clock.advance(STEP_MS, TimeUnit.MILLISECONDS);
        Await.idle(gateway.invoker());
    }

    @AfterEach
    void close()
    {
        if (gateway != null)
        {
            gateway.close();
        }
    }

    private static SimBroker sim(final String name)
    {
        return new SimBroker(SimBrokerConfig.defaults(name).withReferencePrices(Map.of("AAPL", 18_725_000_000L))
            // answers at once: a failure counts before the next order routes
            .withLatency(0, 0).withPriceMoves(0, 0).withPartialFills(0, 2));
    }

    private static RoutingConfig fastFailover()
    {
        // 3 failures fail over; breaker open 300 ms; probe the primary 1 s after; hold-down 2 s; send timeout 1 s;
        // ticks every 20 ms
        return RoutingConfig.defaults(2).withFailover(3, 300 * MS, 1_000 * MS, 2_000 * MS, 1_000 * MS, 20 * MS);
    }

    @Test
    void primaryFailsTrafficFailsOverAndComesBackAndReplayMakesTheSameSwitches() throws Exception
    {
        final SimBroker primary = sim("primary");
        final SimBroker backup = sim("backup");
        gateway = builder(primary, backup).build();
        final ReportCollector reports = new ReportCollector(gateway);
        final NewOrder order = new NewOrder();
        long outageAt = 0;
        for (int i = 0; i < 2_000; i++) // 10 s of the test's time
        {
            if (i == 50)
            {
                primary.outage(600 * MS);
                outageAt = clock.nanoTime();
            }
            assertThat(gateway.submit(order.reset().symbol(0).side(Side.BUY).type(OrderType.MARKET)
                .quantity(quantity(1))))
                .isEqualTo(SubmitResult.ACCEPTED);
            step();
            reports.pollOnce();
        }
        final PortfolioSnapshot settled = gateway.await(gateway.snapshot(), 10_000);
        gateway.close();
        gateway = null;

        final Map<Long, Set<Integer>> brokersByOrder = sentTo(journal);
        // Exactly as configured: orders 51 to 53 (the first three of the outage) fail at the primary, 54 goes to the
        // backup;
        // the primary takes orders again once it is probed healthy after the recovery period (1 s), not before.
        assertThat(brokersByOrder.get(53L)).containsExactly(0);
        assertThat(brokersByOrder.get(54L)).containsExactly(1);
        assertThat(reports.last(51).type()).isEqualTo(io.ordergateway.core.api.ReportType.REJECTED);
        final long firstBackToPrimary =
            brokersByOrder.entrySet().stream().filter(e -> e.getKey() > 54 && e.getValue().contains(0))
            .mapToLong(Map.Entry::getKey).min().orElseThrow();
        final long recoveredAfterMs = (firstBackToPrimary - 51) * STEP_MS;
        assertThat(recoveredAfterMs).as("time from the outage to the recovery")
            .isBetween(1_000L, 1_000L + 2 * 20 + 2 * STEP_MS);
        assertThat(outageAt).isPositive();
        assertThat(brokersByOrder.values()).as("no client order id sent to two brokers").allMatch(b -> b.size() == 1);
        final RoutingReplay.Result replay = RoutingReplay.run(journal);
        assertThat(replay.same()).as("replay makes the journaled decisions").isTrue();
        final List<String> switches = replay.switches().stream().map(s -> s.kind() + " " + s.broker()).toList();
        assertThat(switches).containsSubsequence("FAILOVER 1", "RECOVERY 0");
        assertThat(replay.journaled()).anyMatch(s -> s.kind() == RoutingChangeKind.PROBE_REQUESTED);
        // the last orders went back to the primary
        final long lastOrder = brokersByOrder.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(brokersByOrder.get(lastOrder)).containsExactly(0);
        assertThat(settled.position(1, "AAPL").quantity()).as("the backup filled orders meanwhile").isPositive();
    }

    @Test
    void anOrderWhoseAnswersAreLostGoesUnknownAndIsResolvedByAskingNotBySendingAgain() throws Exception
    {
        final SimBroker primary = sim("primary");
        final SimBroker backup = sim("backup");
        gateway = builder(primary, backup).build();
        final ReportCollector reports = new ReportCollector(gateway);
        primary.silence(true); // it executes, but nothing it says arrives
        final NewOrder order = new NewOrder().symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(5));
        assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
        for (int i = 0; i < 190; i++) // 950 ms: still within the send timeout of 1 s
        {
            step();
        }
        reports.pollOnce();
        assertThat(reports.last(order.orderId()).state()).as("no answer yet, not timed out yet")
            .isEqualTo(OrderState.PENDING_NEW);
        for (int i = 0; i < 20; i++) // past the timeout: UNKNOWN, and the control agent asks the broker
        {
            step();
        }
        final ReportCollector.Report last = reports.awaitFinal(order.orderId(), TIMEOUT); // FILLED, learnt by asking
        primary.silence(false);
        assertThat(last.state()).isEqualTo(OrderState.FILLED);
        assertThat(last.cumQty()).isEqualTo(quantity(5));
        gateway.close();
        gateway = null;
        assertThat(sentTo(journal).get(order.orderId())).containsExactly(0); // sent once, to the broker that had it
        final RoutingReplay.Result replay = RoutingReplay.run(journal);
        assertThat(replay.journaled())
            .anyMatch(s -> s.kind() == RoutingChangeKind.TIMEOUT && s.value() == order.orderId());
        assertThat(replay.same()).isTrue();
        assertThat(primary.statement(0).positions()).singleElement()
            .satisfies(p -> assertThat(p.quantity()).isEqualTo(quantity(5)));
    }

    @Test
    void aJournalOfSeveralSessionsReplaysToTheSameSwitches() throws Exception
    {
        for (int session = 0; session < 2; session++)
        {
            // a restart takes a while: the last session's breaker periods have passed
            clock.advance(2, TimeUnit.SECONDS);
            final SimBroker primary = sim("primary");
            final SimBroker backup = sim("backup");
            gateway = builder(primary, backup)
                .routing(fastFailover()
                .withFailover(3, (300 + session * 100) * MS, 1_000 * MS, 2_000 * MS, 1_000 * MS, 20 * MS))
                .onUnexplainedDifferences(false) // fresh in-process sims each session
                .build();
            final ReportCollector reports = new ReportCollector(gateway);
            final NewOrder order = new NewOrder();
            // a restart restores the last session's chain: start each session on the primary
            gateway.controls().forceActive(0);
            step();
            for (int i = 0; i < 1_000
                && (gateway.executionStatus() == null || !gateway.executionStatus().active().equals("primary")); i++)
            {
                step();
            }
            assertThat(gateway.executionStatus().active()).as("primary active in session %d", session)
                .isEqualTo("primary");
            primary.outage(400 * MS);
            for (int i = 0; i < 1_000 && !gateway.executionStatus().active().equals("backup"); i++)
            {
                gateway.submit(order.reset().symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(1)));
                step();
                reports.pollOnce();
            }
            assertThat(gateway.executionStatus().active()).as("failover in session %d", session).isEqualTo("backup");
            gateway.close();
            gateway = null;
        }
        final RoutingReplay.Result replay = RoutingReplay.run(journal);
        assertThat(replay.switches().stream().filter(s -> s.kind() == RoutingChangeKind.FAILOVER).count()).isEqualTo(2);
        assertThat(replay.switches().stream().filter(s -> s.kind() == RoutingChangeKind.FORCED_ACTIVE).count())
            .isEqualTo(2);
        assertThat(replay.same()).as("each session replayed with its own routing setup, restored as at its start")
            .isTrue();
    }

    /**
     * @return for each order, the brokers its new-order command was sent to (from the journal's OrderSent records).
     */
    static Map<Long, Set<Integer>> sentTo(final Path journal)
    {
        final Map<Long, Set<Integer>> out = new HashMap<>();
        final OrderSentDecoder d = new OrderSentDecoder();
        try (JournalReader reader = new JournalReader(journal))
        {
            reader.readAll((templateId, buffer, offset, blockLength, version, index) ->
            {
                if (templateId == OrderSentDecoder.TEMPLATE_ID)
                {
                    d.wrap(buffer, offset, blockLength, version);
                    if (d.command() == CommandKind.NEW)
                    {
                        out.computeIfAbsent(d.orderId(), k -> new HashSet<>()).add(d.brokerId());
                    }
                }
            });
        }
        return out;
    }

}
