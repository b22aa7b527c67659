package io.ordergateway.core.calendar;

/**
 * A venue that never closes (crypto): always the regular session, no auctions.
 */
public final class AlwaysOpenCalendar implements MarketCalendar
{
    /** The calendar's name in configuration. */
    public static final String NAME = "24x7";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public SessionPhase phase(final long epochNanos)
    {
        return SessionPhase.REGULAR;
    }

    @Override
    public long nextRegularOpen(final long epochNanos)
    {
        return epochNanos;
    }

    @Override
    public boolean hasAuctions()
    {
        return false;
    }

    @Override
    public boolean acceptsOpeningAuction(final long epochNanos)
    {
        return false;
    }

    @Override
    public boolean acceptsClosingAuction(final long epochNanos)
    {
        return false;
    }
}
