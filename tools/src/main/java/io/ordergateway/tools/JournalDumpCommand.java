package io.ordergateway.tools;

import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.RecordFields;
import io.ordergateway.journal.RecordFormatter;
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

    @Option(names = "--type", paramLabel = "RECORD", description = "Only records of this type, e.g. OrderNew, Fill, OrderDenied.")
    String recordType;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N records (default: all).")
    long limit = Long.MAX_VALUE;

    @Option(names = "--symbol", paramLabel = "SYM", description = "Only records of orders in this symbol.")
    String symbol;

    @Option(names = "--client-order-id", paramLabel = "ID", description = "Only records of this order, by the id the broker saw (e.g. gw1-42).")
    String clientOrderId;

    @Option(names = "--from", paramLabel = "TIME", description = "Only records at or after this time (2026-11-21 or 2026-11-21T14:30:00Z).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Only records before this time.")
    String to;

    @Option(names = {"-f", "--follow"}, description = "Keep printing records as they are appended, like tail -f (Ctrl-C to stop).")
    boolean follow;

    @Override
    public Integer call()
    {
        final PrintStream out = System.out;
        final RecordFormatter formatter = new RecordFormatter();
        final StringBuilder line = new StringBuilder(256);
        final long[] printed = {0};
        final long fromNanos = from == null ? Long.MIN_VALUE : TimeArgument.epochNanos(from, "--from");
        final long toNanos = to == null ? Long.MAX_VALUE : TimeArgument.epochNanos(to, "--to");
        final Long wantedOrder = clientOrderId != null ? Long.valueOf(orderIdOf(clientOrderId)) : orderId;
        final org.agrona.collections.LongHashSet ordersInSymbol = new org.agrona.collections.LongHashSet();
        final io.ordergateway.journal.sbe.OrderNewDecoder orderNew = new io.ordergateway.journal.sbe.OrderNewDecoder();
        final io.ordergateway.journal.JournalRecordHandler handler = (templateId, buffer, offset, blockLength, version, index) ->
        {
            final long recordOrder = RecordFields.orderId(buffer, offset);
            if (symbol != null && templateId == io.ordergateway.journal.sbe.OrderNewDecoder.TEMPLATE_ID
                && orderNew.wrap(buffer, offset, blockLength, version).symbolName().trim().equals(symbol))
            {
                ordersInSymbol.add(recordOrder);
            }
            if (printed[0] >= limit
                || (recordType != null && !RecordFormatter.recordName(templateId).equalsIgnoreCase(recordType))
                || (wantedOrder != null && recordOrder != wantedOrder)
                || (symbol != null && !ordersInSymbol.contains(recordOrder)))
            {
                return;
            }
            final long time = RecordFields.timestamp(buffer, offset);
            if (time < fromNanos || time >= toNanos)
            {
                return;
            }
            line.setLength(0);
            out.println(formatter.format(line, templateId, buffer, offset, blockLength, version));
            printed[0]++;
        };
        try (JournalReader reader = new JournalReader(directory))
        {
            reader.readAll(handler);
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
            throw new IllegalArgumentException("--client-order-id: expected <instance>-<number>, e.g. gw1-42, got '" + clientOrderId + "'");
        }
    }
}
