package io.ordergateway.tools;

import picocli.CommandLine.Command;

/**
 * {@code gateway journal report ...}: reports computed from a journal.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    header = "Reports computed from a journal.",
    subcommands = {TradesReportCommand.class})
final class JournalReportCommand
{
}
