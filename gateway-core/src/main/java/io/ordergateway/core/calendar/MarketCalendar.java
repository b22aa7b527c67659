package io.ordergateway.core.calendar;

/**
 * A venue's trading hours, asked with event time (epoch nanoseconds), never the wall clock, so
 * replay gives the same answers. Lookups allocate nothing.
 */
public interface MarketCalendar
{
    /** @return the calendar's name, as configured. */
    String name();

    /**
     * @param epochNanos the event's time.
     * @return the session phase at that time.
     */
    SessionPhase phase(long epochNanos);

    /**
     * @param epochNanos the event's time.
     * @return when the next regular session opens (epoch nanos), or 0 when the calendar cannot tell.
     */
    long nextRegularOpen(long epochNanos);

    /**
     * @return true if the venue runs opening and closing auctions (OPG and CLS orders).
     */
    boolean hasAuctions();

    /**
     * @param epochNanos the event's time.
     * @return true if an at-the-open (OPG) order is accepted now.
     */
    boolean acceptsOpeningAuction(long epochNanos);

    /**
     * @param epochNanos the event's time.
     * @return true if an at-the-close (CLS) order is accepted now.
     */
    boolean acceptsClosingAuction(long epochNanos);
}
