package io.ordergateway.core.api;

import io.ordergateway.core.settings.SettingRules;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.risk.RiskLimits;
import io.ordergateway.core.routing.ResumeAfterPause;
import io.ordergateway.core.routing.RoutingConfig;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.core.settings.RuntimeSettings;
import io.ordergateway.core.settings.Setting;
import io.ordergateway.core.settings.SettingProblem;
import io.ordergateway.core.settings.WholeNumberRule;
import io.ordergateway.journal.JournalRollCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one check of a gateway's settings: everything wrong is listed at once, each problem naming
 * its setting; settings that can work pass; a run-time change meets the same rules; the builder
 * builds only what passed.
 */
class GatewaySettingsTest
{
    @TempDir
    Path journal;

    private static GatewaySettings valid()
    {
        return new GatewaySettings().instrument(Instrument.of("AAPL").withReferencePrice(100))
            .brokerNames(List.of("a", "b"));
    }

    @Test
    void settingsThatCanWorkHaveNoProblemsAndConcludeToThemselves()
    {
        final GatewaySettings settings = valid();
        assertThat(settings.problems()).isEmpty();
        assertThat(settings.conclude()).isSameAs(settings);
        assertThat(settings.routing().weights()).containsExactly(50, 50); // the defaults for the brokers named
        assertThat(settings.journalRollCycle()).isEqualTo(JournalRollCycle.DAILY);
    }

    @Test
    void concludeListsEveryProblemAtOnceEachNamingItsSetting()
    {
        final GatewaySettings settings = new GatewaySettings().instanceId("bad id").ringSize(1000).pollQueueBytes(100)
            .accountRateLimit(-1, 0).symbolRateLimit(2_000_000_000L, 1).journalRollCycle(null).threadingMode(null)
            .instrument(Instrument.of("NOPRICE").withCalendar("mars")).riskLimits(new RiskLimits(0, 0, 100, 0, 0, 0))
            .orderCapacity(-1, 0).closeTimeoutMillis(-5).polling(true);

        assertThat(settings.problems()).extracting(SettingProblem::key).containsExactly(
            "instanceId", "instruments[0].calendar", "brokers", "riskLimits", "accountRateLimit.ratePerSecond",
            "accountRateLimit.burst", "symbolRateLimit.ratePerSecond", "ringSize", "threadingMode", "journalRollCycle",
            "pollQueueBytes", "orderCapacity.expectedOpenOrders", "orderCapacity.retainFinishedOrders",
            "closeTimeoutMillis");
        assertThatThrownBy(settings::conclude).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("invalid gateway settings:\n  instanceId: instance id 'bad id' may hold only")
            .hasMessageContaining("\n  instruments[0].calendar: unknown market calendar 'mars': expected us-equities "
                + "or 24x7")
            .hasMessageContaining("\n  brokers: expected at least one broker")
            .hasMessageContaining("\n  riskLimits: max order notional, price band and gross exposure need a "
                + "reference price for every instrument; missing for [NOPRICE]")
            .hasMessageContaining("\n  accountRateLimit.ratePerSecond: -1 is out of range; expected a whole number "
                + "from 0 to 1000000000")
            .hasMessageContaining("\n  accountRateLimit.burst: 0 is out of range; expected a whole number from 1 to "
                + "1000000000")
            .hasMessageContaining("\n  symbolRateLimit.ratePerSecond: 2000000000 is out of range; expected a whole "
                + "number from 0 to 1000000000")
            .hasMessageContaining("\n  ringSize: 1000 is not a power of two; expected a power of two from 2 to "
                + "4194304")
            .hasMessageContaining("\n  threadingMode: required; expected one of dedicated, shared, invoker")
            .hasMessageContaining("\n  journalRollCycle: required; expected one of daily, hourly")
            .hasMessageContaining("\n  pollQueueBytes: 100 is not a power of two; expected a power of two from 4096 "
                + "to 1073741824")
            .hasMessageContaining("\n  closeTimeoutMillis: -5 is out of range; expected a whole number from 0 to "
                + "86400000");
    }

    @Test
    void settingsThatDependOnEachOtherAreCheckedTogether()
    {
        assertThat(valid().polling(false).problems()).extracting(SettingProblem::toString).containsExactly(
            "polling: off with no listener, so reports would go nowhere; expected polling on, or a listener");
        assertThat(valid().polling(false).listener(r -> { }).problems()).isEmpty();
        assertThat(valid().polling(false).pollQueueBytes(3).listener(r -> { }).problems())
            .as("no queue, no queue size to check").isEmpty();
        assertThat(valid().instrument(Instrument.of("AAPL")).problems()).extracting(SettingProblem::toString)
            .containsExactly( "instruments: symbol 'AAPL' is listed twice");
        assertThat(valid().routing(io.ordergateway.core.routing.RoutingConfig.defaults(3)).problems())
            .extracting(SettingProblem::key)
            .contains("routing.chain", "routing.weights");
    }

    @Test
    void failoverAndResumeAfterPauseAreRoutingSettingsCheckedWithTheRest()
    {
        final GatewaySettings settings = valid().failover(false).resumeAfterPause(ResumeAfterPause.MANUAL);
        assertThat(settings.problems()).isEmpty();
        assertThat(settings.routing().failover()).isFalse();
        assertThat(settings.routing().resumeAfterPause()).isEqualTo(ResumeAfterPause.MANUAL);
        assertThat(valid().routing().failover()).as("the default").isTrue();
        assertThat(valid().routing().resumeAfterPause()).isEqualTo(ResumeAfterPause.AUTO);
        // a whole routing configuration keeps its own, unless the builder's setting is given too
        assertThat(valid().routing(RoutingConfig.defaults(2).withAutomaticFailover(false)).routing().failover())
            .isFalse();
        assertThat(valid().routing(RoutingConfig.defaults(2).withAutomaticFailover(false)).failover(true).routing()
            .failover()).isTrue();

        final GatewaySettings bad = valid().routing(RoutingPolicy.ROUND_ROBIN).failover(false).resumeAfterPause(null);
        assertThat(bad.problems()).extracting(SettingProblem::toString).containsExactly(
            "routing.resumeAfterPause: required; expected one of auto, manual",
            "routing.failover: false needs primary_only routing everywhere (the other policies spread orders over "
            + "every available broker, so one failing moves its orders to the others); found policy round_robin");
        assertThatThrownBy(() -> OrderGateway.builder().symbols("AAPL").broker(new SilentBroker())
            .journalDirectory(journal).threadingMode(io.ordergateway.core.agent.ThreadingMode.INVOKER)
            .routing(RoutingPolicy.ROUND_ROBIN).failover(false).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("\n  routing.failover: false needs primary_only routing everywhere");
    }

    @Test
    void aRunTimeChangeMeetsTheSameRulesAsTheSettingsAtStart()
    {
        final GatewaySettings settings = valid().instrument(Instrument.of("MSFT")).conclude();
        final RuntimeSettings start = settings.runtimeSettings("start");
        assertThat(settings.problemsWith(start)).isEmpty();

        final RuntimeSettings bad =
            new RuntimeSettings(new RiskLimits(0, 1_000, 0, 0, 0, 0), 5, 0, 0, 1, 0, 1, List.of(70, 20), "test");
        assertThat(settings.problemsWith(bad)).extracting(SettingProblem::toString).containsExactly(
            "riskLimits: max order notional, price band and gross exposure need a reference price for every "
            + "instrument; missing for [MSFT]",
            "accountRateLimit.burst: 0 is out of range; expected a whole number from 1 to 1000000000",
            "routing.weights: one percentage per broker (2), none negative, adding up to 100, was [70, 20]");
        assertThat(settings.problems()).as("checking a change changes nothing").isEmpty();
    }

    @Test
    void theBuilderConcludesACopyOfItsSettingsAndNamesItsBrokers()
    {
        final GatewayBuilder builder =
            OrderGateway.builder().symbols("AAPL").broker(new SilentBroker()).journalDirectory(journal)
            .threadingMode(io.ordergateway.core.agent.ThreadingMode.INVOKER).journalRollCycle(JournalRollCycle.HOURLY);
        assertThat(builder.settings().brokerNames()).containsExactly("silent");
        assertThat(builder.settings().journalRollCycle()).isEqualTo(JournalRollCycle.HOURLY);
        try (OrderGateway gateway = builder.build())
        {
            builder.accountRateLimit(1, 0); // after build: the running gateway keeps what it concluded
            assertThat(gateway.settings().apply(gateway.settings().versions().get(0).from("again")).accepted())
            .isTrue();
        }
        assertThatThrownBy(builder::build).hasMessageContaining("accountRateLimit.burst: 0 is out of range");
    }

    @Test
    void aWholeNumberRuleSaysWhatItAllows()
    {
        final WholeNumberRule ring = SettingRules.RING_SIZE_RULE;
        assertThat(ring.expected()).isEqualTo("a power of two from 2 to 4194304");
        assertThat(ring.problem(1024)).isNull();
        assertThat(ring.problem(1)).isEqualTo("1 is out of range; expected a power of two from 2 to 4194304");
        assertThat(ring.problem(-2))
            .isEqualTo("-2 is not a power of two; expected a power of two from 2 to 4194304");
        assertThat(SettingRules.BURST_RULE.problem(0))
            .isEqualTo("0 is out of range; expected a whole number from 1 to 1000000000");
        assertThat(SettingProblem.parse(Setting.ROUTING, "routing.chain: must name each broker").key())
            .isEqualTo("routing.chain");
        assertThat(SettingProblem.parse(Setting.ROUTING, "something else").toString())
            .isEqualTo("routing: something else");
    }
}
