package io.ordergateway.runtime.config;

import io.ordergateway.core.pipeline.WaitStrategyKind;
import io.ordergateway.core.routing.ResumeAfterPause;
import io.ordergateway.core.routing.RoutingPolicy;
import io.ordergateway.journal.FixedPoint;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The configuration file: the shipped example loads, a profile overrides the defaults, the
 * environment fills in secrets, and each kind of mistake is reported with its path and what was
 * expected, all of them at once.
 */
class ConfigLoaderTest
{
    private static final Path EXAMPLE = Path.of("..", "examples", "gateway.yaml");
    private static final String MINIMAL = """
        instruments:
          - { symbol: AAPL, referencePrice: "187.25" }
        brokers:
          - { name: a, type: sim }
          - { name: b, type: sim }
        risk: none
        """;

    private static List<String> problems(final String yaml)
    {
        return problems(yaml, null, Map.of());
    }

    private static List<String> problems(final String yaml, final String profile, final Map<String, String> env)
    {
        final ConfigException ex = catchThrowableOfType(ConfigException.class,
            () -> ConfigLoader.parse(yaml, Path.of("test.yaml"), profile, env));
        assertThat(ex).as("expected problems").isNotNull();
        return ex.problems();
    }

    @Test
    void aBrokerTypeFromAnotherJarIsReadByItsOwnFactoryAndTradesThroughTheGateway(@org.junit.jupiter.api.io.TempDir
        final Path dir) throws Exception
    {
        // FakeBrokerFactory is known only through META-INF/services: the configuration code knows nothing of it.
        final String yaml = MINIMAL.replace("{ name: b, type: sim }", "{ name: deep-thought, type: fake, answer: 7 }")
            + "gateway: { threadingMode: invoker, journal: { directory: \""
            + dir.resolve("journal").toString().replace('\\', '/')
            + "\" } }\nrouting: { policy: primary_only, chain: [deep-thought, a] }\n";
        final GatewayConfig config = ConfigLoader.parse(yaml, Path.of("test.yaml"), null, Map.of());
        assertThat(config.brokers()).extracting(GatewayConfig.Broker::type).containsExactly("sim", "fake");
        FakeBrokerFactory.SENT.clear();
        try (io.ordergateway.core.api.OrderGateway gateway = ConfiguredGateway.builder(config).build())
        {
            assertThat(gateway.brokerNames()).containsExactly("a", "deep-thought");
            gateway.submit(new io.ordergateway.core.api.NewOrder().symbol(0).side(io.ordergateway.core.domain.Side.BUY)
                .type(io.ordergateway.core.domain.OrderType.MARKET).quantity(FixedPoint.quantity(1)));
            io.ordergateway.core.testing.Await.invoking(gateway.invoker(), "the order at the fake broker",
                () -> !FakeBrokerFactory.SENT.isEmpty());
        }
        assertThat(FakeBrokerFactory.SENT).containsExactly("deep-thought answer=7 order=1");
        assertThat(problems(MINIMAL.replace("{ name: b, type: sim }",
            "{ name: b, type: fake, answer: 101, question: 6x9 }")))
            .containsExactly("brokers[1].answer: 101 is out of range; expected a whole number from 0 to 100",
                "brokers[1].question: unknown key for this broker type; expected one of [answer, apiBudget, "
                + "capabilities, costBps, enabled, name, type]");
    }

    @Test
    void reconciliationWhileRunningIsReadAndItsBadValuesNamed()
    {
        final GatewayConfig config = ConfigLoader.parse(MINIMAL + "reconciliation: { intervalSeconds: 2, "
            + "onDifference: kill_switch, adoptExternal: false, externalAccount: 9 }\n", Path.of("test.yaml"), null,
            Map.of());
        assertThat(config.reconciliation()).isEqualTo(new io.ordergateway.core.reconcile.ReconciliationSettings(2,
            io.ordergateway.core.reconcile.DifferencePolicy.KILL_SWITCH, false, 9));
        assertThat(ConfigLoader.parse(MINIMAL, Path.of("test.yaml"), null, Map.of()).reconciliation())
            .isEqualTo(io.ordergateway.core.reconcile.ReconciliationSettings.defaults());
        assertThat(problems(MINIMAL + "reconciliation: { onDifference: panic, intervalSeconds: -1, adopt: true }\n"))
            .anySatisfy(p -> assertThat(p).contains("reconciliation.onDifference").contains("'panic' is not warn, "
                + "reduce_only or kill_switch"))
            .anySatisfy(p -> assertThat(p).contains("reconciliation.intervalSeconds"))
            .anySatisfy(p -> assertThat(p).contains("reconciliation.adopt"));
    }

    @Test
    void aBrokersCapabilitiesOverrideWhatItDeclaresAndDiscovers()
    {
        final String yaml = MINIMAL.replace("{ name: b, type: sim }", "{ name: b, type: sim, capabilities: { "
            + "orderTypes: [market, limit], shortSelling: false, symbols: { AAPL: { tradable: false } } } }");
        final GatewayConfig config = ConfigLoader.parse(yaml, Path.of("test.yaml"), null, Map.of());
        final io.ordergateway.core.broker.CapabilityOverride b = config.reconciliation().capabilitiesOf("b");
        assertThat(b.orderTypes()).containsExactlyInAnyOrder(io.ordergateway.core.domain.OrderType.MARKET,
            io.ordergateway.core.domain.OrderType.LIMIT);
        assertThat(b.shortSelling()).isFalse();
        assertThat(b.fractional()).isNull();
        assertThat(b.symbols().get("AAPL").tradable()).isFalse();
        assertThat(config.reconciliation().capabilitiesOf("a")).isEqualTo(
            io.ordergateway.core.broker.CapabilityOverride.NONE);
        assertThat(problems(MINIMAL.replace("{ name: b, type: sim }", "{ name: b, type: sim, capabilities: { "
            + "orderTypes: [market, iceberg], symbols: { IBM: { tradable: false } }, shorting: no } }")))
            .anySatisfy(p -> assertThat(p).contains("brokers[1].capabilities.orderTypes: 'iceberg'; expected one of"))
            .anySatisfy(p -> assertThat(p).contains("brokers[1].capabilities.symbols.IBM: not one of the instruments"))
            .anySatisfy(p -> assertThat(p).contains("brokers[1].capabilities.shorting: unknown key"));
    }

    @Test
    void theExampleLoadsAndAProfileOverridesIt()
    {
        final GatewayConfig defaults = ConfigLoader.load(EXAMPLE, null, Map.of());
        assertThat(defaults.instanceId()).isEqualTo("demo");
        assertThat(defaults.instruments()).hasSize(6);
        assertThat(defaults.brokers()).extracting(GatewayConfig.Broker::name).containsExactly("sim-a", "sim-b");
        assertThat(defaults.routing().defaultPolicy()).isEqualTo(RoutingPolicy.ROUND_ROBIN);
        assertThat(defaults.routing().symbolPolicies()).containsEntry("TSLA", RoutingPolicy.BEST_EXECUTION);
        assertThat(defaults.routing().costBps()).containsExactly(5_000L, 3_000L);
        assertThat(defaults.risk().maxOrderQuantity()).isEqualTo(FixedPoint.quantity(1000));
        assertThat(defaults.risk().priceBandBps()).isEqualTo(1000);
        assertThat(defaults.admin().port()).isZero();
        assertThat(defaults.threadingMode()).isEqualTo(io.ordergateway.core.agent.ThreadingMode.SHARED);
        assertThat(defaults.topology()).isEqualTo(io.ordergateway.core.pipeline.Topology.SINGLE);
        assertThat(defaults.waitStrategy()).isEqualTo(WaitStrategyKind.YIELDING);
        assertThat(ConfigLoader.load(EXAMPLE, "development", Map.of()).waitStrategy())
            .isEqualTo(WaitStrategyKind.BLOCKING);

        final GatewayConfig production = ConfigLoader.load(EXAMPLE, "production", Map.of());
        assertThat(production.waitStrategy()).isEqualTo(WaitStrategyKind.BUSY_SPIN);
        assertThat(production.routing().defaultPolicy()).isEqualTo(RoutingPolicy.PRIMARY_ONLY);
        assertThat(production.admin().port()).isEqualTo(8081);
        // kept from the defaults
        assertThat(production.routing().symbolPolicies()).containsEntry("TSLA", RoutingPolicy.BEST_EXECUTION);
        assertThat(production.profile()).isEqualTo("production");
    }

    @Test
    void theEnvironmentFillsInSecretsAndTheirAbsenceIsNamed()
    {
        final String yaml = MINIMAL.replace("  - { name: b, type: sim }\n",
            "  - { name: b, type: alpaca, keyId: \"${KEY}\", secretKey: \"${SECRET}\" }\nadmin: { port: 9000, token: "
            + "\"${TOKEN:-t0k3n}\" }\n");
        final GatewayConfig config =
            ConfigLoader.parse(yaml, Path.of("test.yaml"), null, Map.of("KEY", "k", "SECRET", "s3cr3t"));
        final io.ordergateway.adapters.alpaca.AlpacaConfig alpaca =
            ((io.ordergateway.adapters.alpaca.AlpacaBrokerFactory.Definition)config.brokers().get(1).definition())
            .config();
        assertThat(alpaca.keyId()).isEqualTo("k");
        assertThat(alpaca.secretKey()).isEqualTo("s3cr3t");
        assertThat(config.admin().token()).isEqualTo("t0k3n");
        assertThat(config.toString()).doesNotContain("s3cr3t").doesNotContain("t0k3n");
        assertThat(problems(yaml, null, Map.of("KEY", "k"))).containsExactly(
            "brokers[1].secretKey: environment variable SECRET is not set; expected it set, or a default as "
            + "${SECRET:-value}");
    }

    @Test
    void eachKindOfMistakeIsReportedWithItsPathAndWhatWasExpected()
    {
        assertThat(problems(MINIMAL + "gateway: { ringsize: 1024 }\n")).containsExactly(
            "gateway.ringsize: unknown key; expected one of [instanceId, journal, ringSize, threadingMode, topology, "
            + "waitStrategy]");
        assertThat(problems(MINIMAL + "gateway: { ringSize: 1000 }\n")).containsExactly(
            "gateway.ringSize: 1000 is not a power of two; expected a power of two from 2 to 4194304");
        assertThat(problems(MINIMAL + "gateway: { ringSize: many }\n")).containsExactly(
            "gateway.ringSize: 'many' is not a whole number; expected a power of two from 2 to 4194304");
        assertThat(problems(MINIMAL + "gateway: { topology: sideways }\n")).containsExactly(
            "gateway.topology: 'sideways'; expected one of single, compact, per_stage");
        assertThat(problems(MINIMAL + "routing: [primary_only]\n")).containsExactly(
            "routing: expected a mapping (key: value lines), found a list");
        assertThat(problems(MINIMAL + "routing: { chain: [a, c] }\n")).containsExactly(
            "routing.chain[1]: 'c' is not a broker; expected one of [a, b]");
        assertThat(problems(MINIMAL + "routing: { weights: { a: 60, b: 60 } }\n")).containsExactly(
            "routing.weights: one percentage per broker (2), none negative, adding up to 100, was [60, 60]");
        assertThat(problems(MINIMAL + "routing: { failureThreshold: 0 }\n")).containsExactly(
            "routing.failureThreshold: 0 is out of range; expected a whole number from 1 to 1000000");
        assertThat(problems(MINIMAL.replace("risk: none\n", "") + "risk: { maxOrderQuantity: \"-5\" }\n"))
            .containsExactly( "risk.maxOrderQuantity: -5 is negative; expected 0 or more");
        assertThat(problems(MINIMAL + "admin: { port: 8081, bind: 0.0.0.0 }\n")).containsExactly(
            "admin.token: required when admin.bind (0.0.0.0) is not a loopback address");
        // fake: the test's own factory
        assertThat(problems(MINIMAL.replace("type: sim }\n  - { name: b", "type: ftx }\n  - { name: b")))
            .containsExactly( "brokers[0].type: 'ftx'; expected one of [alpaca, fake, fix, sim]");
        assertThat(problems(MINIMAL.replace("type: sim }\n  - { name: b", "type: fix, beginString: FIX.5.0 }\n"
            + "  - { name: b"))).containsExactly("brokers[0].host: required; expected a text value",
            "brokers[0].senderCompId: required; expected a text value",
            "brokers[0].targetCompId: required; expected a text value",
            "brokers[0].port: port is required (1 to 65535)",
            "brokers[0].beginString: 'FIX.5.0' is not FIX.4.2 or FIX.4.4");
        assertThat(problems(MINIMAL.replace("{ name: b, type: sim }", "{ name: b, type: sim, latency: 5 }")))
            .containsExactly( "brokers[1].latency: unknown key for this broker type; expected one of [apiBudget, "
            + "capabilities, costBps, enabled, jitterMicros, latencyMicros, "
                + "maxPartialFills, name, partialFillRate, priceIntervalMillis, rejectRate, seed, type, "
                + "volatilityBps]");
        assertThat(problems(MINIMAL.replace("{ name: b, type: sim }", "{ name: a, type: sim }"))).contains(
            "brokers[1].name: 'a' is used by two brokers; expected unique names");
        assertThat(problems(MINIMAL.replace("{ name: b, type: sim }", "{ type: sim }"))).containsExactly(
            "brokers[1].name: required; expected a text value");
        assertThat(problems("instruments: []\nbrokers: []\nrisk: none\n")).containsExactly(
            "instruments: expected at least one instrument (- symbol: AAPL)",
            "brokers: expected at least one broker (- name: sim-a, type: sim)");
        assertThat(problems(MINIMAL, "prod", Map.of()))
            .containsExactly("profiles.prod: no such profile; the file has none");
        assertThat(problems(MINIMAL + "routing: { policy: fastest }\n").get(0)).isEqualTo(
            "routing.policy: 'fastest'; expected one of primary_only, round_robin, best_execution, load_balanced, "
            + "weighted_split");
    }

    @Test
    void failoverAndResumeAfterPauseAreReadFromRoutingAndABadValueNamesTheKeyAndWhatIsAllowed()
    {
        final GatewayConfig defaults = ConfigLoader.parse(MINIMAL, Path.of("test.yaml"), null, Map.of());
        assertThat(defaults.routing().failover()).isTrue();
        assertThat(defaults.routing().resumeAfterPause()).isEqualTo(ResumeAfterPause.AUTO);
        final GatewayConfig set = ConfigLoader.parse(MINIMAL + "routing: { failover: false, resumeAfterPause: manual "
            + "}\n", Path.of("test.yaml"), null, Map.of());
        assertThat(set.routing().failover()).isFalse();
        assertThat(set.routing().resumeAfterPause()).isEqualTo(ResumeAfterPause.MANUAL);
        assertThat(ConfiguredGateway.gatewaySettings(set).routing()).isEqualTo(set.routing());
        assertThat(ConfigLoader.parse(MINIMAL + "routing: { failover: \"true\", resumeAfterPause: AUTO }\n",
            Path.of("test.yaml"), null, Map.of()).routing().resumeAfterPause()).isEqualTo(ResumeAfterPause.AUTO);

        assertThat(problems(MINIMAL + "routing: { resumeAfterPause: timer }\n")).containsExactly(
            "routing.resumeAfterPause: 'timer'; expected one of auto, manual");
        assertThat(problems(MINIMAL + "routing: { failover: sometimes }\n")).containsExactly(
            "routing.failover: 'sometimes'; expected true or false");
        assertThat(problems(MINIMAL + "routing: { failover: false, policy: round_robin }\n")).containsExactly(
            "routing.failover: false needs primary_only routing everywhere (the other policies spread orders over "
            + "every available broker, so one failing moves its orders to the others); found policy round_robin");
        assertThat(problems(MINIMAL + "routing: { failOver: false }\n")).singleElement().asString()
            .startsWith("routing.failOver: unknown key; expected one of [").contains("failover")
            .contains("resumeAfterPause");
    }

    @Test
    void severalMistakesAreAllListedAndBadYamlSaysWhere()
    {
        assertThat(problems(MINIMAL + "gateway: { ringSize: 3, topology: x }\nthrottles: { account: { burst: 0 } }\n"))
            .containsExactly( "gateway.ringSize: 3 is not a power of two; expected a power of two from 2 to 4194304",
            "gateway.topology: 'x'; expected one of single, compact, per_stage",
            "throttles.account.burst: 0 is out of range; expected a whole number from 1 to 1000000000");
        assertThat(problems("gateway: { ringSize: 1024\nbrokers: [")).singleElement()
            .satisfies(p -> assertThat(p).startsWith("not valid YAML at line"));
    }

    @Test
    void theSameConfigurationInJsonLoadsToTheSameSettings(@org.junit.jupiter.api.io.TempDir final Path dir) throws
        Exception
    {
        final Map<String, String> env = Map.of("ALPACA_API_KEY_ID", "k", "ALPACA_API_SECRET_KEY", "s");
        final com.fasterxml.jackson.databind.JsonNode tree =
            new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(EXAMPLE.toFile());
        final Path json = dir.resolve("gateway.json");
        java.nio.file.Files.writeString(json,
            new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(tree));
        assertThat(ConfigLoader.load(json, null, env).toString())
            .isEqualTo(ConfigLoader.load(EXAMPLE, null, env).toString());

        java.nio.file.Files.writeString(json, "{ \"instruments\": [], \"instruments\": [] }");
        final ConfigException ex =
            catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(json, null, env));
        assertThat(ex.problems()).singleElement().asString().startsWith("not valid JSON at line 1")
            .contains("Duplicate field");
    }

    @Test
    void aKeyGivenTwiceIsAnErrorWithItsLineNotALastOneWins()
    {
        assertThat(problems(MINIMAL + "gateway: { ringSize: 16384 }\ngateway: { ringSize: 8 }\n")).singleElement()
            .asString()
            .startsWith("not valid YAML at line").contains("Duplicate field 'gateway'");
        assertThat(problems(MINIMAL + "gateway:\n  ringSize: 16384\n  ringSize: 8\n")).singleElement().asString()
            .contains("(gateway.ringSize)").contains("Duplicate field 'ringSize'");
    }

    @Test
    void limitsAreSaidOnPurposeEveryProfileIsCheckedAndSecretsAreNeverEchoed()
    {
        assertThat(problems(MINIMAL.replace("risk: none\n", ""))).singleElement().asString()
            .startsWith("risk: missing;").contains("`risk: none`");
        assertThat(problems(MINIMAL + "profiles:\n  production: { gateway: { ringSize: 1000 } }\n")).singleElement()
            .asString().startsWith("profiles.production -> gateway.ringSize: 1000 is not a power of two");
        assertThat(problems(MINIMAL.replace("{ name: b, type: sim }", "{ name: b, type: sim, seed: \"${SECRET}\" }"),
            null, Map.of("SECRET", "SKRT-very-secret"))).singleElement().asString()
            .contains("(the value of ${SECRET})").doesNotContain("SKRT");
        assertThat(problems(MINIMAL + "counters: { file: metadata.cq4t }\n")).singleElement().asString()
            .startsWith("counters.file: 'metadata.cq4t' is a journal file's name");
        assertThat(problems(MINIMAL + "gateway: { ringSize: 16777216 }\n")).singleElement().asString()
            .isEqualTo("gateway.ringSize: 16777216 is out of range; expected a power of two from 2 to 4194304");
    }
}
