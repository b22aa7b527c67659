package io.ordergateway.journal;

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
    private final DocumentParser documents = new DocumentParser();
    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
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
        documents.parse(buffer, length, index, handler);
    }

    @Override
    public void close()
    {
        tailer.close();
        queue.close();
    }
}
