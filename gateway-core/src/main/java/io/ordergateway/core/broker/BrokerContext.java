package io.ordergateway.core.broker;

import io.ordergateway.core.domain.ClientOrderIds;
import io.ordergateway.core.domain.SymbolTable;

/**
 * What the gateway gives an adapter when it connects.
 *
 * @param brokerId       the adapter's index in the gateway, as journaled.
 * @param sink           where the adapter reports everything the broker says.
 * @param symbols        the gateway's symbols (ids in commands refer to these).
 * @param clientOrderIds how to turn order ids into the client order ids the broker sees, and back.
 */
public record BrokerContext(int brokerId, BrokerEventSink sink, SymbolTable symbols, ClientOrderIds clientOrderIds)
{
}
