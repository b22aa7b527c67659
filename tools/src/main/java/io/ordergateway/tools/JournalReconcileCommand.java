package io.ordergateway.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ordergateway.core.broker.BrokerStatement;
import io.ordergateway.core.recovery.JournalReplayer;
import io.ordergateway.core.recovery.Reconciler;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.journal.FixedPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code gateway journal reconcile DIR --statement FILE}: the journal's positions and working orders
 * against a broker's statement; exit code 1 when anything differs.
 */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    header = "Compare a journal's positions and working orders with brokers' statements.",
    description = {
        "Rebuilds positions and working orders from the journal, compares them with each statement (JSON, as gateway "
            + "demo writes for each sim broker next to its journal) and lists every difference.",
        "Exit code: 0 when they agree, 1 when anything differs, 2 on bad input."})
final class JournalReconcileCommand implements Callable<Integer>
{
    /** How to print the differences. */
    enum Format
    {
        TABLE, JSON, CSV
    }

    @Parameters(index = "0", paramLabel = "DIR", description = "The journal directory.")
    Path directory;

    @Option(names = "--statement", paramLabel = "FILE", required = true,
        description = "A broker statement (repeat for several brokers).")
    List<Path> statements;

    @Option(names = "--format", paramLabel = "F", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    Format format = Format.TABLE;

    @Override
    public Integer call() throws Exception
    {
        final List<BrokerStatement> parsed = new ArrayList<>();
        for (final Path file : statements)
        {
            parsed.add(StatementFiles.read(file));
        }
        final PortfolioSnapshot journal = JournalReplayer.replay(directory);
        final List<Reconciler.Difference> differences = new ArrayList<>();
        final List<String> brokers = new ArrayList<>();
        for (final BrokerStatement statement : parsed)
        {
            differences.addAll(Reconciler.compare(journal, statement));
            brokers.add(statement.broker() + " (broker " + statement.brokerId() + ")");
        }
        final PrintStream out = System.out;
        switch (format)
        {
            case JSON:
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(differences.stream()
                    .map(d -> java.util.Map.of("kind", d.kind().name(), "symbol", d.symbol(), "clientOrderId",
                        d.clientOrderId(), "journal", FixedPoint.formatQuantity(d.journal()), "broker",
                        FixedPoint.formatQuantity(d.broker())))
                    .toList()));
                break;
            case CSV:
                out.println("kind,symbol,clientOrderId,journal,broker");
                differences.forEach(d -> out.println(d.kind() + "," + d.symbol() + "," + d.clientOrderId() + ","
                    + FixedPoint.formatQuantity(d.journal()) + "," + FixedPoint.formatQuantity(d.broker())));
                break;
            default:
                out.println("Journal " + directory.toAbsolutePath() + " against " + String.join(", ", brokers) + ":");
                if (!differences.isEmpty())
                {
                    final TextTable table =
                        new TextTable("difference", "symbol", "client order id", "journal", "broker");
                    differences.forEach(d ->
                        table.row(d.kind(), d.symbol(), d.clientOrderId(), FixedPoint.formatQuantity(d.journal()),
                        FixedPoint.formatQuantity(d.broker())));
                    table.print(out);
                }
                out.println(differences.size() + (differences.size() == 1 ? " difference" : " differences"));
                break;
        }
        return differences.isEmpty() ? 0 : 1;
    }
}
