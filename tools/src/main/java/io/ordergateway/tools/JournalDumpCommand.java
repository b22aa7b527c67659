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
    description = "Print a journal's records, one per line, oldest first.")
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

    @Override
    public Integer call()
    {
        final PrintStream out = System.out;
        final RecordFormatter formatter = new RecordFormatter();
        final StringBuilder line = new StringBuilder(256);
        final long[] printed = {0};
        try (JournalReader reader = new JournalReader(directory))
        {
            reader.readAll((templateId, buffer, offset, blockLength, version, index) ->
            {
                if (printed[0] >= limit)
                {
                    return;
                }
                if (recordType != null && !RecordFormatter.recordName(templateId).equalsIgnoreCase(recordType))
                {
                    return;
                }
                if (orderId != null && RecordFields.orderId(buffer, offset) != orderId)
                {
                    return;
                }
                line.setLength(0);
                out.println(formatter.format(line, templateId, buffer, offset, blockLength, version));
                printed[0]++;
            });
        }
        System.err.println(printed[0] + " records from " + directory.toAbsolutePath());
        return 0;
    }
}
