package io.ordergateway.runtime.config;

import io.ordergateway.core.testing.ReportCollector;
import io.ordergateway.core.api.NewOrder;
import io.ordergateway.core.api.OrderGateway;
import io.ordergateway.core.api.ReportType;
import io.ordergateway.core.domain.OrderType;
import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.domain.Side;
import io.ordergateway.core.settings.SettingsResult;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.RecordFormatter;
import io.ordergateway.core.agent.ManualClock;
import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.ordergateway.journal.FixedPoint.quantity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes while running: a change to the watched configuration file (or through the API) reaches
 * the stages through the ring and is journaled; a change that fails the checks is refused and nothing
 * changes; a rollback restores an earlier version.
 */
class RuntimeSettingsTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String CONFIG = """
        gateway: { instanceId: rt, journal: { directory: JOURNAL } }
        instruments:
          - { symbol: AAPL, referencePrice: "100" }
        brokers:
          - { name: a, type: sim, latencyMicros: 0, priceIntervalMillis: 0 }
          - { name: b, type: sim, latencyMicros: 0, priceIntervalMillis: 0 }
        routing: { policy: weighted_split, weights: { a: 50, b: 50 } }
        risk: { maxOrderQuantity: "MAXQ" }
        """;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private OrderGateway gateway;
    private ConfigWatcher watcher;

    @AfterEach
    void close()
    {
        if (gateway != null)
        {
            gateway.close();
        }
    }

    private Path write(final String maxQuantity, final String extra) throws Exception
    {
        final Path file = dir.resolve("gateway.yaml");
        Files.writeString(file,
            CONFIG.replace("JOURNAL", dir.resolve("journal").toString()).replace("MAXQ", maxQuantity) + extra);
        // a new time
        Files.setLastModifiedTime(file,
            FileTime.fromMillis(System.currentTimeMillis() + Files.list(dir).count() * 1000));
        return file;
    }

    private ReportCollector.Report order(final ReportCollector reports, final long shares)
    {
        final NewOrder o = new NewOrder().symbol(0).side(Side.BUY).type(OrderType.MARKET).quantity(quantity(shares));
        gateway.submit(o);
        return reports.awaitUntil(list -> list.stream().anyMatch(r -> r.orderId() == o.orderId()
            && (r.type() == ReportType.SENT || r.type() == ReportType.DENIED)), TIMEOUT).stream()
            .filter(r -> r.orderId() == o.orderId()).findFirst().orElseThrow();
    }

    /**
     * Starts a gateway from the file (INVOKER mode, the test's clock) with a watcher on it.
     */
    private GatewayConfig watched(final Path file) throws Exception
    {
        final GatewayConfig config = ConfigLoader.load(file, null, Map.of());
        gateway = ConfiguredGateway.builder(config).threadingMode(ThreadingMode.INVOKER).clock(clock).build();
        watcher = new ConfigWatcher(gateway, file, null, Map.of(), config, 50, clock);
        gateway.addAgent("config-watch", watcher);
        return config;
    }

    /**
     * The watcher looks at the file once its interval has passed on the test's clock; the agents run on the test's
     * thread.
     */
    private void await(final java.util.function.BooleanSupplier condition, final String what)
    {
        clock.advance(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        Await.invoking(gateway.invoker(), what, condition);
    }

    @Test
    void aChangeOfTheJournalsDurabilityIsNamedAsNeedingARestart() throws Exception
    {
        final Path file = write("100", "");
        watched(file);
        Files.writeString(file, Files.readString(file).replace("journal: { directory:",
            "journal: { durability: group_commit, directory:"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        await(() -> watcher.lastOutcome() != null && watcher.lastOutcome().contains("needs a restart"),
            "the restart-only change named: " + watcher.lastOutcome());
        assertThat(watcher.lastOutcome()).contains("gateway.journal (directory, rollCycle, durability, pretouch)");
    }

    @Test
    void aWatchedFileChangeIsAppliedThroughTheRingAndJournaledAndABadOneChangesNothing() throws Exception
    {
        final Path file = write("100", "");
        final GatewayConfig config = watched(file);
        final ReportCollector reports = new ReportCollector(gateway);
        assertThat(order(reports, 50).type()).isEqualTo(ReportType.SENT);

        write("10", ""); // lower the limit in the file
        await(() -> gateway.settings().versions().size() == 2, "the file's change applied: " + watcher.lastOutcome());
        final ReportCollector.Report denied = order(reports, 50);
        assertThat(denied.type()).isEqualTo(ReportType.DENIED);
        assertThat(denied.text()).contains(RejectReason.RISK_LIMIT.name());

        write("10", "throttles: { account: { burst: 0 } }\n"); // a file with a mistake: refused, nothing changes
        await(() -> watcher.lastOutcome().startsWith("refused"), "the bad file refused");
        assertThat(watcher.lastOutcome()).contains("throttles.account.burst: 0 is out of range");
        assertThat(gateway.settings().versions()).hasSize(2);

        final SettingsResult rollback = gateway.settings().rollback(1);
        assertThat(rollback.accepted()).isTrue();
        assertThat(rollback.version()).isEqualTo(3);
        assertThat(order(reports, 50).type()).isEqualTo(ReportType.SENT);

        final SettingsResult badWeights = gateway.settings().apply(
            new io.ordergateway.core.settings.RuntimeSettings(config.risk(), 0, 1, 0, 1, 0, 1, List.of(60, 30),
            "test"));
        assertThat(badWeights.accepted()).isFalse();
        assertThat(badWeights.problems()).containsExactly(
            "routing.weights: one percentage per broker (2), none negative, adding up to 100, was [60, 30]");
        assertThat(gateway.settings().versions()).hasSize(3);

        gateway.close();
        final List<String> journaled = new ArrayList<>();
        final RecordFormatter formatter = new RecordFormatter();
        try (JournalReader reader = new JournalReader(dir.resolve("journal")))
        {
            reader.readAll((templateId, buffer, offset, blockLength, version, index) ->
            {
                if (templateId == io.ordergateway.journal.sbe.SettingsChangeDecoder.TEMPLATE_ID)
                {
                    journaled.add(formatter.format(new StringBuilder(), templateId, buffer, offset, blockLength,
                        version).toString());
                }
            });
        }
        assertThat(journaled).hasSize(2);
        assertThat(journaled.get(0)).contains("version=2").contains("source=file gateway.yaml")
            .contains("risk.maxOrderQuantity=10");
        assertThat(journaled.get(1)).contains("version=3").contains("source=rollback to version 1")
            .contains("risk.maxOrderQuantity=100");
    }
}
