package io.ordergateway.adapters.alpaca;

import io.ordergateway.core.domain.RejectReason;

/**
 * Maps Alpaca's error answers to the gateway's reject reasons. The broker's own code travels with
 * the reject (journaled as the broker code); the message is logged by the adapter with the client
 * order id, never with credentials.
 *
 * <p>Both readings the reference leaves open are accepted: credentials refused as 401 or 403, bodies
 * with or without {@code code}.
 */
public final class AlpacaErrors
{
    /** Code of the duplicate client order id answer (422). */
    public static final int VALIDATION = 40010001;
    /** Code of price and order-state errors (422). */
    public static final int PRICE_OR_STATE = 42210000;
    /** Code of buying power, permission and short-sale refusals (403). */
    public static final int FORBIDDEN = 40310000;

    private AlpacaErrors()
    {
    }

    /**
     * @param status  the HTTP status.
     * @param message the error message (may be empty).
     * @return true when the answer says the client order id was used before: for a POST the adapter
     *         sent, it means the order exists.
     */
    public static boolean isDuplicateClientOrderId(final int status, final String message)
    {
        return status == 422 && message.contains("client_order_id must be unique");
    }

    /**
     * @param status  the HTTP status.
     * @param code    Alpaca's code, 0 if none.
     * @param message the message, possibly empty.
     * @return the reject reason.
     */
    public static RejectReason reason(final int status, final int code, final String message)
    {
        final String m = message.toLowerCase(java.util.Locale.ROOT);
        if (status == 401)
        {
            return RejectReason.AUTHENTICATION_FAILED;
        }
        if (status == 403)
        {
            if (code == 0 || m.contains("forbidden") || m.contains("not authorized"))
            {
                return RejectReason.AUTHENTICATION_FAILED;
            }
            return m.contains("buying power") || m.contains("insufficient") ? RejectReason.INSUFFICIENT_FUNDS
                : RejectReason.BROKER_REJECTED;
        }
        if (status == 404)
        {
            return RejectReason.UNKNOWN_ORDER;
        }
        if (status == 429)
        {
            return RejectReason.RATE_LIMITED;
        }
        if (status >= 500)
        {
            return RejectReason.SERVICE_UNAVAILABLE;
        }
        if (status == 422 || status == 400)
        {
            if (isDuplicateClientOrderId(status, message))
            {
                return RejectReason.DUPLICATE_CLIENT_ID;
            }
            if (m.contains("sub-penny") || m.contains("_price") || m.contains("price"))
            {
                return m.contains("state") ? RejectReason.ORDER_NOT_ACTIVE : RejectReason.INVALID_PRICE;
            }
            if (m.contains("already in") || m.contains("state") || m.contains("not cancelable")
                || m.contains("pending"))
            {
                return RejectReason.ORDER_NOT_ACTIVE;
            }
            if (m.contains("asset") || m.contains("symbol"))
            {
                return RejectReason.UNKNOWN_SYMBOL;
            }
            if (m.contains("qty") || m.contains("quantity") || m.contains("fractional") || m.contains("notional"))
            {
                return RejectReason.INVALID_QUANTITY;
            }
            if (m.contains("type") || m.contains("time_in_force") || m.contains("extended hours")
                || m.contains("order_class") || m.contains("bracket") || m.contains("oco") || m.contains("oto")
                || m.contains("not allowed"))
            {
                return RejectReason.UNSUPPORTED_ORDER_TYPE;
            }
            return RejectReason.INVALID_ORDER;
        }
        return RejectReason.BROKER_REJECTED;
    }
}
