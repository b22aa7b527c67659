package io.ordergateway.runtime.config;

import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.api.GatewayBuilder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.domain.Instrument;
import io.ordergateway.core.risk.RiskLimits;
import io.ordergateway.core.settings.RuntimeSettings;
import io.ordergateway.core.settings.SettingsResult;
import io.ordergateway.journal.JournalRollCycle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each rule of a gateway's settings is written once ({@code GatewaySettings}) and met wherever a
 * setting arrives: the builder, the configuration file and a change while running all refuse the
 * same bad value for the same reason, each naming the setting its own way. A rule that no run-time
 * change can touch (ring size, instruments...) is shown for the builder and the file.
 */
class SharedSettingRulesTest
{
    /** A file that loads: AAPL has a reference price, MSFT none; two brokers for the weights. */
    private static final String VALID = """
        gateway: { instanceId: rules, threadingMode: invoker, journal: { directory: JOURNAL } }
        instruments:
          - { symbol: AAPL, referencePrice: "100" }
          - { symbol: MSFT }
        brokers:
          - { name: a, type: sim, latencyMicros: 0, priceIntervalMillis: 0 }
          - { name: b, type: sim, latencyMicros: 0, priceIntervalMillis: 0 }
        routing: { policy: weighted_split, weights: { a: 50, b: 50 } }
        counters: { enabled: false }
        risk: none
        """;

    @TempDir
    static Path dir;

    private static GatewayConfig valid;
    private static OrderGateway running;

    @BeforeAll
    static void start()
    {
        valid = load(VALID);
        running = ConfiguredGateway.builder(valid).build();
    }

    @AfterAll
    static void stop()
    {
        running.close();
    }

    private static GatewayConfig load(final String yaml)
    {
        return ConfigLoader.parse(yaml.replace("JOURNAL", dir.resolve("journal").toString().replace('\\', '/')),
            Path.of("test.yaml"), null, Map.of());
    }

    /** The file's problems: {@code VALID} with one line replaced, or one section added. */
    private static List<String> fileRefuses(final String from, final String to)
    {
        final String yaml = from.isEmpty() ? (to.startsWith("risk:") ? VALID.replace("risk: none\n", "") : VALID) + to
            : VALID.replace(from, to);
        assertThat(yaml).as("the test changes the file").isNotEqualTo(VALID);
        final ConfigException ex = catchThrowableOfType(ConfigException.class, () -> load(yaml));
        assertThat(ex).as("the file is refused").isNotNull();
        return ex.problems();
    }

    /** The builder's problems: the valid file's builder with one more call. */
    private static List<String> builderRefuses(final UnaryOperator<GatewayBuilder> change)
    {
        final IllegalArgumentException ex = catchThrowableOfType(IllegalArgumentException.class,
            () -> change.apply(ConfiguredGateway.builder(valid)).build().close());
        assertThat(ex).as("the builder refuses").isNotNull();
        assertThat(ex.getMessage()).startsWith("invalid gateway settings:\n  ");
        return Arrays.stream(ex.getMessage().split("\n")).skip(1).map(String::trim).toList();
    }

    /** The running gateway's problems with a change of its run-time settings; nothing changes. */
    private static List<String> runtimeRefuses(final RuntimeSettings change)
    {
        final int before = running.settings().versions().size();
        final SettingsResult result = running.settings().apply(change);
        assertThat(result.accepted()).as("the change is refused").isFalse();
        assertThat(running.settings().versions()).hasSize(before);
        return result.problems();
    }

    /** The reason given for one setting: the problem named {@code key}, without the name. */
    private static String reason(final List<String> problems, final String key)
    {
        final List<String> named = problems.stream().filter(p -> p.startsWith(key + ": ")).toList();
        assertThat(named).as("one problem named " + key + " in " + problems).hasSize(1);
        return named.get(0).substring(key.length() + 2);
    }

    private static RuntimeSettings startSettings()
    {
        return ConfiguredGateway.settings(valid, "test");
    }

    private static RuntimeSettings withRate(final String throttle, final long rate, final long burst)
    {
        final RuntimeSettings s = startSettings();
        return switch (throttle)
        {
            case "account" -> new
                RuntimeSettings(s.risk(), rate, burst, s.strategyRate(), s.strategyBurst(), s.symbolRate(),
                s.symbolBurst(), s.weights(), "test");
            case "strategy" -> new
                RuntimeSettings(s.risk(), s.accountRate(), s.accountBurst(), rate, burst, s.symbolRate(),
                s.symbolBurst(), s.weights(), "test");
            default -> new RuntimeSettings(s.risk(), s.accountRate(), s.accountBurst(), s.strategyRate(),
                s.strategyBurst(), rate, burst, s.weights(), "test");
        };
    }

    private static GatewayBuilder
        rateLimit(final GatewayBuilder b, final String throttle, final long rate, final long burst)
    {
        return switch (throttle)
        {
            case "account" -> b.accountRateLimit(rate, burst);
            case "strategy" -> b.strategyRateLimit(rate, burst);
            default -> b.symbolRateLimit(rate, burst);
        };
    }

    @ParameterizedTest(name = "{0} throttle: rate {1}, burst {2}")
    @CsvSource({
        "account, 10, 0, burst, 0 is out of range; expected a whole number from 1 to 1000000000",
        "account, -1, 1, ratePerSecond, -1 is out of range; expected a whole number from 0 to 1000000000",
        "strategy, 2000000000, 1, ratePerSecond, 2000000000 is out of range; expected a whole number from 0 to "
        + "1000000000", "strategy, 10, 2000000000, burst, 2000000000 is out of range; expected a whole number from 1 "
        + "to 1000000000", "symbol, 10, -3, burst, -3 is out of range; expected a whole number from 1 to 1000000000",
    })
    void aRateLimitIsCheckedByOneRuleForTheBuilderTheFileAndARunTimeChange(final String throttle, final long rate,
    final long burst,
        final String part, final String expected)
    {
        final String builderKey = throttle + "RateLimit." + part;
        final String fileKey = "throttles." + throttle + "." + part;
        final String builder = reason(builderRefuses(b -> rateLimit(b, throttle, rate, burst)), builderKey);
        final String file = reason(fileRefuses("", "throttles: { " + throttle + ": { ratePerSecond: " + rate
            + ", burst: " + burst + " } }\n"), fileKey);
        final String runtime = reason(runtimeRefuses(withRate(throttle, rate, burst)), builderKey);
        assertThat(builder).isEqualTo(expected);
        assertThat(file).isEqualTo(expected);
        assertThat(runtime).isEqualTo(expected);
    }

    @Test
    void theSplitWeightsAreCheckedByOneRuleForTheBuilderTheFileAndARunTimeChange()
    {
        final String expected = "one percentage per broker (2), none negative, adding up to 100, was [60, 60]";
        assertThat(reason(builderRefuses(b -> b.routing(valid.routing().withWeights(List.of(60, 60)))),
            "routing.weights"))
            .isEqualTo(expected);
        assertThat(reason(fileRefuses("weights: { a: 50, b: 50 }", "weights: { a: 60, b: 60 }"), "routing.weights"))
            .isEqualTo(expected);
        final RuntimeSettings s = startSettings();
        assertThat(reason(runtimeRefuses(new RuntimeSettings(s.risk(), 0, 1, 0, 1, 0, 1, List.of(60, 60), "test")),
            "routing.weights"))
            .isEqualTo(expected);
    }

    @Test
    void limitsThatNeedReferencePricesAreCheckedByOneRuleForTheBuilderTheFileAndARunTimeChange()
    {
        final String expected =
            "max order notional, price band and gross exposure need a reference price for every instrument; missing "
            + "for [MSFT]";
        final RiskLimits notional = new RiskLimits(0, 1_000_000_000L, 0, 0, 0, 0);
        assertThat(reason(builderRefuses(b -> b.riskLimits(notional)), "riskLimits")).isEqualTo(expected);
        assertThat(reason(fileRefuses("", "risk: { maxOrderNotional: \"10\" }\n"), "risk")).isEqualTo(expected);
        final RuntimeSettings s = startSettings();
        assertThat(reason(runtimeRefuses(new RuntimeSettings(notional, 0, 1, 0, 1, 0, 1, s.weights(), "test")),
            "riskLimits"))
            .isEqualTo(expected);
    }

    @Test
    void riskLimitsAreRequiredByTheBuilderAndARunTimeChange()
    {
        final String expected = "required; expected limits (RiskLimits.NONE for none)";
        assertThat(reason(builderRefuses(b -> b.riskLimits(null)), "riskLimits")).isEqualTo(expected);
        final RuntimeSettings s = startSettings();
        assertThat(reason(runtimeRefuses(new RuntimeSettings(null, 0, 1, 0, 1, 0, 1, s.weights(), "test")),
            "riskLimits"))
            .isEqualTo(expected);
    }

    @ParameterizedTest(name = "ring size {0}")
    @CsvSource({
        "1000, 1000 is not a power of two; expected a power of two from 2 to 4194304",
        "1, 1 is out of range; expected a power of two from 2 to 4194304",
        "0, 0 is not a power of two; expected a power of two from 2 to 4194304",
    })
    void theRingSizeIsCheckedByOneRuleForTheBuilderAndTheFile(final int ringSize, final String expected)
    {
        assertThat(reason(builderRefuses(b -> b.ringSize(ringSize)), "ringSize")).isEqualTo(expected);
        assertThat(reason(fileRefuses("instanceId: rules,", "instanceId: rules, ringSize: " + ringSize + ","),
            "gateway.ringSize"))
            .isEqualTo(expected);
    }

    @Test
    void theInstanceIdIsCheckedByOneRuleForTheBuilderAndTheFile()
    {
        final String expected = "instance id 'bad.id!' may hold only ASCII letters, digits, '_' and '.'";
        assertThat(reason(builderRefuses(b -> b.instanceId("bad.id!")), "instanceId")).isEqualTo(expected);
        assertThat(reason(fileRefuses("instanceId: rules,", "instanceId: \"bad.id!\","), "gateway.instanceId"))
            .isEqualTo(expected);
    }

    @Test
    void instrumentsAreCheckedByOneRuleForTheBuilderAndTheFile()
    {
        final String calendar = "unknown market calendar 'mars': expected us-equities or 24x7";
        assertThat(reason(builderRefuses(b -> b.instrument(Instrument.of("TSLA").withCalendar("mars"))),
            "instruments[2].calendar"))
            .isEqualTo(calendar);
        assertThat(reason(fileRefuses("  - { symbol: MSFT }\n",
            "  - { symbol: MSFT }\n  - { symbol: TSLA, calendar: mars }\n"), "instruments[2].calendar"))
            .isEqualTo(calendar);

        final String twice = "symbol 'AAPL' is listed twice";
        assertThat(reason(builderRefuses(b -> b.symbols("AAPL")), "instruments")).isEqualTo(twice);
        assertThat(reason(fileRefuses("  - { symbol: MSFT }\n", "  - { symbol: MSFT }\n  - { symbol: AAPL }\n"),
            "instruments"))
            .isEqualTo(twice);

        final String none = "expected at least one instrument";
        assertThat(reason(builderRefuses(b -> OrderGateway.builder().broker(ConfiguredGateway.brokers(valid).get(0))),
            "instruments"))
            .isEqualTo(none);
        assertThat(reason(fileRefuses("  - { symbol: AAPL, referencePrice: \"100\" }\n  - { symbol: MSFT }\n",
            "  []\n"), "instruments"))
            .isEqualTo(none + " (- symbol: AAPL)"); // the file adds an example of its own syntax
    }

    @Test
    void brokersAreRequiredByOneRuleForTheBuilderAndTheFile()
    {
        final String none = "expected at least one broker";
        assertThat(reason(builderRefuses(b -> OrderGateway.builder().symbols("AAPL")), "brokers")).isEqualTo(none);
        assertThat(reason(fileRefuses(VALID.substring(VALID.indexOf("brokers:"), VALID.indexOf("routing:")),
            "brokers: []\n"), "brokers"))
            .isEqualTo(none + " (- name: sim-a, type: sim)");
    }

    @Test
    void theRollCycleIsAClosedSetInTheBuilderAndTheFile()
    {
        assertThat(load(VALID.replace("journal: {", "journal: { rollCycle: HOURLY,")).rollCycle())
            .isEqualTo(JournalRollCycle.HOURLY);
        assertThat(ConfiguredGateway.builder(load(VALID.replace("journal: {", "journal: { rollCycle: hourly,")))
            .settings()
            .journalRollCycle()).isEqualTo(JournalRollCycle.HOURLY);
        assertThat(valid.rollCycle()).isEqualTo(JournalRollCycle.DAILY);
        assertThat(reason(fileRefuses("journal: {", "journal: { rollCycle: weekly,"), "gateway.journal.rollCycle"))
            .isEqualTo("'weekly'; expected one of daily, hourly");
        assertThat(reason(builderRefuses(b -> b.journalRollCycle(null)), "journalRollCycle"))
            .isEqualTo("required; expected one of daily, hourly");
    }

    @Test
    void theRunningGatewayTookTheFilesSettingsAndAcceptsAGoodChange()
    {
        assertThat(running.brokerNames()).containsExactly("a", "b");
        assertThat(valid.threadingMode()).isEqualTo(ThreadingMode.INVOKER);
        final RuntimeSettings s = startSettings();
        final SettingsResult result =
            running.settings().apply(new RuntimeSettings(s.risk(), 100, 10, 0, 1, 0, 1, List.of(70, 30), "test"));
        assertThat(result.accepted()).as(String.valueOf(result.problems())).isTrue();
    }
}
