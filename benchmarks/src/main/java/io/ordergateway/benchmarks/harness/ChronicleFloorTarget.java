package io.ordergateway.benchmarks.harness;

import io.ordergateway.journal.JournalFiles;
import io.ordergateway.journal.JournalWriter;

import io.ordergateway.journal.JournalPretoucher;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.nio.file.Path;

/**
 * The floor of journaling: a bare append, on the sending thread, of a record the size of the
 * gateway's document for a new order (OrderNew + OrderRouted + OrderSent with headers: 248 bytes)
 * to a Chronicle Queue through the same writer the gateway uses; with {@code pretouch}, a
 * {@link JournalPretoucher} runs on a thread of its own beside it, so its effect on a real disk is
 * visible next to the bare append in one run.
 */
final class ChronicleFloorTarget implements LatencyTarget
{
    static final int RECORD_BYTES = 248;

    private final byte[] record = new byte[RECORD_BYTES];
    private final boolean pretouch;
    private AgentRunner pretoucher;
    private Path journal;
    private JournalWriter writer;
    private PlannedTimes times;

    /**
     * @param pretouch run a pretoucher ahead of the writer.
     */
    ChronicleFloorTarget(final boolean pretouch)
    {
        this.pretouch = pretouch;
    }

    @Override
    public String name()
    {
        return pretouch ? "floor-chronicle-append-pretouch" : "floor-chronicle-append";
    }

    @Override
    public void start(final int capacity, final int measureFrom)
    {
        journal = TempJournal.create();
        writer = new JournalWriter(journal, JournalFiles.DEFAULT_ROLL_CYCLE);
        writer.prepare();
        if (pretouch)
        {
            pretoucher = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null,
                new JournalPretoucher(writer));
            AgentRunner.startOnThread(pretoucher);
        }
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
        if (pretoucher != null)
        {
            pretoucher.close();
            pretoucher = null;
        }
        if (writer != null)
        {
            writer.close();
            writer = null;
        }
        TempJournal.delete(journal);
        journal = null;
    }
}
