package io.ordergateway.tools;

import io.ordergateway.adapters.sim.SimBrokerConfig;
import io.ordergateway.testkit.fix.FixCounterparty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code gateway fix-sim}: a FIX 4.2/4.4 counterparty (QuickFIX/J, filling from the simulated engine) as a server of
 * its own, for {@code gateway demo --config F} with a {@code type: fix} broker, or any other FIX initiator. Its
 * message store is on disk, so stopping and starting it on the same {@code --store} keeps the sessions' sequence
 * numbers. Faults are switched on by options; the broker statement it writes is what {@code journal reconcile}
 * compares the gateway's journal with.
 */
@Command(
    name = "fix-sim",
    mixinStandardHelpOptions = true,
    header = "Serve a FIX 4.2/4.4 counterparty that fills orders, on a loopback port.",
    description = "Accepts FIX.4.4 and FIX.4.2 sessions from --target to --sender. Logon credentials, when "
        + "FIX_SIM_USERNAME and FIX_SIM_PASSWORD are set, must match them. Stops on Ctrl-C or after --seconds.")
final class FixSimCommand implements Callable<Integer>
{
    @Option(names = "--port", paramLabel = "P", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port = 9878;

    @Option(names = "--sender", paramLabel = "ID",
        description = "The counterparty's CompID (default: ${DEFAULT-VALUE}).")
    String sender = "SIM";

    @Option(names = "--target", paramLabel = "ID", description = "The gateway's CompID (default: ${DEFAULT-VALUE}).")
    String target = "GATEWAY";

    @Option(names = "--store", paramLabel = "DIR",
        description = "Where sessions keep sequence numbers and messages (default: ${DEFAULT-VALUE}).")
    Path store = Path.of("fix-sim-store");

    @Option(names = "--symbols", split = ",", paramLabel = "S", description = "Tradable symbols (default: the demo's).")
    List<String> symbols = List.of("AAPL", "MSFT", "GOOG", "AMZN", "TSLA", "NVDA");

    @Option(names = "--seed", description = "Seed of prices and fills (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--seconds", paramLabel = "N", description = "Stop after N seconds (default: run until stopped).")
    long seconds;

    @Option(names = "--statement", paramLabel = "FILE",
        description = "Write the counterparty's positions and working orders here, every second and at the end, as "
            + "the broker statement `journal reconcile --statement` reads.")
    Path statement;

    @Option(names = "--broker-name", paramLabel = "NAME",
        description = "The broker's name in the gateway, for the statement (default: ${DEFAULT-VALUE}).")
    String brokerName = "fix";

    @Option(names = "--broker-id", paramLabel = "N",
        description = "The broker's id in the gateway, for the statement (default: ${DEFAULT-VALUE}).")
    int brokerId;

    @Option(names = "--drop-every", paramLabel = "S",
        description = "Drop every session each S seconds (default: never).")
    long dropEvery;

    @Option(names = "--refuse-logons", description = "Answer every logon with a logout.")
    boolean refuseLogons;

    @Option(names = "--swallow-answers", description = "Execute orders but send no ExecutionReport for them.")
    boolean swallowAnswers;

    @Option(names = "--reject-cancels", description = "Refuse every cancel with a BusinessMessageReject.")
    boolean rejectCancels;

    @Option(names = "--no-status-requests", description = "Refuse OrderStatusRequests with a BusinessMessageReject.")
    boolean noStatusRequests;

    @Option(names = "--skip-sequence-numbers", paramLabel = "N",
        description = "After each drop (see --drop-every), skip N outgoing sequence numbers once logged on again.")
    int skip;

    @Option(names = "--verbose", description = "Log every message and session event.")
    boolean verbose;

    @Override
    public Integer call() throws Exception
    {
        if (port < 1 || port > 65_535 || dropEvery < 0 || skip < 0)
        {
            throw new IllegalArgumentException("--port must be 1 to 65535, --drop-every and --skip-sequence-numbers "
                + "not negative");
        }
        final Map<String, String> env = System.getenv();
        final String user = env.get("FIX_SIM_USERNAME");
        final String password = env.get("FIX_SIM_PASSWORD");
        FixCounterparty.Config config = new FixCounterparty.Config(port, sender, target, store, symbols,
            SimBrokerConfig.defaults("fix-sim").withReferencePrices(DemoCommand.prices()).withSeed(seed), null, null);
        if (user != null && !user.isBlank() && password != null)
        {
            config = config.withCredentials(user, password);
        }
        final FixCounterparty counterparty = new FixCounterparty(config, verbose);
        counterparty.refuseLogons(refuseLogons);
        counterparty.swallowAnswers(swallowAnswers);
        counterparty.rejectCancels(rejectCancels);
        counterparty.answerStatusRequests(!noStatusRequests);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            writeStatement(counterparty);
            counterparty.close();
            stopped.countDown();
        }, "fix-sim-stop"));
        System.out.printf("FIX counterparty %s on 127.0.0.1:%d for %s (FIX.4.4 and FIX.4.2), symbols %s, store %s%s%n",
            sender, port, target, String.join(",", symbols), store, user == null ? "" : ", credentials required");
        final long end = seconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds) : Long.MAX_VALUE;
        long nextDrop = dropEvery > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(dropEvery) : Long.MAX_VALUE;
        boolean skipPending = false;
        // the operator's loop: once a second, the statement; on schedule, the faults
        while (!stopped.await(1, TimeUnit.SECONDS) && System.nanoTime() - end < 0)
        {
            writeStatement(counterparty);
            if (System.nanoTime() - nextDrop >= 0)
            {
                counterparty.dropSessions();
                nextDrop = System.nanoTime() + TimeUnit.SECONDS.toNanos(dropEvery);
                skipPending = skip > 0;
            }
            else if (skipPending && counterparty.loggedOn())
            {
                counterparty.skipSequenceNumbers(skip);
                skipPending = false;
            }
        }
        if (stopped.getCount() > 0)
        {
            writeStatement(counterparty);
            counterparty.close();
        }
        return 0;
    }

    private void writeStatement(final FixCounterparty counterparty)
    {
        if (statement == null)
        {
            return;
        }
        try
        {
            final Path tmp = statement.resolveSibling(statement.getFileName() + ".tmp");
            StatementFiles.write(tmp, counterparty.statement(brokerName, brokerId));
            java.nio.file.Files.move(tmp, statement, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final java.io.IOException ex)
        {
            System.err.println("fix-sim: cannot write the statement " + statement + ": " + ex.getMessage());
        }
    }
}
