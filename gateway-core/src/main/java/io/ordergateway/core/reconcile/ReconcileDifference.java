package io.ordergateway.core.reconcile;

import io.ordergateway.journal.FixedPoint;

/**
 * One difference between a broker and the gateway. Equal differences (same kind, place and
 * quantities) in two passes in a row are a confirmed difference.
 *
 * @param kind            what differs.
 * @param brokerId        the broker's id.
 * @param broker          its name.
 * @param symbol          the symbol.
 * @param orderId         the gateway's order id, or 0 (a position, or an order the gateway does not know).
 * @param reference       the broker's client order id for an order, or empty.
 * @param gatewayQuantity the gateway's position, or the order's filled quantity (0 when it has none).
 * @param brokerQuantity  the broker's.
 */
public record ReconcileDifference(DifferenceKind kind, int brokerId, String broker, String symbol, long orderId,
    String reference, long gatewayQuantity, long brokerQuantity)
{
    /**
     * @return one line for logs and alerts.
     */
    public String describe()
    {
        final String gateway = FixedPoint.formatQuantity(gatewayQuantity);
        final String theirs = FixedPoint.formatQuantity(brokerQuantity);
        switch (kind)
        {
            case POSITION:
                return broker + ": position in " + symbol + " is " + gateway + " in the gateway but " + theirs
                    + " at the broker";
            case ORDER_ONLY_AT_BROKER:
                return broker + ": the broker has working order " + reference + " (" + symbol + ", " + theirs
                    + " filled) that the gateway does not" + (orderId != 0 ? " hold working (order " + orderId + ")"
                    : "");
            case ORDER_ONLY_IN_GATEWAY:
                return broker + ": the gateway holds order " + orderId + " (" + symbol + ") working but the broker "
                    + "does not";
            default:
                return broker + ": order " + orderId + " (" + symbol + ") has " + gateway
                    + " filled in the gateway but " + theirs + " at the broker";
        }
    }
}
