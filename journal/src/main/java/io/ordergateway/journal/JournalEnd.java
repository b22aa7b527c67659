package io.ordergateway.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a reader knows of where it is, and the checks that nothing lies beyond where it stopped.
 * Chronicle's tailer stops at the first document whose header is not complete, as it would for a
 * document being written, so damage in the middle of a journal looks like its end. For a journal
 * no one is writing, three things tell the two apart:
 * <ul>
 *   <li>the queue's index knows of documents after the last one read;</li>
 *   <li>the file holds bytes after the last document read, other than Chronicle's own metadata
 *       (its index) and the unfinished header a crash leaves ({@code NOT_COMPLETE} with no length:
 *       a write cut short, which the gateway never acted on);</li>
 *   <li>a cycle file in the directory from which nothing was read (renamed, foreign, damaged).</li>
 * </ul>
 * Headers follow Chronicle's format: a little-endian int, bit 31 not complete, bit 30 metadata,
 * the low 30 bits the length; documents start on 4-byte boundaries.
 */
final class JournalEnd
{
    private static final int NOT_COMPLETE = 0x8000_0000;
    private static final int META_DATA = 0x4000_0000;
    private static final int LENGTH_MASK = 0x3FFF_FFFF;
    private static final int END_OF_DATA = NOT_COMPLETE | META_DATA;

    private final Path directory;
    private final ChronicleQueue queue;
    private final Set<Integer> cyclesRead = new HashSet<>();
    private int lastCycle = Integer.MIN_VALUE;
    private long lastIndex = -1;
    private long lastEnd = -1;
    private String note;

    JournalEnd(final Path directory, final ChronicleQueue queue)
    {
        this.directory = directory;
        this.queue = queue;
    }

    void documentRead(final int cycle, final long index, final long endPosition)
    {
        if (cycle != lastCycle)
        {
            cyclesRead.add(cycle);
            lastCycle = cycle;
        }
        lastIndex = index;
        lastEnd = endPosition;
    }

    /**
     * @return where reading is: the last cycle file and the document after the last one read.
     */
    String place()
    {
        if (lastIndex < 0)
        {
            return "the journal's first document (" + directory + ")";
        }
        return fileOf(lastCycle) + ", the document after index " + Long.toHexString(lastIndex) + " (byte " + lastEnd
            + ")";
    }

    String note()
    {
        return note;
    }

    /**
     * @return what lies beyond the last document read, as damage, or null if nothing does.
     */
    String beyondEnd()
    {
        final long known;
        try
        {
            known = queue.lastIndex();
        }
        catch (final InternalError ex)
        {
            return "unreadable journal after " + place() + ": the file ends before its records do (truncated?), "
                + "a fault reading its mapped memory";
        }
        catch (final RuntimeException | AssertionError ex)
        {
            final String files = unreadFiles();
            return files != null ? files : "the journal's index cannot be read after " + place() + ": " + ex;
        }
        if (known > lastIndex && known >= 0)
        {
            return "damaged journal at " + place()
                + ": Chronicle stops there, but its index holds documents up to index " + Long.toHexString(known)
                + " after it";
        }
        if (lastIndex >= 0)
        {
            final String tail = tail();
            if (tail != null)
            {
                return tail;
            }
        }
        return unreadFiles();
    }

    /**
     * Walks the headers after the last document read in its file: Chronicle's metadata is
     * skipped, a crash's unfinished header noted, anything else is damage.
     */
    private String tail()
    {
        final Path file = directory.resolve(fileOf(lastCycle));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer word = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            long position = (lastEnd + 3) & ~3L;
            while (position + 4 <= channel.size())
            {
                word.clear();
                if (channel.read(word, position) < 4)
                {
                    return null;
                }
                final int header = word.getInt(0);
                if (header == 0 || header == END_OF_DATA)
                {
                    return null;
                }
                final int length = header & LENGTH_MASK;
                if (header == NOT_COMPLETE)
                {
                    note = "an unfinished last document at byte " + position + " of " + file.getFileName()
                        + " (a write cut short by a crash): ignored, the gateway never acted on it";
                    return null;
                }
                if ((header & NOT_COMPLETE) == 0 && (header & META_DATA) != 0)
                {
                    position = (position + 4 + length + 3) & ~3L; // Chronicle's own index: skip it
                    continue;
                }
                return "damaged journal at " + file.getFileName() + ", byte " + position + " (after index "
                    + Long.toHexString(lastIndex) + "): a document header 0x" + Integer.toHexString(header)
                    + ((header & NOT_COMPLETE) != 0 ? " marked unfinished but with a length of " + length
                    : " that Chronicle does not reach") + "; the documents after it cannot be read";
            }
            return null;
        }
        catch (final IOException ex)
        {
            return "cannot read " + file + " to check its end: " + ex.getMessage();
        }
    }

    private String unreadFiles()
    {
        final Set<String> read = new HashSet<>();
        for (final int cycle : cyclesRead)
        {
            read.add(fileOf(cycle));
        }
        final List<String> unread = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory))
        {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cq4")).filter(n -> !read.contains(n))
                .sorted()
                .forEach(unread::add);
        }
        catch (final IOException ex)
        {
            return "cannot list " + directory + ": " + ex.getMessage();
        }
        if (unread.isEmpty())
        {
            return null;
        }
        return "journal " + directory + " holds cycle file(s) " + unread + " from which no document could be read"
            + " (renamed, from another journal, or damaged); documents read came from " + read;
    }

    /**
     * @param cycle a Chronicle cycle.
     * @return the name of its file, as Chronicle names it.
     */
    String fileOf(final int cycle)
    {
        final RollCycle roll = queue.rollCycle();
        final long epoch = queue instanceof SingleChronicleQueue ? ((SingleChronicleQueue)queue).epoch() : 0;
        final DateTimeFormatter format = DateTimeFormatter.ofPattern(roll.format()).withZone(ZoneOffset.UTC);
        return format.format(Instant.ofEpochMilli(epoch + (long)cycle * roll.lengthInMillis())) + ".cq4";
    }
}
