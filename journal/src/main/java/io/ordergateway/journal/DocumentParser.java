package io.ordergateway.journal;

import io.ordergateway.journal.sbe.MessageHeaderDecoder;
import io.ordergateway.journal.sbe.RoutingSetupDecoder;
import io.ordergateway.journal.sbe.SessionStartDecoder;
import io.ordergateway.journal.sbe.SettingsChangeDecoder;
import org.agrona.DirectBuffer;

/**
 * Splits one journal document (the records of one ring event, back to back) into its records,
 * checking each header: schema id, a version this reader knows, and a length inside the document.
 * Used by {@link JournalReader} for documents from the queue and by {@link JournalAdapter} for
 * documents held elsewhere. Not thread safe.
 */
final class DocumentParser
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final RoutingSetupDecoder routingSetup = new RoutingSetupDecoder();
    private final SettingsChangeDecoder settingsChange = new SettingsChangeDecoder();
    private final SessionStartDecoder sessionStart = new SessionStartDecoder();

    /**
     * @param buffer  the document's bytes, from offset 0.
     * @param length  how many.
     * @param index   the document's Chronicle index (for messages and the handler).
     * @param handler receives each record.
     * @throws JournalException if the document is corrupt or from another schema or a newer version.
     */
    void parse(final DirectBuffer buffer, final int length, final long index, final JournalRecordHandler handler)
    {
        int offset = 0;
        while (offset < length)
        {
            if (length - offset < MessageHeaderDecoder.ENCODED_LENGTH)
            {
                throw new JournalException("corrupt journal document at index " + Long.toHexString(index)
                    + ": " + (length - offset) + " trailing bytes are too short for a record header");
            }
            header.wrap(buffer, offset);
            if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
            {
                throw new JournalException("document at index " + Long.toHexString(index) + " has schema id "
                    + header.schemaId() + ", expected " + MessageHeaderDecoder.SCHEMA_ID + ": not a gateway journal");
            }
            if (header.version() > MessageHeaderDecoder.SCHEMA_VERSION)
            {
                throw new JournalException("document at index " + Long.toHexString(index)
                    + " was written by schema version " + header.version() + ", newer than this reader's "
                    + MessageHeaderDecoder.SCHEMA_VERSION + ": use a newer gateway to read it");
            }
            final int blockLength = header.blockLength();
            final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            if (bodyOffset + blockLength > length)
            {
                throw new JournalException("corrupt journal document at index " + Long.toHexString(index)
                    + ": record of template " + header.templateId() + " runs past the document's end");
            }
            handler.onRecord(header.templateId(), buffer, bodyOffset, blockLength, header.version(), index);
            offset = bodyOffset + recordLength(buffer, header.templateId(), bodyOffset, blockLength, header.version());
        }
    }

    /**
     * The length of a record's body: its root block, plus the groups and variable data of the
     * record types that have them (SessionStart, RoutingSetup, SettingsChange: rare, once a session
     * or written by operators).
     */
    private int recordLength(final DirectBuffer buffer, final int templateId, final int bodyOffset,
        final int blockLength, final int version)
    {
        switch (templateId)
        {
            case SessionStartDecoder.TEMPLATE_ID:
                sessionStart.wrap(buffer, bodyOffset, blockLength, version);
                sessionStart.sbeSkip();
                return sessionStart.encodedLength();
            case RoutingSetupDecoder.TEMPLATE_ID:
                routingSetup.wrap(buffer, bodyOffset, blockLength, version);
                routingSetup.sbeSkip();
                return routingSetup.encodedLength();
            case SettingsChangeDecoder.TEMPLATE_ID:
                settingsChange.wrap(buffer, bodyOffset, blockLength, version);
                settingsChange.sbeSkip();
                return settingsChange.encodedLength();
            default:
                return blockLength;
        }
    }
}
