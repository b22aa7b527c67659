package io.ordergateway.tools;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses the time bounds of journal commands: an ISO instant ({@code 2026-11-21T14:30:00Z}) or a
 * date ({@code 2026-11-21}, meaning its start in UTC), to epoch nanoseconds.
 */
final class TimeArgument
{
    private TimeArgument()
    {
    }

    static long epochNanos(final String text, final String option)
    {
        try
        {
            final Instant instant = text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                : Instant.parse(text);
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        }
        catch (final ArithmeticException ex)
        {
            throw new IllegalArgumentException(option + ": '" + text
                + "' is outside the years 1677 to 2262 that journal times can hold");
        }
        catch (final DateTimeParseException ex)
        {
            throw new IllegalArgumentException(option
                + ": expected a date (2026-11-21) or an instant (2026-11-21T14:30:00Z), got '" + text + "'");
        }
    }
}
