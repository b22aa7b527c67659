package io.ordergateway.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pretoucher writes only ahead of the journal's writer and changes nothing: a journal written
 * while it touches reads back record for record, checksums and all.
 */
class JournalPretoucherTest
{
    @TempDir
    Path dir;

    @Test
    void pagesAheadOfTheWriterAreTouchedAndTheJournalReadsBackUnchanged()
    {
        final List<Long> written = new ArrayList<>();
        try (JournalWriter writer = new JournalWriter(dir, JournalFiles.DEFAULT_ROLL_CYCLE))
        {
            final JournalPublisher publisher = new JournalPublisher(writer);
            final JournalPretoucher pretoucher = new JournalPretoucher(writer);
            assertThat(pretoucher.doWork()).as("nothing to do before the first append").isZero();
            for (int i = 1; i <= 3_000; i++)
            {
                publisher.begin().orderCancel(i, i, i).commit();
                written.add((long)i);
                pretoucher.doWork(); // between appends, as the agent thread would run it
            }
            for (int i = 0; i < 400; i++)
            {
                pretoucher.doWork();
            }
            assertThat(pretoucher.pagesTouched()).isGreaterThanOrEqualTo(JournalPretoucher.AHEAD / 4096);
            for (int i = 3_001; i <= 6_000; i++)
            {
                publisher.begin().orderCancel(i, i, i).commit(); // into pages it touched
                written.add((long)i);
            }
            pretoucher.onClose();
        }
        final List<Long> read = new ArrayList<>();
        try (JournalReader reader = new JournalReader(dir))
        {
            reader.readAll(new JournalAdapter(new JournalListener()
            {
                @Override
                public void onOrderCancel(final long sequence, final long timestamp, final long orderId)
                {
                    read.add(orderId);
                }
            }));
        }
        assertThat(read).isEqualTo(written);
    }

    @Test
    void keepsTouchingAfterItCaughtUpWithItsTargetOnce()
    {
        // the target was the writer's position plus AHEAD, not page aligned: once reached, the next touch was at an
        // unaligned offset, which throws, and the pretoucher stopped for good after its first 16 MiB
        try (JournalWriter writer = new JournalWriter(dir, JournalFiles.DEFAULT_ROLL_CYCLE))
        {
            final JournalPublisher publisher = new JournalPublisher(writer);
            final JournalPretoucher pretoucher = new JournalPretoucher(writer);
            publisher.begin().orderCancel(1, 1, 1).commit();
            while (pretoucher.doWork() > 0)
            {
                // up to its target
            }
            final long caughtUp = pretoucher.pagesTouched();
            for (int i = 2; i < 2_000; i++)
            {
                publisher.begin().orderCancel(i, i, i).commit(); // the writer moves on by pages
            }
            while (pretoucher.doWork() > 0)
            {
                // up to the new target
            }
            assertThat(pretoucher.pagesTouched()).as("pages touched after the first target").isGreaterThan(caughtUp);
            pretoucher.onClose();
        }
    }
}
