package io.ordergateway.tools;

import picocli.CommandLine.Command;

/**
 * {@code gateway journal ...}: tools for the journal.
 */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = "Read a gateway journal.",
    subcommands = {JournalDumpCommand.class})
final class JournalCommand
{
}
