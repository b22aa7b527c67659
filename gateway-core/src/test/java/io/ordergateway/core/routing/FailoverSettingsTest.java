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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code routing.failover} and {@code routing.resumeAfterPause} in the route stage, on event time
 * with hand-made events: without failover the active broker stays and the gateway pauses (an
 * operator's forceActive still moves it); a manual pause outlasts the brokers' recovery until an
 * operator resumes; each contrasted with the default. Also the execution status's per-broker
 * failure counts and availability, and the settings surviving the journal's routing setup.
 */
class FailoverSettingsTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_800_000_000L * SECOND;

    private final List<String> log = new ArrayList<>();
    private final List<GatewayEvent> inputs = new ArrayList<>();
    private long nextOrderId = 1;
    private RouteStage stage;

    /** Failover after 3 failures; breaker open 10 s; probe 60 s after a failover; send timeout 5 s. */
    private static RoutingConfig config()
    {
        return RoutingConfig.defaults(2).withFailover(3, 10 * SECOND, 60 * SECOND, 120 * SECOND, 5 * SECOND,
            SECOND / 10);
    }

    private static RouteStage stage(final RoutingConfig config)
    {
        return new RouteStage(config, new SymbolTable(List.of("AAPL")), new String[] {"b0", "b1"},
            new BrokerCapabilities[] {BrokerCapabilities.everything(), BrokerCapabilities.everything()}, null);
    }

    private static GatewayEvent event(final EventType type, final long t)
    {
        final GatewayEvent e = new GatewayEvent();
        e.reset();
        e.type = type;
        e.timestamp = t;
        return e;
    }

    private GatewayEvent apply(final GatewayEvent e)
    {
        inputs.add(e);
        stage.onEvent(e, inputs.size(), true);
        for (int i = 0; i < e.routingChanges.size(); i++)
        {
            log.add(e.routingChanges.kind(i) + " " + e.routingChanges.broker(i));
        }
        return e;
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

    private void command(final RoutingCommand command, final int broker, final long t)
    {
        final GatewayEvent e = event(EventType.ROUTING_COMMAND, t);
        e.routingCommand = command;
        e.brokerId = broker;
        apply(e);
    }

    private List<String> switches()
    {
        return log.stream().filter(l -> RoutingChangeKind.valueOf(l.split(" ")[0]).isSwitch()).toList();
    }

    /** Fails the orders routed from {@code t} on until the broker they go to has failed 3 times. */
    private long failThree(final long from)
    {
        long t = from;
        for (int i = 0; i < 3; i++)
        {
            final GatewayEvent o = order(t += SECOND);
            assertThat(o.denyReason).as("order %d", i).isNull();
            fail(o, t);
        }
        return t;
    }

    @Test
    void byDefaultAFailedPrimaryFailsOverToTheBackup()
    {
        stage = stage(config());
        final long t = failThree(T0);
        assertThat(stage.chain().active()).isEqualTo(1);
        assertThat(stage.chain().paused()).isFalse();
        assertThat(order(t + SECOND).brokerId).isEqualTo(1);
        assertThat(switches()).containsExactly("FAILOVER 1");
    }

    @Test
    void withoutFailoverAFailedPrimaryStaysActiveAndTheGatewayPausesUntilItIsBack()
    {
        stage = stage(config().withAutomaticFailover(false));
        long t = failThree(T0);
        assertThat(stage.chain().active()).as("no failover to the backup").isZero();
        assertThat(stage.chain().paused()).isTrue();
        assertThat(order(t += SECOND).denyReason).isEqualTo(RejectReason.GATEWAY_PAUSED);
        assertThat(stage.status().paused()).isTrue();
        assertThat(stage.status().enginesAvailable()).containsExactly(Map.entry("b0", false), Map.entry("b1", true));

        tick(t += 70 * SECOND); // past the breaker's open period and the recovery period
        assertThat(log).as("no probe: the primary is still the active broker").doesNotContain("PROBE_REQUESTED 0");
        assertThat(stage.chain().paused()).as("the primary's breaker lets a trial through").isFalse();
        final GatewayEvent trial = order(t += SECOND);
        assertThat(trial.brokerId).isZero();
        answer(trial, EventType.BROKER_ACK, null, t);
        assertThat(switches()).containsExactly("PAUSED -1", "RESUMED 0");
    }

    @Test
    void withoutFailoverAnOperatorCanStillMakeTheBackupActiveAndNothingMovesItBack()
    {
        stage = stage(config().withAutomaticFailover(false));
        long t = failThree(T0);
        command(RoutingCommand.FORCE_ACTIVE, 1, t += SECOND);
        assertThat(stage.chain().paused()).isFalse();
        assertThat(order(t += SECOND).brokerId).isEqualTo(1);
        for (int i = 0; i < 10; i++)
        {
            tick(t += 30 * SECOND);
        }
        assertThat(stage.chain().active()).as("no recovery to the primary without failover").isEqualTo(1);
        assertThat(log).doesNotContain("PROBE_REQUESTED 0");
        assertThat(switches()).containsExactly("PAUSED -1", "FORCED_ACTIVE 1", "RESUMED 1");
    }

    @Test
    void withoutFailoverAnOrderTheActiveBrokerCannotTakeNowDoesNotSpillToTheBackup()
    {
        // the primary's API budget: 1 a second, burst 1
        stage = stage(config().withApiBudgets(List.of(1L, 0L), List.of(1L, 1L)).withAutomaticFailover(false));
        assertThat(order(T0).brokerId).isZero();
        final GatewayEvent spent = order(T0 + 1);
        assertThat(spent.denyReason).isEqualTo(RejectReason.NO_BROKER_AVAILABLE);
        assertThat(spent.brokerId).isEqualTo(-1);

        stage = stage(config().withApiBudgets(List.of(1L, 0L), List.of(1L, 1L)));
        assertThat(order(T0).brokerId).isZero();
        assertThat(order(T0 + 1).brokerId).as("by default: the next in the chain").isEqualTo(1);
    }

    @Test
    void aManualPauseOutlastsTheBrokersRecoveryUntilAnOperatorResumes()
    {
        stage = stage(config().withResumeAfterPause(ResumeAfterPause.MANUAL));
        long t = failThree(T0); // the primary: failover to the backup
        t = failThree(t); // the backup: every broker down
        assertThat(stage.chain().paused()).isTrue();

        tick(t += 20 * SECOND); // both breakers' open periods are over
        assertThat(log).contains("BREAKER_HALF_OPEN 0", "BREAKER_HALF_OPEN 1");
        assertThat(stage.status().enginesAvailable()).containsExactly(Map.entry("b0", true), Map.entry("b1", true));
        assertThat(stage.chain().paused()).as("brokers back, but nobody resumed").isTrue();
        for (int i = 0; i < 100; i++)
        {
            tick(t += SECOND);
        }
        assertThat(order(t += SECOND).denyReason).isEqualTo(RejectReason.GATEWAY_PAUSED);

        command(RoutingCommand.RESUME, -1, t += SECOND);
        assertThat(stage.chain().paused()).isFalse();
        final GatewayEvent next = order(t += SECOND);
        assertThat(next.denyReason).isNull();
        assertThat(next.brokerId).isEqualTo(stage.chain().active());
        assertThat(switches()).containsExactly("FAILOVER 1", "PAUSED -1", "RESUMED 1");
    }

    @Test
    void byDefaultThePauseEndsByItselfWhenABrokerIsBack()
    {
        stage = stage(config());
        long t = failThree(T0);
        t = failThree(t);
        assertThat(stage.chain().paused()).isTrue();
        tick(t += 20 * SECOND);
        assertThat(stage.chain().paused()).isFalse();
        assertThat(order(t += SECOND).denyReason).isNull();
    }

    @Test
    void aResumeWhileEveryBrokerIsStillDownOrWhenNothingIsPausedChangesNothing()
    {
        stage = stage(config().withResumeAfterPause(ResumeAfterPause.MANUAL));
        command(RoutingCommand.RESUME, -1, T0);
        assertThat(log).isEmpty();
        long t = failThree(T0);
        t = failThree(t);
        command(RoutingCommand.RESUME, -1, t += SECOND); // breakers still open
        assertThat(stage.chain().paused()).isTrue();
        assertThat(switches()).containsExactly("FAILOVER 1", "PAUSED -1");
        tick(t += 20 * SECOND);
        command(RoutingCommand.FORCE_ACTIVE, 0, t += SECOND); // an operator's choice of broker ends it too
        assertThat(stage.chain().paused()).isFalse();
        assertThat(order(t + SECOND).brokerId).isZero();
    }

    @Test
    void theStatusCountsEachBrokersFailuresAndSaysWhichCanTakeOrders()
    {
        stage = stage(config());
        long t = T0;
        fail(order(t += SECOND), t);
        fail(order(t += SECOND), t);
        assertThat(stage.status().failureCounts()).containsExactly(Map.entry("b0", 2), Map.entry("b1", 0));
        assertThat(stage.status().enginesAvailable()).containsExactly(Map.entry("b0", true), Map.entry("b1", true));
        command(RoutingCommand.DISABLE, 1, t += SECOND);
        final ExecutionStatus status = stage.status();
        assertThat(status.enginesAvailable()).containsExactly(Map.entry("b0", true), Map.entry("b1", false));
        assertThat(status.active()).isEqualTo("b0");
        assertThat(status.primary()).isEqualTo("b0");
        assertThat(status.backups()).containsExactly("b1");
    }

    @Test
    void theSettingsComeBackFromTheJournalsRoutingSetupSoReplayDecidesTheSame()
    {
        final RoutingConfig live = config().withAutomaticFailover(false)
            .withResumeAfterPause(ResumeAfterPause.MANUAL);
        final SymbolTable symbols = new SymbolTable(List.of("AAPL"));
        final RoutingConfig journaled = JournaledRouting.fromRecord(JournaledRouting.toRecord(live, symbols, 1, T0),
            symbols, live.tickNanos());
        assertThat(journaled).isEqualTo(live);
        assertThat(JournaledRouting.fromRecord(JournaledRouting.toRecord(config(), symbols, 1, T0), symbols,
            SECOND / 10)).isEqualTo(config());

        stage = stage(live);
        long t = failThree(T0);
        tick(t += 20 * SECOND);
        command(RoutingCommand.RESUME, -1, t += SECOND);
        order(t + SECOND);
        final List<String> decisions = List.copyOf(log);
        final List<GatewayEvent> events = List.copyOf(inputs);
        log.clear();
        stage = stage(journaled);
        for (final GatewayEvent e : events)
        {
            e.routingChanges.clear();
            if (e.type == EventType.NEW_ORDER)
            {
                e.brokerId = -1;
                e.denyReason = null;
            }
            apply(e);
        }
        assertThat(log).isEqualTo(decisions).contains("PAUSED -1", "RESUMED 0");
    }

    @Test
    void failoverOffNeedsPrimaryOnlyRoutingAndAPauseSettingIsRequired()
    {
        assertThat(config().withAutomaticFailover(false).problems(2)).isEmpty();
        assertThat(config().withPolicy(RoutingPolicy.ROUND_ROBIN).withAutomaticFailover(false)
            .withRules(Map.of(7, RoutingPolicy.BEST_EXECUTION), Map.of("AAPL", RoutingPolicy.PRIMARY_ONLY))
            .problems(2))
            .containsExactly("routing.failover: false needs primary_only routing everywhere (the other policies spread "
                + "orders over every available broker, so one failing moves its orders to the others); found "
                + "byAccount.7 best_execution, policy round_robin");
        assertThat(config().withResumeAfterPause(null).problems(2))
            .containsExactly("routing.resumeAfterPause: required; expected one of auto, manual");
    }
}
