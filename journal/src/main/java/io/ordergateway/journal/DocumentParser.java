package io.ordergateway.journal;

import io.ordergateway.journal.sbe.DocumentEndDecoder;
import io.ordergateway.journal.sbe.MessageHeaderDecoder;
import io.ordergateway.journal.sbe.RoutingSetupDecoder;
import io.ordergateway.journal.sbe.SessionStartDecoder;
import io.ordergateway.journal.sbe.SettingsChangeDecoder;
import org.agrona.DirectBuffer;

import java.util.zip.CRC32C;

/**
 * Splits one journal document (the records of one ring event, or of a batch of them, back to back) into its records,
 * checking the document's checksum (its closing {@code DocumentEnd} record, schema version 5 on)
 * and each header: schema id, a version this reader knows, and a length inside the document.
 * Used by {@link JournalReader} for documents from the queue and by {@link JournalAdapter} for
 * documents held elsewhere. Not thread safe.
 */
final class DocumentParser
{
    /** The first schema version whose documents end with a checksum. */
    static final int CHECKSUMS_SINCE = 5;

    private final io.ordergateway.journal.sbe.OrderAdoptedDecoder orderAdopted =
        new io.ordergateway.journal.sbe.OrderAdoptedDecoder();
    private final io.ordergateway.journal.sbe.BrokerTermsDecoder brokerTerms =
        new io.ordergateway.journal.sbe.BrokerTermsDecoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final RoutingSetupDecoder routingSetup = new RoutingSetupDecoder();
    private final SettingsChangeDecoder settingsChange = new SettingsChangeDecoder();
    private final SessionStartDecoder sessionStart = new SessionStartDecoder();
    private final DocumentEndDecoder end = new DocumentEndDecoder();
    private final CRC32C checksum = new CRC32C();

    /**
     * @param buffer  the document's bytes, from offset 0.
     * @param length  how many.
     * @param index   the document's Chronicle index (for messages and the handler).
     * @param handler receives each record.
     * @throws JournalException if the document is corrupt or from another schema or a newer version.
     */
    void parse(final DirectBuffer buffer, final int documentLength, final long index,
        final JournalRecordHandler handler)
    {
        final int length = checked(buffer, documentLength, index);
        int offset = 0;
        while (offset < length)
        {
            if (length - offset < MessageHeaderDecoder.ENCODED_LENGTH)
            {
                throw JournalException.damaged("corrupt journal document at index " + Long.toHexString(index)
                    + ": " + (length - offset) + " trailing bytes are too short for a record header");
            }
            header.wrap(buffer, offset);
            if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
            {
                throw JournalException.damaged("damaged journal document at index " + Long.toHexString(index)
                    + ": the record header at byte " + offset + " of it has schema id " + header.schemaId()
                    + ", not the gateway journal's " + MessageHeaderDecoder.SCHEMA_ID
                    + " (damage, or not a gateway journal)");
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
                throw JournalException.damaged("corrupt journal document at index " + Long.toHexString(index)
                    + ": record of template " + header.templateId() + " runs past the document's end");
            }
            handler.onRecord(header.templateId(), buffer, bodyOffset, blockLength, header.version(), index);
            offset = bodyOffset + recordLength(buffer, header.templateId(), bodyOffset, blockLength, header.version());
        }
    }

    /**
     * Checks the document's {@code DocumentEnd} checksum (schema version 5 on) and returns the
     * length of the records it covers. Documents of earlier versions have none and are taken whole.
     */
    private int checked(final DirectBuffer buffer, final int length, final long index)
    {
        final int trailer = MessageHeaderDecoder.ENCODED_LENGTH + DocumentEndDecoder.BLOCK_LENGTH;
        if (length >= trailer)
        {
            header.wrap(buffer, length - trailer);
            if (header.templateId() == DocumentEndDecoder.TEMPLATE_ID
                && header.schemaId() == MessageHeaderDecoder.SCHEMA_ID
                && header.blockLength() == DocumentEndDecoder.BLOCK_LENGTH)
            {
                end.wrap(buffer, length - trailer + MessageHeaderDecoder.ENCODED_LENGTH,
                    DocumentEndDecoder.BLOCK_LENGTH, header.version());
                final int covered = length - trailer;
                if (end.length() != covered)
                {
                    throw JournalException.damaged("damaged journal document at index " + Long.toHexString(index)
                        + ": its checksum record covers " + end.length() + " bytes but " + covered + " precede it");
                }
                final int actual = crc(buffer, covered);
                if (actual != end.crc32c())
                {
                    throw JournalException.damaged("damaged journal document at index " + Long.toHexString(index)
                        + ": checksum " + Integer.toHexString(actual) + " of its " + covered
                        + " bytes does not match the " + Integer.toHexString(end.crc32c()) + " written with them");
                }
                return covered;
            }
        }
        if (length >= MessageHeaderDecoder.ENCODED_LENGTH)
        {
            header.wrap(buffer, 0);
            if (header.schemaId() == MessageHeaderDecoder.SCHEMA_ID && header.version() >= CHECKSUMS_SINCE
                && header.version() <= MessageHeaderDecoder.SCHEMA_VERSION)
            {
                throw JournalException.damaged("damaged journal document at index " + Long.toHexString(index)
                    + ": written by schema version " + header.version() + " but it has no checksum record at its end");
            }
        }
        return length;
    }

    private int crc(final DirectBuffer buffer, final int length)
    {
        checksum.reset();
        final byte[] array = buffer.byteArray();
        if (array != null)
        {
            checksum.update(array, (int)buffer.wrapAdjustment(), length);
        }
        else
        {
            for (int i = 0; i < length; i++)
            {
                checksum.update(buffer.getByte(i));
            }
        }
        return (int)checksum.getValue();
    }

    /**
     * The length of a record's body: its root block, plus the groups and variable data of the
     * record types that have them (SessionStart, RoutingSetup, SettingsChange, OrderAdopted, BrokerTerms: rare,
     * once a session, written by operators or adopted from a broker).
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
            case io.ordergateway.journal.sbe.OrderAdoptedDecoder.TEMPLATE_ID:
                orderAdopted.wrap(buffer, bodyOffset, blockLength, version);
                orderAdopted.sbeSkip();
                return orderAdopted.encodedLength();
            case io.ordergateway.journal.sbe.BrokerTermsDecoder.TEMPLATE_ID:
                brokerTerms.wrap(buffer, bodyOffset, blockLength, version);
                brokerTerms.sbeSkip();
                return brokerTerms.encodedLength();
            default:
                return blockLength;
        }
    }
}
