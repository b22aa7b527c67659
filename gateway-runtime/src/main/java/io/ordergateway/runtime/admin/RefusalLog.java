package io.ordergateway.runtime.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Warns of what the admin endpoint refuses, at most once a minute per kind of refusal: one line (never
 * a stack trace) with the peer, what was wrong, and how many more of that kind were refused quietly
 * since the last warning. A hostile client or a flood of connections cannot fill the log. Routine
 * closes (an idle keep-alive connection, a peer that resets) are not refusals and only logged at debug.
 * Never logs a token: the errors it is given name headers, not their secret values.
 */
final class RefusalLog
{
    /** What was refused. */
    enum Kind
    {
        /** Not valid HTTP: bad or conflicting Content-Length/Transfer-Encoding, bad chunking, bad target. */
        MALFORMED("a malformed request"),
        /** Request line, headers or body over the limits. */
        TOO_LARGE("a request over the size limits"),
        /** A {@code Host} that is not the endpoint's (DNS rebinding). */
        FOREIGN_HOST("a request for a foreign Host"),
        /** No or a wrong bearer token. */
        UNAUTHORIZED("an unauthorized request"),
        /** An action from another origin (a web page in a browser). */
        CROSS_ORIGIN("a cross-origin action"),
        /** Unknown, repeated or out-of-range parameters, or a body where none belongs. */
        BAD_PARAMETER("a request with bad parameters"),
        /** No endpoint there, or not with that method. */
        NO_SUCH_ENDPOINT("a request for no endpoint"),
        /** A connection over the cap. */
        CONNECTION_CAP("a connection over the cap"),
        /** A request not complete in time. */
        REQUEST_TIMEOUT("a request not complete in time"),
        /** The server socket could not accept (e.g. out of file descriptors). */
        ACCEPT_FAILED("a connection it could not accept"),
        /** A connection failed other than by the peer closing or resetting it. */
        CONNECTION_ERROR("a connection that failed");

        private final String what;

        Kind(final String what)
        {
            this.what = what;
        }
    }

    /** At most one warning per kind in this time. */
    static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

    private final LongSupplier nanoClock;
    private final Consumer<String> warn;
    private final long[] lastWarned = new long[Kind.values().length];
    private final boolean[] warned = new boolean[Kind.values().length];
    private final long[] quiet = new long[Kind.values().length];

    /** Warns through the admin server's logger, on the system's clock. */
    RefusalLog()
    {
        this(System::nanoTime, LOG::warn);
    }

    /**
     * @param nanoClock the clock that paces the warnings.
     * @param warn      where the warnings go.
     */
    RefusalLog(final LongSupplier nanoClock, final Consumer<String> warn)
    {
        this.nanoClock = nanoClock;
        this.warn = warn;
    }

    /**
     * @param kind  what was refused.
     * @param peer  who sent it (an address), or null.
     * @param error what was wrong.
     */
    void refused(final Kind kind, final Object peer, final String error)
    {
        final String line;
        synchronized (this)
        {
            final int k = kind.ordinal();
            final long now = nanoClock.getAsLong();
            if (warned[k] && now - lastWarned[k] < INTERVAL_NANOS)
            {
                quiet[k]++;
                return;
            }
            line = "admin endpoint refused " + kind.what + (peer == null ? "" : " from " + peer) + ": " + error
                + (quiet[k] == 0 ? "" : " (and " + quiet[k] + " more of this kind since the last warning)")
                + "; at most one such warning a minute";
            warned[k] = true;
            lastWarned[k] = now;
            quiet[k] = 0;
        }
        warn.accept(line);
    }

    /**
     * A routine close, at debug.
     *
     * @param peer who.
     * @param why  why.
     */
    void closed(final Object peer, final String why)
    {
        LOG.debug("admin endpoint closed the connection from {}: {}", peer, why);
    }
}
