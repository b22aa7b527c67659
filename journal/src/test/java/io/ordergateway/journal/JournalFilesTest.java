package io.ordergateway.journal;

import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each roll cycle a gateway can be set to is one of Chronicle Queue's, and a journal written with it can be read back.
 */
class JournalFilesTest
{
    @TempDir
    Path dir;

    @Test
    void eachRollCycleMapsToChroniclesAndDailyIsTheDefault()
    {
        assertThat(JournalFiles.rollCycle(JournalRollCycle.DAILY)).isEqualTo(RollCycles.FAST_DAILY);
        assertThat(JournalFiles.rollCycle(JournalRollCycle.HOURLY)).isEqualTo(RollCycles.FAST_HOURLY);
        assertThat(JournalFiles.DEFAULT_ROLL_CYCLE).isEqualTo(RollCycles.FAST_DAILY);
    }

    @Test
    void anHourlyJournalIsWrittenAndFound()
    {
        final byte[] record = {1, 2, 3, 4, 5, 6, 7, 8};
        try (JournalWriter writer = new JournalWriter(dir, JournalFiles.rollCycle(JournalRollCycle.HOURLY)))
        {
            writer.append(record, 0, record.length);
        }
        assertThat(JournalFiles.containsJournal(dir)).isTrue();
    }
}
