package io.ordergateway.journal;

import java.util.List;
import java.util.Map;

/**
 * A session's routing configuration as journaled at its start, so replay routes as the live
 * gateway did. Policies are RoutingPolicy codes; durations are nanoseconds.
 *
 * @param sequence         the record's sequence.
 * @param timestamp        event time.
 * @param defaultPolicy    the policy for orders no other rule covers.
 * @param failureThreshold consecutive failures that open a broker's breaker.
 * @param breakerOpenNanos how long a breaker stays open.
 * @param recoveryNanos    how long a recovered broker must stay healthy.
 * @param holdDownNanos    the least time between two failovers.
 * @param sendTimeoutNanos how long a sent order may go unanswered.
 * @param brokers          the brokers, by id.
 * @param accountPolicies  policy codes by account.
 * @param symbolPolicies   policy codes by symbol id.
 */
public record RoutingSetup(
    long sequence, long timestamp, int defaultPolicy, int failureThreshold, long breakerOpenNanos, long recoveryNanos,
    long holdDownNanos, long sendTimeoutNanos, List<Broker> brokers, Map<Integer, Integer> accountPolicies,
    Map<Integer, Integer> symbolPolicies)
{
    /**
     * One broker's routing terms.
     *
     * @param id               its id.
     * @param chainPosition    its place in the failover chain (0 first).
     * @param weightPercent    its weight in a weighted split.
     * @param costBps          its configured cost, basis points times 1e4.
     * @param apiRatePerSecond its request budget.
     * @param apiBurst         the budget's burst.
     */
    public record Broker(int id, int chainPosition, int weightPercent, long costBps, long apiRatePerSecond,
        long apiBurst)
    {
    }
}
