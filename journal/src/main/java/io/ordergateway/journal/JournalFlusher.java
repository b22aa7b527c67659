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
 * appended before the sequence read is left out.
 *
 * <p>Off the order path on a thread of its own: it spends its time blocked in the device's flush,
 * so it costs little CPU, and orders journaled while it flushes form the next group. A flush that
 * fails is logged and tried again; until one succeeds nothing more is sent (the ring fills and
 * submits are refused: explicit backpressure, never a lost order).
 */
public final class JournalFlusher implements Agent
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalFlusher.class);

    private final JournalWriter writer;
    private final LongSupplier appended;
    private final LongConsumer onDurable;
    private final AtomicLong durable;
    private File file;
    private FileChannel channel;
    private long flushes;
    private boolean failing;

    /**
     * @param writer    the journal's writer (its current file is read from any thread).
     * @param appended  how far the journal stage has appended: the sequence of its last event.
     * @param start     the sequence durable at start (the one before the first event).
     * @param onDurable given each new {@link #durable()} sequence, on the flusher's thread.
     */
    public JournalFlusher(final JournalWriter writer, final LongSupplier appended, final long start,
        final LongConsumer onDurable)
    {
        this.writer = writer;
        this.appended = appended;
        this.onDurable = onDurable;
        this.durable = new AtomicLong(start);
    }

    @Override
    public int doWork()
    {
        final long upTo = appended.getAsLong();
        if (upTo <= durable.get())
        {
            return 0;
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
        }
        catch (final IOException | RuntimeException ex)
        {
            if (!failing)
            {
                LOG.error("journal flusher: cannot force {} to the device: {}; nothing more is sent until it can",
                    current, ex.getMessage());
                failing = true;
            }
            close();
            return 0;
        }
        if (failing)
        {
            LOG.warn("journal flusher: {} forced again; sends go on", current);
            failing = false;
        }
        flushes++;
        durable.lazySet(upTo);
        onDurable.accept(upTo);
        return 1;
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
            close();
        }
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
