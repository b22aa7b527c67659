package io.ordergateway.tools;

import io.ordergateway.tools.report.BrokerComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code gateway report brokers DIR}: compares the brokers of a journal.
 */
@Command(
    name = "brokers",
    mixinStandardHelpOptions = true,
    header = "Compare brokers from a journal: latency, fill and reject rates, cost.",
    description = "Ack and fill latency p50/p95/p99, fill rate, reject rate and configured cost per broker, a winner "
    + "per metric when the "
        + "difference is significant (Mann-Whitney U, two-proportion z-test, p < 0.05), and recommendations.")
final class ReportBrokersCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "DIR", description = "The journal directory.")
    Path directory;

    @Option(names = "--from", paramLabel = "TIME",
        description = "Orders sent at or after this time (2026-11-21 or 2026-11-21T14:30:00Z).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Orders sent before this time.")
    String to;

    @Option(names = "--ab-split", description = "Count only orders routed by the weighted split (an A/B comparison).")
    boolean abSplit;

    @Option(names = "--names", split = ",", paramLabel = "NAME",
        description = "Broker names by id, e.g. sim-a,sim-b (default: the names the journal gives them).")
    List<String> names = List.of();

    @Override
    public Integer call()
    {
        if (!Files.isDirectory(directory))
        {
            throw new IllegalArgumentException("no journal at " + directory);
        }
        final long fromNanos = from == null ? Long.MIN_VALUE : TimeArgument.epochNanos(from, "--from");
        final long toNanos = to == null ? Long.MAX_VALUE : TimeArgument.epochNanos(to, "--to");
        System.out.print(BrokerComparison.render(BrokerComparison.fromJournal(directory, fromNanos, toNanos, abSplit,
            names)));
        return 0;
    }
}
