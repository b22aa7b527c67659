package io.ordergateway.core.control;

import io.ordergateway.core.domain.CommandKind;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.ordergateway.core.broker.BrokerAdapter;
import io.ordergateway.core.broker.BrokerHealth;
import io.ordergateway.core.metrics.Alerts;
import io.ordergateway.core.pipeline.EventType;
import io.ordergateway.core.pipeline.GatewayEvent;
import io.ordergateway.core.recovery.UnknownOrderResolver;
import io.ordergateway.core.routing.RoutingChangeKind;
import io.ordergateway.core.routing.RoutingChanges;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.LongSupplier;

/**
 * The side effects of the route stage's journaled decisions, off the order path: follows the ring
 * behind egress and, for every routing change on an event, raises the alert (a log line starting
 * {@code ALERT} and a count), probes a broker the route stage asked about (the adapter's
 * {@code health()}, which never blocks, published as a {@link EventType#PROBE_RESULT}), and hands an
 * order that timed out to the {@link UnknownOrderResolver}. It also watches the reports backlog:
 * when the strategy stops taking reports, it says so once (an alert), and again when they flow.
 *
 * <p>An agent: never blocks, so it can share a thread with the other agents.
 */
public final class ControlAgent implements Agent
{
    private static final Logger LOG = LoggerFactory.getLogger(ControlAgent.class);
    /**
     * No limit: each duty cycle takes every event there is. The follower holds the ring back, and an
     * in-process broker on the same thread (the echo or sim broker) waits for ring space when it is
     * full: had the follower stopped at a limit while producers published more per cycle, the ring
     * would fill behind it and the broker's wait would stop the follower for good (seen in the JMH
     * throughput benchmark with 1024). Passing over an event costs nanoseconds.
     */
    private static final int BATCH_LIMIT = Integer.MAX_VALUE;

    private final String instanceId;
    private final EventPoller<GatewayEvent> follower;
    private final RingBuffer<GatewayEvent> ring;
    private final BrokerAdapter[] brokers;
    private final EpochNanoClock clock;
    private final UnknownOrderResolver resolver;
    private final Alerts alerts;
    private final LongSupplier reportsBacklog;
    private final long backlogAlertAt;
    private final EventPoller.Handler<GatewayEvent> handler = this::onEvent;
    private long probes;
    private int taken;
    private boolean backlogged;

    /**
     * @param instanceId     the gateway's name, for the alerts.
     * @param follower       its place in the ring, behind egress.
     * @param ring           where probe answers go.
     * @param brokers        the adapters by id (at most 64).
     * @param clock          the gateway's clock.
     * @param resolver       asks brokers about orders that went UNKNOWN.
     * @param alerts         alert counts.
     * @param reportsBacklog events journaled but not yet reported.
     * @param backlogAlertAt the backlog at which commands are refused, and the alert is raised.
     */
    public ControlAgent(final String instanceId, final EventPoller<GatewayEvent> follower,
        final RingBuffer<GatewayEvent> ring, final BrokerAdapter[] brokers, final EpochNanoClock clock,
        final UnknownOrderResolver resolver, final Alerts alerts, final LongSupplier reportsBacklog,
        final long backlogAlertAt)
    {
        this.instanceId = instanceId;
        this.follower = follower;
        this.ring = ring;
        this.brokers = brokers;
        this.clock = clock;
        this.resolver = resolver;
        this.alerts = alerts;
        this.reportsBacklog = reportsBacklog;
        this.backlogAlertAt = backlogAlertAt;
    }

    @Override
    public int doWork() throws Exception
    {
        taken = 0;
        follower.poll(handler);
        return taken + probe() + resolver.doWork() + watchBacklog();
    }

    private boolean onEvent(final GatewayEvent e, final long sequence, final boolean endOfBatch)
    {
        final RoutingChanges changes = e.routingChanges;
        for (int i = 0; i < changes.size(); i++)
        {
            onRoutingChange(changes.kind(i), changes.broker(i), changes.other(i), changes.value(i));
        }
        return ++taken < BATCH_LIMIT;
    }

    private void onRoutingChange(final RoutingChangeKind kind, final int broker, final int other, final long value)
    {
        switch (kind)
        {
            case PROBE_REQUESTED:
                probes |= 1L << broker;
                break;
            case TIMEOUT:
                // a new order (the route stage's, other -1), or a cancel or replace (the state stage's, other its code)
                resolver.resolve(broker, value, other < 0 ? CommandKind.NEW : CommandKind.fromCode(other));
                break;
            case FAILOVER:
            case RECOVERY:
            case FORCED_ACTIVE:
                alerts.brokerSwitched();
                LOG.warn("ALERT gateway {}: {}: orders now go to {} (was {})", instanceId, kind, brokerName(broker),
                    brokerName(other));
                break;
            case PAUSED:
                alerts.paused();
                LOG.error("ALERT gateway {}: PAUSED: no broker can take orders; new orders are denied with "
                    + "GATEWAY_PAUSED", instanceId);
                break;
            case RESUMED:
                LOG.warn("ALERT gateway {}: RESUMED: orders go to {}", instanceId, brokerName(broker));
                break;
            case BREAKER_OPEN:
            case DISABLED:
            case ENABLED:
                LOG.warn("ALERT gateway {}: {} {}", instanceId, brokerName(broker), kind);
                break;
            default:
                break;
        }
    }

    /**
     * Probes the brokers asked about; an answer that finds the ring full waits for the next cycle.
     */
    private int probe()
    {
        int work = 0;
        long mask = probes;
        while (mask != 0)
        {
            final int broker = Long.numberOfTrailingZeros(mask);
            mask &= mask - 1;
            final boolean healthy = brokers[broker].health() == BrokerHealth.HEALTHY;
            final long sequence;
            try
            {
                sequence = ring.tryNext();
            }
            catch (final InsufficientCapacityException ex)
            {
                return work;
            }
            try
            {
                final GatewayEvent e = ring.get(sequence);
                e.reset();
                e.type = EventType.PROBE_RESULT;
                e.timestamp = clock.nanoTime();
                e.ingressNanos = System.nanoTime();
                e.brokerId = broker;
                e.healthy = healthy;
            }
            finally
            {
                ring.publish(sequence);
            }
            probes &= ~(1L << broker);
            work++;
        }
        return work;
    }

    private int watchBacklog()
    {
        final long backlog = reportsBacklog.getAsLong();
        if (!backlogged && backlog >= backlogAlertAt)
        {
            backlogged = true;
            alerts.reportsBacklog();
            LOG.error("ALERT gateway {}: REPORTS BACKLOG: {} reports wait for the strategy (poll queue full or "
                + "listener behind); new commands are refused with REPORTS_BACKLOG until it takes them", instanceId,
                backlog);
            return 1;
        }
        if (backlogged && backlog < backlogAlertAt / 4)
        {
            backlogged = false;
            LOG.warn("ALERT gateway {}: reports flow again ({} waiting); commands are taken", instanceId, backlog);
            return 1;
        }
        return 0;
    }

    private String brokerName(final int id)
    {
        return id >= 0 && id < brokers.length ? brokers[id].name() : "none";
    }

    @Override
    public String roleName()
    {
        return "control";
    }
}
