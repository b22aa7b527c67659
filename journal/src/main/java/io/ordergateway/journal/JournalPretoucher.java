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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Keeps the journal writer off the page faults that set its tail on a real disk. Chronicle's
 * cycle files are sparse: the first write to each fresh 4 KiB page of the mapping makes the
 * filesystem allocate its block (ext4's {@code page_mkwrite}, with its journal), on the writer's
 * thread, for milliseconds at a time. Measured on this VM's disk with 256-byte records at 100k/s
 * into a plain sparse mapped file: p99 15.0 ms; with a thread touching 16 MiB ahead through its own
 * mapping, p99 39 µs ({@code benchmarks/results/2026-12-01/journal-disk}). Behind Chronicle in the
 * gateway it is not yet shown to help (issue 14): it runs only with
 * {@code -Dgateway.journal.pretouch=true}.
 *
 * <p>An agent off the order path (on the gateway's shared agent thread): on each duty cycle it
 * writes to at most {@link #PAGES_PER_CYCLE} pages between the page after the writer's position
 * and {@link #AHEAD} bytes beyond it, in the newest cycle file, through a mapping of its own. The
 * write is a compare-and-set of 0 to 0 on the page's first word, so it never changes what is
 * there: a word the writer already wrote is not 0 and is left alone, and one it writes later
 * overwrites the 0. It touches only within the file's length as it finds it (Chronicle only
 * grows its files while writing), and only the newest file.
 */
public final class JournalPretoucher implements Agent
{
    /** How far ahead of the writer pages are touched. */
    public static final long AHEAD = 16L << 20;
    /** The most pages touched per duty cycle, so the agent thread's other agents are not held up. */
    public static final int PAGES_PER_CYCLE = 64;
    private static final long PAGE = 4096;
    private static final long WINDOW = 64L << 20;
    private static final long RESCAN_NANOS = 1_000_000_000L;
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final Logger LOG = LoggerFactory.getLogger(JournalPretoucher.class);

    private final Path directory;
    private final java.util.function.LongSupplier writerPosition;
    private Path file;
    private FileChannel channel;
    private MappedByteBuffer map;
    private long mapStart;
    private long mapEnd;
    private long touched;
    private long lastPosition;
    private long nextScanNanos;
    private long pagesTouched;

    /**
     * @param directory      the journal directory.
     * @param writerPosition where the writer is in its current cycle file ({@link JournalWriter#position}).
     */
    public JournalPretoucher(final Path directory, final java.util.function.LongSupplier writerPosition)
    {
        this.directory = directory;
        this.writerPosition = writerPosition;
    }

    @Override
    public int doWork()
    {
        final long position = writerPosition.getAsLong();
        if (position <= 0)
        {
            return 0;
        }
        try
        {
            final long now = System.nanoTime();
            if (file == null || position < lastPosition || now - nextScanNanos >= 0)
            {
                nextScanNanos = now + RESCAN_NANOS;
                follow(newest());
            }
            lastPosition = position;
            if (channel == null)
            {
                return 0;
            }
            final long from = Math.max(touched, (position + PAGE) & ~(PAGE - 1));
            final long target = position + AHEAD;
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

    private Path newest() throws IOException
    {
        try (Stream<Path> files = Files.list(directory))
        {
            return files.filter(p -> p.getFileName().toString().endsWith(".cq4")).max(Path::compareTo).orElse(null);
        }
    }

    private void follow(final Path newest) throws IOException
    {
        if (newest == null || newest.equals(file))
        {
            return;
        }
        close();
        file = newest;
        channel = FileChannel.open(newest, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
