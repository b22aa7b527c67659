package io.ordergateway.tools;

import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.JournalRecordHandler;
import io.ordergateway.journal.JournalRecords;
import io.ordergateway.journal.RecordFormatter;
import org.agrona.collections.LongHashSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code gateway journal dump DIR}: prints every record of a journal, one line each.
 */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    header = "Print a journal's records, one per line, oldest first.",
    description = "Filters by record type, symbol, client order id and time; -f follows a live journal.")
final class JournalDumpCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "DIR", description = "The journal directory (holds *.cq4 files).")
    Path directory;

    @Option(names = "--order", paramLabel = "ID", description = "Only records of this order id.")
    Long orderId;

    @Option(names = "--type", paramLabel = "RECORD",
        description = "Only records of this type, e.g. OrderNew, Fill, OrderDenied.")
    String recordType;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N records (default: all).")
    long limit = Long.MAX_VALUE;

    @Option(names = "--symbol", paramLabel = "SYM", description = "Only records of orders in this symbol.")
    String symbol;

    @Option(names = "--client-order-id", paramLabel = "ID",
        description = "Only records of this order, by the id the broker saw (e.g. gw1-42).")
    String clientOrderId;

    @Option(names = "--from", paramLabel = "TIME",
        description = "Only records at or after this time (2026-11-21 or 2026-11-21T14:30:00Z).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Only records before this time.")
    String to;

    @Option(names = "--salvage",
        description = "On damage, print the records before it and say where it is, instead of failing.")
    boolean salvage;

    @Option(names = {"-f", "--follow"},
        description = "Keep printing records as they are appended, like tail -f (Ctrl-C to stop).")
    boolean follow;

    @Override
    public Integer call()
    {
        final PrintStream out = System.out;
        final long[] printed = {0};
        final long fromNanos = from == null ? Long.MIN_VALUE : TimeArgument.epochNanos(from, "--from");
        final long toNanos = to == null ? Long.MAX_VALUE : TimeArgument.epochNanos(to, "--to");
        final Long wantedOrder = clientOrderId != null ? Long.valueOf(orderIdOf(clientOrderId)) : orderId;
        final LongHashSet ordersInSymbol = new LongHashSet();
        final RecordFormatter formatter = new RecordFormatter(new RecordFormatter.Sink()
        {
            @Override
            public boolean accept(final int type, final long recordOrder, final long time, final String recordSymbol)
            {
                if (symbol != null && symbol.equals(recordSymbol))
                {
                    ordersInSymbol.add(recordOrder);
                }
                return printed[0] < limit
                    && (recordType == null || JournalRecords.name(type).equalsIgnoreCase(recordType))
                    && (wantedOrder == null || recordOrder == wantedOrder)
                    && (symbol == null || ordersInSymbol.contains(recordOrder))
                    && time >= fromNanos && time < toNanos;
            }

            @Override
            public void onLine(final int type, final CharSequence line)
            {
                out.append(line).println();
                printed[0]++;
            }
        });
        final JournalRecordHandler handler = formatter.adapter();
        try (JournalReader reader = salvage ? JournalReader.salvage(directory) : new JournalReader(directory))
        {
            if (follow)
            {
                reader.readAvailable(handler);
            }
            else
            {
                reader.readAll(handler);
            }
            if (reader.damage() != null)
            {
                System.err.println("gateway: damaged journal, salvaged " + reader.documentsRead()
                    + " documents before the damage: " + reader.damage());
            }
            while (follow && printed[0] < limit && !Thread.currentThread().isInterrupted())
            {
                if (reader.read(handler, 1024) == 0)
                {
                    out.flush();
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L); // polling the file for new records
                }
            }
        }
        System.err.println(printed[0] + " records from " + directory.toAbsolutePath());
        return 0;
    }

    private static long orderIdOf(final String clientOrderId)
    {
        try
        {
            return Long.parseLong(clientOrderId.substring(clientOrderId.lastIndexOf('-') + 1));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("--client-order-id: expected <instance>-<number>, e.g. gw1-42, got '"
                + clientOrderId + "'");
        }
    }
}
