package io.ordergateway.tools;

import io.ordergateway.benchmarks.harness.LatencyHarness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/**
 * {@code gateway bench}: the fixed-rate latency harness with its baselines.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    header = "Measure the gateway's latency at fixed rates, next to baselines measured in the same run.",
    description = {
        "Drives the embedded gateway (a real journal on disk) at a ladder of fixed rates, rate by rate, with the "
            + "baselines measured the same way: a bare ring hop and a bare Chronicle append (the floor) and the same "
            + "stages on ArrayBlockingQueues (the conventional design). Latency is measured from each order's "
            + "planned send time; the driver spins up to it.",
        "Prints the rate table and the ratios to the baselines; writes HdrHistogram logs and SVG plots."})
final class BenchCommand implements Callable<Integer>
{
    @Option(names = "--rates", paramLabel = "R,R..", description = "Orders per second (default: ${DEFAULT-VALUE}).")
    String rates = LatencyHarness.DEFAULT_RATES;

    @Option(names = "--seconds", paramLabel = "S",
        description = "Seconds measured at each rate (default: ${DEFAULT-VALUE}).")
    int seconds = 3;

    @Option(names = "--warmup", paramLabel = "S",
        description = "Seconds of warm-up before each measurement (default: ${DEFAULT-VALUE}).")
    int warmup = 1;

    @Option(names = "--configs", paramLabel = "C,C..",
        description = "Gateway configurations: default (the builder's defaults), or mode:topology:wait such as "
            + "dedicated:compact:sleeping; add :ops for live counters, the admin endpoint and a scrape every second "
            + "(default: ${DEFAULT-VALUE}).")
    String configs = LatencyHarness.DEFAULT_CONFIGS;

    @Option(names = "--end-point", paramLabel = "E",
        description = "send (hand-off to a no-op adapter) or sim_ack (the sim broker's ack) (default: "
            + "${DEFAULT-VALUE}).")
    LatencyHarness.EndPoint endPoint = LatencyHarness.EndPoint.SEND;

    @Option(names = "--no-baselines", description = "Run only the gateway configurations.")
    boolean noBaselines;

    @Option(names = "--journal-dir", paramLabel = "DIR",
        description = "Where run journals go (default: the temporary directory; /dev/shm shows the cost without the "
            + "disk).")
    Path journalDir;

    @Option(names = "--only", paramLabel = "NAME,NAME..", split = ",",
        description = "Run only the targets whose names start with one of these, e.g. floor-chronicle,gateway-default.")
    java.util.List<String> only = java.util.List.of();

    @Option(names = "--output", paramLabel = "DIR",
        description = "Where results go (default: bench-results/<date-time>).")
    Path output;

    @Override
    public Integer call() throws Exception
    {
        if (seconds < 1 || warmup < 0)
        {
            throw new IllegalArgumentException("--seconds must be at least 1 and --warmup at least 0");
        }
        final Path out = output != null ? output : Path.of("bench-results",
            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        LatencyHarness.run(new LatencyHarness.Options(LatencyHarness.parseRates(rates), warmup, seconds,
            LatencyHarness.parseConfigs(configs), endPoint, !noBaselines, out, journalDir, only), System.out);
        return 0;
    }
}
