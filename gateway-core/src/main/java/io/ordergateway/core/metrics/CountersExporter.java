package io.ordergateway.core.metrics;

import io.ordergateway.core.domain.RejectReason;
import io.ordergateway.core.routing.ExecutionStatus;
import io.ordergateway.journal.FixedPoint;
import io.ordergateway.core.agent.Period;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Copies the gateway's metrics into a {@link CountersFile}: orders in, sent, denied by reason, acks,
 * rejects, fills, per broker its counts, breaker state, role and failures, ring occupancy and the
 * journal's position. An agent: copies every {@code periodNanos} of the gateway's clock, never on the
 * order path; its last copy, on close, stays readable with a heartbeat that stops.
 */
public final class CountersExporter implements Agent
{
    /** Counters of the whole gateway. */
    public static final int TYPE_GATEWAY = 1;
    /** Denials by reason. */
    public static final int TYPE_DENIED = 2;
    /** Per-broker counters. */
    public static final int TYPE_BROKER = 3;

    private final CountersFile file;
    private final GatewayMetrics metrics;
    private final LongSupplier ordersIn;
    private final LongSupplier ringOccupancy;
    private final LongSupplier journalPosition;
    private final Supplier<ExecutionStatus> status;
    private final AtomicCounter in;
    private final AtomicCounter[] gateway = new AtomicCounter[GatewayMetrics.Counter.values().length];
    private final AtomicCounter[] denied = new AtomicCounter[RejectReason.values().length];
    private final AtomicCounter[][] broker;
    private final AtomicCounter[] breaker;
    private final AtomicCounter[] active;
    private final AtomicCounter[] failures;
    private final AtomicCounter ring;
    private final AtomicCounter journal;
    private final AtomicCounter paused;
    private final Alerts alerts;
    private final AtomicCounter alertSwitches;
    private final AtomicCounter alertPauses;
    private final AtomicCounter alertKillSwitch;
    private final AtomicCounter alertReconciliation;
    private final AtomicCounter alertReportsBacklog;
    private final EpochNanoClock clock;
    private final Period copies;

    /**
     * @param file            the counters file.
     * @param metrics         the gateway's metrics.
     * @param brokerNames     broker names by id.
     * @param ordersIn        orders submitted this session.
     * @param ringOccupancy   ring slots in use.
     * @param journalPosition the journal's last index.
     * @param status          the latest execution status (may give null).
     * @param alerts          alert counts.
     * @param clock           the gateway's clock (the heartbeat is its time in milliseconds).
     * @param periodNanos     how often to copy.
     */
    public CountersExporter(final CountersFile file, final GatewayMetrics metrics, final List<String> brokerNames,
        final LongSupplier ordersIn, final LongSupplier ringOccupancy, final LongSupplier journalPosition,
        final Supplier<ExecutionStatus> status, final Alerts alerts, final EpochNanoClock clock, final long periodNanos)
    {
        this.clock = clock;
        this.copies = new Period(periodNanos, clock.nanoTime() - periodNanos); // the first copy at once
        this.alerts = alerts;
        this.file = file;
        this.metrics = metrics;
        this.ordersIn = ordersIn;
        this.ringOccupancy = ringOccupancy;
        this.journalPosition = journalPosition;
        this.status = status;
        in = file.add(TYPE_GATEWAY, "orders in");
        for (final GatewayMetrics.Counter c : GatewayMetrics.Counter.values())
        {
            gateway[c.ordinal()] = file.add(TYPE_GATEWAY, c.name().toLowerCase().replace('_', ' '));
        }
        ring = file.add(TYPE_GATEWAY, "ring occupancy");
        journal = file.add(TYPE_GATEWAY, "journal documents appended");
        paused = file.add(TYPE_GATEWAY, "paused");
        alertSwitches = file.add(TYPE_GATEWAY, "alerts: broker switches");
        alertPauses = file.add(TYPE_GATEWAY, "alerts: pauses");
        alertKillSwitch = file.add(TYPE_GATEWAY, "alerts: kill switch changes");
        alertReconciliation = file.add(TYPE_GATEWAY, "alerts: reconciliation differences");
        alertReportsBacklog = file.add(TYPE_GATEWAY, "alerts: reports backlog");
        for (final RejectReason r : RejectReason.values())
        {
            denied[r.ordinal()] = file.add(TYPE_DENIED, "denied " + r.name());
        }
        final int n = brokerNames.size();
        broker = new AtomicCounter[n][GatewayMetrics.BrokerCounter.values().length];
        breaker = new AtomicCounter[n];
        active = new AtomicCounter[n];
        failures = new AtomicCounter[n];
        for (int b = 0; b < n; b++)
        {
            for (final GatewayMetrics.BrokerCounter c : GatewayMetrics.BrokerCounter.values())
            {
                final String unit = c == GatewayMetrics.BrokerCounter.FILLED_QUANTITY ? " (units)"
                    : c == GatewayMetrics.BrokerCounter.FILLED_NOTIONAL ? " (dollars)" : "";
                broker[b][c.ordinal()] =
                    file.add(TYPE_BROKER, "broker " + brokerNames.get(b) + " "
                    + c.name().toLowerCase().replace('_', ' ') + unit);
            }
            breaker[b] = file.add(TYPE_BROKER, "broker " + brokerNames.get(b)
                + " breaker (0 closed, 1 half-open, 2 open)");
            active[b] = file.add(TYPE_BROKER, "broker " + brokerNames.get(b) + " active");
            failures[b] = file.add(TYPE_BROKER, "broker " + brokerNames.get(b) + " failures");
        }
    }

    @Override
    public int doWork()
    {
        final long now = clock.nanoTime();
        if (!copies.due(now))
        {
            return 0;
        }
        update(now / 1_000_000L);
        return 1;
    }

    /**
     * Copies every value (this agent's thread).
     *
     * @param nowMillis the time, for the heartbeat.
     */
    void update(final long nowMillis)
    {
        in.setOrdered(ordersIn.getAsLong());
        for (final GatewayMetrics.Counter c : GatewayMetrics.Counter.values())
        {
            gateway[c.ordinal()].setOrdered(metrics.get(c));
        }
        ring.setOrdered(ringOccupancy.getAsLong());
        journal.setOrdered(journalPosition.getAsLong());
        for (final RejectReason r : RejectReason.values())
        {
            denied[r.ordinal()].setOrdered(metrics.deniedCount(r));
        }
        for (int b = 0; b < broker.length; b++)
        {
            for (final GatewayMetrics.BrokerCounter c : GatewayMetrics.BrokerCounter.values())
            {
                final long v = metrics.get(b, c);
                broker[b][c.ordinal()].setOrdered(c == GatewayMetrics.BrokerCounter.FILLED_QUANTITY ? v
                    / FixedPoint.QUANTITY_SCALE : c == GatewayMetrics.BrokerCounter.FILLED_NOTIONAL ? v
                    / FixedPoint.PRICE_SCALE : v);
            }
        }
        alertSwitches.setOrdered(alerts.brokerSwitches());
        alertPauses.setOrdered(alerts.pauses());
        alertKillSwitch.setOrdered(alerts.killSwitchChanges());
        alertReconciliation.setOrdered(alerts.reconciliationDifferences());
        alertReportsBacklog.setOrdered(alerts.reportsBacklogs());
        final ExecutionStatus s = status.get();
        if (s != null)
        {
            paused.setOrdered(s.paused() ? 1 : 0);
            for (int b = 0; b < broker.length && b < s.brokers().size(); b++)
            {
                final ExecutionStatus.Broker line = s.brokers().get(b);
                breaker[b].setOrdered("OPEN".equals(line.breaker()) ? 2 : "HALF_OPEN".equals(line.breaker()) ? 1 : 0);
                active[b].setOrdered("ACTIVE".equals(line.role()) ? 1 : 0);
                failures[b].setOrdered(line.failures());
            }
        }
        file.heartbeat(nowMillis);
    }

    @Override
    public void onClose()
    {
        update(clock.nanoTime() / 1_000_000L); // the final values stay readable
        file.close();
    }

    @Override
    public String roleName()
    {
        return "counters";
    }
}
