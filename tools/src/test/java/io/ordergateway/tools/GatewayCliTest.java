package io.ordergateway.tools;

import net.openhft.chronicle.queue.ChronicleReaderMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command line as a user runs it: a short demo, its journal dumped, and clear errors.
 */
class GatewayCliTest
{
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture()
    {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore()
    {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String stdout()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr()
    {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void demoRunsPrintsItsTablesAndLeavesAJournalThatDumpsAndThatChronicleItselfReads()
    {
        final Path journal = dir.resolve("journal");
        final int code = GatewayCli.run("demo", "--orders", "400", "--rate", "4000", "--journal", journal.toString());
        assertThat(code).as(stderr()).isZero();
        assertThat(stdout())
            .contains("submit -> send").contains("submit -> ack").contains("p99.99")
            .contains("sim-a").contains("sim-b")
            .contains("AAPL")
            .contains("Journal: " + journal.toAbsolutePath());

        out.reset();
        assertThat(GatewayCli.run("journal", "dump", journal.toString())).isZero();
        final String dump = stdout();
        assertThat(dump).contains("OrderNew").contains("OrderRouted").contains("OrderSent")
            .contains("clientOrderId=demo-1")
            .contains("BrokerAck");
        assertThat(dump.lines().findFirst()).as("the session's first record says who wrote it, with what")
            .hasValueSatisfying(first -> assertThat(first).contains("SessionStart").contains("instance=demo")
                .contains("brokers=sim-a(sim),sim-b(sim)").containsPattern("symbols=[A-Z,]*AAPL"));
        assertThat(dump).as("brokers by the names the journal gives them")
            .containsPattern("OrderSent +order=1 broker=sim-[ab] NEW")
            .doesNotContain("broker=0 ");
        assertThat(dump.lines().filter(l -> l.contains("OrderNew"))).hasSize(400);

        out.reset();
        assertThat(GatewayCli.run("journal", "dump", journal.toString(), "--order", "1", "--type", "OrderNew"))
            .isZero();
        assertThat(stdout().lines()).singleElement().asString().contains("order=1 ");

        out.reset();
        ChronicleReaderMain.main(new String[] {"-d", journal.toString()});
        assertThat(stdout()).isNotBlank();
    }

    @Test
    void verifyPassesAnIntactJournalAndEveryToolRefusesADamagedOneWithItsPlace() throws Exception
    {
        final Path journal = dir.resolve("verified");
        assertThat(GatewayCli.run("demo", "--orders", "300", "--rate", "3000", "--journal", journal.toString()))
            .as(stderr()).isZero();
        out.reset();
        assertThat(GatewayCli.run("journal", "verify", journal.toString())).isZero();
        assertThat(stdout()).startsWith("intact ").contains("highest order id 300");

        final Path file;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(journal))
        {
            file = files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final byte[] bytes = java.nio.file.Files.readAllBytes(file);
        final int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("demo-150");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw"))
        {
            f.seek(at + 5);
            f.write('9'); // demo-150 becomes demo-950 in the journal: a flipped digit
        }
        out.reset();
        assertThat(GatewayCli.run("journal", "verify", journal.toString())).isEqualTo(1);
        assertThat(stdout()).startsWith("DAMAGED ").contains("checksum").contains(file.getFileName().toString());
        err.reset();
        assertThat(GatewayCli.run("journal", "dump", journal.toString())).isEqualTo(2);
        assertThat(stderr()).contains("gateway: damaged journal document at index").doesNotContain("Exception")
            .doesNotContain("\tat ");
        out.reset();
        assertThat(GatewayCli.run("journal", "dump", journal.toString(), "--salvage", "--type", "OrderNew")).isZero();
        // the orders before the damaged document; it holds a batch of events (up to 256), all skipped
        assertThat(stdout().lines().count()).as("the orders before the damage").isBetween(50L, 160L);
        out.reset();
        err.reset();
        assertThat(GatewayCli.run("demo", "--orders", "10", "--rate", "100", "--journal", journal.toString()))
            .isEqualTo(2);
        assertThat(stderr()).contains("will not start on a journal it cannot read to the end");
    }

    @Test
    void invalidAndOverLimitOrdersAreDeniedTabledAndJournaledWithCodeAndDetail()
    {
        final Path journal = dir.resolve("invalid");
        assertThat(GatewayCli.run("demo", "--orders", "600", "--rate", "6000", "--invalid-share", "0.5", "--journal",
            journal.toString()))
            .as(stderr()).isZero();
        assertThat(stdout()).contains("denied by reason").contains("INVALID_PRICE").contains("UNKNOWN_SYMBOL")
            .contains("INVALID_QUANTITY")
            .contains("RISK_LIMIT");
        out.reset();
        assertThat(GatewayCli.run("journal", "dump", journal.toString(), "--type", "OrderDenied")).isZero();
        final String denials = stdout();
        assertThat(denials.lines()).isNotEmpty()
            .allSatisfy(line -> assertThat(line).contains("reason=").contains("field="));
        assertThat(denials).contains("reason=RISK_LIMIT field=PRICE_BAND")
            .contains("reason=RISK_LIMIT field=MAX_ORDER_QUANTITY")
            .contains("reason=INVALID_PRICE field=LIMIT_PRICE").contains("reason=UNKNOWN_SYMBOL field=SYMBOL")
            .contains("reason=INVALID_PRICE field=TAKE_PROFIT");
    }

    @Test
    void replayAndReconcileTheDemosJournalAgainstItsBrokersStatements() throws Exception
    {
        final Path journal = dir.resolve("reconcile");
        assertThat(GatewayCli.run("demo", "--orders", "500", "--rate", "5000", "--journal", journal.toString()))
            .as(stderr()).isZero();
        final Path statementA = journal.resolve("statement-sim-a.json");
        final Path statementB = journal.resolve("statement-sim-b.json");

        out.reset();
        assertThat(GatewayCli.run("journal", "replay", journal.toString())).isZero();
        assertThat(stdout()).contains("position").contains("AAPL").contains("digest").contains("records/s");

        out.reset();
        assertThat(GatewayCli.run("journal", "reconcile", journal.toString(), "--statement", statementA.toString(),
            "--statement", statementB.toString())).as(stdout()).isZero();
        assertThat(stdout()).contains("0 differences");

        // A statement edited by hand: one quantity changed, one position added.
        final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        final com.fasterxml.jackson.databind.node.ObjectNode edited =
            (com.fasterxml.jackson.databind.node.ObjectNode)json.readTree(statementA.toFile());
        final com.fasterxml.jackson.databind.node.ArrayNode positions =
            (com.fasterxml.jackson.databind.node.ArrayNode)edited.get("positions");
        final String symbol = positions.get(0).get("symbol").asText();
        final long quantity = Long.parseLong(positions.get(0).get("quantity").asText());
        ((com.fasterxml.jackson.databind.node.ObjectNode)positions.get(0)).put("quantity", Long.toString(quantity + 5));
        positions.addObject().put("symbol", "IBM").put("quantity", "100");
        final Path editedFile = dir.resolve("edited.json");
        json.writeValue(editedFile.toFile(), edited);

        out.reset();
        assertThat(GatewayCli.run("journal", "reconcile", journal.toString(), "--statement", editedFile.toString(),
            "--format", "csv"))
            .isEqualTo(1);
        assertThat(stdout().lines()).containsExactly(
            "kind,symbol,clientOrderId,journal,broker",
            "POSITION," + symbol + ",," + quantity + "," + (quantity + 5),
            "POSITION,IBM,,0,100");
    }

    @Test
    void dumpFiltersAndTheTradesReport()
    {
        final Path journal = dir.resolve("filters");
        assertThat(GatewayCli.run("demo", "--orders", "300", "--rate", "3000", "--journal", journal.toString()))
            .as(stderr()).isZero();

        out.reset();
        assertThat(GatewayCli.run("journal", "dump", journal.toString(), "--symbol", "MSFT", "--type", "OrderNew"))
            .isZero();
        assertThat(stdout().lines()).isNotEmpty().allSatisfy(l -> assertThat(l).contains(" MSFT "));

        out.reset();
        assertThat(GatewayCli.run("journal", "dump", journal.toString(), "--client-order-id", "demo-3")).isZero();
        assertThat(stdout().lines()).isNotEmpty().allSatisfy(l -> assertThat(l).contains("order=3 "));

        out.reset();
        assertThat(GatewayCli.run("journal", "dump", journal.toString(), "--from", "2200-01-01")).isZero();
        assertThat(stdout()).isEmpty();
        assertThat(GatewayCli.run("journal", "dump", journal.toString(), "--from", "2999-01-01")).isEqualTo(2);
        assertThat(stderr()).contains("outside the years 1677 to 2262");
        assertThat(GatewayCli.run("journal", "dump", journal.toString(), "--from", "soon")).isEqualTo(2);
        assertThat(stderr()).contains("--from: expected a date");

        out.reset();
        assertThat(GatewayCli.run("journal", "report", "trades", journal.toString(), "--format", "csv")).isZero();
        final List<String> report = stdout().lines().toList();
        assertThat(report.get(0)).startsWith("symbol,buys,sells,bought,sold");
        assertThat(report).hasSizeGreaterThan(1);
        out.reset();
        assertThat(GatewayCli.run("journal", "replay", journal.toString())).isZero();
        final String replay = stdout();
        for (final String row : report.subList(1, report.size()))
        {
            final String[] f = row.split(",");
            // The realised P&L the report adds up equals the replayed total position's, to the cent.
            assertThat(replay.lines().filter(l -> l.trim().startsWith(f[0] + " ") && l.contains(" total ")).findFirst()
                .orElseThrow())
                .contains(" " + f[9].substring(0, f[9].indexOf('.') + 3));
        }
    }

    @Test
    void aMalformedStatementIsOneLineSayingWhereAndExitCodeTwo() throws Exception
    {
        final Path journal = dir.resolve("small");
        assertThat(GatewayCli.run("demo", "--orders", "20", "--rate", "1000", "--journal", journal.toString()))
            .isZero();
        final Path bad = dir.resolve("bad.json");
        java.nio.file.Files.writeString(bad, "{\"broker\": \"x\", \"brokerId\": 0, \"positions\": [{\"symbol\": \"A\", "
            + "\"quantity\": \"1.2.3\"}], \"openOrders\": []}");
        err.reset();
        assertThat(GatewayCli.run("journal", "reconcile", journal.toString(), "--statement", bad.toString()))
            .isEqualTo(2);
        assertThat(stderr()).contains("positions[0].quantity").contains("two decimal points").doesNotContain("\tat ");
    }

    @Test
    void chronicleAnalyticsIsNotOnTheProductClasspath()
    {
        assertThatThrownBy(() -> Class.forName("net.openhft.chronicle.analytics.Analytics"))
            .isInstanceOf(ClassNotFoundException.class);
        assertThat(System.getProperty("chronicle.analytics.disable")).isEqualTo("true");
    }

    @Test
    void aMissingJournalIsOneClearLineAndExitCodeTwo()
    {
        final int code = GatewayCli.run("journal", "dump", dir.resolve("absent").toString());
        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("gateway: no journal in").contains("absent").doesNotContain("Exception")
            .doesNotContain("\tat ");
    }

    @Test
    void theBrokersAreAskedForTheirAccountPositionsOrdersAndFills() throws Exception
    {
        final Path config = Path.of("..", "examples", "gateway.yaml");
        assertThat(GatewayCli.run("broker", "account", "--config", config.toString())).isEqualTo(0);
        assertThat(stdout()).contains("cash").contains("buying power").contains("sim-a").contains("sim-b")
            .contains("1000000.00");
        out.reset();
        assertThat(GatewayCli.run("broker", "positions", "--config", config.toString(), "--broker", "sim-b",
            "--format", "json")).isEqualTo(0);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(stdout()).isArray()).isTrue();
        out.reset();
        assertThat(GatewayCli.run("broker", "orders", "--config", config.toString(), "--status", "open", "--from",
            "2026-12-01", "--format", "csv")).isEqualTo(0);
        assertThat(stdout()).startsWith("broker,submitted,client_order_id,symbol,side");
        out.reset();
        assertThat(GatewayCli.run("broker", "fills", "--config", config.toString(), "--to", "yesterday")).isEqualTo(2);
        assertThat(stderr()).contains("--to").contains("yesterday").doesNotContain("\tat ");
        err.reset();
        assertThat(GatewayCli.run("broker", "account", "--config", config.toString(), "--broker", "nope"))
            .isEqualTo(2);
        assertThat(stderr()).contains("no broker 'nope'").contains("sim-a, sim-b");
    }

    @Test
    void aPaperBrokerIsProbedWithTestOrdersAndALiveOneIsRefused() throws Exception
    {
        assertThat(GatewayCli.run("broker", "probe", "--config", Path.of("..", "examples", "gateway.yaml").toString(),
            "--broker", "sim-a", "--symbol", "MSFT")).isEqualTo(0);
        assertThat(stdout()).contains("stop_limit").contains("accepted")
            .contains("capabilities: { orderTypes: [limit, stop, stop_limit], timesInForce: [day, gtc");
        final Path live = dir.resolve("live.yaml");
        java.nio.file.Files.writeString(live, """
            instruments:
              - { symbol: AAPL, referencePrice: "187.25" }
            brokers:
              - { name: real, type: alpaca, url: "https://api.alpaca.markets", live: true, keyId: k, secretKey: s }
            risk: none
            """);
        err.reset();
        assertThat(GatewayCli.run("broker", "probe", "--config", live.toString(), "--broker", "real")).isEqualTo(2);
        assertThat(stderr()).contains("real is not a paper account").doesNotContain("\tat ");
    }

    @Test
    void badDemoOptionsAreRefusedBeforeAnythingStarts()
    {
        assertThat(GatewayCli.run("demo", "--rate", "0")).isEqualTo(2);
        assertThat(stderr()).contains("--rate");
        err.reset();
        assertThat(GatewayCli.run("demo", "--topology", "sideways")).isEqualTo(2);
        assertThat(stderr()).contains("sideways");
    }

    @Test
    void everyCommandHasHelp()
    {
        for (final String[] command
            : new String[][] {{"--help"}, {"demo", "--help"}, {"journal", "--help"}, {"journal", "dump", "--help"},
            {"journal", "replay", "--help"}, {"journal", "reconcile", "--help"}, {"bench", "--help"},
            {"alpaca-sim", "--help"}, {"fix-sim", "--help"}, {"report", "brokers", "--help"}, {"stat", "--help"}})
        {
            out.reset();
            assertThat(GatewayCli.run(command)).isZero();
            assertThat(stdout()).contains("Usage:");
        }
    }

    @Test
    void theCommandListGivesEachCommandOneWholeSentence()
    {
        for (final String[] command : new String[][] {{"--help"}, {"journal", "--help"}, {"report", "--help"}})
        {
            out.reset();
            assertThat(GatewayCli.run(command)).isZero();
            final String commands = stdout().substring(stdout().indexOf("Commands:"));
            // one entry per command (continuation lines are indented deeper), each a sentence that ends: no summary cut
            // off
            final java.util.List<String> entries = new java.util.ArrayList<>();
            for (final String line : commands.split("\\R"))
            {
                if (line.matches("^  \\S.*"))
                {
                    entries.add(line.trim());
                }
                else if (line.startsWith("    ") && !entries.isEmpty())
                {
                    entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.trim());
                }
            }
            assertThat(entries).as("%s", String.join(" ", command)).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry).as("summary of %s", entry).endsWith("."));
        }
    }

    @Test
    void demoThroughTheAlpacaAdapterAgainstTheSimulatorReconcilesToZero(@org.junit.jupiter.api.io.TempDir final Path
        journal)
    {
        assertThat(GatewayCli.run("demo", "--broker", "alpaca-sim", "--orders", "300", "--rate", "1000", "--journal",
            journal.toString()))
            .as(stderr()).isZero();
        assertThat(stdout()).contains("the Alpaca simulator at http://127.0.0.1:").contains("alpaca-sim")
            .contains("statement-alpaca-sim.json");
        out.reset();
        assertThat(GatewayCli.run("journal", "reconcile", journal.toString(), "--statement",
            journal.resolve("statement-alpaca-sim.json").toString())).as(stdout()).isZero();
        assertThat(stdout()).contains("0 differences");
    }

    @Test
    void demoThroughTheFixAdapterAgainstTheCounterpartyReconcilesToZero(@org.junit.jupiter.api.io.TempDir final Path
        journal)
    {
        assertThat(GatewayCli.run("demo", "--broker", "fix-sim", "--orders", "300", "--rate", "1000", "--journal",
            journal.toString()))
            .as(stderr()).isZero();
        assertThat(stdout()).contains("the FIX counterparty on 127.0.0.1:").contains("statement-fix-sim.json");
        out.reset();
        assertThat(GatewayCli.run("journal", "reconcile", journal.toString(), "--statement",
            journal.resolve("statement-fix-sim.json").toString(), "--statement",
            journal.resolve("statement-sim-b.json").toString())).as(stdout()).isZero();
        assertThat(stdout()).contains("0 differences");
    }

    @Test
    void alpacaWithoutCredentialsIsOneClearLine()
    {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("ALPACA_API_KEY") == null,
            "credentials set in this environment");
        assertThat(GatewayCli.run("demo", "--broker", "alpaca", "--orders", "1")).isEqualTo(2);
        assertThat(stderr()).contains("ALPACA_API_KEY").doesNotContain("Exception");
        err.reset();
        assertThat(GatewayCli.run("demo", "--broker", "fix")).isEqualTo(2);
        assertThat(stderr()).contains("--broker must be sim, alpaca, alpaca-sim or fix-sim");
    }

    @Test
    void demoFailsOverAndBackAndReplayAndTheBrokerReportReadItsJournal(@org.junit.jupiter.api.io.TempDir final Path
        journal)
    {
        assertThat(GatewayCli.run("demo", "--orders", "4000", "--rate", "1000", "--fail-primary-after", "500",
            "--outage-seconds", "1.5", "--journal", journal.toString())).as(stderr()).isZero();
        assertThat(stdout()).contains("FAILOVER").contains("PROBE_REQUESTED").contains("RECOVERY")
            .contains("replay made the same ones").contains("Client order ids sent to more than one broker: 0");
        out.reset();
        assertThat(GatewayCli.run("journal", "replay", journal.toString())).isZero();
        assertThat(stdout()).contains("Routing timeline").contains("replay made the same ones")
            .as("a journal names its brokers: replay needs no configuration to print them")
            .containsPattern("FAILOVER +sim-b +sim-a");
        out.reset();
        assertThat(GatewayCli.run("report", "brokers", journal.toString())).isZero();
        assertThat(stdout()).contains("sim-a").contains("sim-b").contains("ack latency p50").contains("Mann-Whitney");
    }

    @Test
    void demoFromTheExampleConfigServesTheAdminEndpointWhileItRuns(@org.junit.jupiter.api.io.TempDir final Path journal)
        throws Exception
    {
        final int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            port = probe.getLocalPort();
        }
        final java.util.concurrent.CompletableFuture<Integer> demo =
            java.util.concurrent.CompletableFuture.supplyAsync(() ->
            GatewayCli.run("demo", "--config", "../examples/gateway.yaml", "--orders", "6000", "--rate", "1000",
            "--admin-port",
                Integer.toString(port), "--journal", journal.toString()));
        final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        final String[] scraped = {"", ""};
        io.ordergateway.core.testing.Await.until("the running demo's status and metrics over its admin endpoint", () ->
        {
            if (demo.isDone())
            {
                return true; // it ended (or failed) first: the assertions below say how
            }
            try
            {
                scraped[0] = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                    + port
                    + "/admin/execution-status")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                scraped[1] = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                    + port + "/metrics"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            }
            catch (final java.io.IOException notYet) // the demo is still starting
            {
                return false;
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return false;
            }
            return scraped[1].matches("(?s).*gateway_sent_total [1-9].*") && scraped[0].contains("activeBroker");
        });
        final String status = scraped[0];
        final String metrics = scraped[1];
        assertThat(demo.isDone() ? demo.getNow(-1) : 0).as("the demo ended before it was scraped: %s", stderr())
            .isZero();
        assertThat(status).contains("\"activeBroker\"").contains("sim-a").contains("\"availability\"");
        assertThat(metrics).containsPattern("gateway_sent_total [1-9]")
            .contains("gateway_broker_sent_total{broker=\"sim-b\"}");
        assertThat(demo.get(60, java.util.concurrent.TimeUnit.SECONDS)).as(stderr()).isZero();
        assertThat(stdout()).contains("the brokers of ../examples/gateway.yaml")
            .contains("Admin endpoint: http://127.0.0.1:" + port);
    }
}
