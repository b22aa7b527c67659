package io.ordergateway.benchmarks.harness;

import io.ordergateway.core.agent.ThreadingMode;
import io.ordergateway.core.api.GatewayBuilder;
import io.ordergateway.journal.JournalDurability;
import io.ordergateway.core.pipeline.Topology;
import io.ordergateway.core.pipeline.WaitStrategyKind;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fixed-rate latency harness: the gateway in each configured topology and wait strategy, and
 * the baselines (a bare Disruptor hop and a bare Chronicle append: the floor; the same stages on
 * ArrayBlockingQueues: the conventional design), each driven at a ladder of fixed rates by the same
 * driver and measured the same way, from each order's planned send time. A target stops climbing
 * the ladder at the first rate it cannot keep up with.
 *
 * <p>Writes a report (rate table, ratios to the baselines at each rate, the best configuration),
 * one HdrHistogram log per target and rate, and one SVG plot per target.
 */
public final class LatencyHarness
{
    /**
     * What to run.
     *
     * @param rates          orders per second, ascending.
     * @param warmupSeconds  seconds sent before measuring, at each rate.
     * @param measureSeconds seconds measured, at each rate.
     * @param configurations gateway topologies and wait strategies.
     * @param endPoint       where gateway latency is measured to.
     * @param baselines      run the floor and conventional baselines too.
     * @param output         where the report, logs and plots go.
     * @param journalDir     where run journals are made (null: the temporary directory); they are deleted after each
     *                       run.
     * @param only           run only the targets whose names start with one of these (empty: all).
     */
    public record Options(
        List<Long> rates, int warmupSeconds, int measureSeconds, List<Configuration> configurations, EndPoint endPoint,
        boolean baselines, Path output, Path journalDir, List<String> only)
    {
    }

    /**
     * A gateway configuration.
     *
     * @param threadingMode how agents are put on threads.
     * @param topology      how stages are grouped onto threads.
     * @param waitStrategy  how stage threads wait.
     * @param operations    live counters, the admin endpoint and a /metrics scrape every second.
     * @param isDefault     the builder's defaults (the three above are what they are).
     * @param durability    the journal's durability ({@code :group_commit}; page cache otherwise).
     * @param pretouch      the journal pretoucher on (the default; {@code :no_pretouch} turns it off).
     */
    public record Configuration(ThreadingMode threadingMode, Topology topology, WaitStrategyKind waitStrategy,
        boolean operations, boolean isDefault, JournalDurability durability, boolean pretouch)
    {
        /**
         * @return the target's name: {@code gateway-default}, or {@code gateway-MODE-TOPOLOGY-WAIT}; {@code -ops} with
         *         operations, {@code -group-commit} and {@code -no-pretouch} with those.
         */
        public String name()
        {
            return (isDefault ? "gateway-default" : "gateway-" + threadingMode.name().toLowerCase(Locale.ROOT) + "-"
                + topology.name().toLowerCase(Locale.ROOT) + "-" + waitStrategy.name().toLowerCase(Locale.ROOT))
                + (operations ? "-ops" : "") + (durability == JournalDurability.GROUP_COMMIT ? "-group-commit" : "")
                + (pretouch ? "" : "-no-pretouch");
        }
    }

    /**
     * The least rate of the warm-up before each measurement: a few seconds at 100 orders a second would
     * leave the code interpreted and put the JIT compiler's work into the measurement, where a strategy
     * that has run for an hour has none. Below it, one more second at the measured rate follows,
     * unmeasured, so the code paths of that pace (long idle spells) are compiled too.
     */
    static final long WARMUP_RATE = 20_000;

    /** The rates of {@code ./gateway bench}, from a strategy's usual pace to the pipeline's limit. */
    public static final String DEFAULT_RATES = "100,1k,10k,100k,250k,500k,1m";
    /**
     * The configurations of {@code ./gateway bench}: the default first, then the earlier default and the alternatives.
     */
    public static final String DEFAULT_CONFIGS =
        "default,shared:single:blocking,dedicated:compact:sleeping,shared:compact:yielding";

    /**
     * Where latency is measured to, public for the command line.
     */
    public enum EndPoint
    {
        /** The hand-off to the adapter (no-op echo broker). */
        SEND,
        /** The simulated broker's ack reaching the strategy. */
        SIM_ACK
    }

    private record Result(String target, long rate, FixedRateDriver.Run run, Histogram histogram)
    {
    }

    private LatencyHarness()
    {
    }

    /**
     * Runs with arguments: {@code [--rates 100,10k] [--seconds 3] [--warmup 1] [--end-point send|sim_ack]
     * [--configs default,shared:compact:yielding] [--no-baselines] [--output DIR] [--journal-dir DIR]
     * [--only floor-chronicle,gateway-default]}.
     *
     * @param args the command line.
     * @throws Exception if a run fails.
     */
    public static void main(final String[] args) throws Exception
    {
        List<Long> rates = parseRates(DEFAULT_RATES);
        int seconds = 3;
        int warmup = 1;
        EndPoint endPoint = EndPoint.SEND;
        List<Configuration> configs = parseConfigs(DEFAULT_CONFIGS);
        boolean baselines = true;
        Path output = Path.of("bench-results");
        Path journalDir = null;
        List<String> only = List.of();
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--rates": rates = parseRates(args[++i]); break;
                case "--seconds": seconds = Integer.parseInt(args[++i]); break;
                case "--warmup": warmup = Integer.parseInt(args[++i]); break;
                case "--end-point": endPoint = EndPoint.valueOf(args[++i].toUpperCase(Locale.ROOT)); break;
                case "--configs": configs = parseConfigs(args[++i]); break;
                case "--no-baselines": baselines = false; break;
                case "--output": output = Path.of(args[++i]); break;
                case "--journal-dir": journalDir = Path.of(args[++i]); break;
                case "--only": only = List.of(args[++i].split(",")); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        run(new Options(rates, warmup, seconds, configs, endPoint, baselines, output, journalDir, only), System.out);
    }

    /**
     * @param text comma-separated rates, e.g. {@code 10000,50000,100k,1m}.
     * @return the rates, ascending.
     */
    public static List<Long> parseRates(final String text)
    {
        final List<Long> rates = new ArrayList<>();
        for (final String part : text.split(","))
        {
            final String p = part.trim().toLowerCase(Locale.ROOT);
            final long multiplier = p.endsWith("k") ? 1_000 : p.endsWith("m") ? 1_000_000 : 1;
            final long rate = Long.parseLong(multiplier == 1 ? p : p.substring(0, p.length() - 1)) * multiplier;
            if (rate < 1 || rate > 10_000_000)
            {
                throw new IllegalArgumentException("rate " + part + " must be 1 to 10m orders per second");
            }
            rates.add(rate);
        }
        rates.sort(Long::compare);
        return rates;
    }

    /**
     * @param text comma-separated {@code default[:FLAG..]} or {@code mode:topology:wait[:FLAG..]}, flags {@code ops},
     *             {@code group_commit} and {@code no_pretouch}, e.g.
     *             {@code default,default:group_commit,dedicated:compact:sleeping,shared:single:yielding:ops}.
     * @return the configurations.
     */
    public static List<Configuration> parseConfigs(final String text)
    {
        final List<Configuration> configs = new ArrayList<>();
        for (final String part : text.split(","))
        {
            final List<String> p = new ArrayList<>(List.of(part.trim().toLowerCase(Locale.ROOT).split(":")));
            final boolean ops = p.remove("ops");
            final JournalDurability durability = p.remove("group_commit") ? JournalDurability.GROUP_COMMIT
                : JournalDurability.PAGE_CACHE;
            final boolean pretouch = !p.remove("no_pretouch");
            final int n = p.size();
            if (n == 1 && p.get(0).equals("default"))
            {
                configs.add(new Configuration(GatewayBuilder.DEFAULT_THREADING_MODE, GatewayBuilder.DEFAULT_TOPOLOGY,
                    GatewayBuilder.DEFAULT_WAIT_STRATEGY, ops, true, durability, pretouch));
                continue;
            }
            if (n != 3)
            {
                throw new IllegalArgumentException("configuration '" + part
                    + "' must be default or mode:topology:wait, each with optional :ops (live counters, the admin "
                    + "endpoint and a /metrics scrape every second), :group_commit and :no_pretouch, e.g. default:ops "
                    + "or dedicated:compact:sleeping:group_commit; "
                    + "modes " + List.of(ThreadingMode.DEDICATED, ThreadingMode.SHARED) + ", topologies "
                    + List.of(Topology.values()) + ", waits " + List.of(WaitStrategyKind.values()));
            }
            final ThreadingMode mode = ThreadingMode.valueOf(p.get(0).toUpperCase(Locale.ROOT));
            if (mode == ThreadingMode.INVOKER)
            {
                throw new IllegalArgumentException("configuration '" + part
                    + "': INVOKER runs no threads, so nothing would drive it");
            }
            configs.add(new Configuration(mode, Topology.valueOf(p.get(1).toUpperCase(Locale.ROOT)),
                WaitStrategyKind.valueOf(p.get(2).toUpperCase(Locale.ROOT)), ops, false, durability, pretouch));
        }
        return configs;
    }

    /**
     * Runs everything and writes the results.
     *
     * @param options what to run.
     * @param out     where the report is printed (it is also written to {@code report.txt}).
     * @throws Exception if a run fails.
     */
    public static void run(final Options options, final PrintStream out) throws Exception
    {
        Files.createDirectories(options.output());
        TempJournal.base(options.journalDir());
        final GatewayTarget.EndPoint endPoint = options.endPoint() == EndPoint.SEND ? GatewayTarget.EndPoint.SEND :
            GatewayTarget.EndPoint.SIM_ACK;
        final List<LatencyTarget> targets = new ArrayList<>();
        for (final Configuration c : options.configurations())
        {
            targets.add(new GatewayTarget(c, endPoint));
        }
        if (options.baselines())
        {
            options.configurations().stream().map(Configuration::waitStrategy).distinct()
                .forEach(w -> targets.add(new DisruptorFloorTarget(w)));
            targets.add(new ChronicleFloorTarget(false));
            targets.add(new ChronicleFloorTarget(true));
            targets.add(new QueuePipelineTarget());
        }
        if (options.only().stream().anyMatch(name -> name.startsWith("fix")))
        {
            // only when asked for (--only fix): each run starts a FIX counterparty and its engines
            targets.add(new FixGatewayTarget());
            targets.add(new QuickFixTarget());
        }
        if (!options.only().isEmpty())
        {
            targets.removeIf(t -> options.only().stream().noneMatch(t.name()::startsWith));
        }
        warmUpEveryTarget(targets, options);
        final List<Result> results = new ArrayList<>();
        final java.util.Set<LatencyTarget> stopped = new java.util.HashSet<>();
        // Rate by rate, every target at each: whatever the machine does meanwhile (a JIT compile, a kernel thread)
        // falls on all of them alike, not on whichever target happens to run first.
        for (final long rate : options.rates())
        {
            for (final LatencyTarget target : targets)
            {
                if (stopped.contains(target))
                {
                    continue;
                }
                final Result result = measure(target, rate, options);
                if (result == null || !result.run().keptUp())
                {
                    stopped.add(target);
                }
                if (result != null)
                {
                    results.add(result);
                }
            }
        }
        results.sort(java.util.Comparator.comparingInt((Result r) -> indexOf(targets, r.target()))
            .thenComparingLong(Result::rate));
        final String report = report(options, results);
        out.print(report);
        Files.writeString(options.output().resolve("report.txt"), report);
        for (final LatencyTarget target : targets)
        {
            final Map<Long, Histogram> byRate = new LinkedHashMap<>();
            results.stream().filter(r -> r.target().equals(target.name()))
                .forEach(r -> byRate.put(r.rate(), r.histogram()));
            if (!byRate.isEmpty())
            {
                PercentilePlot.write(options.output().resolve("plot-" + target.name() + ".svg"),
                    target.name() + ": latency from planned send, by rate", byRate);
            }
        }
        out.printf("%nWritten to %s: report.txt, one .hlog per target and rate, one plot-*.svg per target.%n",
            options.output().toAbsolutePath());
    }

    /**
     * One measurement: warm-up at {@link #WARMUP_RATE} (or the rate), a pause until it drained, a
     * second at the rate, then the measured orders.
     *
     * @return the result, or null if the target failed.
     */
    private static Result measure(final LatencyTarget target, final long rate, final Options options) throws IOException
    {
        final long warmupRate = Math.max(rate, target.warmupRate());
        final int fastWarmup = (int)Math.min(Integer.MAX_VALUE / 4, warmupRate * options.warmupSeconds());
        // then a second at the measured rate itself, unmeasured: the code paths of this pace compile before they count
        final int rateWarmup = rate < warmupRate && options.warmupSeconds() > 0 ? (int)Math.max(rate, 20) : 0;
        final int warmupOrders = fastWarmup + rateWarmup;
        final int orders = (int)Math.min(Integer.MAX_VALUE / 2, warmupOrders + rate * options.measureSeconds());
        System.err.printf("%-36s %,10d/s ...", target.name(), rate);
        final FixedRateDriver.Run run;
        final Histogram histogram;
        try
        {
            target.start(orders, warmupOrders);
            run = FixedRateDriver.drive(target, warmupRate, fastWarmup, rate, orders);
            histogram = target.finish(run.sent());
        }
        catch (final Exception ex)
        {
            System.err.printf(" failed: %s; stopping here%n", ex.getMessage());
            return null;
        }
        finally
        {
            target.close();
        }
        System.err.printf(" p99 %s us, %s%n", micros(histogram.getValueAtPercentile(99)),
            run.keptUp() ? "kept up" : "could not keep up: stopping here");
        writeLog(options.output().resolve(target.name() + "-" + rate + ".hlog"), histogram);
        return new Result(target.name(), rate, run, histogram.copy());
    }

    private static int indexOf(final List<LatencyTarget> targets, final String name)
    {
        for (int i = 0; i < targets.size(); i++)
        {
            if (targets.get(i).name().equals(name))
            {
                return i;
            }
        }
        return targets.size();
    }

    /**
     * Runs every target once at {@link #WARMUP_RATE}, unmeasured, before any measurement. The targets
     * share code (the stages, the journal, the driver) and run one after the other in this JVM: without
     * this, the first target measured would carry the JIT compiler's work (on 2 cores a compile steals
     * whole scheduler slices, milliseconds, from a spinning thread) and the last would find it done.
     */
    private static void warmUpEveryTarget(final List<LatencyTarget> targets, final Options options) throws Exception
    {
        for (final LatencyTarget target : targets)
        {
            final long rate = target.warmupRate();
            final int orders = (int)(rate * Math.max(1, options.warmupSeconds()) * 2);
            System.err.printf("%-36s warming up (%,d orders at %,d/s, not measured)%n", target.name(), orders,
                rate);
            try
            {
                target.start(orders, orders);
                final FixedRateDriver.Run run = FixedRateDriver.drive(target, rate, 0, rate, orders);
                target.finish(run.sent());
            }
            finally
            {
                target.close();
            }
        }
    }

    private static void writeLog(final Path file, final Histogram histogram) throws IOException
    {
        try (PrintStream stream = new PrintStream(Files.newOutputStream(file)))
        {
            final HistogramLogWriter writer = new HistogramLogWriter(stream);
            writer.outputLogFormatVersion();
            writer.outputComment("latency from planned send time, nanoseconds");
            writer.outputLegend();
            writer.outputIntervalHistogram(histogram);
        }
    }

    private static String report(final Options options, final List<Result> results)
    {
        final StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
            "%nLatency from each order's planned send time, microseconds (%d s measured after %d s warm-up "
                + "at each rate, at least %,d/s, then 1 s at the rate; %d cores, %s %s)%n", options.measureSeconds(),
                options.warmupSeconds(), WARMUP_RATE,
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
            System.getProperty("java.version")));
        s.append("Gateway end point: ").append(options.endPoint() == EndPoint.SEND ?
            "hand-off to the adapter (journal on)" : "sim broker's ack delivered to the strategy (journal on)")
            .append("; journals in ")
            .append(options.journalDir() == null ? System.getProperty("java.io.tmpdir") : options.journalDir())
            .append("\n\n");
        s.append(String.format(Locale.ROOT, "%-34s %10s %10s %8s %8s %8s %8s %9s %9s  %s%n", "target", "rate/s",
            "achieved", "p50", "p90", "p99", "p99.9", "p99.99", "max", ""));
        for (final Result r : results)
        {
            final Histogram h = r.histogram();
            s.append(String.format(Locale.ROOT, "%-34s %,10d %,10.0f %8s %8s %8s %8s %9s %9s  %s%n", r.target(),
                r.rate(), r.run().achievedRate(), micros(h.getValueAtPercentile(50)),
                micros(h.getValueAtPercentile(90)), micros(h.getValueAtPercentile(99)),
                micros(h.getValueAtPercentile(99.9)), micros(h.getValueAtPercentile(99.99)), micros(h.getMaxValue()),
                r.run().keptUp() ? "" : "could not keep up"));
        }
        if (options.baselines())
        {
            s.append(String.format(Locale.ROOT,
                "%nRatios: the gateway's p50 / p99 / p99.99 divided by each baseline's at the same rate (below 1: "
                + "faster than the baseline)%n"));
            s.append(String.format(Locale.ROOT, "%-34s %10s %22s %22s %22s%n", "gateway", "rate/s", "vs disruptor hop",
                "vs chronicle append", "vs conventional"));
            for (final Result r : results)
            {
                if (!r.target().startsWith("gateway-"))
                {
                    continue;
                }
                final String wait = waitOf(options, r.target());
                s.append(String.format(Locale.ROOT, "%-34s %,10d %22s %22s %22s%n", r.target(), r.rate(),
                    ratio(r, find(results, "floor-disruptor-hop-" + wait, r.rate())),
                    ratio(r, find(results, "floor-chronicle-append", r.rate())),
                    ratio(r, find(results, "conventional-queues", r.rate()))));
            }
        }
        s.append(best(results));
        return s.toString();
    }

    private static String waitOf(final Options options, final String target)
    {
        for (final Configuration c : options.configurations())
        {
            if (target.startsWith(c.name()))
            {
                return c.waitStrategy().name().toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static String best(final List<Result> results)
    {
        Result best = null;
        for (final Result r : results)
        {
            if (!r.target().startsWith("gateway-") || !r.run().keptUp())
            {
                continue;
            }
            if (best == null || r.rate() > best.rate()
                || (r.rate() == best.rate()
                && r.histogram().getValueAtPercentile(99) < best.histogram().getValueAtPercentile(99)))
            {
                best = r;
            }
        }
        return best == null ? "\nNo gateway configuration kept up with the lowest rate.\n" : String.format(Locale.ROOT,
            "%nBest gateway configuration on this machine: %s (kept up to %,d/s; p99 %s us there).%n", best.target(),
            best.rate(), micros(best.histogram().getValueAtPercentile(99)));
    }

    private static Result find(final List<Result> results, final String target, final long rate)
    {
        for (final Result r : results)
        {
            if (r.target().equals(target) && r.rate() == rate)
            {
                return r;
            }
        }
        return null;
    }

    private static String ratio(final Result ours, final Result baseline)
    {
        if (baseline == null)
        {
            return "-";
        }
        final Histogram a = ours.histogram();
        final Histogram b = baseline.histogram();
        return String.format(Locale.ROOT, "%s / %s / %s", ratio(a, b, 50), ratio(a, b, 99), ratio(a, b, 99.99));
    }

    private static String ratio(final Histogram a, final Histogram b, final double percentile)
    {
        final long denominator = Math.max(1, b.getValueAtPercentile(percentile));
        return String.format(Locale.ROOT, "%.1f", (double)a.getValueAtPercentile(percentile) / denominator);
    }

    static String micros(final long nanos)
    {
        final double us = nanos / 1000.0;
        return us >= 100 ? String.format(Locale.ROOT, "%,.0f", us) : String.format(Locale.ROOT, "%.1f", us);
    }
}
