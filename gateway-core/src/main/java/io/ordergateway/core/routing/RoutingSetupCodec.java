package io.ordergateway.core.routing;

import io.ordergateway.core.domain.SymbolTable;
import io.ordergateway.journal.sbe.MessageHeaderEncoder;
import io.ordergateway.journal.sbe.RoutingSetupDecoder;
import io.ordergateway.journal.sbe.RoutingSetupEncoder;
import org.agrona.MutableDirectBuffer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a session's {@link RoutingConfig} into the journal (a {@code RoutingSetup} record at the
 * start of the session) and reads it back, so replay routes with the configuration the live
 * gateway had. Off the hot path.
 */
public final class RoutingSetupCodec
{
    private RoutingSetupCodec()
    {
    }

    /**
     * @param config    the configuration.
     * @param symbols   for per-symbol policies.
     * @param sequence  the record's sequence.
     * @param timestamp event time.
     * @param buffer    where to write, at offset 0.
     * @return bytes written.
     */
    public static int encode(
        final RoutingConfig config, final SymbolTable symbols, final long sequence, final long timestamp, final MutableDirectBuffer buffer)
    {
        final RoutingSetupEncoder e = new RoutingSetupEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .sequence(sequence).timestamp(timestamp).orderId(0)
            .defaultPolicy(policy(config.defaultPolicy()))
            .failureThreshold(config.failureThreshold())
            .breakerOpenNanos(config.breakerOpenNanos())
            .recoveryNanos(config.recoveryNanos())
            .holdDownNanos(config.holdDownNanos())
            .sendTimeoutNanos(config.sendTimeoutNanos());
        final int brokers = config.chain().size();
        final RoutingSetupEncoder.BrokersEncoder b = e.brokersCount(brokers);
        for (int id = 0; id < brokers; id++)
        {
            b.next().brokerId(id).chainPosition(config.chain().indexOf(id)).weightPercent(config.weights().get(id))
                .costBps(config.costBps().get(id)).apiRatePerSecond(config.apiRatePerSecond().get(id)).apiBurst(config.apiBurst().get(id));
        }
        final RoutingSetupEncoder.AccountPoliciesEncoder a = e.accountPoliciesCount(config.accountPolicies().size());
        config.accountPolicies().forEach((account, policy) -> a.next().accountId(account).policy(policy(policy)));
        final RoutingSetupEncoder.SymbolPoliciesEncoder s = e.symbolPoliciesCount(config.symbolPolicies().size());
        config.symbolPolicies().forEach((symbol, policy) -> s.next().symbolId(symbols.id(symbol)).policy(policy(policy)));
        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    /**
     * @param d       a wrapped decoder.
     * @param symbols the journal's symbols.
     * @param tick    tick interval (not journaled: it changes no decision, ticks are journaled themselves).
     * @return the configuration.
     */
    public static RoutingConfig decode(final RoutingSetupDecoder d, final SymbolTable symbols, final long tick)
    {
        final RoutingPolicy defaultPolicy = RoutingPolicy.fromCode(d.defaultPolicyRaw());
        final int failureThreshold = d.failureThreshold();
        final long breakerOpen = d.breakerOpenNanos();
        final long recovery = d.recoveryNanos();
        final long holdDown = d.holdDownNanos();
        final long sendTimeout = d.sendTimeoutNanos();
        final RoutingSetupDecoder.BrokersDecoder b = d.brokers();
        final int n = b.count();
        final Integer[] chain = new Integer[n];
        final List<Integer> weights = new ArrayList<>();
        final List<Long> costs = new ArrayList<>();
        final List<Long> rates = new ArrayList<>();
        final List<Long> bursts = new ArrayList<>();
        for (final RoutingSetupDecoder.BrokersDecoder line : b)
        {
            chain[line.chainPosition()] = line.brokerId();
            weights.add(line.weightPercent());
            costs.add(line.costBps());
            rates.add(line.apiRatePerSecond());
            bursts.add(line.apiBurst());
        }
        final Map<Integer, RoutingPolicy> accounts = new HashMap<>();
        for (final RoutingSetupDecoder.AccountPoliciesDecoder line : d.accountPolicies())
        {
            accounts.put(line.accountId(), RoutingPolicy.fromCode(line.policyRaw()));
        }
        final Map<String, RoutingPolicy> bySymbol = new HashMap<>();
        for (final RoutingSetupDecoder.SymbolPoliciesDecoder line : d.symbolPolicies())
        {
            if (symbols.contains(line.symbolId()))
            {
                bySymbol.put(symbols.name(line.symbolId()), RoutingPolicy.fromCode(line.policyRaw()));
            }
        }
        return new RoutingConfig(defaultPolicy, accounts, bySymbol, List.of(chain), failureThreshold, breakerOpen, recovery, holdDown,
            sendTimeout, tick, weights, costs, rates, bursts);
    }

    private static io.ordergateway.journal.sbe.RoutingPolicy policy(final RoutingPolicy p)
    {
        return io.ordergateway.journal.sbe.RoutingPolicy.get((short)p.code());
    }
}
