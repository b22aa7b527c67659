package io.ordergateway.journal;

import org.agrona.IoUtil;
import org.agrona.concurrent.Agent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Keeps the journal writer off the page faults that set its tail on a real disk. Chronicle's
 * cycle files are sparse: the first write to each fresh 4 KiB page of the mapping makes the
 * filesystem allocate its block (ext4's {@code page_mkwrite}, with its journal), on the writer's
 * thread, for milliseconds at a time. Measured on this VM's disk with 256-byte records at 100k/s
 * into a plain sparse mapped file: p99 15.0 ms; with a thread touching 16 MiB ahead through its own
 * mapping, p99 39 µs; the bare Chronicle append on disk at 100k/s, p99 14.8 ms without it and 32 µs
 * with it ({@code benchmarks/results/2026-12-01/journal-disk}). On by default
 * ({@code journalPretouch}).
 *
 * <p>An agent off the order path (on the gateway's shared agent thread): on each duty cycle it
 * writes to at most {@link #PAGES_PER_CYCLE} pages between the page after the writer's position
 * and {@link #AHEAD} bytes beyond it, in the writer's current cycle file, through a mapping of its own. The
 * write is a compare-and-set of 0 to 0 on the page's first word, so it never changes what is
 * there: a word the writer already wrote is not 0 and is left alone, and one it writes later
 * overwrites the 0. It touches only within the file's length as it finds it (Chronicle only
 * grows its files while writing), and only the writer's current file: after a roll the first pages
 * of the new file are the writer's own until the pretoucher is ahead again (a few milliseconds).
 *
 * <p>Each touch of a fresh page is kernel CPU time (about 10 µs here: the block allocation), so a
 * duty cycle is kept short: {@link #PAGES_PER_CYCLE} pages, 16 of them about 0.15 ms.
 */
public final class JournalPretoucher implements Agent
{
    /** How far ahead of the writer pages are touched. */
    public static final long AHEAD = 16L << 20;
    /** The most pages touched per duty cycle, so the agent thread's other agents are not held up. */
    public static final int PAGES_PER_CYCLE = 16;
    private static final long PAGE = 4096;
    private static final long WINDOW = 64L << 20;
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final Logger LOG = LoggerFactory.getLogger(JournalPretoucher.class);

    private final JournalWriter writer;
    private java.io.File file;
    private java.io.File failed;
    private FileChannel channel;
    private MappedByteBuffer map;
    private long mapStart;
    private long mapEnd;
    private long touched;
    private long pagesTouched;

    /**
     * @param writer the journal's writer, whose current file and position it follows (from any thread).
     */
    public JournalPretoucher(final JournalWriter writer)
    {
        this.writer = writer;
    }

    @Override
    public int doWork()
    {
        final java.io.File current = writer.file();
        final long position = writer.position();
        if (current == null || position <= 0 || current.equals(failed))
        {
            return 0;
        }
        try
        {
            if (!current.equals(file))
            {
                follow(current);
            }
            final long from = Math.max(touched, (position + PAGE) & ~(PAGE - 1));
            final long target = (position + AHEAD) & ~(PAGE - 1); // pages: a word at an unaligned offset would throw
            if (from >= target)
            {
                return 0;
            }
            final long limit = Math.min(Math.min(target, channel.size() & ~(PAGE - 1)), from + PAGES_PER_CYCLE * PAGE);
            if (limit <= from)
            {
                return 0;
            }
            mapFor(from, limit);
            for (long at = from; at < limit; at += PAGE)
            {
                INT.compareAndSet(map, (int)(at - mapStart), 0, 0);
            }
            pagesTouched += (limit - from) / PAGE;
            touched = limit;
            return 1;
        }
        catch (final IOException | RuntimeException ex)
        {
            LOG.warn("journal pretoucher: {} ({}); it stops touching {}", ex.getMessage(),
                ex.getClass().getSimpleName(), file);
            close();
            failed = current;
            file = null;
            return 0;
        }
    }

    /**
     * @return pages touched so far, for tests and counters.
     */
    public long pagesTouched()
    {
        return pagesTouched;
    }

    private void follow(final java.io.File current) throws IOException
    {
        close();
        file = current;
        channel = FileChannel.open(current.toPath(), StandardOpenOption.READ, StandardOpenOption.WRITE);
        touched = 0;
    }

    private void mapFor(final long from, final long limit) throws IOException
    {
        if (map != null && from >= mapStart && limit <= mapEnd)
        {
            return;
        }
        unmap();
        mapStart = from & ~(WINDOW - 1);
        mapEnd = Math.min(mapStart + 2 * WINDOW, channel.size() & ~(PAGE - 1));
        map = channel.map(FileChannel.MapMode.READ_WRITE, mapStart, mapEnd - mapStart);
    }

    private void unmap()
    {
        if (map != null)
        {
            IoUtil.unmap(map);
            map = null;
        }
    }

    @Override
    public void onClose()
    {
        close();
    }

    private void close()
    {
        unmap();
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignored)
            {
                // nothing was written through the channel itself
            }
            channel = null;
        }
    }

    @Override
    public String roleName()
    {
        return "pretoucher";
    }
}
