package io.ordergateway.core.broker;

import java.util.Map;

/**
 * What a {@link BrokerFactory} made of a broker's block: a checked, complete description that makes
 * the adapter when the gateway is built.
 */
@FunctionalInterface
public interface BrokerDefinition
{
    /**
     * @param referencePrices the configuration's reference prices by symbol (a simulator starts its market there).
     * @return a new adapter.
     */
    BrokerAdapter create(Map<String, Long> referencePrices);
}
