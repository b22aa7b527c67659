package io.ordergateway.core.broker;

import io.ordergateway.core.domain.Side;

import java.util.List;

/**
 * What a broker says it holds for the gateway: positions and working orders, the way brokers hand
 * out end-of-day statements (or answer position and order queries). Quantities are scaled longs.
 *
 * @param broker     the broker's name.
 * @param brokerId   the broker's id in the gateway's journal.
 * @param positions  non-zero positions.
 * @param openOrders orders still working.
 */
public record BrokerStatement(String broker, int brokerId, List<Position> positions, List<OpenOrder> openOrders)
{
    /**
     * Copies the lists.
     */
    public BrokerStatement
    {
        positions = List.copyOf(positions);
        openOrders = List.copyOf(openOrders);
    }

    /**
     * A position.
     *
     * @param symbol   the symbol.
     * @param quantity signed quantity.
     */
    public record Position(String symbol, long quantity)
    {
    }

    /**
     * A working order.
     *
     * @param clientOrderId the client order id the broker holds (the gateway's own for its orders).
     * @param symbol        the symbol.
     * @param side          buy or sell.
     * @param quantity      ordered quantity.
     * @param filled        filled so far.
     * @param orderId       the gateway's order id when the adapter knows it (its own and adopted orders), else 0:
     *                      then read it from the client order id.
     */
    public record OpenOrder(String clientOrderId, String symbol, Side side, long quantity, long filled, long orderId)
    {
        /**
         * A line whose gateway order id is read from its client order id.
         *
         * @param clientOrderId the client order id.
         * @param symbol        the symbol.
         * @param side          buy or sell.
         * @param quantity      ordered quantity.
         * @param filled        filled so far.
         */
        public OpenOrder(final String clientOrderId, final String symbol, final Side side, final long quantity,
            final long filled)
        {
            this(clientOrderId, symbol, side, quantity, filled, 0);
        }
    }
}
