package io.ordergateway.core.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the gateway routes and fails over. Immutable; {@link #defaults(int)} then the {@code with*}
 * methods. Periods are in nanoseconds of event time (ticks), so replay reproduces every switch.
 *
 * @param defaultPolicy     the policy for orders no account or symbol rule names.
 * @param accountPolicies   a policy per account id (checked after symbol rules).
 * @param symbolPolicies    a policy per symbol (checked first).
 * @param chain             broker ids in failover order: the primary first, then the backups.
 * @param failureThreshold  consecutive definite failures (connection refused, send error, 5xx, timeout) that open a
 *                          broker's circuit breaker and fail over away from it (default 5).
 * @param breakerOpenNanos  how long an open breaker refuses traffic before it lets a trial through (half-open).
 * @param recoveryNanos     how long after a failover the primary is probed (default 300 s).
 * @param holdDownNanos     a primary that fails again within this long of being restored waits twice as long before the
 *                          next probe (up to 8 times), so an intermittent primary cannot make the gateway flap.
 * @param sendTimeoutNanos  a new order not answered within this long counts as a failure of its broker (the order
 *                          goes to UNKNOWN and is resolved by asking the broker).
 * @param tickNanos         how often the timer publishes a tick.
 * @param weights           percent of orders per broker for {@link RoutingPolicy#WEIGHTED_SPLIT}; sums to 100.
 * @param costBps           configured cost per broker in basis points times 10,000 (for best execution and reports).
 * @param apiRatePerSecond  each broker's API budget: requests a second (0: unlimited).
 * @param apiBurst          each broker's API budget: burst.
 * @param failover          true (the default): when the active broker becomes unavailable the next available one in
 *                          the chain takes over, and the primary is probed and restored after the recovery period.
 *                          False: the active broker changes only by an operator's {@code forceActive}; while it is
 *                          unavailable the gateway pauses (as when every broker is down), and no order spills to
 *                          another broker (for a capability or an API budget either). Primary-only routing only.
 * @param resumeAfterPause  how a pause ends: by itself when a broker can take orders again (AUTO, the default), or
 *                          only by an operator (MANUAL).
 */
public record RoutingConfig(
    RoutingPolicy defaultPolicy,
    Map<Integer, RoutingPolicy> accountPolicies,
    Map<String, RoutingPolicy> symbolPolicies,
    List<Integer> chain,
    int failureThreshold,
    long breakerOpenNanos,
    long recoveryNanos,
    long holdDownNanos,
    long sendTimeoutNanos,
    long tickNanos,
    List<Integer> weights,
    List<Long> costBps,
    List<Long> apiRatePerSecond,
    List<Long> apiBurst,
    boolean failover,
    ResumeAfterPause resumeAfterPause)
{
    private static final long SECOND = 1_000_000_000L;

    /**
     * Copies the collections.
     */
    public RoutingConfig
    {
        accountPolicies = Map.copyOf(accountPolicies);
        symbolPolicies = Map.copyOf(symbolPolicies);
        chain = List.copyOf(chain);
        weights = List.copyOf(weights);
        costBps = List.copyOf(costBps);
        apiRatePerSecond = List.copyOf(apiRatePerSecond);
        apiBurst = List.copyOf(apiBurst);
    }

    /**
     * @param brokers how many brokers.
     * @return primary only, chain in broker order, 5 failures, breaker open 30 s, recovery 300 s, hold-down 600 s,
     *         send timeout 10 s, ticks every 100 ms, equal weights, no costs, no API budget, failover on, pauses end by
     *         themselves.
     */
    public static RoutingConfig defaults(final int brokers)
    {
        final List<Integer> chain = new ArrayList<>();
        final List<Integer> weights = new ArrayList<>();
        final List<Long> zeros = new ArrayList<>();
        final List<Long> ones = new ArrayList<>();
        for (int b = 0; b < brokers; b++)
        {
            chain.add(b);
            weights.add(100 / brokers + (b < 100 % brokers ? 1 : 0));
            zeros.add(0L);
            ones.add(1L);
        }
        return new RoutingConfig(RoutingPolicy.PRIMARY_ONLY, Map.of(), Map.of(), chain, 5, 30 * SECOND, 300 * SECOND,
            600 * SECOND, 10 * SECOND, SECOND / 10, weights, zeros, zeros, ones, true, ResumeAfterPause.AUTO);
    }

    /**
     * Checks the configuration against the number of brokers.
     *
     * @param brokers how many brokers the gateway has.
     * @return every problem found, each saying what was wrong and where; empty when valid.
     */
    public List<String> problems(final int brokers)
    {
        final List<String> out = new ArrayList<>();
        if (chain.size() != brokers || chain.stream().distinct().count() != brokers
            || chain.stream().anyMatch(b -> b < 0 || b >= brokers))
        {
            out.add("routing.chain: must name each of the " + brokers + " brokers (0.." + (brokers - 1) + ") once, was "
                + chain);
        }
        if (failureThreshold < 1)
        {
            out.add("routing.failureThreshold: must be at least 1, was " + failureThreshold);
        }
        if (breakerOpenNanos <= 0 || recoveryNanos <= 0 || holdDownNanos < 0 || sendTimeoutNanos <= 0 || tickNanos <= 0)
        {
            out.add("routing periods: breakerOpen, recovery, sendTimeout and tick must be positive, holdDown not "
                + "negative");
        }
        if (weights.size() != brokers || weights.stream().anyMatch(w -> w < 0)
            || weights.stream().mapToInt(Integer::intValue).sum() != 100)
        {
            out.add("routing.weights: one percentage per broker (" + brokers
                + "), none negative, adding up to 100, was " + weights);
        }
        if (costBps.size() != brokers || apiRatePerSecond.size() != brokers || apiBurst.size() != brokers)
        {
            out.add("routing.costBps, apiRatePerSecond, apiBurst: one value per broker");
        }
        else if (apiRatePerSecond.stream().anyMatch(r -> r < 0) || apiBurst.stream().anyMatch(r -> r < 1))
        {
            out.add("routing.apiRatePerSecond must not be negative and apiBurst must be at least 1");
        }
        if (resumeAfterPause == null)
        {
            out.add("routing.resumeAfterPause: required; expected one of auto, manual");
        }
        if (!failover)
        {
            final java.util.TreeSet<String> spreading = new java.util.TreeSet<>();
            if (defaultPolicy != null && defaultPolicy != RoutingPolicy.PRIMARY_ONLY)
            {
                spreading.add("policy " + name(defaultPolicy));
            }
            accountPolicies.forEach((account, p) -> add(spreading, "byAccount." + account, p));
            symbolPolicies.forEach((symbol, p) -> add(spreading, "bySymbol." + symbol, p));
            if (!spreading.isEmpty())
            {
                out.add("routing.failover: false needs primary_only routing everywhere (the other policies spread "
                    + "orders over every available broker, so one failing moves its orders to the others); found "
                    + String.join(", ", spreading));
            }
        }
        return out;
    }

    private static void add(final java.util.Set<String> spreading, final String where, final RoutingPolicy policy)
    {
        if (policy != RoutingPolicy.PRIMARY_ONLY)
        {
            spreading.add(where + " " + name(policy));
        }
    }

    private static String name(final RoutingPolicy policy)
    {
        return policy == null ? "none" : policy.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param policy the default policy.
     * @return a copy.
     */
    public RoutingConfig withPolicy(final RoutingPolicy policy)
    {
        return new RoutingConfig(policy, accountPolicies, symbolPolicies, chain, failureThreshold, breakerOpenNanos,
            recoveryNanos, holdDownNanos, sendTimeoutNanos, tickNanos, weights, costBps, apiRatePerSecond, apiBurst,
            failover, resumeAfterPause);
    }

    /**
     * @param accounts policy per account.
     * @param symbols  policy per symbol.
     * @return a copy with these rules.
     */
    public RoutingConfig withRules(final Map<Integer, RoutingPolicy> accounts, final Map<String, RoutingPolicy> symbols)
    {
        return new RoutingConfig(defaultPolicy, accounts, symbols, chain, failureThreshold, breakerOpenNanos,
            recoveryNanos, holdDownNanos, sendTimeoutNanos, tickNanos, weights, costBps, apiRatePerSecond, apiBurst,
            failover, resumeAfterPause);
    }

    /**
     * @param order broker ids, primary first.
     * @return a copy with this failover chain.
     */
    public RoutingConfig withChain(final List<Integer> order)
    {
        return new RoutingConfig(defaultPolicy, accountPolicies, symbolPolicies, order, failureThreshold,
            breakerOpenNanos, recoveryNanos, holdDownNanos, sendTimeoutNanos, tickNanos, weights, costBps,
            apiRatePerSecond, apiBurst, failover, resumeAfterPause);
    }

    /**
     * @param threshold     failures that fail over.
     * @param breakerOpen   breaker open period (nanos).
     * @param recovery      recovery period (nanos).
     * @param holdDown      hold-down (nanos).
     * @param sendTimeout   send timeout (nanos).
     * @param tick          tick interval (nanos).
     * @return a copy with these thresholds and periods.
     */
    public RoutingConfig withFailover(final int threshold, final long breakerOpen, final long recovery,
        final long holdDown, final long sendTimeout, final long tick)
    {
        return new RoutingConfig(defaultPolicy, accountPolicies, symbolPolicies, chain, threshold, breakerOpen,
            recovery, holdDown, sendTimeout, tick, weights, costBps, apiRatePerSecond, apiBurst, failover,
            resumeAfterPause);
    }

    /**
     * @param percents percent per broker, adding up to 100.
     * @return a copy with these weights.
     */
    public RoutingConfig withWeights(final List<Integer> percents)
    {
        return new RoutingConfig(defaultPolicy, accountPolicies, symbolPolicies, chain, failureThreshold,
            breakerOpenNanos, recoveryNanos, holdDownNanos, sendTimeoutNanos, tickNanos, percents, costBps,
            apiRatePerSecond, apiBurst, failover, resumeAfterPause);
    }

    /**
     * @param costs cost per broker (bps times 10,000).
     * @return a copy.
     */
    public RoutingConfig withCosts(final List<Long> costs)
    {
        return new RoutingConfig(defaultPolicy, accountPolicies, symbolPolicies, chain, failureThreshold,
            breakerOpenNanos, recoveryNanos, holdDownNanos, sendTimeoutNanos, tickNanos, weights, costs,
            apiRatePerSecond, apiBurst, failover, resumeAfterPause);
    }

    /**
     * @param rates  requests a second per broker (0: unlimited).
     * @param bursts burst per broker.
     * @return a copy with these API budgets.
     */
    public RoutingConfig withApiBudgets(final List<Long> rates, final List<Long> bursts)
    {
        return new RoutingConfig(defaultPolicy, accountPolicies, symbolPolicies, chain, failureThreshold,
            breakerOpenNanos, recoveryNanos, holdDownNanos, sendTimeoutNanos, tickNanos, weights, costBps, rates,
            bursts, failover, resumeAfterPause);
    }

    /**
     * @param on false: the active broker changes only by an operator's command, and the gateway pauses while it is
     *           unavailable (see {@link #failover()}).
     * @return a copy.
     */
    public RoutingConfig withAutomaticFailover(final boolean on)
    {
        return new RoutingConfig(defaultPolicy, accountPolicies, symbolPolicies, chain, failureThreshold,
            breakerOpenNanos, recoveryNanos, holdDownNanos, sendTimeoutNanos, tickNanos, weights, costBps,
            apiRatePerSecond, apiBurst, on, resumeAfterPause);
    }

    /**
     * @param resume how a pause ends.
     * @return a copy.
     */
    public RoutingConfig withResumeAfterPause(final ResumeAfterPause resume)
    {
        return new RoutingConfig(defaultPolicy, accountPolicies, symbolPolicies, chain, failureThreshold,
            breakerOpenNanos, recoveryNanos, holdDownNanos, sendTimeoutNanos, tickNanos, weights, costBps,
            apiRatePerSecond, apiBurst, failover, resume);
    }
}
