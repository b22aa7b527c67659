package io.ordergateway.adapters.sim;

import io.ordergateway.core.broker.BrokerBlock;
import io.ordergateway.core.broker.BrokerCapabilities;
import io.ordergateway.core.broker.BrokerDefinition;
import io.ordergateway.core.broker.BrokerFactory;

/**
 * {@code type: sim} in the configuration: an in-process {@link SimBroker}. Keys: latencyMicros,
 * jitterMicros, rejectRate, partialFillRate, maxPartialFills, priceIntervalMillis, volatilityBps,
 * seed. Its market starts at the configuration's reference prices.
 */
public final class SimBrokerFactory implements BrokerFactory
{
    @Override
    public String type()
    {
        return "sim";
    }

    @Override
    public BrokerDefinition define(final BrokerBlock b)
    {
        final String name = b.name();
        final long latencyMicros = b.integer("latencyMicros", 50, 0, 60_000_000);
        final long jitterMicros = b.integer("jitterMicros", 0, 0, 60_000_000);
        final double rejectRate = b.fraction("rejectRate", 0);
        final double partialFillRate = b.fraction("partialFillRate", 0.2);
        final long maxPartialFills = b.integer("maxPartialFills", 3, 2, 100);
        final long priceIntervalMillis = b.integer("priceIntervalMillis", 1, 0, 3_600_000);
        final long volatilityBps = b.integer("volatilityBps", 5, 0, 10_000);
        final long seed = b.integer("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
        return prices -> new SimBroker(new
            SimBrokerConfig(name, prices, latencyMicros * 1_000, jitterMicros * 1_000, rejectRate, partialFillRate,
            (int)maxPartialFills, priceIntervalMillis * 1_000_000, volatilityBps, seed,
            SimBrokerConfig.defaults(name).inboundQueueBytes(), BrokerCapabilities.everything()));
    }
}
