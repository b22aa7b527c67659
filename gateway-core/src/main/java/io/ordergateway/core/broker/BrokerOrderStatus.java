package io.ordergateway.core.broker;

import io.ordergateway.core.domain.OrderState;

/**
 * What a broker says about one order when asked (at start-up, to resolve orders the journal left
 * in flight).
 *
 * @param orderId      the gateway's order id.
 * @param state        the broker's state for it.
 * @param quantity     ordered quantity.
 * @param filled       filled quantity.
 * @param averagePrice average fill price, 0 if nothing filled.
 * @param fills        every execution, with the broker's execution id (so none is counted twice).
 */
public record BrokerOrderStatus(long orderId, OrderState state, long quantity, long filled, long averagePrice,
    java.util.List<Fill> fills)
{
    /**
     * Copies the fills.
     */
    public BrokerOrderStatus
    {
        fills = java.util.List.copyOf(fills);
    }

    /**
     * One execution.
     *
     * @param fillId   the broker's execution id.
     * @param quantity executed quantity.
     * @param price    execution price.
     */
    public record Fill(long fillId, long quantity, long price)
    {
    }
}
