package io.ordergateway.core.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts of the events an operator is alerted to (each is also a log line): failovers and
 * recoveries, pauses, kill-switch changes, and differences reconciliation could not explain at
 * start. Written off the order path (the control agent, operator calls, start-up); read by the live
 * counters and /metrics.
 */
public final class Alerts
{
    private final AtomicLong switches = new AtomicLong();
    private final AtomicLong pauses = new AtomicLong();
    private final AtomicLong killSwitch = new AtomicLong();
    private final AtomicLong reconciliation = new AtomicLong();
    private final AtomicLong reportsBacklog = new AtomicLong();

    /** A failover, recovery or forced switch of the active broker. */
    public void brokerSwitched()
    {
        switches.incrementAndGet();
    }

    /** The gateway paused (no broker). */
    public void paused()
    {
        pauses.incrementAndGet();
    }

    /** The kill switch was engaged or released. */
    public void killSwitchChanged()
    {
        killSwitch.incrementAndGet();
    }

    /**
     * @param differences differences reconciliation could not explain at start.
     */
    public void reconciliationDifferences(final long differences)
    {
        reconciliation.addAndGet(differences);
    }

    /** The strategy stopped taking its reports (poll queue full or listener behind): commands are refused. */
    public void reportsBacklog()
    {
        reportsBacklog.incrementAndGet();
    }

    /** @return times the reports backed up so far that commands were refused. */
    public long reportsBacklogs()
    {
        return reportsBacklog.get();
    }

    /** @return broker switches. */
    public long brokerSwitches()
    {
        return switches.get();
    }

    /** @return pauses. */
    public long pauses()
    {
        return pauses.get();
    }

    /** @return kill-switch changes. */
    public long killSwitchChanges()
    {
        return killSwitch.get();
    }

    /** @return unexplained reconciliation differences. */
    public long reconciliationDifferences()
    {
        return reconciliation.get();
    }
}
