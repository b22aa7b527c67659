package io.ordergateway.core.metrics;

import io.ordergateway.journal.OwnedFile;
import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Live counters in a memory-mapped file that another process reads while the gateway runs (as
 * Aeron's CnC file): a 64-byte header (magic, version, lengths, the writer's pid, its start time and
 * a heartbeat), then Agrona's counter metadata and values. The gateway writes values with ordered
 * stores; {@code gateway stat} maps the file read-only and reads them. Nothing here is on the order
 * path: the timer thread copies the gateway's metrics into the file.
 */
public final class CountersFile implements AutoCloseable
{
    /** "GWCT". */
    public static final int MAGIC = 0x47574354;
    /** Layout version. */
    public static final int VERSION = 1;
    /** Default file name, under the journal directory. */
    public static final String DEFAULT_NAME = "gateway.counters";

    private static final int HEADER_LENGTH = 64;
    private static final int MAGIC_OFFSET = 0;
    private static final int VERSION_OFFSET = 4;
    private static final int METADATA_LENGTH_OFFSET = 8;
    private static final int VALUES_LENGTH_OFFSET = 12;
    private static final int PID_OFFSET = 16;
    private static final int START_OFFSET = 24;
    private static final int HEARTBEAT_OFFSET = 32;

    private final MappedByteBuffer mapped;
    private final AtomicBuffer header;
    private final CountersManager manager;

    /**
     * Creates (or replaces) the file.
     *
     * @param file        where.
     * @param maxCounters room for this many counters.
     * @param nowMillis   the start time (epoch ms).
     * @throws IllegalArgumentException if {@code file} is a journal file's name, or exists and is not a counters file.
     */
    public CountersFile(final Path file, final int maxCounters, final long nowMillis)
    {
        OwnedFile.checkReplaceable(file, MAGIC, "counters file"); // written in native order: little-endian here
        final int valuesLength = maxCounters * CountersReader.COUNTER_LENGTH;
        final int metadataLength = maxCounters * CountersReader.METADATA_LENGTH;
        final File f = file.toFile();
        IoUtil.deleteIfExists(f);
        mapped = IoUtil.mapNewFile(f, HEADER_LENGTH + metadataLength + valuesLength);
        header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        final AtomicBuffer metadata = new UnsafeBuffer(mapped, HEADER_LENGTH, metadataLength);
        final AtomicBuffer values = new UnsafeBuffer(mapped, HEADER_LENGTH + metadataLength, valuesLength);
        manager = new CountersManager(metadata, values, StandardCharsets.US_ASCII);
        header.putInt(VERSION_OFFSET, VERSION);
        header.putInt(METADATA_LENGTH_OFFSET, metadataLength);
        header.putInt(VALUES_LENGTH_OFFSET, valuesLength);
        header.putLong(PID_OFFSET, ProcessHandle.current().pid());
        header.putLong(START_OFFSET, nowMillis);
        header.putLongOrdered(HEARTBEAT_OFFSET, nowMillis);
        header.putIntOrdered(MAGIC_OFFSET, MAGIC); // last: a reader trusts the file once it sees the magic
    }

    /**
     * @param typeId what kind of counter (the exporter's types).
     * @param label  what it counts.
     * @return the counter.
     */
    public AtomicCounter add(final int typeId, final String label)
    {
        return manager.newCounter(label, typeId);
    }

    /**
     * @param nowMillis the writer's time: readers see the gateway is alive.
     */
    public void heartbeat(final long nowMillis)
    {
        header.putLongOrdered(HEARTBEAT_OFFSET, nowMillis);
    }

    @Override
    public void close()
    {
        header.putLongOrdered(HEARTBEAT_OFFSET, 0); // 0: the gateway closed
        IoUtil.unmap(mapped);
    }

    /**
     * Another process's view of a counters file.
     */
    public static final class Reader implements AutoCloseable
    {
        private final MappedByteBuffer mapped;
        private final AtomicBuffer header;
        private final CountersReader counters;

        private Reader(final MappedByteBuffer mapped, final AtomicBuffer header, final CountersReader counters)
        {
            this.mapped = mapped;
            this.header = header;
            this.counters = counters;
        }

        /** @return the writer's pid. */
        public long pid()
        {
            return header.getLong(PID_OFFSET);
        }

        /** @return the writer's start (epoch ms). */
        public long startMillis()
        {
            return header.getLong(START_OFFSET);
        }

        /** @return the writer's last heartbeat (epoch ms), 0 once it closed. */
        public long heartbeatMillis()
        {
            return header.getLongVolatile(HEARTBEAT_OFFSET);
        }

        /**
         * @return label to value, in allocation order.
         */
        public Map<String, Long> values()
        {
            final Map<String, Long> out = new LinkedHashMap<>();
            counters.forEach((value, id, label) -> out.put(label, value));
            return out;
        }

        @Override
        public void close()
        {
            IoUtil.unmap(mapped);
        }
    }

    /**
     * Maps a counters file read-only.
     *
     * @param file the file.
     * @return the reader.
     * @throws IllegalArgumentException when the file is missing, not a counters file, or of another version.
     */
    public static Reader open(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException("no counters file at " + file
                + " (is the gateway running with counters on?)");
        }
        final MappedByteBuffer mapped =
            IoUtil.mapExistingFile(file.toFile(), java.nio.channels.FileChannel.MapMode.READ_ONLY, "counters");
        final AtomicBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        if (header.getIntVolatile(MAGIC_OFFSET) != MAGIC)
        {
            IoUtil.unmap(mapped);
            throw new IllegalArgumentException(file + " is not a gateway counters file (or it is still being created)");
        }
        if (header.getInt(VERSION_OFFSET) != VERSION)
        {
            IoUtil.unmap(mapped);
            throw new IllegalArgumentException(file + " has counters layout version " + header.getInt(VERSION_OFFSET)
                + ", this reader knows " + VERSION);
        }
        final int metadataLength = header.getInt(METADATA_LENGTH_OFFSET);
        final int valuesLength = header.getInt(VALUES_LENGTH_OFFSET);
        final CountersReader counters = new CountersReader(new UnsafeBuffer(mapped, HEADER_LENGTH, metadataLength),
            new UnsafeBuffer(mapped, HEADER_LENGTH + metadataLength, valuesLength), StandardCharsets.US_ASCII);
        return new Reader(mapped, header, counters);
    }
}
