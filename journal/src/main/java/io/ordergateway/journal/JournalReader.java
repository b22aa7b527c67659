package io.ordergateway.journal;

import io.ordergateway.journal.sbe.MessageHeaderDecoder;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * Reads a journal's records in order and hands each to a {@link JournalRecordHandler}.
 * Checks the schema id and version of every record, so a journal from another schema or a newer
 * writer is reported clearly instead of misread. Not thread safe: one reader per thread.
 */
public final class JournalReader implements AutoCloseable
{
    private final io.ordergateway.journal.sbe.RoutingSetupDecoder routingSetup = new io.ordergateway.journal.sbe.RoutingSetupDecoder();
    private final io.ordergateway.journal.sbe.SettingsChangeDecoder settingsChange = new io.ordergateway.journal.sbe.SettingsChangeDecoder();
    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
    private byte[] bytes = new byte[4096];

    /**
     * Opens an existing journal at its start.
     *
     * @param directory the journal directory.
     * @throws JournalException if there is no journal there.
     */
    public JournalReader(final Path directory)
    {
        this.queue = JournalFiles.openForReading(directory);
        this.tailer = queue.createTailer();
    }

    /**
     * Reads up to {@code limit} documents, delivering every record they hold.
     *
     * @param handler receives the records.
     * @param limit   the most documents to read in this call.
     * @return the number of documents read; 0 when the reader is at the end (for now: a follower
     *         may call again later).
     * @throws JournalException if a document is corrupt or from another schema or a newer version.
     */
    public int read(final JournalRecordHandler handler, final int limit)
    {
        int documents = 0;
        while (documents < limit)
        {
            final long index;
            final int length;
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    break;
                }
                if (!dc.isData())
                {
                    continue;
                }
                index = dc.index();
                final Bytes<?> in = dc.wire().bytes();
                length = (int)in.readRemaining();
                if (length > bytes.length)
                {
                    bytes = new byte[Math.max(length, bytes.length * 2)];
                }
                in.read(bytes, 0, length);
            }
            documents++;
            dispatch(handler, index, length);
        }
        return documents;
    }

    /**
     * Reads every record from the current position to the end.
     *
     * @param handler receives the records.
     * @return the number of documents read.
     */
    public long readAll(final JournalRecordHandler handler)
    {
        long total = 0;
        int n;
        while ((n = read(handler, 1024)) > 0)
        {
            total += n;
        }
        return total;
    }

    private void dispatch(final JournalRecordHandler handler, final long index, final int length)
    {
        buffer.wrap(bytes, 0, length);
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
                throw new JournalException("document at index " + Long.toHexString(index) + " was written by schema version "
                    + header.version() + ", newer than this reader's " + MessageHeaderDecoder.SCHEMA_VERSION
                    + ": use a newer gateway to read it");
            }
            final int blockLength = header.blockLength();
            final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            if (bodyOffset + blockLength > length)
            {
                throw new JournalException("corrupt journal document at index " + Long.toHexString(index)
                    + ": record of template " + header.templateId() + " runs past the document's end");
            }
            handler.onRecord(header.templateId(), buffer, bodyOffset, blockLength, header.version(), index);
            offset = bodyOffset + recordLength(header.templateId(), bodyOffset, blockLength, header.version());
        }
    }

    /**
     * The length of a record's body: its root block, plus the groups and variable data of the two
     * record types that have them (RoutingSetup, SettingsChange: rare, written by operators).
     */
    private int recordLength(final int templateId, final int bodyOffset, final int blockLength, final int version)
    {
        if (templateId == io.ordergateway.journal.sbe.RoutingSetupDecoder.TEMPLATE_ID)
        {
            routingSetup.wrap(buffer, bodyOffset, blockLength, version);
            routingSetup.sbeSkip();
            return routingSetup.encodedLength();
        }
        if (templateId == io.ordergateway.journal.sbe.SettingsChangeDecoder.TEMPLATE_ID)
        {
            settingsChange.wrap(buffer, bodyOffset, blockLength, version);
            settingsChange.sbeSkip();
            return settingsChange.encodedLength();
        }
        return blockLength;
    }

    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }
}
