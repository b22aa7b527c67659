package io.ordergateway.tools;

import picocli.CommandLine.Command;

/**
 * {@code gateway report ...}: reports over a journal.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    header = "Reports over a gateway journal: brokers compared (trades are under 'journal report trades').",
    subcommands = {ReportBrokersCommand.class})
final class ReportCommand
{
}
