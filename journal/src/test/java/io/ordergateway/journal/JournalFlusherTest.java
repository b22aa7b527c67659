package io.ordergateway.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The group-commit flusher: it forces the journal when documents were appended and says how far it
 * is durable; a batch that appended nothing (ticks) is durable without a force.
 */
class JournalFlusherTest
{
    @TempDir
    Path dir;

    private long appended = -1;
    private long documents;
    private final List<Long> durable = new ArrayList<>();

    @Test
    void forcesOnlyWhenDocumentsWereAppendedAndPublishesHowFarItIsDurable()
    {
        try (JournalWriter writer = new JournalWriter(dir, JournalFiles.DEFAULT_ROLL_CYCLE))
        {
            final JournalFlusher flusher = new JournalFlusher(writer, () -> appended, () -> documents, -1,
                durable::add);
            assertThat(flusher.doWork()).as("nothing appended").isZero();

            new JournalPublisher(writer).begin().orderCancel(1, 1, 1).commit();
            appended = 4; // a batch of five events in one document
            documents = 1;
            assertThat(flusher.doWork()).isEqualTo(1);
            assertThat(flusher.flushes()).isEqualTo(1);
            assertThat(flusher.durable()).isEqualTo(4);

            appended = 6; // two ticks with nothing decided: no document
            assertThat(flusher.doWork()).isEqualTo(1);
            assertThat(flusher.flushes()).as("nothing new to force").isEqualTo(1);
            assertThat(durable).containsExactly(4L, 6L);
            assertThat(flusher.doWork()).as("nothing new").isZero();
            flusher.onClose();
        }
    }
}
