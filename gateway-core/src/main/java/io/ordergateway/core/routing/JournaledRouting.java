package io.ordergateway.core.routing;

import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.journal.RoutingSetup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's {@link RoutingConfig} as the journal holds it (a {@code RoutingSetup} record at the
 * start of the session) and back, so replay routes with the configuration the live gateway had.
 * Off the hot path.
 */
public final class JournaledRouting
{
    private JournaledRouting()
    {
    }

    /**
     * @param config    the configuration.
     * @param symbols   for per-symbol policies.
     * @param sequence  the record's sequence.
     * @param timestamp event time.
     * @return the record to journal.
     */
    public static RoutingSetup
        toRecord(final RoutingConfig config, final SymbolTable symbols, final long sequence, final long timestamp)
    {
        final List<RoutingSetup.Broker> brokers = new ArrayList<>();
        for (int id = 0; id < config.chain().size(); id++)
        {
            brokers.add(new RoutingSetup.Broker(id, config.chain().indexOf(id), config.weights().get(id),
                config.costBps().get(id), config.apiRatePerSecond().get(id), config.apiBurst().get(id)));
        }
        final Map<Integer, Integer> accounts = new HashMap<>();
        config.accountPolicies().forEach((account, policy) -> accounts.put(account, policy.code()));
        final Map<Integer, Integer> bySymbol = new HashMap<>();
        config.symbolPolicies().forEach((symbol, policy) -> bySymbol.put(symbols.id(symbol), policy.code()));
        return new RoutingSetup(sequence, timestamp, config.defaultPolicy().code(), config.failureThreshold(),
            config.breakerOpenNanos(), config.recoveryNanos(), config.holdDownNanos(), config.sendTimeoutNanos(),
            brokers, accounts, bySymbol, config.failover(), config.resumeAfterPause().code());
    }

    /**
     * @param setup   the journaled record.
     * @param symbols the journal's symbols.
     * @param tick    tick interval (not journaled: it changes no decision, ticks are journaled themselves).
     * @return the configuration.
     */
    public static RoutingConfig fromRecord(final RoutingSetup setup, final SymbolTable symbols, final long tick)
    {
        final int n = setup.brokers().size();
        final Integer[] chain = new Integer[n];
        final List<Integer> weights = new ArrayList<>();
        final List<Long> costs = new ArrayList<>();
        final List<Long> rates = new ArrayList<>();
        final List<Long> bursts = new ArrayList<>();
        for (final RoutingSetup.Broker b : setup.brokers())
        {
            chain[b.chainPosition()] = b.id();
            weights.add(b.weightPercent());
            costs.add(b.costBps());
            rates.add(b.apiRatePerSecond());
            bursts.add(b.apiBurst());
        }
        final Map<Integer, RoutingPolicy> accounts = new HashMap<>();
        setup.accountPolicies().forEach((account, policy) -> accounts.put(account, RoutingPolicy.fromCode(policy)));
        final Map<String, RoutingPolicy> bySymbol = new HashMap<>();
        setup.symbolPolicies().forEach((symbolId, policy) ->
        {
            if (symbols.contains(symbolId))
            {
                bySymbol.put(symbols.name(symbolId), RoutingPolicy.fromCode(policy));
            }
        });
        return new RoutingConfig(RoutingPolicy.fromCode(setup.defaultPolicy()), accounts, bySymbol, List.of(chain),
            setup.failureThreshold(), setup.breakerOpenNanos(), setup.recoveryNanos(), setup.holdDownNanos(),
            setup.sendTimeoutNanos(), tick, weights, costs, rates, bursts, setup.failover(),
            ResumeAfterPause.fromCode(setup.resumeAfterPause()));
    }
}
