package io.ordergateway.core.calendar;

/**
 * Where a moment falls in a venue's trading day.
 */
public enum SessionPhase
{
    /** No trading: night, weekend or holiday. */
    CLOSED,
    /** Extended hours before the regular session. */
    PRE_MARKET,
    /** The regular session. */
    REGULAR,
    /** Extended hours after the regular session. */
    POST_MARKET
}
