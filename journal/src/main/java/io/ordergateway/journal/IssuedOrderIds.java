package io.ordergateway.journal;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A durable high-water mark of the order ids a journal's gateway has issued, in a small
 * memory-mapped file beside the journal ({@value #FILE_NAME}), so a restart can tell a journal that
 * lost its end (a deleted or renamed cycle file, an older copy put back) from one that is whole,
 * and never issues an id it may already have sent.
 *
 * <p>The journal stage reserves ids in blocks: before it journals an order id above the mark, it
 * raises the mark to that id plus {@link #BLOCK}, with an ordered store into the mapped page (it
 * survives a crash of the process; the page cache writes it back). So every journaled id is at or
 * below the mark, and the journal holds an id within one block (and one unjournaled id) of it: at
 * start a journal whose highest id is further below the mark has lost part of itself. Costs one
 * store every {@value #BLOCK} orders. Single writer: the journal stage's thread.
 */
public final class IssuedOrderIds implements AutoCloseable
{
    /** The file's name, in the journal directory. */
    public static final String FILE_NAME = "gateway.ids";
    /** Ids reserved at a time. */
    public static final long BLOCK = 1024;
    /** "GWID", little-endian. */
    public static final int MAGIC = 0x44495747;

    private static final int LENGTH = 4096;
    private static final int MARK_OFFSET = 8;

    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;
    private long mark;

    /**
     * Opens the mark of a journal directory, creating it at 0 if there is none.
     *
     * @param directory the journal directory.
     * @throws IllegalArgumentException if a file of that name exists and is not a mark.
     */
    public IssuedOrderIds(final Path directory)
    {
        final Path file = directory.resolve(FILE_NAME);
        final long before = read(directory);
        OwnedFile.checkReplaceable(file, MAGIC, "issued-ids file");
        final File f = file.toFile();
        mapped = Files.exists(file) && f.length() == LENGTH ? IoUtil.mapExistingFile(f, FILE_NAME)
            : IoUtil.mapNewFile(f, LENGTH);
        buffer = new UnsafeBuffer(mapped);
        mark = Math.max(0, before);
        buffer.putLongOrdered(MARK_OFFSET, mark);
        buffer.putIntOrdered(0, MAGIC);
    }

    /**
     * @param directory a journal directory.
     * @return the mark its gateway left, or -1 when there is no mark file (a journal written before
     *         marks existed, or none).
     * @throws JournalException if the file is there but damaged.
     */
    public static long read(final Path directory)
    {
        final Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file))
        {
            return -1;
        }
        try
        {
            final byte[] bytes = Files.readAllBytes(file);
            final UnsafeBuffer b = new UnsafeBuffer(bytes);
            if (bytes.length < MARK_OFFSET + 8 || b.getInt(0) != MAGIC)
            {
                throw JournalException.damaged(file + " is not an issued-ids file (bad length or magic number)");
            }
            return b.getLong(MARK_OFFSET);
        }
        catch (final java.io.IOException ex)
        {
            throw new JournalException("cannot read " + file + ": " + ex.getMessage());
        }
    }

    /**
     * Called by the journal stage before it journals a new order's id.
     *
     * @param orderId the id about to be journaled.
     */
    public void issuing(final long orderId)
    {
        if (orderId > mark)
        {
            mark = orderId + BLOCK;
            buffer.putLongOrdered(MARK_OFFSET, mark);
        }
    }

    /**
     * @return the mark now.
     */
    public long mark()
    {
        return mark;
    }

    /**
     * Checks a journal's highest order id against its mark.
     *
     * @param mark      the mark ({@link #read}), or -1 for none.
     * @param highestId the highest order id in the journal, 0 if none.
     * @param directory the journal, for the message.
     * @throws JournalException if the journal ends more than a block below the mark.
     */
    public static void check(final long mark, final long highestId, final Path directory)
    {
        if (mark > 0 && highestId < mark - BLOCK - 1)
        {
            throw JournalException.damaged("the journal in " + directory + " ends at order id " + highestId
                + ", but its gateway had already issued ids up to at least " + (mark - BLOCK - 1) + " (" + FILE_NAME
                + "): part of the journal is missing (a deleted or renamed cycle file, an older copy?), and ids after "
                + highestId + " may already be at a broker");
        }
    }

    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
    }
}
