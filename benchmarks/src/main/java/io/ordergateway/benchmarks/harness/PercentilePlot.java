package io.ordergateway.benchmarks.harness;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an SVG chart of latency percentile distributions, one line per rate, in the style of
 * HdrHistogram's plotter: x is the percentile on a "nines" scale (50%, 90%, 99%, 99.9%...), y is
 * latency in microseconds on a log scale. Plain SVG: any browser shows it.
 */
final class PercentilePlot
{
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 180;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final double MAX_NINES = 5; // 99.999%
    private static final String[] COLOURS =
    {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf"};

    private PercentilePlot()
    {
    }

    static void write(final Path file, final String title, final Map<Long, Histogram> byRate) throws IOException
    {
        double maxMicros = 10;
        double minMicros = 1;
        for (final Histogram h : byRate.values())
        {
            maxMicros = Math.max(maxMicros, h.getMaxValue() / 1000.0);
            minMicros = Math.min(minMicros, Math.max(0.1, h.getMinNonZeroValue() / 1000.0));
        }
        final double yLow = Math.floor(Math.log10(minMicros));
        final double yHigh = Math.ceil(Math.log10(maxMicros));
        final StringBuilder svg = new StringBuilder(64 * 1024);
        svg.append(String.format(Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
            + "font-size=\"12\">%n", WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"25\" font-size=\"16\">%s</text>%n", LEFT,
            escape(title)));
        final int plotW = WIDTH - LEFT - RIGHT;
        final int plotH = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n", LEFT, TOP, plotW,
            plotH));
        final String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
        for (int n = 0; n <= MAX_NINES; n++)
        {
            final double x = LEFT + plotW * n / MAX_NINES;
            svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x, TOP, x, TOP + plotH));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, TOP
                + plotH + 18, labels[n]));
        }
        for (double d = yLow; d <= yHigh; d++)
        {
            final double y = TOP + plotH - plotH * (d - yLow) / Math.max(1, yHigh - yLow);
            svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, y, LEFT + plotW, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6,
                y + 4, formatMicros(Math.pow(10, d))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n", LEFT
            + plotW / 2, HEIGHT - 15));
        svg.append(String.format(Locale.ROOT,
            "<text x=\"18\" y=\"%d\" transform=\"rotate(-90 18 %d)\" text-anchor=\"middle\">latency from planned "
            + "send (us)</text>%n", TOP + plotH / 2, TOP + plotH / 2));
        int line = 0;
        for (final Map.Entry<Long, Histogram> entry : byRate.entrySet())
        {
            final String colour = COLOURS[line % COLOURS.length];
            final StringBuilder points = new StringBuilder();
            for (final HistogramIterationValue v : entry.getValue().percentiles(5))
            {
                final double p = v.getPercentileLevelIteratedTo() / 100.0;
                final double nines = p >= 1 ? MAX_NINES : Math.min(MAX_NINES, Math.log10(1 / (1 - p)));
                final double micros = Math.max(Math.pow(10, yLow), v.getValueIteratedTo() / 1000.0);
                final double x = LEFT + plotW * nines / MAX_NINES;
                final double y = TOP + plotH - plotH * (Math.log10(micros) - yLow) / Math.max(1, yHigh - yLow);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append(String.format(Locale.ROOT,
                "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n", colour,
                points.toString().trim()));
            final int ly = TOP + 10 + line * 18;
            svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>%n", LEFT + plotW + 15,
                ly, LEFT + plotW + 40, ly, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%,d/s</text>%n", LEFT + plotW + 45, ly + 4,
                entry.getKey()));
            line++;
        }
        svg.append("</svg>\n");
        Files.writeString(file, svg, StandardCharsets.UTF_8);
    }

    private static String formatMicros(final double micros)
    {
        return micros >= 1 ? String.format(Locale.ROOT, "%,.0f", micros) : String.format(Locale.ROOT, "%.1f", micros);
    }

    private static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
