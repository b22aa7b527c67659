package io.ordergateway.tools;

import io.ordergateway.journal.FillView;
import io.ordergateway.journal.JournalAdapter;
import io.ordergateway.journal.JournalException;
import io.ordergateway.journal.JournalListener;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.OrderNewView;
import io.ordergateway.journal.RoutingSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code gateway journal verify DIR}: reads every document of a journal, checking each checksum and
 * header, what lies beyond the last document and the set of cycle files, and prints a one-line
 * verdict. Exit 0 only when the journal is intact.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    header = "Check a journal from end to end and print a one-line verdict.",
    description = "Checks every document's checksum and record headers, that nothing lies beyond the last readable "
        + "document, and that every cycle file was read. Exit code 0 when intact, 1 when damaged (the line says what "
        + "and where), 2 when there is no journal.")
final class JournalVerifyCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "DIR", description = "The journal directory.")
    Path directory;

    @Override
    public Integer call()
    {
        final PrintStream out = System.out;
        final Tally tally = new Tally();
        try (JournalReader reader = JournalReader.salvage(directory))
        {
            final JournalAdapter adapter = new JournalAdapter(tally);
            reader.readAll((templateId, buffer, offset, blockLength, version, index) ->
            {
                tally.records++;
                adapter.onRecord(templateId, buffer, offset, blockLength, version, index);
            });
            final String summary =
                String.format("%,d documents, %,d records, %d session(s), highest order id %d", reader.documentsRead(),
                tally.records, tally.sessions, tally.highestOrderId);
            if (reader.damage() != null)
            {
                out.println("DAMAGED " + directory + ": " + reader.damage() + " (readable before it: " + summary + ")");
                return 1;
            }
            out.println("intact " + directory + ": " + summary
                + (reader.endNote() == null ? "" : "; note: " + reader.endNote()));
            return 0;
        }
        catch (final JournalException ex)
        {
            if (ex.isDamage())
            {
                out.println("DAMAGED " + directory + ": " + ex.getMessage());
                return 1;
            }
            throw ex;
        }
    }

    /**
     * What the verdict line counts.
     */
    private static final class Tally implements JournalListener
    {
        private long records;
        private long sessions;
        private long highestOrderId;

        @Override
        public void onRoutingSetup(final RoutingSetup setup)
        {
            sessions++; // every session since schema version 3 opens with its routing setup
        }

        @Override
        public void onOrderNew(final OrderNewView order)
        {
            highestOrderId = Math.max(highestOrderId, order.orderId());
        }

        @Override
        public void onFill(final FillView fill)
        {
            highestOrderId = Math.max(highestOrderId, fill.orderId());
        }
    }
}
