package io.ordergateway.tools;

import picocli.CommandLine.Command;

/**
 * {@code gateway journal ...}: tools for the journal.
 */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    header = "Read, dump and replay a gateway journal.",
    subcommands = {JournalDumpCommand.class, JournalReplayCommand.class, JournalReconcileCommand.class,
        JournalVerifyCommand.class,
    JournalReportCommand.class})
final class JournalCommand
{
}
