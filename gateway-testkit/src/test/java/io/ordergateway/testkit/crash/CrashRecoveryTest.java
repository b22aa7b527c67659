package io.ordergateway.testkit.crash;

import io.ordergateway.testkit.alpaca.AlpacaSimulator;
import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.core.recovery.JournalReplayer;
import io.ordergateway.core.state.PortfolioSnapshot;
import io.ordergateway.journal.JournalReader;
import io.ordergateway.journal.sbe.OrderSentDecoder;
import io.ordergateway.journal.JournalDurability;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a gateway with SIGKILL while orders flow, and restarts it on the same journal, again and
 * again. The gateway runs in a child JVM ({@link CrashChild}); its broker, the Alpaca simulator or the FIX
 * counterparty, runs here, outside the child, behind a loopback socket, so it outlives every kill.
 *
 * <p>After each kill: every order the child was told was sent is in the journal, and no client
 * order id reached the broker twice. Each restart must pass the gateway's own start-up
 * reconciliation (which stops the start on any difference it cannot explain). At the end a clean
 * run settles, and the positions replayed from the journal alone equal the broker's.
 *
 * <p>Both durability modes: with {@code GROUP_COMMIT} the SENT report comes only after the journal is
 * forced, so the check is the same and must hold just as well. (A SIGKILL leaves the page cache
 * alone: what group commit adds, surviving a power loss, cannot be shown by killing a process.)
 *
 * <p>{@code -Dcrash.kills=N} sets the number of kills per mode (default 4); the README gives the long run.
 */
class CrashRecoveryTest
{
    private static final String KEY = "crash-key";
    private static final String SECRET = "crash-secret";
    private static final long CHILD_TIMEOUT_SECONDS = 60;

    @TempDir
    Path work;

    /** The broker outside the child, as the checks see it. */
    private interface Counterparty
    {
        /** @return what the child is given to reach it. */
        String address();

        /** @return how many times a client order id reached it again (not as a possible duplicate). */
        long duplicates();

        /** @return its positions by symbol (non-zero). */
        Map<String, Long> positions();

        /** @return the client order ids of its working orders. */
        List<String> openClientOrderIds();
    }

    private static SimBrokerConfig engine()
    {
        return SimBrokerConfig.defaults("engine")
            .withReferencePrices(Map.of("AAPL", 18_725_000_000L, "MSFT", 41_000_000_000L))
            .withLatency(200_000, 800_000) // executions come a little after the acceptance, so kills fall between them
            .withPriceMoves(0, 0)
            .withPartialFills(0.3, 3);
    }

    @ParameterizedTest
    @EnumSource(JournalDurability.class)
    void gatewayKilledAtRandomPointsLosesAndDoublesNothing(final JournalDurability durability) throws Exception
    {
        try (AlpacaSimulator broker =
            new AlpacaSimulator(AlpacaSimulator.Config.defaults(List.of("AAPL", "MSFT"), KEY, SECRET)
            .withEngine(engine()).withRateLimit(1_000_000, 60_000)).start(0))
        {
            killAndRestart(durability, Integer.getInteger("crash.kills", 4), new Counterparty()
            {
                @Override
                public String address()
                {
                    return broker.url().toString();
                }

                @Override
                public long duplicates()
                {
                    return broker.duplicatePosts() + broker.orderPostsByClientOrderId().values().stream()
                        .filter(count -> count != 1).count();
                }

                @Override
                public Map<String, Long> positions()
                {
                    return broker.positions();
                }

                @Override
                public List<String> openClientOrderIds()
                {
                    return broker.openClientOrderIds();
                }
            });
        }
    }

    @Test
    void gatewayKilledWhileTradingOverFixLosesAndDoublesNothing() throws Exception
    {
        try (io.ordergateway.testkit.fix.FixCounterparty broker = new io.ordergateway.testkit.fix.FixCounterparty(
            io.ordergateway.testkit.fix.FixCounterparty.Config.defaults(work.resolve("counterparty"),
            List.of("AAPL", "MSFT")).withEngine(engine())))
        {
            killAndRestart(JournalDurability.PAGE_CACHE, Integer.getInteger("crash.kills", 3), new Counterparty()
            {
                @Override
                public String address()
                {
                    return "fix://127.0.0.1:" + broker.port();
                }

                @Override
                public long duplicates()
                {
                    return broker.duplicatesRefused();
                }

                @Override
                public Map<String, Long> positions()
                {
                    final Map<String, Long> positions = new TreeMap<>();
                    broker.statement("fix", 0).positions().forEach(p -> positions.put(p.symbol(), p.quantity()));
                    return positions;
                }

                @Override
                public List<String> openClientOrderIds()
                {
                    return broker.statement("fix", 0).openOrders().stream()
                        .map(io.ordergateway.core.broker.BrokerStatement.OpenOrder::clientOrderId).toList();
                }
            });
        }
    }

    private void killAndRestart(final JournalDurability durability, final int kills, final Counterparty broker)
        throws Exception
    {
        final long seed = Long.getLong("crash.seed", System.nanoTime());
        final SplittableRandom random = new SplittableRandom(seed);
        final Path journal = work.resolve("journal");
        final Set<Long> sentEver = new HashSet<>();
        for (int k = 1; k <= kills; k++)
        {
            final Child child = Child.start(journal, broker.address(), 1_000_000, random.nextLong(), durability,
                work.resolve("child-" + k + ".err"));
            child.awaitLine("STARTED", seed);
            final int sentBeforeKill = 20 + random.nextInt(300);
            final Set<Long> sent = child.awaitSent(sentBeforeKill, seed);
            child.kill();
            sent.addAll(child.drainSent()); // lines already written before the kill
            sentEver.addAll(sent);

            final Set<Long> journaled = sentInJournal(journal);
            assertThat(journaled).as("kill %d (seed %d): every order reported sent is in the journal", k, seed)
                .containsAll(sentEver);
            assertThat(broker.duplicates()).as("kill %d (seed %d): no client order id reached the broker twice", k,
                seed).isZero();
        }
        final Child last = Child.start(journal, broker.address(), 0, 1, durability, work.resolve("child-final.err"));
        last.awaitLine("CLOSED", seed);
        assertThat(last.process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(last.process.exitValue()).as("final run's exit code; stderr: %s", last.errors()).isZero();

        assertThat(pausedDenials(journal)).as("seed %d: every restart traded (no order denied GATEWAY_PAUSED)",
            seed).isZero();
        final PortfolioSnapshot replayed = JournalReplayer.replay(journal);
        final Map<String, Long> journalPositions = new TreeMap<>();
        replayed.positions().stream().filter(p -> p.brokerId() == PortfolioSnapshot.TOTAL && p.quantity() != 0)
            .forEach(p -> journalPositions.put(p.symbol(), p.quantity()));
        assertThat(journalPositions).as("seed %d: positions replayed from the journal equal the broker's", seed)
            .isEqualTo(broker.positions());
        assertThat(replayed.openOrders().stream().map(o -> "crash-" + o.orderId()).sorted().toList())
            .as("seed %d: open orders in the journal equal the broker's", seed)
            .isEqualTo(broker.openClientOrderIds().stream().sorted().toList());
        assertThat(broker.duplicates()).isZero();
        System.out.printf("crash test: %d kills survived, %d orders sent, seed %d%n", kills, sentEver.size(), seed);
    }

    private static long pausedDenials(final Path journal)
    {
        final long[] paused = {0};
        try (JournalReader reader = new JournalReader(journal))
        {
            reader.readAll(new io.ordergateway.journal.JournalAdapter(new io.ordergateway.journal.JournalListener()
            {
                @Override
                public void onOrderDenied(final long sequence, final long timestamp, final long orderId,
                    final int command, final int reason, final int field, final long value, final long bound)
                {
                    if (reason == io.ordergateway.core.domain.RejectReason.GATEWAY_PAUSED.code())
                    {
                        paused[0]++;
                    }
                }
            }));
        }
        return paused[0];
    }

    private static Set<Long> sentInJournal(final Path journal)
    {
        final Set<Long> ids = new HashSet<>();
        final OrderSentDecoder decoder = new OrderSentDecoder();
        try (JournalReader reader = new JournalReader(journal))
        {
            reader.readAll((templateId, buffer, offset, blockLength, version, index) ->
            {
                if (templateId == OrderSentDecoder.TEMPLATE_ID)
                {
                    ids.add(decoder.wrap(buffer, offset, blockLength, version).orderId());
                }
            });
        }
        return ids;
    }

    /**
     * A gateway JVM and what it printed.
     */
    private static final class Child
    {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Path errors;

        private Child(final Process process, final Path errors)
        {
            this.process = process;
            this.errors = errors;
            final Thread reader = new Thread(() ->
            {
                try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
                {
                    String line;
                    while ((line = in.readLine()) != null)
                    {
                        lines.add(line);
                    }
                }
                catch (final java.io.IOException ignored)
                {
                    // the child was killed
                }
                lines.add("EOF");
            }, "crash-child-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(final Path journal, final String url, final int orders, final long seed,
            final JournalDurability durability, final Path errors) throws Exception
        {
            final List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
            {
                if (arg.startsWith("--add-") || arg.startsWith("--enable-native-access") || arg.startsWith("--sun-misc")
                    || arg.startsWith("-Dchronicle") || arg.startsWith("-Ddisable.perf"))
                {
                    command.add(arg);
                }
            }
            command.add("-Xmx256m");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(CrashChild.class.getName());
            command.add(journal.toString());
            command.add(url);
            command.add(Integer.toString(orders));
            command.add(Long.toString(seed));
            command.add(durability.name());
            final ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            builder.environment().put("ALPACA_API_KEY", KEY);
            builder.environment().put("ALPACA_SECRET_KEY", SECRET);
            return new Child(builder.start(), errors);
        }

        void awaitLine(final String expected, final long seed) throws Exception
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_SECONDS);
            while (true)
            {
                final String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null || line.equals("EOF"))
                {
                    process.destroyForcibly();
                    throw new AssertionError("child (seed " + seed + ") did not print " + expected + "; stderr:\n"
                        + errors());
                }
                if (line.startsWith(expected))
                {
                    return;
                }
            }
        }

        Set<Long> awaitSent(final int count, final long seed) throws Exception
        {
            final Set<Long> sent = new HashSet<>();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_SECONDS);
            while (sent.size() < count)
            {
                final String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null || line.equals("EOF"))
                {
                    process.destroyForcibly();
                    throw new AssertionError("child (seed " + seed + ") stopped after " + sent.size()
                        + " orders; stderr:\n" + errors());
                }
                if (line.startsWith("SENT "))
                {
                    sent.add(Long.parseLong(line.substring(5)));
                }
            }
            return sent;
        }

        void kill() throws InterruptedException
        {
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
            process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        Set<Long> drainSent() throws InterruptedException
        {
            final Set<Long> sent = new HashSet<>();
            while (true)
            {
                final String line = lines.poll(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (line == null || line.equals("EOF"))
                {
                    return sent;
                }
                if (line.startsWith("SENT "))
                {
                    sent.add(Long.parseLong(line.substring(5)));
                }
            }
        }

        String errors()
        {
            try
            {
                return Files.exists(errors) ? Files.readString(errors) : "";
            }
            catch (final java.io.IOException ex)
            {
                return ex.toString();
            }
        }
    }
}
