package io.ordergateway.journal;

/**
 * A journal cannot be opened or read: missing, damaged, or written by a newer schema. The message
 * says which and where (cycle file, document index, byte offset); callers at the edge print it
 * without a stack trace. {@link #isDamage()} tells damage (the journal's bytes are wrong) from the
 * rest.
 */
public final class JournalException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final boolean damage;

    /**
     * @param message what is wrong and where.
     */
    public JournalException(final String message)
    {
        this(message, false);
    }

    /**
     * @param message what is wrong and where.
     * @param damage  true when the journal's content is damaged (a bad checksum, an impossible
     *                header, a truncated or foreign file), not merely absent or too new.
     */
    public JournalException(final String message, final boolean damage)
    {
        super(message);
        this.damage = damage;
    }

    /**
     * @param message what is damaged and where.
     * @return a damage exception.
     */
    public static JournalException damaged(final String message)
    {
        return new JournalException(message, true);
    }

    /**
     * @return true when the journal's bytes are damaged.
     */
    public boolean isDamage()
    {
        return damage;
    }
}
