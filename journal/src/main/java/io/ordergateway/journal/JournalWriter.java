package io.ordergateway.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * Appends encoded records to the journal's Chronicle Queue. One document per call; the bytes are
 * one or more SBE messages back to back (a ring event and the decisions taken on it), so they land
 * together or not at all.
 *
 * <p>Single writer: {@link #append} must be called from one thread, the journal stage's. The
 * appender is created on the first append, on that thread. Appending allocates nothing.
 *
 * <p>Durability: Chronicle writes into memory-mapped files, i.e. the page cache. A crash of the
 * process loses nothing that was appended; a power loss or kernel crash can lose what the OS had
 * not yet written back.
 */
public final class JournalWriter implements AutoCloseable
{
    private final ChronicleQueue queue;
    private final java.util.concurrent.atomic.AtomicLong position = new java.util.concurrent.atomic.AtomicLong();
    private volatile java.io.File file;
    private int cycle = Integer.MIN_VALUE;
    private ExcerptAppender appender;

    /**
     * Opens (or creates) the journal in a directory.
     *
     * @param directory the journal directory.
     * @param rollCycle how often a new file is started.
     */
    public JournalWriter(final Path directory, final RollCycle rollCycle)
    {
        this.queue = JournalFiles.openForWriting(directory, rollCycle);
    }

    /**
     * Creates the appender on the calling thread, which must be the one that appends, so the first
     * append does not pay for it. Optional: {@link #append} does it when needed.
     */
    public void prepare()
    {
        if (appender == null)
        {
            appender = queue.createAppender();
        }
    }

    /**
     * Appends one document.
     *
     * @param source the encoded records (an on-heap array).
     * @param offset where they start.
     * @param length how many bytes.
     * @return the Chronicle index of the document, usable to seek a reader to it.
     */
    public long append(final byte[] source, final int offset, final int length)
    {
        if (appender == null)
        {
            prepare();
        }
        try (DocumentContext dc = appender.writingDocument())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.write(source, offset, length);
            if (appender.cycle() != cycle) // a new cycle file: the flusher and the pretoucher follow it
            {
                cycle = appender.cycle();
                position.lazySet(0); // before the file: whoever sees the new file never pairs it with the old position
                file = appender.currentFile();
            }
            position.lazySet(bytes.writePosition()); // for the pretoucher, which stays ahead of it
            return dc.index();
        }
    }

    /**
     * @return where in its current cycle file the writer last wrote (bytes from the file's start; 0 before the
     *         first append). Any thread; it lags the writer by at most one document.
     */
    public long position()
    {
        return position.get();
    }

    /**
     * @return the cycle file the writer last appended to, or null before the first append. Any thread; it is set
     *         before the position in it is.
     */
    public java.io.File file()
    {
        return file;
    }

    /**
     * @return the directory of the queue.
     */
    public String directory()
    {
        return queue.fileAbsolutePath();
    }

    @Override
    public void close()
    {
        if (appender != null)
        {
            appender.close();
        }
        queue.close();
    }
}
