package io.ordergateway.journal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rule for every file the gateway writes beside its journal (counters, the issued-ids mark):
 * it starts with its own magic number, and the gateway replaces a file only if it is its own kind,
 * or empty, and never under a name Chronicle uses ({@code *.cq4}, {@code *.cq4t}). So a setting
 * pointed at the wrong file ({@code counters.file: metadata.cq4t}) is refused instead of destroying
 * the journal.
 */
public final class OwnedFile
{
    private OwnedFile()
    {
    }

    /**
     * @param file a file's path.
     * @return true if its name is one Chronicle uses for a journal's files ({@code *.cq4}, {@code *.cq4t}).
     */
    public static boolean isJournalFileName(final Path file)
    {
        final Path name = file.getFileName();
        return name != null && (name.toString().endsWith(".cq4") || name.toString().endsWith(".cq4t"));
    }

    /**
     * @param file  the file about to be (re)created.
     * @param magic the first four bytes (little-endian int) of a file of this kind.
     * @param what  what the file is, for the message.
     * @throws IllegalArgumentException if the name is Chronicle's or the file exists and is another kind.
     */
    public static void checkReplaceable(final Path file, final int magic, final String what)
    {
        if (isJournalFileName(file))
        {
            throw new IllegalArgumentException(what + " " + file + ": the name is a journal file's (*.cq4, *.cq4t); "
                + "choose another name, e.g. gateway.counters");
        }
        if (!Files.exists(file))
        {
            return;
        }
        if (Files.isDirectory(file))
        {
            throw new IllegalArgumentException(what + " " + file + ": is a directory");
        }
        try (InputStream in = Files.newInputStream(file))
        {
            final byte[] head = in.readNBytes(4);
            if (head.length == 0)
            {
                return; // empty: nothing to lose
            }
            if (head.length < 4 || ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt() != magic)
            {
                throw new IllegalArgumentException(what + " " + file + ": the file exists and is not a " + what
                    + " (its first bytes are not one's magic number); the gateway will not overwrite it");
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException(what + " " + file + ": cannot be read to check it is one: "
                + ex.getMessage());
        }
    }
}
