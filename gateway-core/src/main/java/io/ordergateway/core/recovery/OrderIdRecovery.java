package io.ordergateway.core.recovery;

import io.ordergateway.journal.JournalFiles;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.sbe.OrderNewDecoder;

import java.nio.file.Path;

/**
 * Finds the highest order id a journal holds, so a gateway restarted on it continues the sequence
 * and never hands a broker a client order id it has seen before.
 */
public final class OrderIdRecovery
{
    private OrderIdRecovery()
    {
    }

    /**
     * @param journalDirectory the journal; need not exist.
     * @return the highest order id of any {@code OrderNew} record, or 0 for an empty or absent journal.
     */
    public static long highestOrderId(final Path journalDirectory)
    {
        if (!JournalFiles.containsJournal(journalDirectory))
        {
            return 0;
        }
        final long[] highest = {0};
        final OrderNewDecoder decoder = new OrderNewDecoder();
        try (JournalReader reader = new JournalReader(journalDirectory))
        {
            reader.readAll((templateId, buffer, offset, blockLength, version, index) ->
            {
                if (templateId == OrderNewDecoder.TEMPLATE_ID)
                {
                    highest[0] = Math.max(highest[0], decoder.wrap(buffer, offset, blockLength, version).orderId());
                }
            });
        }
        return highest[0];
    }
}
