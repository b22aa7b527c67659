package io.ordergateway.tools;

import org.HdrHistogram.Histogram;

import java.io.PrintStream;

/**
 * Prints latency distributions (nanosecond HdrHistograms) as a table of percentiles in microseconds.
 */
final class LatencyTable
{
    private final TextTable table =
        new TextTable("latency (us)", "p50", "p90", "p99", "p99.9", "p99.99", "max", "count");

    LatencyTable add(final String name, final Histogram h)
    {
        if (h.getTotalCount() == 0)
        {
            table.row(name, "-", "-", "-", "-", "-", "-", 0);
            return this;
        }
        table.row(name, us(h.getValueAtPercentile(50)), us(h.getValueAtPercentile(90)), us(h.getValueAtPercentile(99)),
            us(h.getValueAtPercentile(99.9)), us(h.getValueAtPercentile(99.99)), us(h.getMaxValue()),
            h.getTotalCount());
        return this;
    }

    void print(final PrintStream out)
    {
        table.print(out);
    }

    static String us(final long nanos)
    {
        final double micros = nanos / 1000.0;
        return micros >= 100 ? String.format("%.0f", micros) : String.format("%.1f", micros);
    }
}
