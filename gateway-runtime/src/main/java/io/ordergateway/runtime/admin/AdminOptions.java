package io.ordergateway.runtime.admin;

import java.time.Duration;
import java.util.List;

/**
 * The admin endpoint's limits, with sane defaults ({@link #DEFAULTS}): how many connections it holds
 * at once, how long a connection may sit idle, how long a request may take to arrive, how large its
 * headers and body may be, and which host names besides its own address it answers to.
 *
 * <p>Beyond {@code maxConnections} a new connection is closed at once; a connection with nothing read
 * or written for {@code idleTimeout} is closed; a request whose headers and body have not all arrived
 * {@code requestTimeout} after its first byte is answered 408 and closed. Headers larger than
 * {@code maxHeaderBytes} are answered 431, a body larger than {@code maxBodyBytes} 413 (no endpoint
 * takes a body; the limit only bounds what is read before refusing one).
 *
 * @param maxConnections the most connections open at once.
 * @param idleTimeout    how long a connection may do nothing.
 * @param requestTimeout how long a request may take to arrive, from its first byte.
 * @param maxHeaderBytes the most bytes of headers a request may have.
 * @param maxBodyBytes   the most bytes of body read before a request is refused as too large.
 * @param hostNames      further names the endpoint answers to in {@code Host} (e.g. a DNS name that points
 *                       at the machine), lower case, without port.
 */
public record AdminOptions(int maxConnections, Duration idleTimeout, Duration requestTimeout, int maxHeaderBytes,
    int maxBodyBytes, List<String> hostNames)
{
    /** 64 connections, 30 s idle, 10 s to send a request, 8 KiB of headers, 4 KiB of body, no further names. */
    public static final AdminOptions DEFAULTS =
        new AdminOptions(64, Duration.ofSeconds(30), Duration.ofSeconds(10), 8192, 4096, List.of());

    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException for a limit that is not positive, or a host name with a port or blank.
     */
    public AdminOptions
    {
        if (maxConnections < 1 || maxHeaderBytes < 1 || maxBodyBytes < 0)
        {
            throw new IllegalArgumentException("admin: maxConnections and maxHeaderBytes must be at least 1, "
                + "maxBodyBytes at least 0");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || requestTimeout.isNegative()
            || requestTimeout.isZero())
        {
            throw new IllegalArgumentException("admin: idleTimeout and requestTimeout must be positive");
        }
        hostNames = List.copyOf(hostNames);
        for (final String name : hostNames)
        {
            if (name.isBlank() || name.indexOf(':') >= 0 && !name.startsWith("["))
            {
                throw new IllegalArgumentException("admin: host name '" + name + "': expected a name without port");
            }
        }
    }

    /**
     * @param max the most connections open at once.
     * @return a copy with that cap.
     */
    public AdminOptions withMaxConnections(final int max)
    {
        return new AdminOptions(max, idleTimeout, requestTimeout, maxHeaderBytes, maxBodyBytes, hostNames);
    }

    /**
     * @param idle    how long a connection may do nothing.
     * @param request how long a request may take to arrive.
     * @return a copy with those timeouts.
     */
    public AdminOptions withTimeouts(final Duration idle, final Duration request)
    {
        return new AdminOptions(maxConnections, idle, request, maxHeaderBytes, maxBodyBytes, hostNames);
    }

    /**
     * @param names further names the endpoint answers to in {@code Host}.
     * @return a copy with those names.
     */
    public AdminOptions withHostNames(final List<String> names)
    {
        return new AdminOptions(maxConnections, idleTimeout, requestTimeout, maxHeaderBytes, maxBodyBytes, names);
    }
}
