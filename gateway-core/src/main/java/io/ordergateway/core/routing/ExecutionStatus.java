package io.ordergateway.core.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where orders go now: the fields an operator's {@code /admin/execution-status} returns. An
 * immutable copy the route stage publishes on every tick and every switch. Dashboards that read the
 * common primary-backup shape find it in {@link #active()}, {@link #primary()}, {@link #backups()},
 * {@link #failureCounts()} and {@link #enginesAvailable()}.
 *
 * @param timestamp event time of the copy.
 * @param active    the active broker's name.
 * @param primary   the primary's name.
 * @param backups   the backups' names, in chain order.
 * @param paused    true when no broker can take orders (new orders are denied with GATEWAY_PAUSED).
 * @param brokers   one line per broker, by broker id.
 */
public record ExecutionStatus(long timestamp, String active, String primary, List<String> backups, boolean paused,
    List<Broker> brokers)
{
    /**
     * Copies the lists.
     */
    public ExecutionStatus
    {
        backups = List.copyOf(backups);
        brokers = List.copyOf(brokers);
    }

    /**
     * @return each broker's consecutive definite failures (its circuit breaker's count, reset by any answer), by
     *         name, in broker id order.
     */
    public Map<String, Integer> failureCounts()
    {
        final Map<String, Integer> out = new LinkedHashMap<>();
        brokers.forEach(b -> out.put(b.name(), b.consecutiveFailures()));
        return out;
    }

    /**
     * @return whether each broker can take orders (enabled, and its breaker not open), by name, in broker id order.
     */
    public Map<String, Boolean> enginesAvailable()
    {
        final Map<String, Boolean> out = new LinkedHashMap<>();
        brokers.forEach(b -> out.put(b.name(), b.available()));
        return out;
    }

    /**
     * One broker's line.
     *
     * @param id                  broker id.
     * @param name                its name.
     * @param role                ACTIVE, STANDBY or DISABLED.
     * @param breaker             CLOSED, OPEN or HALF_OPEN.
     * @param consecutiveFailures failures since its last answer.
     * @param availability        share of ticks it could take orders (0 to 1).
     * @param sent                new orders routed to it.
     * @param acknowledged        acknowledgements.
     * @param rejected            rejects (the broker answered no).
     * @param failures            definite failures (connection, 5xx, timeouts).
     * @param timeouts            new orders not answered in time.
     * @param inFlight            new orders awaiting its answer.
     * @param ackLatencyMicros    recent send-to-ack latency (moving average, event time).
     * @param score               best-execution score (lower is better).
     * @param available           whether it can take orders now: enabled, and its breaker not open.
     */
    public record Broker(
        int id, String name, String role, String breaker, int consecutiveFailures, double availability, long sent,
        long acknowledged, long rejected, long failures, long timeouts, int inFlight, long ackLatencyMicros, long score,
        boolean available)
    {
    }
}
