package io.ordergateway.runtime.launch;

import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.testing.Await;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.runtime.config.ConfigException;
import io.ordergateway.runtime.config.FakeBrokerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One call from a configuration file to a trading gateway with its admin endpoint and watcher:
 * what a demo or an operator's process would otherwise wire by hand.
 */
class GatewayLauncherTest
{
    @TempDir
    Path dir;

    private String yaml(final String maxOrderQuantity)
    {
        return """
            gateway: { instanceId: launched, journal: { directory: "%s" } }
            instruments:
              - { symbol: AAPL, referencePrice: "187.25" }
            brokers:
              - { name: deep-thought, type: fake, answer: 42 }
            risk: { maxOrderQuantity: "%s" }
            """.formatted(dir.resolve("journal").toString().replace('\\', '/'), maxOrderQuantity);
    }

    @Test
    void aConfigurationFileBecomesATradingGatewayWithItsAdminEndpointAndWatcher() throws Exception
    {
        final Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, yaml("100"));
        FakeBrokerFactory.SENT.clear();
        try (LaunchedGateway launched = GatewayLauncher.fromFile(file).environment(Map.of()).adminPort(0).launch())
        {
            assertThat(launched.gateway().brokerNames()).containsExactly("deep-thought");
            assertThat(launched.gateway().threadMap()).as("the watcher is one of the gateway's agents")
                .anySatisfy(line -> assertThat(line).contains("config-watch"));
            launched.gateway().submit(new NewOrder().symbol(0).side(Side.BUY).type(OrderType.MARKET)
                .quantity(FixedPoint.quantity(1)));
            Await.until("the order at the configured broker", () -> !FakeBrokerFactory.SENT.isEmpty());
            assertThat(FakeBrokerFactory.SENT).containsExactly("deep-thought answer=42 order=1");

            final HttpResponse<String> brokers = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + launched.admin().port() + "/admin/brokers"))
                .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(brokers.statusCode()).isEqualTo(200);
            assertThat(brokers.body()).contains("\"name\" : \"deep-thought\"");

            Files.writeString(file, yaml("5"));
            assertThat(launched.watcher().reload()).startsWith("applied as version 2");
            assertThat(launched.gateway().settings().versions()).last().extracting(v -> v.risk().maxOrderQuantity())
                .isEqualTo(FixedPoint.quantity(5));
        }
    }

    @Test
    void aBadFileIsRefusedWithEveryProblemBeforeAnythingStarts() throws Exception
    {
        final Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml("-1").replace("answer: 42", "answer: 420"));
        final ConfigException ex = catchThrowableOfType(ConfigException.class,
            () -> GatewayLauncher.fromFile(file).environment(Map.of()).launch());
        assertThat(ex).isNotNull();
        assertThat(ex.problems()).hasSize(2).anySatisfy(p -> assertThat(p).startsWith("brokers[0].answer"))
            .anySatisfy(p -> assertThat(p).startsWith("risk.maxOrderQuantity"));
        assertThat(dir.resolve("journal")).as("nothing started, nothing written").doesNotExist();
    }
}
