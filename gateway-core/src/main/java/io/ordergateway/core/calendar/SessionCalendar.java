package io.ordergateway.core.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * A venue with sessions on weekdays, holidays and early closes from data: US equities by default
 * (pre-market 04:00, regular 09:30 to 16:00, post-market to 20:00, America/New_York; early closes
 * at 13:00 with post-market to 17:00). OPG orders are accepted until two minutes before the open,
 * CLS orders until ten minutes before the close (Alpaca's cut-offs).
 *
 * <p>Every session of the covered years (plus one more year of plain weekdays) is computed once at
 * start into sorted arrays of epoch nanoseconds; a lookup is a binary search, allocation free, and
 * correct across daylight-saving changes.
 */
public final class SessionCalendar implements MarketCalendar
{
    /** The calendar's name in configuration. */
    public static final String US_EQUITIES = "us-equities";

    private static final Logger LOG = LoggerFactory.getLogger(SessionCalendar.class);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long OPG_CUTOFF = 2 * 60 * NANOS_PER_SECOND;
    private static final long CLS_CUTOFF = 10 * 60 * NANOS_PER_SECOND;

    private final String name;
    private final long[] preOpen;
    private final long[] open;
    private final long[] close;
    private final long[] postClose;
    private final int firstYear;
    private final int lastYear;

    private SessionCalendar(
        final String name, final ZoneId zone, final Map<LocalDate, String> exceptions, final int firstYear,
        final int lastYear)
    {
        this.name = name;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        final LocalDate start = LocalDate.of(firstYear, 1, 1);
        final LocalDate end = LocalDate.of(lastYear + 2, 1, 1); // one more year of weekdays, holidays unknown
        int days = 0;
        for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1))
        {
            days++;
        }
        final long[] pre = new long[days];
        final long[] op = new long[days];
        final long[] cl = new long[days];
        final long[] post = new long[days];
        int n = 0;
        for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1))
        {
            final DayOfWeek dow = d.getDayOfWeek();
            final String kind = exceptions.get(d);
            if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY || "HOLIDAY".equals(kind))
            {
                continue;
            }
            final boolean early = "EARLY_CLOSE".equals(kind);
            pre[n] = nanos(d, LocalTime.of(4, 0), zone);
            op[n] = nanos(d, LocalTime.of(9, 30), zone);
            cl[n] = nanos(d, early ? LocalTime.of(13, 0) : LocalTime.of(16, 0), zone);
            post[n] = nanos(d, early ? LocalTime.of(17, 0) : LocalTime.of(20, 0), zone);
            n++;
        }
        preOpen = java.util.Arrays.copyOf(pre, n);
        open = java.util.Arrays.copyOf(op, n);
        close = java.util.Arrays.copyOf(cl, n);
        postClose = java.util.Arrays.copyOf(post, n);
    }

    private static long nanos(final LocalDate date, final LocalTime time, final ZoneId zone)
    {
        return date.atTime(time).atZone(zone).toEpochSecond() * NANOS_PER_SECOND;
    }

    /**
     * The US equities calendar from the data shipped with the gateway.
     *
     * @return the calendar.
     */
    public static SessionCalendar usEquities()
    {
        final Map<LocalDate, String> exceptions = new HashMap<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        try (InputStream in = SessionCalendar.class.getResourceAsStream("us-equities.csv"))
        {
            if (in == null)
            {
                throw new IllegalStateException("calendar data us-equities.csv is missing from the classpath");
            }
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null)
            {
                lineNumber++;
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#"))
                {
                    continue;
                }
                final String[] parts = line.split(",");
                if (parts.length != 2 || !(parts[1].equals("HOLIDAY") || parts[1].equals("EARLY_CLOSE")))
                {
                    throw new IllegalStateException("us-equities.csv line " + lineNumber
                        + ": expected date,HOLIDAY|EARLY_CLOSE, got '" + line + "'");
                }
                final LocalDate date = LocalDate.parse(parts[0]);
                exceptions.put(date, parts[1]);
                first = Math.min(first, date.getYear());
                last = Math.max(last, date.getYear());
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return new SessionCalendar(US_EQUITIES, ZoneId.of("America/New_York"), exceptions, first, last);
    }

    /**
     * Logs a warning if the holiday data does not cover the year of a moment.
     *
     * @param epochNanos typically the gateway's start time.
     */
    public void warnIfNotCovered(final long epochNanos)
    {
        final int year = java.time.Instant.ofEpochSecond(epochNanos / NANOS_PER_SECOND).atZone(ZoneId.of("UTC"))
            .getYear();
        if (year < firstYear || year > lastYear)
        {
            LOG.warn("calendar {} has holiday data for {} to {} only; {} is treated as weekdays without holidays", name,
                firstYear, lastYear, year);
        }
    }

    @Override
    public String name()
    {
        return name;
    }

    /**
     * @return the index of the session in progress or the next one to start after {@code t}
     *         (the first whose post-market close is after t), or {@code length} if none.
     */
    private int sessionAtOrAfter(final long t)
    {
        int low = 0;
        int high = postClose.length;
        while (low < high)
        {
            final int mid = (low + high) >>> 1;
            if (postClose[mid] <= t)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public SessionPhase phase(final long t)
    {
        final int i = sessionAtOrAfter(t);
        if (i == postClose.length || t < preOpen[i])
        {
            return SessionPhase.CLOSED;
        }
        if (t < open[i])
        {
            return SessionPhase.PRE_MARKET;
        }
        return t < close[i] ? SessionPhase.REGULAR : SessionPhase.POST_MARKET;
    }

    @Override
    public long nextRegularOpen(final long t)
    {
        int i = sessionAtOrAfter(t);
        if (i < open.length && t >= open[i])
        {
            i++;
        }
        return i < open.length ? open[i] : 0;
    }

    @Override
    public boolean hasAuctions()
    {
        return true;
    }

    @Override
    public boolean acceptsOpeningAuction(final long t)
    {
        final int i = sessionAtOrAfter(t);
        if (i == open.length)
        {
            return false;
        }
        // Before this session's cut-off, or after its close (then it is for the next open).
        return t < open[i] - OPG_CUTOFF || t >= close[i];
    }

    @Override
    public boolean acceptsClosingAuction(final long t)
    {
        final int i = sessionAtOrAfter(t);
        return i < close.length && t < close[i] - CLS_CUTOFF;
    }
}
