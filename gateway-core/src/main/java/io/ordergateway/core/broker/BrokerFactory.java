package io.ordergateway.core.broker;

import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Makes one type of broker adapter from its block of the configuration file: the {@code type} of a
 * broker (sim, alpaca, fix...) names the factory, and the factory reads, checks and keeps its own
 * keys. Factories are found with {@link ServiceLoader}: a jar that lists one in
 * {@code META-INF/services/io.ordergateway.core.broker.BrokerFactory} adds a broker type, and the
 * configuration code knows no type's keys.
 */
public interface BrokerFactory
{
    /**
     * @return the broker type this factory makes, as written in the configuration ({@code type: sim}).
     */
    String type();

    /**
     * Reads this type's keys from one broker's block. Every problem is reported through the block,
     * with its path; keys the factory does not read are reported as unknown by the caller.
     *
     * @param block the broker's block of the configuration.
     * @return how to make the adapter once the configuration is complete.
     */
    BrokerDefinition define(BrokerBlock block);

    /**
     * @return every factory on the class path, by type (sorted).
     */
    static TreeMap<String, BrokerFactory> installed()
    {
        final TreeMap<String, BrokerFactory> byType = new TreeMap<>();
        for (final BrokerFactory factory : ServiceLoader.load(BrokerFactory.class))
        {
            byType.put(factory.type(), factory);
        }
        return byType;
    }
}
