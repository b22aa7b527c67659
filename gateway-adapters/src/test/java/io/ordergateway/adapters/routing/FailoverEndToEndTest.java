package io.ordergateway.adapters.routing;

import io.ordergateway.adapters.sim.SimBroker;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.testing.ReportCollector;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.SubmitResult;
import io.ordergateway.core.domain.OrderState;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.recovery.RoutingReplay;
import io.ordergateway.core.routing.ExecutionStatus;
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
import java.util.concurrent.locks.LockSupport;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover with real sim brokers and the gateway's own timer: the primary goes down while orders
 * flow, traffic moves to the backup, the primary is probed after the recovery period and takes the
 * traffic back. No client order id reaches two brokers, and replaying the journal makes the same
 * switches. An order whose answers are lost goes UNKNOWN and is resolved by asking the broker,
 * never sent again.
 */
class FailoverEndToEndTest
{
    private static final long MS = 1_000_000L;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path journal;

    private OrderGateway gateway;

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
            .withLatency(200_000, 0).withPriceMoves(0, 0).withPartialFills(0, 2));
    }

    private static RoutingConfig fastFailover()
    {
        // 3 failures fail over; breaker open 300 ms; probe the primary 1 s after; hold-down 2 s; send timeout 1 s; ticks every 20 ms
        return RoutingConfig.defaults(2).withFailover(3, 300 * MS, 1_000 * MS, 2_000 * MS, 1_000 * MS, 20 * MS);
    }

    @Test
    void primaryFailsTrafficFailsOverAndComesBackAndReplayMakesTheSameSwitches() throws Exception
    {
        final SimBroker primary = sim("primary");
        final SimBroker backup = sim("backup");
        gateway = OrderGateway.builder().symbols("AAPL").broker(primary).broker(backup).routing(fastFailover()).journalDirectory(journal).build();
        final ReportCollector reports = new ReportCollector(gateway);
        final NewOrder order = new NewOrder();
        boolean sawBackupActive = false;
        boolean recovered = false;
        int afterRecovery = 0;
        final long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (int i = 0; afterRecovery < 50; i++)
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("no failover and recovery within " + TIMEOUT + "; status " + gateway.executionStatus());
            }
            if (i == 50)
            {
                primary.outage(600 * MS);
            }
            final SubmitResult result = gateway.submit(order.reset().symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(1)));
            assertThat(result).isIn(SubmitResult.ACCEPTED, SubmitResult.RING_FULL);
            reports.pollOnce();
            final ExecutionStatus status = gateway.executionStatus();
            if (status != null)
            {
                sawBackupActive |= status.active().equals("backup");
                recovered |= sawBackupActive && status.active().equals("primary");
            }
            if (recovered)
            {
                afterRecovery++;
            }
            LockSupport.parkNanos(5 * MS); // the strategy's pace, not synchronisation
        }
        final PortfolioSnapshot settled = gateway.snapshot().get(10, TimeUnit.SECONDS);
        gateway.close();
        gateway = null;

        final Map<Long, Set<Integer>> brokersByOrder = sentTo(journal);
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
        gateway = OrderGateway.builder().symbols("AAPL").broker(primary).broker(backup).routing(fastFailover()).journalDirectory(journal).build();
        final ReportCollector reports = new ReportCollector(gateway);
        primary.silence(true); // it executes, but nothing it says arrives
        final NewOrder order = new NewOrder().symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(5));
        assertThat(gateway.submit(order)).isEqualTo(SubmitResult.ACCEPTED);
        final ReportCollector.Report last = reports.awaitFinal(order.orderId(), TIMEOUT); // FILLED, learnt by asking
        primary.silence(false);
        assertThat(last.state()).isEqualTo(OrderState.FILLED);
        assertThat(last.cumQty()).isEqualTo(quantity(5));
        gateway.close();
        gateway = null;
        assertThat(sentTo(journal).get(order.orderId())).containsExactly(0); // sent once, to the broker that had it
        final RoutingReplay.Result replay = RoutingReplay.run(journal);
        assertThat(replay.journaled()).anyMatch(s -> s.kind() == RoutingChangeKind.TIMEOUT && s.value() == order.orderId());
        assertThat(replay.same()).isTrue();
        assertThat(primary.statement(0).positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(quantity(5)));
    }

    @Test
    void aJournalOfSeveralSessionsReplaysToTheSameSwitches() throws Exception
    {
        for (int session = 0; session < 2; session++)
        {
            final SimBroker primary = sim("primary");
            final SimBroker backup = sim("backup");
            gateway = OrderGateway.builder().symbols("AAPL").broker(primary).broker(backup)
                .routing(fastFailover().withFailover(3, (300 + session * 100) * MS, 1_000 * MS, 2_000 * MS, 1_000 * MS, 20 * MS))
                .onUnexplainedDifferences(false) // fresh in-process sims each session
                .journalDirectory(journal).build();
            final ReportCollector reports = new ReportCollector(gateway);
            final NewOrder order = new NewOrder();
            gateway.forceActive(0); // a restart restores the last session's chain: start each session on the primary
            final long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (gateway.executionStatus() == null || !gateway.executionStatus().active().equals("primary"))
            {
                assertThat(System.nanoTime()).as("primary active in session %d", session).isLessThan(deadline);
                LockSupport.parkNanos(5 * MS);
            }
            primary.outage(400 * MS);
            while (gateway.executionStatus() == null || !gateway.executionStatus().active().equals("backup"))
            {
                assertThat(System.nanoTime()).as("failover in session %d", session).isLessThan(deadline);
                gateway.submit(order.reset().symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(1)));
                reports.pollOnce();
                LockSupport.parkNanos(5 * MS); // the strategy's pace
            }
            gateway.close();
            gateway = null;
        }
        final RoutingReplay.Result replay = RoutingReplay.run(journal);
        assertThat(replay.switches().stream().filter(s -> s.kind() == RoutingChangeKind.FAILOVER).count()).isEqualTo(2);
        assertThat(replay.switches().stream().filter(s -> s.kind() == RoutingChangeKind.FORCED_ACTIVE).count()).isEqualTo(2);
        assertThat(replay.same()).as("each session replayed with its own routing setup, restored as at its start").isTrue();
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
