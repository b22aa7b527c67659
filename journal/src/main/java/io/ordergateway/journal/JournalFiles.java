package io.ordergateway.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Opens the Chronicle Queue that holds a gateway instance's journal, the same way for the writer
 * and for every reader, and makes sure Chronicle's analytics stay off in the product.
 */
public final class JournalFiles
{
    /** The roll cycle used unless configured otherwise: one file per day. */
    public static final RollCycle DEFAULT_ROLL_CYCLE = rollCycle(JournalRollCycle.DAILY);

    /**
     * @param cycle how often a new file is started.
     * @return Chronicle Queue's roll cycle for it.
     */
    public static RollCycle rollCycle(final JournalRollCycle cycle)
    {
        return switch (cycle)
        {
            case DAILY -> RollCycles.FAST_DAILY;
            case HOURLY -> RollCycles.FAST_HOURLY;
        };
    }

    static
    {
        // Belt and braces: the analytics artifact is excluded from the build, and the property is set
        // before any queue is built, so an embedding application that forgot the flag phones nowhere.
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        System.setProperty("chronicle.disk.monitor.disable", "true");
        System.setProperty("disable.perf.info", "true");
    }

    private JournalFiles()
    {
    }

    /**
     * Opens (creating if needed) the journal in a directory for appending.
     *
     * @param directory the journal directory.
     * @param rollCycle how often a new file is started.
     * @return the open queue; the caller closes it.
     */
    public static ChronicleQueue openForWriting(final Path directory, final RollCycle rollCycle)
    {
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create journal directory " + directory, ex);
        }
        return SingleChronicleQueueBuilder.single(directory.toFile()).rollCycle(rollCycle).build();
    }

    /**
     * Opens an existing journal for reading.
     *
     * @param directory the journal directory.
     * @return the open queue; the caller closes it.
     * @throws JournalException if the directory does not exist or holds no journal files.
     */
    public static ChronicleQueue openForReading(final Path directory)
    {
        if (!containsJournal(directory))
        {
            throw new JournalException("no journal in " + directory + " (expected a directory holding *.cq4 files)");
        }
        return SingleChronicleQueueBuilder.single(directory.toFile()).readOnly(true).build();
    }

    /**
     * Tells whether a directory holds journal files.
     *
     * @param directory the directory to look in.
     * @return true when it exists and holds at least one {@code .cq4} file.
     */
    public static boolean containsJournal(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            return false;
        }
        try (Stream<Path> files = Files.list(directory))
        {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".cq4"));
        }
        catch (final IOException ex)
        {
            return false;
        }
    }
}
