package io.ordergateway.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalWriterReaderTest
{
    @TempDir
    Path dir;

    @Test
    void whatOneWriterAppendedIsReadBackInTheSameProcessAfterItCloses()
    {
        final byte[] record = sampleRecord(7);
        try (JournalWriter writer = new JournalWriter(dir, JournalFiles.DEFAULT_ROLL_CYCLE))
        {
            writer.append(record, 0, record.length);
            writer.append(record, 0, record.length);
        }
        assertThat(count()).isEqualTo(2);
        try (JournalWriter writer = new JournalWriter(dir, JournalFiles.DEFAULT_ROLL_CYCLE))
        {
            writer.append(record, 0, record.length);
        }
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void aMissingJournalIsReportedClearly()
    {
        assertThatThrownBy(() -> new JournalReader(dir.resolve("nothing-here")))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("no journal in")
            .hasMessageContaining("nothing-here");
    }

    @Test
    void aDocumentFromAnotherSchemaOrANewerVersionIsRefusedWithTheReason() throws Exception
    {
        final byte[] foreign = sampleRecord(7);
        foreign[4] = 99; // schema id
        try (JournalWriter writer = new JournalWriter(dir, JournalFiles.DEFAULT_ROLL_CYCLE))
        {
            writer.append(foreign, 0, foreign.length);
        }
        assertThatThrownBy(this::count).isInstanceOf(JournalException.class)
            .hasMessageContaining("not a gateway journal");

        final Path newer = Files.createDirectory(dir.resolve("newer"));
        final byte[] future = sampleRecord(7);
        future[6] = 99; // version
        try (JournalWriter writer = new JournalWriter(newer, JournalFiles.DEFAULT_ROLL_CYCLE))
        {
            writer.append(future, 0, future.length);
        }
        try (JournalReader reader = new JournalReader(newer))
        {
            assertThatThrownBy(() -> reader.readAll((t, b, o, l, v, i) -> { }))
                .isInstanceOf(JournalException.class).hasMessageContaining("newer than this reader");
        }
    }

    private long count()
    {
        final List<Long> orderIds = new ArrayList<>();
        try (JournalReader reader = new JournalReader(dir))
        {
            reader.readAll((templateId, buffer, offset, blockLength, version, index) ->
                orderIds.add(RecordFields.orderId(buffer, offset)));
        }
        assertThat(orderIds).allMatch(id -> id == 7);
        return orderIds.size();
    }

    /**
     * An OrderCancel record: header + sequence, timestamp, orderId; marked schema version 4, the
     * last without document checksums, as a journal written before them holds it.
     */
    private static byte[] sampleRecord(final long orderId)
    {
        final org.agrona.concurrent.UnsafeBuffer buffer = new org.agrona.concurrent.UnsafeBuffer(new byte[64]);
        final io.ordergateway.journal.sbe.OrderCancelEncoder encoder =
            new io.ordergateway.journal.sbe.OrderCancelEncoder();
        encoder.wrapAndApplyHeader(buffer, 0, new io.ordergateway.journal.sbe.MessageHeaderEncoder())
            .sequence(1).timestamp(2).orderId(orderId);
        final byte[] bytes = new
            byte[io.ordergateway.journal.sbe.MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength()];
        buffer.getBytes(0, bytes);
        bytes[6] = 4; // the header's version (little-endian uint16 at offset 6)
        return bytes;
    }
}
