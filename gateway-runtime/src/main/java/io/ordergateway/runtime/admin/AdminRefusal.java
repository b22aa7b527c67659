package io.ordergateway.runtime.admin;

/**
 * A request refused before anything acted: its status, what was wrong and where (the JSON
 * {@code {"error": ...}}), the kind of refusal (for the rate-limited warning), whether the connection
 * is closed after the answer (when the byte stream can no longer be trusted), and at most one header to
 * send with it ({@code WWW-Authenticate}, {@code Allow}). Carries no stack trace: a refusal is the
 * endpoint doing its job, not a fault.
 */
final class AdminRefusal extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int status;
    private final RefusalLog.Kind kind;
    private final boolean close;
    private final String header;
    private final String headerValue;

    AdminRefusal(final int status, final RefusalLog.Kind kind, final String error)
    {
        this(status, kind, error, false, null, null);
    }

    AdminRefusal(final int status, final RefusalLog.Kind kind, final String error, final boolean close,
        final String header, final String headerValue)
    {
        super(error, null, false, false);
        this.status = status;
        this.kind = kind;
        this.close = close;
        this.header = header;
        this.headerValue = headerValue;
    }

    /** @return the HTTP status. */
    int status()
    {
        return status;
    }

    /** @return the kind, for the log. */
    RefusalLog.Kind kind()
    {
        return kind;
    }

    /** @return whether the connection is closed after the answer. */
    boolean closes()
    {
        return close;
    }

    /** @return a header to answer with, or null. */
    String header()
    {
        return header;
    }

    /** @return its value. */
    String headerValue()
    {
        return headerValue;
    }

    /**
     * @param text what a client sent, to quote in an error.
     * @return it, cut to 64 characters.
     */
    static String quote(final String text)
    {
        return "'" + (text.length() > 64 ? text.substring(0, 64) + "..." : text) + "'";
    }
}
