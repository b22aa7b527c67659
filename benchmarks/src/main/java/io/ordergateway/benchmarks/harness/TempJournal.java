package io.ordergateway.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A journal directory for one run, deleted afterwards.
 */
final class TempJournal
{
    private static volatile Path base;

    private TempJournal()
    {
    }

    /**
     * @param directory where run journals are made (default: the JVM's temporary directory).
     */
    static void base(final Path directory)
    {
        base = directory;
    }

    static Path create()
    {
        try
        {
            final Path where = base;
            if (where == null)
            {
                return Files.createTempDirectory("harness-journal");
            }
            Files.createDirectories(where);
            return Files.createTempDirectory(where, "harness-journal");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static void delete(final Path dir)
    {
        if (dir == null)
        {
            return;
        }
        try (Stream<Path> files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (final IOException ex)
        {
            // a leftover temp directory is not worth failing a benchmark for
        }
    }
}
