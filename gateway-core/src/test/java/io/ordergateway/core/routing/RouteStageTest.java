package io.ordergateway.core.routing;

import io.ordergateway.core.broker.BrokerCapabilities;
import io.ordergateway.core.domain.CommandKind;
import io.ordergateway.core.domain.OrderClass;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.core.domain.TimeInForce;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.journal.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route stage on event time, driven by hand-made events (no threads, no clock): failover after
 * exactly N failures, reset on success, recovery only after the period and a healthy probe, hold-down
 * against flapping, pause and resume, timeouts, capability filter, API budget, the policies, and the
 * same decisions when the same events are replayed.
 */
class RouteStageTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_800_000_000L * SECOND;

    private final List<String> log = new ArrayList<>();
    private final List<GatewayEvent> inputs = new ArrayList<>();
    private long nextOrderId = 1;
    private RouteStage stage;

    private static RoutingConfig config(final int brokers)
    {
        // failover after 3 failures; breaker open 10 s; probe 60 s after a failover; hold-down 120 s; send timeout 5 s
        return RoutingConfig.defaults(brokers)
            .withFailover(3, 10 * SECOND, 60 * SECOND, 120 * SECOND, 5 * SECOND, SECOND / 10);
    }

    private RouteStage stage(final RoutingConfig config, final BrokerCapabilities... caps)
    {
        final String[] names = new String[caps.length];
        for (int i = 0; i < caps.length; i++)
        {
            names[i] = "b" + i;
        }
        return new RouteStage(config, new SymbolTable(List.of("AAPL")), names, caps, null);
    }

    private static BrokerCapabilities[] everything(final int n)
    {
        final BrokerCapabilities[] caps = new BrokerCapabilities[n];
        java.util.Arrays.fill(caps, BrokerCapabilities.everything());
        return caps;
    }

    private GatewayEvent event(final EventType type, final long t)
    {
        final GatewayEvent e = new GatewayEvent();
        e.reset();
        e.type = type;
        e.timestamp = t;
        return e;
    }

    private GatewayEvent apply(final GatewayEvent e)
    {
        inputs.add(copy(e));
        stage.onEvent(e, inputs.size(), true);
        for (int i = 0; i < e.routingChanges.size(); i++)
        {
            log.add(e.routingChanges.kind(i) + " " + e.routingChanges.broker(i));
        }
        return e;
    }

    private static GatewayEvent copy(final GatewayEvent e)
    {
        final GatewayEvent c = new GatewayEvent();
        c.reset();
        c.type = e.type;
        c.timestamp = e.timestamp;
        c.orderId = e.orderId;
        c.brokerId = e.brokerId;
        c.command = e.command;
        c.brokerReason = e.brokerReason;
        c.healthy = e.healthy;
        c.routingCommand = e.routingCommand;
        c.symbolId = e.symbolId;
        c.side = e.side;
        c.orderType = e.orderType;
        c.timeInForce = e.timeInForce;
        c.orderClass = e.orderClass;
        c.quantity = e.quantity;
        c.accountId = e.accountId;
        return c;
    }

    private GatewayEvent order(final long t)
    {
        final GatewayEvent e = event(EventType.NEW_ORDER, t);
        e.orderId = nextOrderId++;
        e.symbolId = 0;
        e.side = Side.BUY;
        e.orderType = OrderType.MARKET;
        e.timeInForce = TimeInForce.DAY;
        e.orderClass = OrderClass.SIMPLE;
        e.quantity = FixedPoint.quantity(1);
        return apply(e);
    }

    private void answer(final GatewayEvent order, final EventType type, final RejectReason reason, final long t)
    {
        final GatewayEvent e = event(type, t);
        e.orderId = order.orderId;
        e.brokerId = order.brokerId;
        e.command = CommandKind.NEW;
        e.brokerReason = reason;
        apply(e);
    }

    private void fail(final GatewayEvent order, final long t)
    {
        answer(order, EventType.BROKER_REJECT, RejectReason.CONNECTION_ERROR, t);
    }

    private void tick(final long t)
    {
        apply(event(EventType.TICK, t));
    }

    private void probe(final int broker, final boolean healthy, final long t)
    {
        final GatewayEvent e = event(EventType.PROBE_RESULT, t);
        e.brokerId = broker;
        e.healthy = healthy;
        apply(e);
    }

    private List<String> switches()
    {
        return log.stream().filter(l -> RoutingChangeKind.valueOf(l.split(" ")[0]).isSwitch()).toList();
    }

    @Test
    void failsOverAfterExactlyTheThresholdAndNotBefore()
    {
        stage = stage(config(2), everything(2));
        long t = T0;
        for (int i = 1; i <= 2; i++)
        {
            fail(order(t += SECOND), t);
            assertThat(stage.chain().active()).as("after %d failures", i).isZero();
        }
        final GatewayEvent third = order(t += SECOND);
        assertThat(third.brokerId).isZero();
        fail(third, t);
        assertThat(stage.chain().active()).isEqualTo(1);
        assertThat(switches()).containsExactly("FAILOVER 1");
        assertThat(order(t + SECOND).brokerId).isEqualTo(1);
    }

    @Test
    void anAnswerResetsTheFailureCount()
    {
        stage = stage(config(2), everything(2));
        long t = T0;
        for (int round = 0; round < 5; round++)
        {
            fail(order(t += SECOND), t);
            fail(order(t += SECOND), t);
            // two failures, then an answer: never three in a row
            answer(order(t += SECOND), EventType.BROKER_ACK, null, t);
        }
        assertThat(stage.chain().active()).isZero();
        assertThat(switches()).isEmpty();
        assertThat(log).contains("SUCCESS_RESET 0");
        // a business reject is an answer too
        fail(order(t += SECOND), t);
        answer(order(t += SECOND), EventType.BROKER_REJECT, RejectReason.INSUFFICIENT_FUNDS, t);
        assertThat(stage.pool().breaker(0).failures()).isZero();
    }

    @Test
    void thePrimaryComesBackOnlyAfterTheRecoveryPeriodAndAHealthyProbe()
    {
        stage = stage(config(2), everything(2));
        long t = T0;
        for (int i = 0; i < 3; i++)
        {
            fail(order(t += SECOND), t);
        }
        final long failedOverAt = t;
        tick(failedOverAt + 59 * SECOND);
        assertThat(log).doesNotContain("PROBE_REQUESTED 0");
        tick(failedOverAt + 60 * SECOND);
        assertThat(log).contains("PROBE_REQUESTED 0");
        probe(0, false, failedOverAt + 61 * SECOND); // still sick: wait another period
        assertThat(stage.chain().active()).isEqualTo(1);
        tick(failedOverAt + 100 * SECOND);
        assertThat(log.stream().filter("PROBE_REQUESTED 0"::equals).count()).isEqualTo(1);
        tick(failedOverAt + 121 * SECOND);
        probe(0, true, failedOverAt + 122 * SECOND);
        assertThat(stage.chain().active()).isZero();
        assertThat(switches()).containsExactly("FAILOVER 1", "RECOVERY 0");
        assertThat(order(failedOverAt + 123 * SECOND).brokerId).isZero();
    }

    @Test
    void anIntermittentPrimaryWaitsLongerEachTimeSoTrafficDoesNotFlap()
    {
        stage = stage(config(2), everything(2));
        long t = T0;
        final List<Long> recoveries = new ArrayList<>();
        for (int cycle = 0; cycle < 4; cycle++)
        {
            for (int i = 0; i < 3; i++)
            {
                fail(order(t += SECOND), t); // the primary fails soon after every recovery
            }
            final long failedAt = t;
            while (stage.chain().active() != 0)
            {
                t += SECOND;
                tick(t);
                if (stage.chain().probePending())
                {
                    probe(0, true, t);
                }
            }
            recoveries.add(t - failedAt);
        }
        // 60 s, then doubled each time the primary failed within the 120 s hold-down, capped at 8x
        assertThat(recoveries).containsExactly(60 * SECOND, 120 * SECOND, 240 * SECOND, 480 * SECOND);
        assertThat(switches()).hasSize(8); // 4 failovers, 4 recoveries: no switching in between
    }

    @Test
    void withEveryBrokerDownTheGatewayPausesThenResumesWhenOneComesBack()
    {
        stage = stage(config(2), everything(2));
        long t = T0;
        for (int i = 0; i < 3; i++)
        {
            fail(order(t += SECOND), t);
        }
        for (int i = 0; i < 3; i++)
        {
            fail(order(t += SECOND), t);
        }
        assertThat(stage.chain().paused()).as(log.toString()).isTrue();
        final GatewayEvent denied = order(t += SECOND);
        assertThat(denied.denyReason).isEqualTo(RejectReason.GATEWAY_PAUSED);
        assertThat(stage.status().paused()).isTrue();

        tick(t + SECOND);
        assertThat(stage.chain().paused()).isTrue(); // the primary's breaker opened 5 s ago: 10 s open period
        tick(t + 20 * SECOND); // the breakers' open period is over: a trial may go
        assertThat(stage.chain().paused()).isFalse();
        final GatewayEvent trial = order(t + 21 * SECOND);
        assertThat(trial.denyReason).isNull();
        answer(trial, EventType.BROKER_ACK, null, t + 22 * SECOND);
        assertThat(stage.pool().breaker(trial.brokerId).state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(switches()).containsExactly("FAILOVER 1", "PAUSED -1", "FAILOVER 0", "RESUMED 0");
    }

    @Test
    void aMassTimeoutIsSpreadOverTicksSoNoTimeoutIsDroppedFromAFullEvent()
    {
        // an event holds 8 decisions; ten orders timing out on one tick used to lose all but two of their TIMEOUTs,
        // and those orders were never asked about
        stage = stage(config(2), everything(2));
        for (int i = 0; i < 10; i++)
        {
            order(T0);
        }
        for (int k = 1; k <= 10; k++)
        {
            tick(T0 + 5 * SECOND + k * SECOND / 10);
        }
        assertThat(log.stream().filter(l -> l.startsWith("TIMEOUT")).count()).isEqualTo(10);
    }

    @Test
    void aNewOrderUnansweredPastTheSendTimeoutCountsAsAFailureAndIsNamed()
    {
        stage = stage(config(2), everything(2));
        final GatewayEvent sent = order(T0);
        tick(T0 + 4 * SECOND);
        assertThat(log).isEmpty();
        final GatewayEvent t = apply(event(EventType.TICK, T0 + 5 * SECOND));
        assertThat(t.routingChanges.size()).isEqualTo(2);
        assertThat(t.routingChanges.kind(0)).isEqualTo(RoutingChangeKind.TIMEOUT);
        assertThat(t.routingChanges.value(0)).isEqualTo(sent.orderId);
        assertThat(t.routingChanges.kind(1)).isEqualTo(RoutingChangeKind.FAILURE_COUNTED);
        tick(T0 + 10 * SECOND);
        assertThat(log.stream().filter(l -> l.startsWith("TIMEOUT")).count()).isEqualTo(1); // counted once
    }

    @Test
    void anOrderIsNeverRoutedToABrokerThatDoesNotDeclareWhatItNeeds()
    {
        final BrokerCapabilities noTrailing = new BrokerCapabilities(EnumSet.of(OrderType.MARKET, OrderType.LIMIT),
            EnumSet.allOf(TimeInForce.class), EnumSet.of(OrderClass.SIMPLE), false, true, false);
        for (final RoutingPolicy policy : RoutingPolicy.values())
        {
            stage = stage(config(2).withPolicy(policy), noTrailing, BrokerCapabilities.everything());
            for (int i = 0; i < 200; i++)
            {
                final GatewayEvent e = event(EventType.NEW_ORDER, T0 + i);
                e.orderId = nextOrderId++;
                e.symbolId = 0;
                e.side = Side.BUY;
                e.timeInForce = TimeInForce.DAY;
                e.orderClass = i % 3 == 0 ? OrderClass.BRACKET : OrderClass.SIMPLE;
                e.orderType = i % 2 == 0 ? OrderType.TRAILING_STOP : OrderType.LIMIT;
                e.quantity = i % 5 == 0 ? 1_500_000_000L : FixedPoint.quantity(2); // fractional sometimes
                stage.onEvent(e, i, true);
                final boolean needsMore = e.orderType == OrderType.TRAILING_STOP || e.orderClass != OrderClass.SIMPLE
                    || e.quantity % FixedPoint.QUANTITY_SCALE != 0;
                if (needsMore)
                {
                    assertThat(e.brokerId).as("%s order %d", policy, i).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void aBrokerWhoseApiBudgetIsSpentIsSkippedUntilItRefills()
    {
        // primary: 2 a second, burst 2
        stage = stage(config(2).withApiBudgets(List.of(2L, 0L), List.of(2L, 1L)), everything(2));
        assertThat(order(T0).brokerId).isZero();
        assertThat(order(T0 + 1).brokerId).isZero();
        assertThat(order(T0 + 2).brokerId).isEqualTo(1); // budget spent: the next in the chain, no 429 provoked
        assertThat(order(T0 + SECOND).brokerId).isZero(); // refilled
    }

    @Test
    void weightedSplitLandsWithinTolerance()
    {
        stage = stage(config(3).withPolicy(RoutingPolicy.WEIGHTED_SPLIT).withWeights(List.of(70, 20, 10)),
            everything(3));
        final int[] counts = new int[3];
        final int n = 20_000;
        for (int i = 0; i < n; i++)
        {
            final GatewayEvent e = order(T0 + i);
            counts[e.brokerId]++;
            answer(e, EventType.BROKER_ACK, null, T0 + i);
        }
        assertThat(counts[0] / (double)n).isCloseTo(0.70, org.assertj.core.data.Offset.offset(0.02));
        assertThat(counts[1] / (double)n).isCloseTo(0.20, org.assertj.core.data.Offset.offset(0.02));
        assertThat(counts[2] / (double)n).isCloseTo(0.10, org.assertj.core.data.Offset.offset(0.02));
        // deterministic: the same order id always lands on the same broker
        final WeightedSplitRouter router = new WeightedSplitRouter(List.of(70, 20, 10));
        assertThat(router.target(12_345)).isEqualTo(router.target(12_345));
    }

    @Test
    void loadBalancedPicksTheFewestInFlightThenTheLeastRecentlyUsed()
    {
        stage = stage(config(3).withPolicy(RoutingPolicy.LOAD_BALANCED), everything(3));
        final GatewayEvent a = order(T0);
        final GatewayEvent b = order(T0 + 1);
        final GatewayEvent c = order(T0 + 2);
        assertThat(List.of(a.brokerId, b.brokerId, c.brokerId)).containsExactly(0, 1, 2);
        answer(b, EventType.BROKER_ACK, null, T0 + 3);
        assertThat(order(T0 + 4).brokerId).isEqualTo(1); // the only one with nothing in flight
        answer(a, EventType.BROKER_ACK, null, T0 + 5);
        answer(c, EventType.BROKER_ACK, null, T0 + 6);
        assertThat(order(T0 + 7).brokerId).isZero(); // 0 and 2 tie at zero in flight; 0 was used longer ago
    }

    @Test
    void bestExecutionPrefersTheFasterBrokerAndAvoidsAFailingOne()
    {
        stage = stage(config(2).withPolicy(RoutingPolicy.BEST_EXECUTION), everything(2));
        long t = T0;
        for (int i = 0; i < 20; i++)
        {
            final GatewayEvent e = order(t += SECOND);
            // broker 0: 5 ms, broker 1: 0.2 ms
            answer(e, EventType.BROKER_ACK, null, t + (e.brokerId == 0 ? 5_000_000 : 200_000));
        }
        int toOne = 0;
        for (int i = 0; i < 20; i++)
        {
            final GatewayEvent e = order(t += SECOND);
            toOne += e.brokerId;
            answer(e, EventType.BROKER_ACK, null, t + (e.brokerId == 0 ? 5_000_000 : 200_000));
        }
        assertThat(toOne).isEqualTo(20);
    }

    @Test
    void operatorCommandsSwitchAndAreRecorded()
    {
        stage = stage(config(2), everything(2));
        final GatewayEvent force = event(EventType.ROUTING_COMMAND, T0);
        force.brokerId = 1;
        force.routingCommand = RoutingCommand.FORCE_ACTIVE;
        apply(force);
        assertThat(order(T0 + 1).brokerId).isEqualTo(1);
        final GatewayEvent disable = event(EventType.ROUTING_COMMAND, T0 + 2);
        disable.brokerId = 1;
        disable.routingCommand = RoutingCommand.DISABLE;
        apply(disable);
        assertThat(order(T0 + 3).brokerId).isZero();
        assertThat(switches()).containsExactly("FORCED_ACTIVE 1", "DISABLED 1", "FAILOVER 0");
    }

    @Test
    void replayingTheSameEventsMakesTheSameDecisions()
    {
        stage = stage(config(2), everything(2));
        long t = T0;
        final java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 2_000; i++)
        {
            t += random.nextLong(SECOND);
            final GatewayEvent e = order(t);
            if (e.denyReason == null)
            {
                if (random.nextInt(10) < 3)
                {
                    fail(e, t + 1);
                }
                else if (random.nextInt(10) < 9)
                {
                    answer(e, EventType.BROKER_ACK, null, t + 1);
                }
            }
            if (i % 5 == 0)
            {
                tick(t + 2);
                if (stage.chain().probePending())
                {
                    probe(0, random.nextBoolean(), t + 3);
                }
            }
        }
        final List<String> live = List.copyOf(log);
        assertThat(switches()).hasSizeGreaterThan(4);
        log.clear();
        final List<GatewayEvent> recorded = List.copyOf(inputs);
        stage = stage(config(2), everything(2));
        for (final GatewayEvent e : recorded)
        {
            apply(copy(e));
        }
        assertThat(log).isEqualTo(live);
    }

    @Test
    void aLateAnswerToAnOrderSentBeforeTheBreakerOpenedDoesNotCloseIt()
    {
        stage = stage(config(2), everything(2));
        long t = T0;
        final GatewayEvent early = order(t += SECOND); // sent while all was well, answered late
        for (int i = 0; i < 3; i++)
        {
            fail(order(t += SECOND), t);
        }
        assertThat(stage.pool().breaker(0).state()).isEqualTo(CircuitBreaker.State.OPEN);
        answer(early, EventType.BROKER_ACK, null, t += SECOND);
        assertThat(stage.pool().breaker(0).state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(log).doesNotContain("BREAKER_CLOSED 0");
        tick(t + 10 * SECOND);
        assertThat(log).contains("BREAKER_HALF_OPEN 0");
    }

    @Test
    void aSellThatWouldOpenAShortAvoidsABrokerThatDoesNotShort()
    {
        final BrokerCapabilities noShort =
            new BrokerCapabilities(EnumSet.allOf(OrderType.class), EnumSet.allOf(TimeInForce.class),
            EnumSet.allOf(OrderClass.class), true, false, true);
        stage = stage(config(2), noShort, BrokerCapabilities.everything());
        final io.ordergateway.core.state.Books books = new io.ordergateway.core.state.Books(4, 4, 2, new long[1]);
        final io.ordergateway.core.state.PositionBook book = io.ordergateway.core.state.BooksAccess.positions(books);
        stage.pool().positions(books.view());
        final GatewayEvent sell = event(EventType.NEW_ORDER, T0);
        sell.orderId = nextOrderId++;
        sell.symbolId = 0;
        sell.side = Side.SELL;
        sell.orderType = OrderType.MARKET;
        sell.timeInForce = TimeInForce.DAY;
        sell.orderClass = OrderClass.SIMPLE;
        sell.quantity = FixedPoint.quantity(10);
        stage.onEvent(sell, 1, true);
        assertThat(sell.brokerId).as("no position at the primary: the sell would open a short").isEqualTo(1);

        book.apply(0, 0, Side.BUY, FixedPoint.quantity(10), 10_000_000_000L); // now the primary holds 10
        final GatewayEvent covered = copy(sell);
        covered.orderId = nextOrderId++;
        covered.brokerId = -1;
        stage.onEvent(covered, 2, true);
        assertThat(covered.brokerId).as("a sell the position covers may go to the primary").isZero();
    }

    @Test
    void aBrokerThatSaysItsOwnBudgetIsSpentGetsNothingUntilItsReset()
    {
        stage = stage(config(2), everything(2));
        final GatewayEvent spent = event(EventType.BROKER_BUDGET, T0);
        spent.brokerId = 0;
        spent.budgetRemaining = 0;
        spent.budgetResetNanos = T0 + 2 * SECOND;
        apply(spent);
        assertThat(order(T0 + SECOND).brokerId).isEqualTo(1);
        assertThat(order(T0 + 2 * SECOND).brokerId).isZero(); // the window reset
        final GatewayEvent back = event(EventType.BROKER_BUDGET, T0 + 3 * SECOND);
        back.brokerId = 0;
        back.budgetRemaining = 0;
        back.budgetResetNanos = T0 + 10 * SECOND;
        apply(back);
        final GatewayEvent refilled = event(EventType.BROKER_BUDGET, T0 + 4 * SECOND);
        refilled.brokerId = 0;
        refilled.budgetRemaining = 150;
        refilled.budgetResetNanos = T0 + 60 * SECOND;
        apply(refilled);
        assertThat(order(T0 + 5 * SECOND).brokerId).isZero(); // told it came back early
    }
}
