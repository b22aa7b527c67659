package io.ordergateway.core.broker;

import io.ordergateway.core.domain.Side;

/**
 * One execution in the broker's history (its fill activities), whether of a gateway order or not.
 * Quantity and price are scaled longs.
 *
 * @param executionId   the broker's id for the execution.
 * @param brokerOrderId the broker's id for the order.
 * @param symbol        the symbol.
 * @param side          buy or sell.
 * @param quantity      executed quantity.
 * @param price         execution price.
 * @param time          when it executed, as the broker wrote it (ISO-8601).
 */
public record BrokerFill(String executionId, String brokerOrderId, String symbol, Side side, long quantity, long price,
    String time)
{
}
