package io.ordergateway.tools;

import io.ordergateway.core.metrics.CountersFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code gateway stat DIR}: a running gateway's live counters, read from its counters file by
 * another process, refreshed like {@code top}.
 */
@Command(
    name = "stat",
    mixinStandardHelpOptions = true,
    header = "Show a running gateway's live counters, refreshing.",
    description = "Orders in, sent, denied by reason, acks, fills, per-broker state, ring and journal, read from the "
    + "gateway's counters "
        + "file (DIR/" + CountersFile.DEFAULT_NAME + ", or the file itself) from another process, until Ctrl-C.")
final class StatCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "DIR", description = "The gateway's journal directory, or its counters file.")
    Path target;

    @Option(names = "--interval-ms", paramLabel = "MS", description = "Refresh interval (default: ${DEFAULT-VALUE}).")
    long intervalMillis = 1000;

    @Option(names = "--count", paramLabel = "N", description = "Refresh N times, then stop (default: until stopped).")
    long count = Long.MAX_VALUE;

    @Option(names = "--once", description = "Print once and stop.")
    boolean once;

    @Option(names = "--all", description = "Show counters that are zero too.")
    boolean all;

    @Override
    public Integer call()
    {
        final Path file = Files.isDirectory(target) ? target.resolve(CountersFile.DEFAULT_NAME) : target;
        final PrintStream out = System.out;
        final boolean console = System.console() != null;
        final long rounds = once ? 1 : count;
        Map<String, Long> previous = new HashMap<>();
        try (CountersFile.Reader reader = CountersFile.open(file))
        {
            for (long round = 0; round < rounds; round++)
            {
                final Map<String, Long> values = reader.values();
                final StringBuilder screen = new StringBuilder();
                if (console && !once)
                {
                    screen.append("\033[H\033[2J");
                }
                final long heartbeat = reader.heartbeatMillis();
                final long now = System.currentTimeMillis();
                final String state = heartbeat == 0 ? "closed"
                    : now - heartbeat > 5_000 ? "not updating for " + (now - heartbeat) / 1000 + " s (stopped?)"
                    : "running";
                screen.append(String.format("gateway pid %d, started %s, %s (%s)%n%n", reader.pid(),
                    Duration.ofMillis(now - reader.startMillis()).toSeconds() + " s ago", state, file));
                final TextTable table = new TextTable("counter", "value", "per second");
                for (final Map.Entry<String, Long> e : values.entrySet())
                {
                    if (all || e.getValue() != 0 || !e.getKey().startsWith("denied"))
                    {
                        final Long before = previous.get(e.getKey());
                        table.row(e.getKey(), String.format("%,d", e.getValue()),
                            before == null ? "" :
                            String.format("%,.0f", (e.getValue() - before) * 1000.0 / intervalMillis));
                    }
                }
                final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
                table.print(new PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
                screen.append(buffer.toString(java.nio.charset.StandardCharsets.UTF_8));
                out.print(screen);
                out.flush();
                previous = values;
                if (round + 1 < rounds)
                {
                    LockSupport.parkNanos(intervalMillis * 1_000_000L); // the refresh interval, not synchronisation
                }
            }
        }
        return 0;
    }
}
