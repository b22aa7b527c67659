package io.ordergateway.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A damaged journal is never read silently: each kind of damage the hostile tests found is
 * reported with its place by the strict reader and stops a salvaging reader where it is, while an
 * intact journal, and the unfinished last write a crash leaves, read cleanly.
 */
class JournalIntegrityTest
{
    private static final int DOCUMENTS = 400;
    private static final int MARKED = 200;
    private static final long NULL = FixedPoint.NULL;
    /** Where the symbol name sits in an OrderNew document: the SBE header, then 36 bytes of fields. */
    private static final int SYMBOL_OFFSET = 8 + 36;

    @TempDir
    Path dir;

    private Path journal()
    {
        final Path journal = dir.resolve("journal");
        try (JournalWriter writer = new JournalWriter(journal, JournalFiles.DEFAULT_ROLL_CYCLE))
        {
            final JournalPublisher p = new JournalPublisher(writer);
            for (int i = 1; i <= DOCUMENTS; i++)
            {
                p.begin().orderNew(i, i, i, 1, 1, 0, JournalPublisher.symbolBytes(i == MARKED ? "MARKED" : "AAPL"), 1,
                    2, 1, 1, false, 100, 10, NULL, NULL, NULL, NULL, NULL, NULL).commit();
            }
        }
        return journal;
    }

    private static Path cycleFile(final Path journal) throws IOException
    {
        try (Stream<Path> files = Files.list(journal))
        {
            return files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    /** @return the file offset of the marked document's Chronicle header. */
    private static long markedHeader(final Path file) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        final byte[] marker = "MARKED".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i < bytes.length - marker.length; i++)
        {
            for (int j = 0; j < marker.length; j++)
            {
                if (bytes[i + j] != marker[j])
                {
                    continue outer;
                }
            }
            return i - SYMBOL_OFFSET - 4;
        }
        throw new AssertionError("marker not found");
    }

    private static long lastHeader(final Path file) throws IOException
    {
        final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        long last = -1;
        for (int i = 0; i + 12 < b.capacity(); i += 4)
        {
            final int header = b.getInt(i);
            final int length = header & 0x3FFF_FFFF;
            if (header != 0 && (header & 0xC000_0000) == 0 && b.getShort(i + 8) == 7001 && length < 4096)
            {
                last = i;
                i += ((length + 3) & ~3);
            }
        }
        return last;
    }

    private static void orInt(final Path file, final long position, final int bits) throws IOException
    {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw"))
        {
            f.seek(position);
            final int value = Integer.reverseBytes(f.readInt());
            f.seek(position);
            f.writeInt(Integer.reverseBytes(value | bits));
        }
    }

    private long documents(final JournalReader reader)
    {
        final long[] n = {0};
        reader.readAll((templateId, buffer, offset, blockLength, version, index) -> n[0]++);
        return n[0];
    }

    private JournalException strictRead(final Path journal)
    {
        return catchThrowableOfType(JournalException.class, () ->
        {
            try (JournalReader reader = new JournalReader(journal))
            {
                documents(reader);
            }
        });
    }

    private String salvage(final Path journal, final long expectedBefore)
    {
        try (JournalReader reader = JournalReader.salvage(journal))
        {
            assertThat(documents(reader)).as("records read up to the damage").isEqualTo(expectedBefore);
            return reader.damage();
        }
    }

    @Test
    void anIntactJournalReadsToItsEndWithoutComplaint()
    {
        try (JournalReader reader = new JournalReader(journal()))
        {
            assertThat(documents(reader)).isEqualTo(DOCUMENTS);
            assertThat(reader.damage()).isNull();
            assertThat(reader.endNote()).isNull();
        }
    }

    @Test
    void aFlippedByteFailsTheDocumentsChecksum() throws IOException
    {
        final Path journal = journal();
        final Path file = cycleFile(journal);
        orInt(file, markedHeader(file) + 4 + SYMBOL_OFFSET, 0x20); // "MARKED" -> "mARKED"
        final JournalException ex = strictRead(journal);
        assertThat(ex).isNotNull();
        assertThat(ex.isDamage()).isTrue();
        assertThat(ex.getMessage()).contains("checksum").contains("does not match")
            .contains(file.getFileName().toString());
        assertThat(salvage(journal, MARKED - 1)).contains("checksum");
    }

    @Test
    void anUnfinishedHeaderInTheMiddleIsDamageNotTheEnd() throws IOException
    {
        final Path journal = journal();
        final Path file = cycleFile(journal);
        orInt(file, markedHeader(file), 0x8000_0000);
        final JournalException ex = strictRead(journal);
        assertThat(ex).isNotNull();
        assertThat(ex.getMessage()).contains("damaged journal at " + file.getFileName())
            .contains("index holds documents up to");
        assertThat(salvage(journal, MARKED - 1)).contains("Chronicle stops there");
    }

    @Test
    void anUnfinishedHeaderOnTheLastCompleteDocumentIsDamage() throws IOException
    {
        final Path journal = journal();
        final Path file = cycleFile(journal);
        orInt(file, lastHeader(file), 0x8000_0000);
        final JournalException ex = strictRead(journal);
        assertThat(ex).isNotNull();
        assertThat(ex.getMessage()).contains("marked unfinished but with a length of");
    }

    @Test
    void theUnfinishedWriteACrashLeavesIsANoteNotDamage() throws IOException
    {
        final Path journal = journal();
        final Path file = cycleFile(journal);
        final long last = lastHeader(file);
        final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        final long next = last + 4 + (((b.getInt((int)last) & 0x3FFF_FFFF) + 3) & ~3);
        orInt(file, next, 0x8000_0000); // what Chronicle writes first: not complete, no length yet
        try (JournalReader reader = new JournalReader(journal))
        {
            assertThat(documents(reader)).isEqualTo(DOCUMENTS);
            assertThat(reader.endNote()).contains("a write cut short by a crash");
        }
    }

    @Test
    void aFileCutShortIsReportedNotACrashOfTheReader() throws IOException
    {
        final Path journal = journal();
        final Path file = cycleFile(journal);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw"))
        {
            f.setLength(markedHeader(file) + 2);
        }
        final JournalException ex = strictRead(journal);
        assertThat(ex).isNotNull();
        assertThat(ex.isDamage()).isTrue();
        assertThat(ex.getMessage()).contains("damaged").contains("index");
    }

    @Test
    void aRenamedCycleFileIsEitherReadWholeOrReportedNeverReadAsEmpty() throws IOException
    {
        final Path journal = journal();
        final Path file = cycleFile(journal);
        Files.move(file, journal.resolve("20991231F.cq4")); // renamed to a future day
        long read = -1;
        String damage = null;
        try (JournalReader reader = JournalReader.salvage(journal))
        {
            read = documents(reader);
            damage = reader.damage();
        }
        if (damage == null)
        {
            assertThat(read).as("read without complaint: then all of it").isEqualTo(DOCUMENTS);
        }
        else
        {
            assertThat(damage).contains("20991231F.cq4");
        }
    }

    @Test
    void aForeignCycleFileBesideTheJournalIsReported() throws IOException
    {
        final Path journal = journal();
        Files.write(journal.resolve("20991231F.cq4"), new byte[4096]); // not a Chronicle file at all
        final JournalException ex = strictRead(journal);
        assertThat(ex).isNotNull();
        assertThat(ex.isDamage()).isTrue();
    }
}
