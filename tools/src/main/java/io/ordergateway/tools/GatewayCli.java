package io.ordergateway.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gateway} command line.
 */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    version = "gateway 0.1.0",
    header = "Low-latency order gateway: run the demo, read the journal, benchmark, serve the Alpaca simulator.",
    subcommands = {DemoCommand.class, JournalCommand.class, ReportCommand.class, StatCommand.class, BenchCommand.class,
    AlpacaSimCommand.class, FixSimCommand.class, BrokerCommand.class,
        CommandLine.HelpCommand.class})
public final class GatewayCli
{
    private GatewayCli()
    {
    }

    /**
     * Runs a command and exits with its code. Errors are printed as one line, never a stack trace.
     *
     * @param args the command line.
     */
    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    /**
     * Runs a command.
     *
     * @param args the command line.
     * @return the exit code: 0 success, 1 the command found a problem, 2 usage or runtime error.
     */
    public static int run(final String... args)
    {
        final CommandLine cli = new CommandLine(new GatewayCli());
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) ->
        {
            cmd.getErr().println("gateway: "
                + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
            return 2;
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
    }
}
