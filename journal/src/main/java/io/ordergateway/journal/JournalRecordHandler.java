package io.ordergateway.journal;

import org.agrona.DirectBuffer;

/**
 * Receives the records of a journal one at a time, in the order they were written.
 * The buffer is only valid during the call; wrap a generated decoder over it to read fields.
 */
@FunctionalInterface
public interface JournalRecordHandler
{
    /**
     * One record.
     *
     * @param templateId    the SBE template id: which record type (see the generated decoders'
     *                      {@code TEMPLATE_ID}).
     * @param buffer        the document's bytes.
     * @param offset        where the record's root block starts (after the message header).
     * @param blockLength   the root block length the writer used.
     * @param version       the schema version the writer used.
     * @param documentIndex the Chronicle index of the document holding the record.
     */
    void onRecord(int templateId, DirectBuffer buffer, int offset, int blockLength, int version, long documentIndex);
}
