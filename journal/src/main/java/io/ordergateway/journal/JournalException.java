package io.ordergateway.journal;

/**
 * A journal cannot be opened or read: missing, corrupt, or written by a newer schema. The message
 * says which and where; callers at the edge print it without a stack trace.
 */
public final class JournalException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where.
     */
    public JournalException(final String message)
    {
        super(message);
    }
}
