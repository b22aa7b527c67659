package io.ordergateway.adapters.sim;

import io.ordergateway.core.broker.BrokerCapabilities;
import io.ordergateway.journal.FixedPoint;

import java.util.Map;

/**
 * Settings of a {@link SimBroker}. Immutable; {@link #defaults(String)} then the {@code with*}
 * methods.
 *
 * @param name                a name for reports.
 * @param referencePrices     starting price per symbol (scaled); symbols not listed start at $100.
 * @param latencyNanos        delay before the broker answers a command.
 * @param latencyJitterNanos  extra random delay, 0 to this.
 * @param rejectRate          share of new orders rejected (0 to 1).
 * @param partialFillRate     share of executions split into several partial fills (0 to 1).
 * @param maxPartialFills     most pieces an execution is split into (at least 2).
 * @param priceIntervalNanos  how often prices move; 0 keeps them fixed.
 * @param volatilityBps       the largest move per interval, in basis points of the price.
 * @param seed                seed of the broker's randomness: the same seed and commands give the same answers.
 * @param inboundQueueBytes   size of the command queue from the gateway (a power of two).
 * @param capabilities        what the broker accepts.
 */
public record SimBrokerConfig(
    String name,
    Map<String, Long> referencePrices,
    long latencyNanos,
    long latencyJitterNanos,
    double rejectRate,
    double partialFillRate,
    int maxPartialFills,
    long priceIntervalNanos,
    long volatilityBps,
    long seed,
    int inboundQueueBytes,
    BrokerCapabilities capabilities)
{
    /** The price of a symbol without a configured reference price: $100. */
    public static final long DEFAULT_PRICE = 100 * FixedPoint.PRICE_SCALE;

    /**
     * Checks the settings.
     */
    public SimBrokerConfig
    {
        referencePrices = Map.copyOf(referencePrices);
        if (latencyNanos < 0 || latencyJitterNanos < 0)
        {
            throw new IllegalArgumentException("sim broker " + name + ": latency must not be negative");
        }
        if (!(rejectRate >= 0 && rejectRate <= 1) || !(partialFillRate >= 0 && partialFillRate <= 1))
        {
            throw new IllegalArgumentException("sim broker " + name + ": rates must be between 0 and 1");
        }
        if (maxPartialFills < 2)
        {
            throw new IllegalArgumentException("sim broker " + name + ": maxPartialFills must be at least 2");
        }
        if (Integer.bitCount(inboundQueueBytes) != 1 || inboundQueueBytes < 4096)
        {
            throw new IllegalArgumentException("sim broker " + name
                + ": inboundQueueBytes must be a power of two >= 4096");
        }
        for (final Map.Entry<String, Long> price : referencePrices.entrySet())
        {
            if (price.getValue() <= 0)
            {
                throw new IllegalArgumentException("sim broker " + name + ": reference price of " + price.getKey()
                    + " must be positive");
            }
        }
    }

    /**
     * @param name the broker's name.
     * @return 50 us latency, no jitter, no rejects, 20% partial fills in up to 3 pieces, prices moving up to
     *         5 bp every millisecond, seed 42.
     */
    public static SimBrokerConfig defaults(final String name)
    {
        return new SimBrokerConfig(name, Map.of(), 50_000, 0, 0, 0.2, 3, 1_000_000, 5, 42, 1 << 22,
            BrokerCapabilities.everything());
    }

    /** @param prices starting prices by symbol. @return a copy with them. */
    public SimBrokerConfig withReferencePrices(final Map<String, Long> prices)
    {
        return new SimBrokerConfig(name, prices, latencyNanos, latencyJitterNanos, rejectRate, partialFillRate,
            maxPartialFills, priceIntervalNanos, volatilityBps, seed, inboundQueueBytes, capabilities);
    }

    /** @param latency base latency. @param jitter extra random latency. @return a copy with them. */
    public SimBrokerConfig withLatency(final long latency, final long jitter)
    {
        return new SimBrokerConfig(name, referencePrices, latency, jitter, rejectRate, partialFillRate, maxPartialFills,
            priceIntervalNanos, volatilityBps, seed, inboundQueueBytes, capabilities);
    }

    /** @param rate share of new orders rejected. @return a copy with it. */
    public SimBrokerConfig withRejectRate(final double rate)
    {
        return new SimBrokerConfig(name, referencePrices, latencyNanos, latencyJitterNanos, rate, partialFillRate,
            maxPartialFills, priceIntervalNanos, volatilityBps, seed, inboundQueueBytes, capabilities);
    }

    /** @param rate share of executions split. @param maxPieces most pieces. @return a copy with them. */
    public SimBrokerConfig withPartialFills(final double rate, final int maxPieces)
    {
        return new SimBrokerConfig(name, referencePrices, latencyNanos, latencyJitterNanos, rejectRate, rate, maxPieces,
            priceIntervalNanos, volatilityBps, seed, inboundQueueBytes, capabilities);
    }

    /** @param intervalNanos how often prices move (0: never). @param bps largest move. @return a copy with them. */
    public SimBrokerConfig withPriceMoves(final long intervalNanos, final long bps)
    {
        return new SimBrokerConfig(name, referencePrices, latencyNanos, latencyJitterNanos, rejectRate, partialFillRate,
            maxPartialFills, intervalNanos, bps, seed, inboundQueueBytes, capabilities);
    }

    /** @param seed the randomness seed. @return a copy with it. */
    public SimBrokerConfig withSeed(final long seed)
    {
        return new SimBrokerConfig(name, referencePrices, latencyNanos, latencyJitterNanos, rejectRate, partialFillRate,
            maxPartialFills, priceIntervalNanos, volatilityBps, seed, inboundQueueBytes, capabilities);
    }
}
