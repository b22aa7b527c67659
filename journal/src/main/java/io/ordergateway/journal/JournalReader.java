package io.ordergateway.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * Reads a journal's records in order and hands each to a {@link JournalRecordHandler}. Every
 * document's checksum and every record's header are checked ({@link DocumentParser}), so a damaged
 * document, a journal from another schema or a newer writer is reported, with its place, instead
 * of misread; a file cut short (a fault reading its mapped memory) is reported the same way.
 *
 * <p>Chronicle stops at an unreadable document as if the journal ended there. A reader that has
 * read to the end calls {@link #verifyEnd()}, which finds what lies beyond: documents the queue's
 * index knows of, bytes after the last readable document, cycle files nothing was read from
 * ({@link JournalEnd}).
 *
 * <p>Damage throws, unless the reader was opened to {@linkplain #salvage(Path) salvage}: then
 * reading stops at the damage, which {@link #damage()} describes. Not thread safe: one reader per
 * thread.
 */
public final class JournalReader implements AutoCloseable
{
    private final DocumentParser documents = new DocumentParser();
    private final Path directory;
    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
    private final JournalEnd end;
    private final boolean salvage;
    private byte[] bytes = new byte[4096];
    private String damage;
    private long documentsRead;

    /**
     * Opens an existing journal at its start; damage throws.
     *
     * @param directory the journal directory.
     * @throws JournalException if there is no journal there.
     */
    public JournalReader(final Path directory)
    {
        this(directory, false);
    }

    private JournalReader(final Path directory, final boolean salvage)
    {
        this.directory = directory;
        this.queue = JournalFiles.openForReading(directory);
        this.tailer = queue.createTailer();
        this.end = new JournalEnd(directory, queue);
        this.salvage = salvage;
    }

    /**
     * Opens a journal to read what can be read: at damage, reading stops and {@link #damage()}
     * says what and where, instead of throwing.
     *
     * @param directory the journal directory.
     * @return the reader.
     */
    public static JournalReader salvage(final Path directory)
    {
        return new JournalReader(directory, true);
    }

    /**
     * Reads up to {@code limit} documents, delivering every record they hold.
     *
     * @param handler receives the records.
     * @param limit   the most documents to read in this call.
     * @return the number of documents read; 0 when the reader is at the end (for now: a follower
     *         may call again later) or, salvaging, at damage.
     * @throws JournalException if a document is damaged or from another schema or a newer version
     *                          (salvaging: only for the latter).
     */
    public int read(final JournalRecordHandler handler, final int limit)
    {
        int read = 0;
        while (read < limit && damage == null)
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
                end.documentRead(tailer.cycle(), index, in.readLimit());
                length = (int)in.readRemaining();
                if (length > bytes.length)
                {
                    bytes = new byte[Math.max(length, bytes.length * 2)];
                }
                in.read(bytes, 0, length);
            }
            catch (final InternalError ex)
            {
                onDamage(truncated()); // SIGBUS on the mapped file: it is shorter than the records in it
                break;
            }
            catch (final JournalException ex)
            {
                throw ex;
            }
            catch (final RuntimeException ex)
            {
                onDamage(JournalException.damaged("unreadable journal at " + end.place() + ": " + ex));
                break;
            }
            read++;
            documentsRead++;
            try
            {
                dispatch(handler, index, length);
            }
            catch (final JournalException ex)
            {
                if (!ex.isDamage())
                {
                    throw ex;
                }
                onDamage(JournalException.damaged(ex.getMessage() + " (" + end.fileOf(tailer.cycle()) + ")"));
                break;
            }
            catch (final InternalError ex)
            {
                onDamage(truncated()); // the fault of a read of the mapped file, raised late, in compiled code
                break;
            }
        }
        return read;
    }

    /**
     * Reads every record from the current position to the end of a journal no one is writing, and
     * checks that nothing lies beyond that end ({@link #verifyEnd()}).
     *
     * @param handler receives the records.
     * @return the number of documents read.
     * @throws JournalException on damage (salvaging: {@link #damage()} says what instead).
     */
    public long readAll(final JournalRecordHandler handler)
    {
        final long total = readAvailable(handler);
        verifyEnd();
        return total;
    }

    /**
     * Reads every record written so far, without judging the end: for a reader following a
     * journal that is still being written.
     *
     * @param handler receives the records.
     * @return the number of documents read.
     */
    public long readAvailable(final JournalRecordHandler handler)
    {
        long total = 0;
        int n;
        while ((n = read(handler, 1024)) > 0)
        {
            total += n;
        }
        return total;
    }

    /**
     * After reading to the end of a journal no one is writing: checks that nothing lies beyond
     * where reading stopped (see {@link JournalEnd}).
     *
     * @throws JournalException if something does (salvaging: {@link #damage()} says so instead).
     */
    public void verifyEnd()
    {
        if (damage != null)
        {
            return;
        }
        final String beyond = end.beyondEnd();
        if (beyond != null)
        {
            onDamage(JournalException.damaged(beyond));
        }
    }

    /**
     * @return what damage stopped a salvaging reader, or null if none was found.
     */
    public String damage()
    {
        return damage;
    }

    /**
     * @return documents read so far.
     */
    public long documentsRead()
    {
        return documentsRead;
    }

    /**
     * @return a note about the journal's end that is not damage (an unfinished last document left
     *         by a crash), or null.
     */
    public String endNote()
    {
        return end.note();
    }

    /**
     * @return the journal directory.
     */
    public Path directory()
    {
        return directory;
    }

    private JournalException truncated()
    {
        return JournalException.damaged("unreadable journal at " + end.place()
            + ": the file ends before its records do (truncated?), a fault reading its mapped memory");
    }

    private void onDamage(final JournalException ex)
    {
        if (!salvage)
        {
            throw ex;
        }
        damage = ex.getMessage();
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
