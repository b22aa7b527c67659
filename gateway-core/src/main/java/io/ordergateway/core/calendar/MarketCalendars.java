package io.ordergateway.core.calendar;

/**
 * The calendars a venue can be configured with, by name.
 */
public final class MarketCalendars
{
    private MarketCalendars()
    {
    }

    /**
     * @param name {@code us-equities} or {@code 24x7}.
     * @return a new calendar.
     * @throws IllegalArgumentException naming the known calendars.
     */
    public static MarketCalendar byName(final String name)
    {
        if (SessionCalendar.US_EQUITIES.equals(name))
        {
            return SessionCalendar.usEquities();
        }
        if (AlwaysOpenCalendar.NAME.equals(name))
        {
            return new AlwaysOpenCalendar();
        }
        throw new IllegalArgumentException("unknown market calendar '" + name + "': expected us-equities or 24x7");
    }
}
