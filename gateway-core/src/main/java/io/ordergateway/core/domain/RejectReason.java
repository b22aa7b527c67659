package io.ordergateway.core.domain;

/**
 * The one set of reasons for which an order is denied by the gateway or rejected by a broker.
 * Adapters map their broker's errors onto these. Each reason says whether trying again can help
 * and what a person should do. The {@link #code()} is the value in the journal's SBE schema.
 */
public enum RejectReason
{
    INVALID_ORDER(1, false, "fix the field named in the detail and send a new order"),
    UNKNOWN_SYMBOL(2, false, "use a symbol the gateway was configured with"),
    INVALID_PRICE(3, false, "send a price that fits the order type and the instrument's tick"),
    INVALID_QUANTITY(4, false, "send a positive quantity within the instrument's limits"),
    UNSUPPORTED_ORDER_TYPE(5, false, "use an order type, class and time in force the gateway and broker support"),
    MARKET_CLOSED(6, true, "send during the session, or use a time in force valid outside it"),
    RISK_LIMIT(7, false, "reduce size or exposure below the limit named in the detail"),
    RATE_LIMITED(8, true, "wait for the time in the detail (nanoseconds) and send again"),
    DUPLICATE_CLIENT_ID(9, false, "use a new client order id"),
    UNKNOWN_ORDER(10, false, "check the order id: the gateway holds no such order"),
    KILL_SWITCH(11, false, "trading is halted by the kill switch; an operator must release it"),
    GATEWAY_PAUSED(12, true, "no broker is available; wait for the gateway to resume"),
    INSUFFICIENT_FUNDS(13, false, "reduce size or add buying power"),
    AUTHENTICATION_FAILED(14, false, "check the broker credentials in the environment"),
    CONNECTION_ERROR(15, true, "the broker connection failed; the order may be sent again once it is back"),
    SERVICE_UNAVAILABLE(16, true, "the broker is busy or down; send again later"),
    BROKER_REJECTED(17, false, "read the broker's code in the detail"),
    NO_BROKER_AVAILABLE(18, true, "no configured broker can take this order now"),
    ORDER_NOT_ACTIVE(19, false, "the order is already finished or has a cancel or replace pending");

    private static final RejectReason[] BY_CODE = new RejectReason[values().length + 1];

    static
    {
        for (final RejectReason value : values())
        {
            BY_CODE[value.code] = value;
        }
    }

    private final int code;
    private final boolean retryable;
    private final String suggestion;

    RejectReason(final int code, final boolean retryable, final String suggestion)
    {
        this.code = code;
        this.retryable = retryable;
        this.suggestion = suggestion;
    }

    /**
     * @return the code used in the journal.
     */
    public int code()
    {
        return code;
    }

    /**
     * @return true when the same order may succeed if sent again later unchanged.
     */
    public boolean isRetryable()
    {
        return retryable;
    }

    /**
     * @return what a person should do about it.
     */
    public String suggestion()
    {
        return suggestion;
    }

    /**
     * @param code a journal code.
     * @return the reason, or null when the code is not known.
     */
    public static RejectReason fromCode(final int code)
    {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
