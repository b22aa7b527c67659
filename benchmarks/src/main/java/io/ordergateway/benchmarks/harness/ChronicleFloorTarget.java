package io.ordergateway.benchmarks.harness;

import io.ordergateway.journal.JournalFiles;
import io.ordergateway.journal.JournalWriter;

import java.nio.file.Path;

/**
 * The floor of journaling: a bare append, on the sending thread, of a record the size of the
 * gateway's document for a new order (OrderNew + OrderRouted + OrderSent with headers: 248 bytes)
 * to a Chronicle Queue through the same writer the gateway uses.
 */
final class ChronicleFloorTarget implements LatencyTarget
{
    static final int RECORD_BYTES = 248;

    private final byte[] record = new byte[RECORD_BYTES];
    private Path journal;
    private JournalWriter writer;
    private PlannedTimes times;

    @Override
    public String name()
    {
        return "floor-chronicle-append";
    }

    @Override
    public void start(final int capacity, final int measureFrom)
    {
        journal = TempJournal.create();
        writer = new JournalWriter(journal, JournalFiles.DEFAULT_ROLL_CYCLE);
        writer.prepare();
        times = new PlannedTimes(capacity, measureFrom);
    }

    @Override
    public boolean offer(final int index, final long plannedNanos)
    {
        times.plan(index, plannedNanos);
        record[0] = (byte)index;
        writer.append(record, 0, RECORD_BYTES);
        times.arrived(index);
        return true;
    }

    @Override
    public PlannedTimes times()
    {
        return times;
    }

    @Override
    public void close()
    {
        if (writer != null)
        {
            writer.close();
            writer = null;
        }
        TempJournal.delete(journal);
        journal = null;
    }
}
