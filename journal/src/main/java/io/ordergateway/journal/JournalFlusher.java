package io.ordergateway.journal;

import org.agrona.concurrent.Agent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Group commit ({@link JournalDurability#GROUP_COMMIT}): forces what the journal stage appended to
 * the device, a batch at a time, and then says how far the journal is durable, so the send stage
 * takes only events whose records are on the device.
 *
 * <p>Each duty cycle reads how far the journal stage has appended (a ring sequence, advanced after
 * each batch the stage took), forces the writer's current cycle file ({@code fdatasync} through a
 * channel of its own: on Linux it writes back the file's dirty pages however they were dirtied,
 * through Chronicle's mapping included), then publishes that sequence as durable and calls
 * {@code onDurable} (which wakes sleeping stage threads). When the writer moved to a new cycle
 * file, the old one is forced once more and the directory too (the new file's entry), so nothing
 * appended before the sequence read is left out. A batch that appended no document (ticks with
 * nothing decided) is durable at once, with no force.
 *
 * <p>Off the order path on a thread of its own: it spends its time blocked in the device's flush,
 * so it costs little CPU, and orders journaled while it flushes form the next group. A flush that
 * fails is an alert and is not retried (after a failed {@code fsync} the kernel may have dropped the
 * pages, and a later success proves nothing): nothing more is sent until a restart, which recovers
 * from the journal; the ring fills and submits are refused (explicit backpressure).
 */
public final class JournalFlusher implements Agent
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalFlusher.class);

    private final JournalWriter writer;
    private final LongSupplier appended;
    private final LongConsumer onDurable;
    private final AtomicLong durable;
    private final LongSupplier documents;
    private long forcedDocuments;
    private File file;
    private FileChannel channel;
    private volatile long flushes;
    private boolean failed;

    /**
     * @param writer    the journal's writer (its current file is read from any thread).
     * @param appended  how far the journal stage has appended: the sequence of its last event.
     * @param documents how many documents it has appended (a batch with no records appends none).
     * @param start     the sequence durable at start (the one before the first event).
     * @param onDurable given each new {@link #durable()} sequence, on the flusher's thread.
     */
    public JournalFlusher(final JournalWriter writer, final LongSupplier appended, final LongSupplier documents,
        final long start, final LongConsumer onDurable)
    {
        this.writer = writer;
        this.appended = appended;
        this.documents = documents;
        this.onDurable = onDurable;
        this.durable = new AtomicLong(start);
    }

    @Override
    public int doWork()
    {
        final long upTo = appended.getAsLong();
        if (upTo <= durable.get() || failed)
        {
            return 0;
        }
        final long documentsNow = documents.getAsLong(); // read after the sequence: it covers the documents up to it
        if (documentsNow == forcedDocuments)
        {
            advance(upTo); // events with no records (ticks): nothing new to force
            return 1;
        }
        final File current = writer.file();
        if (current == null)
        {
            return 0;
        }
        try
        {
            if (!current.equals(file))
            {
                switchTo(current);
            }
            channel.force(false);
            forceIssuedIds(current);
        }
        catch (final IOException | RuntimeException ex)
        {
            // Not retried: after a failed fsync Linux may have dropped the dirty pages and reports the error once, so a
            // later force that succeeds proves nothing. Nothing more is sent until a restart recovers from the journal.
            failed = true;
            LOG.error("ALERT journal flusher: cannot force {} to the device: {}; nothing more is sent (group commit); "
                + "restart the gateway once the disk is fixed", current, ex.getMessage());
            close();
            return 0;
        }
        forcedDocuments = documentsNow;
        flushes++;
        advance(upTo);
        return 1;
    }

    /**
     * The issued-ids mark beside the journal ({@link IssuedOrderIds}) too: were it written back while
     * the journal's tail was not, a restart after a power loss would take the journal for cut short.
     */
    private void forceIssuedIds(final File current) throws IOException
    {
        final java.nio.file.Path ids = current.toPath().resolveSibling(IssuedOrderIds.FILE_NAME);
        if (java.nio.file.Files.exists(ids))
        {
            try (FileChannel mark = FileChannel.open(ids, StandardOpenOption.READ, StandardOpenOption.WRITE))
            {
                mark.force(false);
            }
        }
    }

    private void advance(final long upTo)
    {
        durable.lazySet(upTo);
        onDurable.accept(upTo);
    }

    /**
     * @return the sequence up to which every appended event is on the device (any thread).
     */
    public long durable()
    {
        return durable.get();
    }

    /**
     * @return how many times the journal was forced (for counters and tests).
     */
    public long flushes()
    {
        return flushes;
    }

    private void switchTo(final File current) throws IOException
    {
        if (channel != null)
        {
            channel.force(false); // the end of the old cycle file, appended before the writer moved on
        }
        // and any cycle file between it and the current one (two rolls between two flushes, or the first flush of a
        // session after a roll): every .cq4 file named after the last one forced and before the current one
        final String after = file == null ? "" : file.getName();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(current.toPath().getParent()))
        {
            for (final java.nio.file.Path f : (Iterable<java.nio.file.Path>)files::iterator)
            {
                final String name = f.getFileName().toString();
                if (name.endsWith(".cq4") && name.compareTo(after) > 0 && name.compareTo(current.getName()) < 0)
                {
                    try (FileChannel between = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE))
                    {
                        between.force(false);
                    }
                }
            }
        }
        close();
        channel = FileChannel.open(current.toPath(), StandardOpenOption.READ, StandardOpenOption.WRITE);
        file = current;
        try (FileChannel directory = FileChannel.open(current.toPath().getParent(), StandardOpenOption.READ))
        {
            directory.force(true); // the new file's directory entry
        }
    }

    private void close()
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignored)
            {
                // nothing is written through the channel itself
            }
            channel = null;
            file = null;
        }
    }

    @Override
    public void onClose()
    {
        close();
    }

    @Override
    public String roleName()
    {
        return "flusher";
    }
}
