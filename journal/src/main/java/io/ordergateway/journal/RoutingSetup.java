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
 * @param failover         false: the active broker stays active when it fails, and the gateway pauses (schema
 *                         version 6 on; earlier setups read as true, the behaviour then).
 * @param resumeAfterPause how a pause ends, a ResumeAfterPause code: {@link #RESUME_AUTO} or {@link #RESUME_MANUAL}
 *                         (earlier setups read as {@link #RESUME_AUTO}).
 */
public record RoutingSetup(
    long sequence, long timestamp, int defaultPolicy, int failureThreshold, long breakerOpenNanos, long recoveryNanos,
    long holdDownNanos, long sendTimeoutNanos, List<Broker> brokers, Map<Integer, Integer> accountPolicies,
    Map<Integer, Integer> symbolPolicies, boolean failover, int resumeAfterPause)
{
    /** A pause ends when a broker can take orders again. */
    public static final int RESUME_AUTO = 1;
    /** A pause ends when an operator resumes. */
    public static final int RESUME_MANUAL = 2;

    /**
     * A setup as schema version 5 and earlier had it: failover on, pauses end by themselves.
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
    public RoutingSetup(final long sequence, final long timestamp, final int defaultPolicy, final int failureThreshold,
        final long breakerOpenNanos, final long recoveryNanos, final long holdDownNanos, final long sendTimeoutNanos,
        final List<Broker> brokers, final Map<Integer, Integer> accountPolicies,
        final Map<Integer, Integer> symbolPolicies)
    {
        this(sequence, timestamp, defaultPolicy, failureThreshold, breakerOpenNanos, recoveryNanos, holdDownNanos,
            sendTimeoutNanos, brokers, accountPolicies, symbolPolicies, true, RESUME_AUTO);
    }

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
